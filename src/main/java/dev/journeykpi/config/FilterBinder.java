package dev.journeykpi.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds structured filters and checks them against the source's declared columns and types, so a
 * filter that could never match (a typo in a column, {@code gte} on a text column) is a definition
 * error, not an empty result.
 */
final class FilterBinder {
  private final Diagnostics d;

  FilterBinder(Diagnostics d) {
    this.d = d;
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
                asInData(List.of(value(s, type, column)), Filter.Op.EQ),
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
              asInData(values(l, type, column), Filter.Op.IN),
              v.location(),
              locations(l)));
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
        compare(column, type, op, oe, other, columns, out);
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
                + (isTextOp(op)
                    ? " (" + op.yaml + " is for text)"
                    : " (declare its type: number, date, datetime or duration)"));
        continue;
      }
      List<Object> values = new ArrayList<>();
      List<Location> at =
          oe.value() instanceof YNode.YList l ? locations(l) : List.of(oe.value().location());
      switch (op) {
        case IS_NULL, NOT_NULL -> {
          if (!(oe.value() instanceof YNode.YScalar s) || !"true".equals(s.text())) {
            d.error(oe.value().location(), op.yaml + " takes true, as in {" + op.yaml + ": true}");
          }
        }
        case IN, NOT_IN, STARTS_WITH, ENDS_WITH, MATCHES ->
            values.addAll(
                oe.value() instanceof YNode.YList l
                    ? values(l, type, column)
                    : List.of(value(scalar(oe.value(), column), type, column)));
        case BETWEEN -> {
          if (oe.value() instanceof YNode.YList l && l.items().size() == 2) {
            values.addAll(values(l, type, column));
          } else {
            d.error(
                oe.value().location(),
                "between on '" + column + "' takes two values, as in {between: [1, 5]}");
          }
        }
        default -> values.add(value(scalar(oe.value(), column), type, column));
      }
      List<Object> inData = asInData(values, op);
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

  /** {@code column: {lt: {column: other}}}: a comparison with another column of the same row. */
  private void compare(
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
    if (!fits(op, type)) {
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

  private static boolean isTextOp(Filter.Op op) {
    return op == Filter.Op.CONTAINS
        || op == Filter.Op.STARTS_WITH
        || op == Filter.Op.ENDS_WITH
        || op == Filter.Op.MATCHES;
  }

  /**
   * Texts as the data holds them: cells are imported trimmed and in Unicode NFC, so a value typed
   * decomposed (as some Mac editors save Vietnamese) or quoted with spaces would otherwise never
   * match. The parts of a text ({@code contains}, {@code starts_with}, {@code ends_with}, a {@code
   * matches} pattern) keep their spaces: a quoted {@code "Mr "} means the space.
   */
  private static List<Object> asInData(List<Object> values, Filter.Op op) {
    return values.stream()
        .map(
            v ->
                v instanceof String t
                    ? (Object)
                        java.text.Normalizer.normalize(
                            isTextOp(op) ? t : t.trim(), java.text.Normalizer.Form.NFC)
                    : v)
        .toList();
  }

  private static boolean fits(Filter.Op op, ValueType type) {
    return switch (op) {
      case GT, GTE, LT, LTE, BETWEEN -> type.isOrdered();
      case CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES -> type == ValueType.STRING;
      default -> true;
    };
  }

  private YNode.YScalar scalar(YNode n, String column) {
    if (n instanceof YNode.YScalar s) return s;
    d.error(
        n.location(),
        "condition on '" + column + "' must be a single value here, found " + n.kind());
    return new YNode.YScalar(null, n.location());
  }

  private static List<Location> locations(YNode.YList l) {
    return l.items().stream().map(YNode::location).toList();
  }

  private List<Object> values(YNode.YList l, ValueType type, String column) {
    List<Object> out = new ArrayList<>();
    for (YNode item : l.items()) out.add(value(scalar(item, column), type, column));
    return out;
  }

  /** Converts a YAML scalar to the column's type; reports and returns the text when it cannot. */
  private Object value(YNode.YScalar s, ValueType type, String column) {
    String t = s.text();
    if (t == null) {
      d.error(s.location(), "null in a condition on '" + column + "': use {is_null: true}");
      return "";
    }
    try {
      switch (type) {
        case NUMBER:
          return Double.parseDouble(t.trim());
        case DURATION:
          return (double) parseSeconds(t.trim());
        case BOOLEAN:
          if (Set.of("true", "false").contains(t)) return Boolean.valueOf(t);
          d.error(
              s.location(),
              "'" + column + "' is boolean: compare it with true or false, not '" + t + "'");
          return Boolean.FALSE;
        case DATE:
          return LocalDate.parse(t.trim());
        case DATETIME:
          return t.trim().length() == 10
              ? LocalDate.parse(t.trim()).atStartOfDay()
              : LocalDateTime.parse(t.trim().replace(' ', 'T'));
        default:
          return t;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      d.error(
          s.location(),
          "'"
              + t
              + "' is not a "
              + type.yamlName()
              + " value for column '"
              + column
              + "'"
              + (type.isTemporal()
                  ? " (write dates as yyyy-MM-dd, date-times as yyyy-MM-ddTHH:mm)"
                  : ""));
      return t;
    }
  }

  /** Seconds from a number of seconds or from H:MM:SS. */
  private static long parseSeconds(String t) {
    if (!t.contains(":")) return Math.round(Double.parseDouble(t));
    String[] p = t.split(":");
    long s = 0;
    for (String x : p) s = s * 60 + Long.parseLong(x);
    return s;
  }
}
