package dev.journeykpi.calc;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.TextKey;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A column compared with another column of the same row ({@code resolved_at: {lt: {column:
 * due_at}}}). A blank on either side never matches, as a blank cell never matches a written value.
 * Dates and date-times compare with each other, a date counting as its midnight; texts compare as
 * filters compare texts: trimmed, NFC (as imported) and without case.
 */
final class ColumnComparison {
  private ColumnComparison() {}

  static FilterCompiler.RowTest test(Table t, Filter.Compare c) {
    Column<?> a = t.column(c.column());
    Column<?> b = t.column(c.other());
    Filter.Op op = c.op();
    if (a instanceof DoubleColumn x && b instanceof DoubleColumn y) {
      return row -> {
        double u = x.getDouble(row);
        double v = y.getDouble(row);
        return !Double.isNaN(u) && !Double.isNaN(v) && verdict(Double.compare(u, v), op);
      };
    }
    if (isTime(a) && isTime(b)) {
      return row -> {
        long u = Cells.packedTime(a, row);
        long v = Cells.packedTime(b, row);
        return u != Cells.MISSING_TIME
            && v != Cells.MISSING_TIME
            && verdict(Long.compare(u, v), op);
      };
    }
    if (a instanceof StringColumn x && b instanceof StringColumn y) {
      // Each dictionary key becomes the number of its lower-cased text, shared by both columns: per
      // row two ints are compared, no String is made.
      Map<String, Integer> ids = new HashMap<>();
      FilterCompiler.RowTest blankX = FilterCompiler.blank(x);
      FilterCompiler.RowTest blankY = FilterCompiler.blank(y);
      TextIds idsX = new TextIds(x, ids);
      TextIds idsY = new TextIds(y, ids);
      return row ->
          !blankX.test(row)
              && !blankY.test(row)
              && verdict(idsX.at(row) == idsY.at(row) ? 0 : 1, op);
    }
    if (a instanceof BooleanColumn x && b instanceof BooleanColumn y) {
      byte missing = tech.tablesaw.columns.booleans.BooleanColumnType.missingValueIndicator();
      return row -> {
        byte u = x.getByte(row);
        byte v = y.getByte(row);
        return u != missing && v != missing && verdict(u == v ? 0 : 1, op);
      };
    }
    // The binder refuses columns of different types; only an undeclared source could get here.
    throw new IllegalArgumentException(
        "cannot compare column '"
            + c.column()
            + "' ("
            + a.type()
            + ") with column '"
            + c.other()
            + "' ("
            + b.type()
            + ")");
  }

  private static boolean isTime(Column<?> c) {
    return c instanceof DateColumn || c instanceof DateTimeColumn;
  }

  /** cmp: the first column against the other (texts and yes/no: 0 equal, 1 different). */
  private static boolean verdict(int cmp, Filter.Op op) {
    return switch (op) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case GT -> cmp > 0;
      case GTE -> cmp >= 0;
      case LT -> cmp < 0;
      case LTE -> cmp <= 0;
      default -> throw new IllegalArgumentException(op.yaml + " does not compare two columns");
    };
  }

  /**
   * A text column's cells as numbers, equal when the texts are equal without case (NFC, as filters
   * compare the parts of a text: cells as they are, not trimmed again).
   */
  private static final class TextIds {
    private final StringColumn column;
    private final Map<String, Integer> ids;
    private final it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap byKey =
        new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();

    TextIds(StringColumn column, Map<String, Integer> ids) {
      this.column = column;
      this.ids = ids;
      byKey.defaultReturnValue(-1);
    }

    int at(int row) {
      var dict = column.getDictionary();
      int key = dict.getKeyAtIndex(row);
      int id = byKey.get(key);
      if (id < 0) {
        String text = TextKey.ofPart(dict.getValueForKey(key));
        id = ids.computeIfAbsent(text, k -> ids.size());
        byKey.put(key, id);
      }
      return id;
    }
  }
}
