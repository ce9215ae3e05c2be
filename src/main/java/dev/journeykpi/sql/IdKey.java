package dev.journeykpi.sql;

import dev.journeykpi.config.ValueType;

/**
 * A customer, order or lead id as the key the default engine follows it by ({@code
 * calc.KeyNumbering}): a text by its value, NULL when blank (only whitespace); any other column by
 * its label ({@code Cells.label}), which names each typed value once — so by the value itself, but
 * a number's -0 is its 0 (both labelled "0"), made so by adding 0 ({@code -0.0 + 0.0} is {@code
 * 0.0}); "12" and "12.0" in the file are the one number 12 on both engines.
 */
public final class IdKey {
  private IdKey() {}

  /** The key of the id column {@code ref} of type {@code type}; NULL for a row without an id. */
  public static String of(Dialect d, ValueType type, String ref) {
    return switch (type) {
      case STRING -> "CASE WHEN " + d.isBlank(ref) + " THEN NULL ELSE " + ref + " END";
      case NUMBER, DURATION -> "(" + ref + " + " + d.cast("0", Dialect.SqlType.DOUBLE) + ")";
      default -> ref;
    };
  }
}
