package dev.journeykpi.config;

import java.util.List;
import java.util.Set;

/**
 * Binds a condition comparing a column with another column of the same row ({@code resolved_at:
 * {lt: {column: due_at}}}): the other column must exist and be of a comparable type, and the
 * operator one that compares two columns.
 */
final class ColumnComparisons {
  private final Diagnostics d;

  ColumnComparisons(Diagnostics d) {
    this.d = d;
  }

  /** {@code column: {lt: {column: other}}}: a comparison with another column of the same row. */
  void compare(
      String column,
      ValueType type,
      Filter.Op op,
      YNode.Entry oe,
      YNode.YMap value,
      java.util.Map<String, ColumnDef> columns,
      List<Filter> out) {
    YNode.Entry named = value.entries().get("column");
    if (value.entries().size() != 1
        || named == null
        || !(named.value() instanceof YNode.YScalar s)
        || s.isNull()) {
      d.error(
          value.location(),
          op.yaml
              + " on '"
              + column
              + "' takes a value or another column, as in {"
              + op.yaml
              + ": {column: due_at}}");
      return;
    }
    String other = s.text().trim();
    if (!COMPARES_COLUMNS.contains(op)) {
      d.error(
          oe.keyLocation(),
          "'"
              + op.yaml
              + "' cannot compare '"
              + column
              + "' with another column; eq, not, gt, gte, lt and lte can");
      return;
    }
    ValueType otherType = ValueType.STRING;
    if (columns != null) {
      ColumnDef def = columns.get(other);
      if (def == null) {
        d.error(
            s.location(),
            "condition on '"
                + column
                + "' compares with unknown column '"
                + other
                + "'"
                + Suggestions.hint(other, columns.keySet())
                + "; columns: "
                + String.join(", ", columns.keySet()));
        return;
      }
      otherType = def.type();
    }
    boolean comparable = type == otherType || (type.isTemporal() && otherType.isTemporal());
    if (!comparable) {
      d.error(
          s.location(),
          "'"
              + column
              + "' ("
              + type.yamlName()
              + ") cannot be compared with '"
              + other
              + "' ("
              + otherType.yamlName()
              + "): compare numbers with numbers, durations with durations, dates and date-times"
              + " with each other, texts with texts");
      return;
    }
    if (!FilterBinder.fits(op, type)) {
      d.error(
          oe.keyLocation(),
          "operator '"
              + op.yaml
              + "' does not apply to "
              + type.yamlName()
              + " columns '"
              + column
              + "' and '"
              + other
              + "' (texts and yes/no compare with eq and not only)");
      return;
    }
    out.add(new Filter.Compare(column, op, other, oe.keyLocation()));
  }

  private static final Set<Filter.Op> COMPARES_COLUMNS =
      java.util.EnumSet.of(
          Filter.Op.EQ, Filter.Op.NE, Filter.Op.GT, Filter.Op.GTE, Filter.Op.LT, Filter.Op.LTE);

  /**
   * {@code column: {between: [{column: opened_at}, {column: closed_at}]}}: the column lies between
   * two other columns of the same row, both ends included. Bound as SQL defines BETWEEN, {@code
   * column >= first AND column <= second}, so a blank on any side is judged as AND judges it.
   */
  void between(
      String column,
      ValueType type,
      YNode.Entry oe,
      YNode.YList ends,
      java.util.Map<String, ColumnDef> columns,
      List<Filter> out) {
    boolean columnsOnly =
        ends.items().size() == 2
            && ends.items().stream()
                .allMatch(
                    i ->
                        i instanceof YNode.YMap m
                            && m.entries().size() == 1
                            && m.entries().get("column") != null
                            && m.entries().get("column").value() instanceof YNode.YScalar s
                            && !s.isNull());
    if (!columnsOnly) {
      d.error(
          ends.location(),
          "between on '"
              + column
              + "' takes two values or two other columns, as in {between: [1, 5]} or {between:"
              + " [{column: opened_at}, {column: closed_at}]}");
      return;
    }
    if (!FilterBinder.fits(Filter.Op.BETWEEN, type)) {
      d.error(
          oe.keyLocation(),
          "operator 'between' does not apply to "
              + type.yamlName()
              + " column '"
              + column
              + "' (declare its type: number, date, datetime or duration)");
      return;
    }
    List<Filter> both = new java.util.ArrayList<>();
    compare(column, type, Filter.Op.GTE, oe, (YNode.YMap) ends.items().get(0), columns, both);
    compare(column, type, Filter.Op.LTE, oe, (YNode.YMap) ends.items().get(1), columns, both);
    if (both.size() == 2) out.add(new Filter.All(both));
  }
}
