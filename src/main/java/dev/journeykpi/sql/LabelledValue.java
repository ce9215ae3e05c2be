package dev.journeykpi.sql;

import dev.journeykpi.calc.Cells;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.config.ValueType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Which typed value of a number, yes/no or date column a text of the definition names, where the
 * default engine compares the cell's label with it ({@link Cells#label}, through {@link TextKey}):
 * an SLA's limit per value of such a column ({@code limit: { by: priority }}, priority 1, 2, 3).
 * The text is read back as the column's type and kept only when that value's label is the text
 * again, so "2" names the number 2 but "2.0" names nothing (2 is labelled "2"), as on the default
 * engine.
 */
public final class LabelledValue {
  private LabelledValue() {}

  /** Number labels no parse of ours reads back: refused rather than matched otherwise. */
  private static final Set<String> NOT_FINITE = Set.of("nan", "infinity", "-infinity");

  /**
   * The condition that {@code column} (a number, yes/no or date column) holds the value labelled
   * {@code key} (a {@link TextKey}); null when no value of that type has that label.
   */
  public static String condition(Dialect d, ValueType type, String column, String key) {
    Object value = value(type, key);
    if (value == null || !TextKey.of(Cells.label(value)).equals(key)) return null;
    return switch (type) {
      case NUMBER ->
          column + " = " + d.cast(Double.toString((Double) value), Dialect.SqlType.DOUBLE);
      case BOOLEAN -> column + " = " + ((Boolean) value ? "TRUE" : "FALSE");
      // A date compared as the epoch milliseconds of its midnight, exactly (GroupLabels reads
      // dates back so).
      case DATE ->
          d.epochMillis(d.cast(column, Dialect.SqlType.TIMESTAMP))
              + " = "
              + ((LocalDate) value).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      default -> throw new IllegalArgumentException("not a number, yes/no or date: " + type);
    };
  }

  private static Object value(ValueType type, String key) {
    try {
      return switch (type) {
        case NUMBER -> {
          if (NOT_FINITE.contains(key))
            throw new SqlRefused("a limit for '" + key + "' on a column of numbers");
          double v = Double.parseDouble(key);
          yield Double.isFinite(v) ? v : null;
        }
        case BOOLEAN ->
            key.equals("true") ? Boolean.TRUE : key.equals("false") ? Boolean.FALSE : null;
        case DATE -> LocalDate.parse(key);
        default -> null;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    }
  }
}
