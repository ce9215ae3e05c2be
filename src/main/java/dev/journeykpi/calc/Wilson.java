package dev.journeykpi.calc;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilson's score interval for a proportion (Wilson 1927; method 3 of Newcombe 1998): the shares a
 * KPI reports ({@code kpi report --confidence}). Chosen over the textbook p ± z·√(p(1−p)/n) because
 * it stays inside 0–1 and is not a zero-width interval at 0/n or n/n, which a small team's monthly
 * rates often are.
 */
public final class Wilson {
  private Wilson() {}

  /**
   * The two-sided normal quantile of a confidence level in percent: 1.959964 for 95, 1.644854 for
   * 90, 2.575829 for 99. From Commons Math's inverse normal CDF, not our own approximation.
   */
  public static double z(double levelPercent) {
    if (!(levelPercent > 0 && levelPercent < 100))
      throw new IllegalArgumentException(
          "a confidence level is between 0 and 100: " + levelPercent);
    double alpha = 1 - levelPercent / 100;
    return new NormalDistribution(0, 1).inverseCumulativeProbability(1 - alpha / 2);
  }

  /**
   * The interval of {@code successes} out of {@code trials} (trials > 0, 0 ≤ successes ≤ trials) at
   * the quantile {@code z}: {low, high}, as fractions.
   *
   * <p>centre = (p + z²/2n) ÷ (1 + z²/n), half-width = z ÷ (1 + z²/n) · √(p(1 − p)/n + z²/4n²).
   */
  public static double[] interval(double successes, double trials, double z) {
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // At 0/n and n/n one end is 0 or 1 exactly; rounding would leave 1e-17 there.
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == trials ? 1 : Math.min(1, centre + half);
    return new double[] {low, high};
  }
}
