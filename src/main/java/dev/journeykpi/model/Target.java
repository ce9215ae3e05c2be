package dev.journeykpi.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A KPI's target as it applies in one period, as numbers: at least {@code low} (MIN), at most
 * {@code high} (MAX), or between the two (RANGE). The open side of MIN and MAX is infinite.
 * Renderers read the numbers; only CSV, JSON and the Data sheet write {@link #machineText()}.
 */
public record Target(Kind kind, double low, double high) {
  public enum Kind {
    MIN,
    MAX,
    RANGE
  }

  public static Target atLeast(double low) {
    return new Target(Kind.MIN, low, Double.POSITIVE_INFINITY);
  }

  public static Target atMost(double high) {
    return new Target(Kind.MAX, Double.NEGATIVE_INFINITY, high);
  }

  public static Target between(double low, double high) {
    return new Target(Kind.RANGE, low, high);
  }

  /** The target for machines, stable across locales: ">= 0.9", "<= 30", "0.8..0.95". */
  public String machineText() {
    return switch (kind) {
      case MIN -> ">= " + plain(low);
      case MAX -> "<= " + plain(high);
      case RANGE -> plain(low) + ".." + plain(high);
    };
  }

  /**
   * Whole numbers as they are, else at most 6 decimals without trailing zeros (the digits the
   * outputs always had).
   */
  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : new BigDecimal(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
