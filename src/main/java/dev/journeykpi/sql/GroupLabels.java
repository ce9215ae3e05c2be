package dev.journeykpi.sql;

import dev.journeykpi.calc.Cells;
import dev.journeykpi.config.ValueType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A breakdown group's label from the value an SQL engine returns for it: the engine groups by the
 * typed value, and kpi writes the label with the default engine's own {@link Cells#label(Object)}
 * (a number without its ".0", a date-time without zero seconds), so both engines name a group
 * alike. Dates and date-times come back as epoch milliseconds, which every dialect can return
 * exactly.
 */
final class GroupLabels {
  private GroupLabels() {}

  /** The SQL of a breakdown column's value as it is returned to be labelled. */
  static String value(Dialect d, ValueType type, String column) {
    return type.isTemporal() ? d.epochMillis(d.cast(column, Dialect.SqlType.TIMESTAMP)) : column;
  }

  /** The label of a returned value (null: a blank). */
  static String label(ValueType type, Object value) {
    if (value == null) return Cells.label(null);
    return switch (type) {
      // A duration is its seconds, a number (330, 330.5), on both engines.
      case NUMBER, DURATION -> Cells.label((Object) ((Number) value).doubleValue());
      case DATE -> Cells.label(time(value).toLocalDate());
      case DATETIME -> Cells.label(time(value));
      default -> Cells.label(value);
    };
  }

  /**
   * The label of a returned breakdown group's value (null: a blank): {@link #label}, with a text
   * that reads like kpi's own {@code (total)} or {@code (blank)} kept apart from them as the
   * default engine keeps it ({@link Cells#groupLabel(Object)}).
   */
  static String group(ValueType type, Object value) {
    if (value == null || "".equals(value)) return Cells.label(null);
    return dev.journeykpi.model.BreakdownLabel.of(label(type, value));
  }

  private static LocalDateTime time(Object epochMillis) {
    return LocalDateTime.ofInstant(
        Instant.ofEpochMilli(((Number) epochMillis).longValue()), ZoneOffset.UTC);
  }
}
