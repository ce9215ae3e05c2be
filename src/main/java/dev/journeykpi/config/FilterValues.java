package dev.journeykpi.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Types the values written in a filter as the column's type (numbers, seconds of a duration,
 * true/false, dates, date-times, texts as the data holds them), reporting a value that is not of
 * that type at its place.
 */
final class FilterValues {
  private final Diagnostics d;

  FilterValues(Diagnostics d) {
    this.d = d;
  }

  /** The operators that test a part of a text (or a pattern), not a whole value. */
  static boolean isTextOp(Filter.Op op) {
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
  static List<Object> asInData(List<Object> values, Filter.Op op) {
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

  YNode.YScalar scalar(YNode n, String column) {
    if (n instanceof YNode.YScalar s) return s;
    d.error(
        n.location(),
        "condition on '" + column + "' must be a single value here, found " + n.kind());
    return new YNode.YScalar(null, n.location());
  }

  static List<Location> locations(YNode.YList l) {
    return l.items().stream().map(YNode::location).toList();
  }

  List<Object> values(YNode.YList l, ValueType type, String column) {
    List<Object> out = new ArrayList<>();
    for (YNode item : l.items()) out.add(value(scalar(item, column), type, column));
    return out;
  }

  /** Converts a YAML scalar to the column's type; reports and returns the text when it cannot. */
  Object value(YNode.YScalar s, ValueType type, String column) {
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
