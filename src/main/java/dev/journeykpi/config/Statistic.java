package dev.journeykpi.config;

import java.util.Locale;

/** How many values become one: mean, median, pNN, min, max. */
public record Statistic(Kind kind, double percentile) {
  public enum Kind {
    MEAN,
    MEDIAN,
    PERCENTILE,
    MIN,
    MAX
  }

  public static final Statistic MEAN = new Statistic(Kind.MEAN, 0);
  public static final Statistic MEDIAN = new Statistic(Kind.MEDIAN, 50);

  /**
   * Parses {@code mean}, {@code median}, {@code min}, {@code max} or {@code p90} / {@code p99.5};
   * null if none.
   */
  public static Statistic parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "mean":
      case "avg":
      case "average":
        return MEAN;
      case "median":
      case "p50":
        return MEDIAN;
      case "min":
        return new Statistic(Kind.MIN, 0);
      case "max":
        return new Statistic(Kind.MAX, 100);
      default:
        if (s.matches("p\\d{1,2}(\\.\\d+)?")) {
          double p = Double.parseDouble(s.substring(1));
          if (p > 0 && p < 100) return new Statistic(Kind.PERCENTILE, p);
        }
        return null;
    }
  }

  @Override
  public String toString() {
    if (kind == Kind.PERCENTILE) {
      return "p"
          + (percentile == Math.rint(percentile)
              ? String.valueOf((long) percentile)
              : String.valueOf(percentile));
    }
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
