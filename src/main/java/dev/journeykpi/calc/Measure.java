package dev.journeykpi.calc;

/**
 * One computed value with what it was made of. {@code value} is null when the KPI cannot be computed for these rows,
 * and {@code note} says why: a KPI never shows a silent 0.
 *
 * @param n the rows (or durations, or distinct values) the value was computed from
 */
public record Measure(Double value, Double numerator, Double denominator, long n, String note) {
  public static Measure of(double value, long n) {
    return new Measure(value, null, null, n, "");
  }

  public static Measure none(long n, String why) {
    return new Measure(null, null, null, n, why);
  }

  public Measure withNote(String extra) {
    if (extra == null || extra.isEmpty()) return this;
    return new Measure(value, numerator, denominator, n, note.isEmpty() ? extra : note + "; " + extra);
  }
}
