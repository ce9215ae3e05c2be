package dev.journeykpi.calc;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.TextKey;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Turns a structured {@link Filter} into a Tablesaw {@link Selection}.
 *
 * <p>Semantics, as {@code kpi explain} states them: text comparisons ignore case; a blank cell
 * matches only {@code is_null} (so {@code not: low} keeps rows with another priority, not rows
 * without one, as in SQL); ordered comparisons work on numbers, durations, dates and date-times.
 * {@code not} over a condition or group keeps the rows where it is false, never the blank rows it
 * cannot judge (SQL's three-valued NOT); a column compared with another ({@link ColumnComparison})
 * cannot judge a row blank on either side. An {@code expr:} keeps the rows where it is true; where
 * it is blank (it read a blank) it is neither true nor false.
 */
public final class FilterCompiler {
  private FilterCompiler() {}

  public static Selection select(Table t, Filter f) {
    return new BitmapBackedSelection(rows(t, f));
  }

  /** The rows the filter keeps, ascending. */
  public static int[] rows(Table t, Filter f) {
    if (f instanceof Filter.All all && all.parts().isEmpty()) { // no filter: every row
      int[] every = new int[t.rowCount()];
      for (int row = 0; row < every.length; row++) every[row] = row;
      return every;
    }
    boolean[] keep = mask(t, f);
    int n = 0;
    for (boolean k : keep) {
      if (k) n++;
    }
    int[] out = new int[n];
    for (int row = 0, i = 0; i < n; row++) {
      if (keep[row]) out[i++] = row;
    }
    return out;
  }

  /**
   * Whether the filter keeps each row of the table. Masks rather than Tablesaw selections: the KPIs
   * ask "is this row in?" of a million rows, and a bitmap built from the rows and read back cost
   * more than the tests themselves.
   */
  public static boolean[] mask(Table t, Filter f) {
    return truth(t, f, false).yes();
  }

  /**
   * Where a filter is true ({@code yes}) and where it is false ({@code no}, computed only when a
   * {@code not} above asks for it). A row in neither is one the filter cannot judge: a blank cell
   * compared with a value or with another column. {@code not} swaps the two, so it never brings
   * back such a row; {@code all_of} and {@code any_of} combine them as SQL's AND and OR do.
   */
  private record Truth(boolean[] yes, boolean[] no) {}

  private static Truth truth(Table t, Filter f, boolean wantNo) {
    int n = t.rowCount();
    if (f instanceof Filter.Not not) {
      Truth inner = truth(t, not.inner(), true);
      return new Truth(inner.no(), inner.yes());
    }
    if (f instanceof Filter.All all) {
      boolean[] yes = new boolean[n];
      java.util.Arrays.fill(yes, true);
      boolean[] no = wantNo ? new boolean[n] : null;
      for (Filter part : all.parts()) {
        Truth p = truth(t, part, wantNo);
        for (int row = 0; row < n; row++) yes[row] &= p.yes()[row];
        if (wantNo) {
          for (int row = 0; row < n; row++) no[row] |= p.no()[row];
        }
      }
      return new Truth(yes, no);
    }
    if (f instanceof Filter.Any any) {
      boolean[] yes = new boolean[n];
      boolean[] no = null;
      if (wantNo) {
        no = new boolean[n];
        java.util.Arrays.fill(no, true);
      }
      for (Filter part : any.parts()) {
        Truth p = truth(t, part, wantNo);
        for (int row = 0; row < n; row++) yes[row] |= p.yes()[row];
        if (wantNo) {
          for (int row = 0; row < n; row++) no[row] &= p.no()[row];
        }
      }
      return new Truth(yes, no);
    }
    if (f instanceof Filter.Expression x) {
      // Evaluated over whole columns at once (as derived columns are), not row by row.
      byte[] truth = DerivedColumns.truth(t, x.expr());
      boolean[] yes = new boolean[n];
      for (int row = 0; row < n; row++) yes[row] = truth[row] == 1;
      boolean[] no = null;
      if (wantNo) {
        no = new boolean[n];
        for (int row = 0; row < n; row++) no[row] = truth[row] == 0;
      }
      return new Truth(yes, no);
    }
    RowTest test;
    RowTest unknown;
    if (f instanceof Filter.Compare c) {
      test = ColumnComparison.test(t, c);
      RowTest a = blank(t.column(c.column()));
      RowTest b = blank(t.column(c.other()));
      unknown = row -> a.test(row) || b.test(row);
    } else {
      Filter.Condition c = (Filter.Condition) f;
      test = condition(t, c);
      // is_null and not_null judge every row; any other test cannot judge a blank cell.
      unknown =
          c.op() == Filter.Op.IS_NULL || c.op() == Filter.Op.NOT_NULL
              ? row -> false
              : blank(t.column(c.column()));
    }
    boolean[] yes = new boolean[n];
    for (int row = 0; row < n; row++) yes[row] = test.test(row);
    boolean[] no = null;
    if (wantNo) {
      no = new boolean[n];
      for (int row = 0; row < n; row++) no[row] = !yes[row] && !unknown.test(row);
    }
    return new Truth(yes, no);
  }

  /** Whether a row's cell is blank; a text column compares dictionary keys, no String per row. */
  static RowTest blank(Column<?> col) {
    if (col instanceof StringColumn s) {
      var dict = s.getDictionary();
      java.util.OptionalInt blank = Cells.blankKey(s);
      if (blank.isEmpty()) return row -> false;
      int blankKey = blank.getAsInt();
      return row -> dict.getKeyAtIndex(row) == blankKey;
    }
    return row -> Cells.isBlank(col, row);
  }

  interface RowTest {
    boolean test(int row);
  }

  private static RowTest condition(Table t, Filter.Condition c) {
    Column<?> col = t.column(c.column());
    if ((c.op() == Filter.Op.IS_NULL || c.op() == Filter.Op.NOT_NULL)
        && col instanceof StringColumn s) {
      // Text is blank when it is the empty string (Cells.isBlank): compare dictionary keys, no
      // String per row.
      var dict = s.getDictionary();
      java.util.OptionalInt blank = Cells.blankKey(s);
      boolean wantBlank = c.op() == Filter.Op.IS_NULL;
      if (blank.isEmpty()) return row -> !wantBlank;
      int blankKey = blank.getAsInt();
      return row -> (dict.getKeyAtIndex(row) == blankKey) == wantBlank;
    }
    if (c.op() == Filter.Op.IS_NULL) return row -> Cells.isBlank(col, row);
    if (c.op() == Filter.Op.NOT_NULL) return row -> !Cells.isBlank(col, row);
    if (col instanceof StringColumn s) return text(s, c);
    if (col instanceof DoubleColumn d) {
      double[] v = c.values().stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
      return row -> {
        double x = d.getDouble(row);
        return !Double.isNaN(x)
            && ordered(
                Double.compare(x, v[0]),
                v.length > 1 ? Double.compare(x, v[1]) : 0,
                c.op(),
                () -> contains(v, x));
      };
    }
    if (col instanceof BooleanColumn b) {
      boolean want = c.values().isEmpty() || Boolean.TRUE.equals(c.values().get(0));
      // The verdict for false and for true, decided once: per row only the stored byte is read.
      boolean[] accept = new boolean[2];
      for (boolean x : new boolean[] {false, true}) {
        accept[x ? 1 : 0] =
            c.op() == Filter.Op.NE
                ? x != want
                : (c.op() == Filter.Op.NOT_IN ? !c.values().contains(x) : c.values().contains(x));
      }
      byte missing = tech.tablesaw.columns.booleans.BooleanColumnType.missingValueIndicator();
      return row -> {
        byte x = b.getByte(row);
        return x != missing && accept[x == 1 ? 1 : 0];
      };
    }
    if (col instanceof DateColumn || col instanceof DateTimeColumn) {
      long[] v = c.values().stream().mapToLong(FilterCompiler::packedTime).toArray();
      return row -> {
        long x = Cells.packedTime(col, row);
        return x != Cells.MISSING_TIME
            && ordered(
                Long.compare(x, v[0]),
                v.length > 1 ? Long.compare(x, v[1]) : 0,
                c.op(),
                () -> java.util.Arrays.stream(v).anyMatch(y -> y == x));
      };
    }
    throw new IllegalArgumentException(
        "cannot filter column '" + c.column() + "' of type " + col.type());
  }

  private static boolean contains(double[] v, double x) {
    for (double y : v) {
      if (y == x) return true;
    }
    return false;
  }

  /** cmp0: value vs first operand; cmp1: value vs second (between). */
  static boolean ordered(
      int cmp0, int cmp1, Filter.Op op, java.util.function.BooleanSupplier inList) {
    return switch (op) {
      case EQ -> cmp0 == 0;
      case NE -> cmp0 != 0;
      case GT -> cmp0 > 0;
      case GTE -> cmp0 >= 0;
      case LT -> cmp0 < 0;
      case LTE -> cmp0 <= 0;
      case BETWEEN -> cmp0 >= 0 && cmp1 <= 0;
      case IN -> inList.getAsBoolean();
      case NOT_IN -> !inList.getAsBoolean();
      default -> false;
    };
  }

  private static RowTest text(StringColumn s, Filter.Condition c) {
    // The written texts arrive trimmed (whole values) and in NFC from the binder, the cells were
    // imported so: both sides keyed as parts of a text (no trim), which for whole values is
    // TextKey.of.
    List<String> wanted = c.values().stream().map(x -> TextKey.ofPart(String.valueOf(x))).toList();
    // A pattern sees the cell as imported (trimmed, NFC), not lower-cased: it ignores case itself,
    // and (?-i) can turn that off.
    List<java.util.regex.Pattern> patterns =
        c.op() == Filter.Op.MATCHES
            ? c.values().stream()
                .map(x -> java.util.regex.Pattern.compile((String) x, Filter.REGEX_FLAGS))
                .toList()
            : List.of();
    // The column is dictionary-encoded: decide once per dictionary key, not once per row (no String
    // per row). Verdicts of keys in a short's range (every column with fewer than 32,768 distinct
    // values) sit in an array.
    var dict = s.getDictionary();
    byte[] near = new byte[1 << 16];
    it.unimi.dsi.fastutil.ints.Int2ByteOpenHashMap far =
        new it.unimi.dsi.fastutil.ints.Int2ByteOpenHashMap();
    return row -> {
      int key = dict.getKeyAtIndex(row);
      int slot = key + (1 << 15);
      boolean isNear = (slot & ~0xffff) == 0;
      byte verdict = isNear ? near[slot] : far.get(key);
      if (verdict == 0) {
        String v = dict.getValueForKey(key);
        verdict =
            !v.isEmpty()
                    && (c.op() == Filter.Op.MATCHES
                        ? patterns.stream().anyMatch(p -> p.matcher(v).find())
                        : matches(TextKey.ofPart(v), c.op(), wanted))
                ? (byte) 1
                : (byte) 2;
        if (isNear) near[slot] = verdict;
        else far.put(key, verdict);
      }
      return verdict == 1;
    };
  }

  private static boolean matches(String x, Filter.Op op, List<String> wanted) {
    return switch (op) {
      case EQ, IN -> wanted.contains(x);
      case NE, NOT_IN -> !wanted.contains(x);
      case CONTAINS -> x.contains(wanted.get(0));
      case STARTS_WITH -> wanted.stream().anyMatch(x::startsWith);
      case ENDS_WITH -> wanted.stream().anyMatch(x::endsWith);
      case GT -> x.compareTo(wanted.get(0)) > 0;
      default -> false;
    };
  }

  private static long packedTime(Object v) {
    if (v instanceof LocalDateTime t) return Cells.packed(t);
    if (v instanceof LocalDate d) return Cells.packed(d.atStartOfDay());
    throw new IllegalArgumentException("not a date: " + v);
  }
}
