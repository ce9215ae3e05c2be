package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds structured filters and checks them against the source's declared columns and types, so a
 * filter that could never match (a typo in a column, {@code gte} on a text column) is a definition
 * error, not an empty result. The values written are typed by {@link FilterValues}; a comparison
 * with another column is bound by {@link ColumnComparisons}.
 */
final class FilterBinder {
  private final Diagnostics d;
  private final FilterValues typing;
  private final ColumnComparisons comparisons;
  private final ExprPlaces places = new ExprPlaces();

  FilterBinder(Diagnostics d) {
    this.d = d;
    this.typing = new FilterValues(d);
    this.comparisons = new ColumnComparisons(d);
  }

  /**
   * @param columns the source's declared columns; null when the source reads every header, so names
   *     are checked only against the data
   */
  Filter bind(YNode node, String what, java.util.Map<String, ColumnDef> columns) {
    if (node == null || node instanceof YNode.YScalar s && s.isNull()) return Filter.NONE;
    if (!(node instanceof YNode.YMap map)) {
      d.error(node.location(), what + " must be a map of column: condition, found " + node.kind());
      return Filter.NONE;
    }
    List<Filter> parts = new ArrayList<>();
    for (YNode.Entry e : map.entries().values()) {
      if (e.key().equals("any_of") || e.key().equals("all_of")) {
        List<Filter> group = new ArrayList<>();
        if (e.value() instanceof YNode.YList l) {
          for (YNode item : l.items()) group.add(bind(item, what + "." + e.key(), columns));
        } else {
          d.error(e.value().location(), what + "." + e.key() + " must be a list of filters");
        }
        parts.add(e.key().equals("any_of") ? new Filter.Any(group) : new Filter.All(group));
        continue;
      }
      if (e.key().equals("not")) {
        parts.add(not(e, what, columns));
        continue;
      }
      if (e.key().equals("expr")) {
        parts.add(expression(e, what, columns));
        continue;
      }
      ColumnDef col = columns == null ? null : columns.get(e.key());
      if (columns != null && col == null) {
        d.error(
            e.keyLocation(),
            what
                + " refers to unknown column '"
                + e.key()
                + "'"
                + Suggestions.hint(e.key(), columns.keySet())
                + "; columns: "
                + String.join(", ", columns.keySet()));
        continue;
      }
      ValueType type = col == null ? ValueType.STRING : col.type();
      conditions(e.key(), e.value(), type, what, columns, parts);
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.All(parts);
  }

  /**
   * {@code expr: "quantity * unit_price > 1000000"} beside the columns: an expression of the {@code
   * derive:} grammar that must be true or false, typed against the source's columns (its own,
   * looked up, joined and derived); a problem is reported at its place inside the expression.
   */
  private Filter expression(YNode.Entry e, String what, java.util.Map<String, ColumnDef> columns) {
    if (!(e.value() instanceof YNode.YScalar s) || s.text() == null || s.text().isBlank()) {
      d.error(
          e.value().location(),
          what
              + ".expr needs an expression that is true or false for each row, e.g."
              + " expr: \"quantity * unit_price > 1000000\"");
      return Filter.NONE;
    }
    if (columns == null) {
      d.error(
          e.keyLocation(),
          what
              + ".expr types the columns it reads, so the source needs a 'columns:' mapping of"
              + " them");
      return Filter.NONE;
    }
    java.util.Map<String, ValueType> types = new java.util.LinkedHashMap<>();
    columns.forEach((n, c) -> types.put(n, c.type()));
    Expr x;
    try {
      x = ExprParser.parse(s.text(), types);
    } catch (ExprParser.Problem p) {
      d.error(places.at(s.location(), s.text(), p.offset), what + ".expr: " + p.getMessage());
      return Filter.NONE;
    }
    if (x.type() != ValueType.BOOLEAN) {
      d.error(
          s.location(),
          what
              + ".expr must be true or false for each row (a condition, such as amount > 100),"
              + " but it gives "
              + ExprFunctions.typeName(x.type())
              + (x instanceof Expr.Column c ? " (column '" + c.name() + "')" : ""));
      return Filter.NONE;
    }
    return new Filter.Expression(s.text(), x, e.keyLocation());
  }

  /** {@code not: {filter}} beside the columns: the rows where that filter is false. */
  private Filter not(YNode.Entry e, String what, java.util.Map<String, ColumnDef> columns) {
    Filter inner = Filter.NONE;
    if (e.value() instanceof YNode.YMap m && !m.entries().isEmpty()) {
      inner = bind(e.value(), what + ".not", columns);
    } else {
      d.error(
          e.value().location(),
          what
              + ".not must be a filter with at least one condition, as in not: { channel: phone }"
              + " or not: { any_of: [...] }");
    }
    return new Filter.Not(inner, e.keyLocation());
  }

  private void conditions(
      String column,
      YNode v,
      ValueType type,
      String what,
      java.util.Map<String, ColumnDef> columns,
      List<Filter> out) {
    if (v instanceof YNode.YScalar s) {
      if (s.isNull()) {
        out.add(new Filter.Condition(column, Filter.Op.IS_NULL, List.of(), v.location()));
      } else {
        out.add(
            new Filter.Condition(
                column,
                Filter.Op.EQ,
                FilterValues.asInData(List.of(typing.value(s, type, column)), Filter.Op.EQ),
                v.location(),
                List.of(v.location())));
      }
      return;
    }
    if (v instanceof YNode.YList l) {
      out.add(
          new Filter.Condition(
              column,
              Filter.Op.IN,
              FilterValues.asInData(typing.values(l, type, column), Filter.Op.IN),
              v.location(),
              FilterValues.locations(l)));
      return;
    }
    YNode.YMap ops = (YNode.YMap) v;
    for (YNode.Entry oe : ops.entries().values()) {
      Filter.Op op = Filter.Op.fromYaml(oe.key());
      if (op == Filter.Op.NE
          && oe.value() instanceof YNode.YMap inner
          && !inner.entries().containsKey("column")) {
        // not over the column's own operators: {not: {starts_with: C}}; {not: {column: x}} is the
        // column comparison below.
        List<Filter> negated = new ArrayList<>();
        if (inner.entries().isEmpty()) {
          d.error(
              inner.location(),
              "not on '" + column + "' needs a condition, as in {not: {starts_with: C}}");
        }
        conditions(column, inner, type, what, columns, negated);
        out.add(
            new Filter.Not(
                negated.size() == 1 ? negated.get(0) : new Filter.All(negated), oe.keyLocation()));
        continue;
      }
      if (op == Filter.Op.NE && oe.value() instanceof YNode.YList) op = Filter.Op.NOT_IN;
      if (op == null) {
        d.error(
            oe.keyLocation(),
            "unknown filter operator '"
                + oe.key()
                + "' on '"
                + column
                + "'"
                + (oe.key().equals("column")
                    ? " (to compare with another column write {eq: {column: "
                        + (oe.value() instanceof YNode.YScalar s ? s.text() : "other")
                        + "}})"
                    : Suggestions.hint(oe.key(), Filter.Op.yamlNames()))
                + "; allowed: "
                + String.join(", ", Filter.Op.yamlNames()));
        continue;
      }
      if (oe.value() instanceof YNode.YMap other) {
        comparisons.compare(column, type, op, oe, other, columns, out);
        continue;
      }
      if (op == Filter.Op.BETWEEN
          && oe.value() instanceof YNode.YList ends
          && ends.items().stream().anyMatch(i -> i instanceof YNode.YMap)) {
        comparisons.between(column, type, oe, ends, columns, out);
        continue;
      }
      if (!fits(op, type)) {
        d.error(
            oe.keyLocation(),
            "operator '"
                + op.yaml
                + "' does not apply to "
                + type.yamlName()
                + " column '"
                + column
                + "'"
                + (FilterValues.isTextOp(op)
                    ? " (" + op.yaml + " is for text)"
                    : " (declare its type: number, date, datetime or duration)"));
        continue;
      }
      List<Object> values = new ArrayList<>();
      List<Location> at =
          oe.value() instanceof YNode.YList l
              ? FilterValues.locations(l)
              : List.of(oe.value().location());
      switch (op) {
        case IS_NULL, NOT_NULL -> {
          if (!(oe.value() instanceof YNode.YScalar s) || !"true".equals(s.text())) {
            d.error(oe.value().location(), op.yaml + " takes true, as in {" + op.yaml + ": true}");
          }
        }
        case IN, NOT_IN, STARTS_WITH, ENDS_WITH, MATCHES ->
            values.addAll(
                oe.value() instanceof YNode.YList l
                    ? typing.values(l, type, column)
                    : List.of(typing.value(typing.scalar(oe.value(), column), type, column)));
        case BETWEEN -> {
          if (oe.value() instanceof YNode.YList l && l.items().size() == 2) {
            values.addAll(typing.values(l, type, column));
          } else {
            d.error(
                oe.value().location(),
                "between on '" + column + "' takes two values, as in {between: [1, 5]}");
          }
        }
        default -> values.add(typing.value(typing.scalar(oe.value(), column), type, column));
      }
      List<Object> inData = FilterValues.asInData(values, op);
      if (op == Filter.Op.MATCHES) {
        for (int i = 0; i < inData.size(); i++) regex(column, (String) inData.get(i), at.get(i));
      }
      out.add(
          new Filter.Condition(
              column, op, inData, oe.keyLocation(), values.isEmpty() ? List.of() : at));
    }
  }

  /** Compiled now so that a bad pattern is a definition error where it is written. */
  private void regex(String column, String pattern, Location at) {
    try {
      java.util.regex.Pattern.compile(pattern, Filter.REGEX_FLAGS);
    } catch (java.util.regex.PatternSyntaxException e) {
      d.error(
          at,
          "matches on '"
              + column
              + "': '"
              + pattern
              + "' is not a regular expression: "
              + e.getDescription()
              + (e.getIndex() >= 0
                  ? " at character " + (e.getIndex() + 1) + " of the pattern"
                  : ""));
    }
  }

  static boolean fits(Filter.Op op, ValueType type) {
    return switch (op) {
      case GT, GTE, LT, LTE, BETWEEN -> type.isOrdered();
      case CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES -> type == ValueType.STRING;
      default -> true;
    };
  }
}
