package dev.journeykpi.calc;

import dev.journeykpi.model.Note;
import dev.journeykpi.model.Notes;

/**
 * One computed value with what it was made of. {@code value} is null when the KPI cannot be
 * computed for these rows, and {@code note} says why (a {@link Note} code with its arguments, never
 * a sentence): a KPI never shows a silent 0.
 *
 * @param n the rows (or durations, or distinct values) the value was computed from
 */
public record Measure(Double value, Double numerator, Double denominator, long n, Notes note) {
  public static Measure of(double value, long n) {
    return new Measure(boxed(value), null, null, n, Notes.NONE);
  }

  /**
   * Boxed small counts, shared: a breakdown with a million groups of one row kept a million Doubles
   * of 1.0.
   */
  private static final Double[] SMALL =
      java.util.stream.IntStream.range(0, 1024).mapToObj(i -> (double) i).toArray(Double[]::new);

  private static Double boxed(double v) {
    boolean small =
        v >= 0
            && v < SMALL.length
            && v == (int) v
            && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO;
    return small
        ? SMALL[(int) v]
        : Double.valueOf(v); // both boxed: a Double and a double would unbox the first
  }

  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  public static Measure none(long n, Note why) {
    return new Measure(null, null, null, n, Notes.of(why));
  }

  /** A value without notes, or none ({@code value} null) for the reason {@code why}. */
  public Measure(Double value, Double numerator, Double denominator, long n) {
    this(value, numerator, denominator, n, Notes.NONE);
  }

  public Measure(Double value, Double numerator, Double denominator, long n, Note why) {
    this(value, numerator, denominator, n, Notes.of(why));
  }

  public Measure withNote(Notes extra) {
    return extra.isEmpty() ? this : new Measure(value, numerator, denominator, n, note.plus(extra));
  }

  public Measure withNote(Note extra) {
    return new Measure(value, numerator, denominator, n, note.plus(extra));
  }
}
