package dev.journeykpi.report;

/**
 * A count with its noun in English, singular for exactly one ("1 cell blanked", "2 cells blanked",
 * "1,204 rows").
 */
public final class Counts {
  private static final ValueFormat EN = new ValueFormat("en");

  private Counts() {}

  public static String of(long n, String one, String many) {
    return EN.count(n) + " " + (n == 1 ? one : many);
  }
}
