package dev.journeykpi.calc;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The difference of two independent proportions: Newcombe's hybrid score interval (method 10 of
 * Newcombe 1998, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17:873–890), built from each proportion's
 * {@link Wilson} interval, and the two-sided p-value of the pooled two-proportion z-test (the score
 * test, which is Pearson's chi-square without continuity correction). Chosen over p₁ − p₂ ± z·se
 * because it stays inside −1…1 and keeps its coverage at the small counts and the 0 % and 100 %
 * rates a team's month often has.
 */
public final class Newcombe {
  private Newcombe() {}

  /**
   * {@code k1} of {@code n1} (the variant) against {@code k2} of {@code n2} (the control), both
   * {@code n} above 0, at the normal quantile {@code z}.
   *
   * <p>d = p₁ − p₂; low = d − √((p₁ − l₁)² + (u₂ − p₂)²); high = d + √((u₁ − p₁)² + (p₂ − l₂)²),
   * where (l, u) is each proportion's Wilson interval.
   */
  public static Difference of(double k1, double n1, double k2, double n2, double z) {
    double p1 = k1 / n1;
    double p2 = k2 / n2;
    double[] w1 = Wilson.interval(k1, n1, z);
    double[] w2 = Wilson.interval(k2, n2, z);
    double d = p1 - p2;
    double low = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
    double high = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
    return new Difference(d, low, high, pooledP(k1, n1, k2, n2));
  }

  /**
   * The two-sided p-value of z = (p₁ − p₂) ÷ √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (k₁ + k₂) ÷ (n₁ +
   * n₂); 1 when every answer is the same (p̄ of 0 or 1: nothing differs).
   */
  static double pooledP(double k1, double n1, double k2, double n2) {
    double pooled = (k1 + k2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    if (se == 0) return 1;
    double zValue = Math.abs(k1 / n1 - k2 / n2) / se;
    return Math.min(1, 2 * new NormalDistribution(0, 1).cumulativeProbability(-zValue));
  }

  private static double sq(double x) {
    return x * x;
  }
}
