package dev.journeykpi.calc;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference of two means without assuming equal variances: Welch's t interval and test, the
 * degrees of freedom by Welch–Satterthwaite, the t quantiles and tail from Commons Math's {@link
 * TDistribution}.
 */
public final class Welch {
  private Welch() {}

  /**
   * The first {@code n1} values of {@code a} (the variant) against the first {@code n2} of {@code
   * b} (the control) at {@code levelPercent}; null when a side has fewer than 2 values or neither
   * varies (no standard error: nothing to say how sure the difference is).
   *
   * <p>se = √(s₁²/n₁ + s₂²/n₂); df = se⁴ ÷ ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)); the interval
   * d ± t(df, 1 − α/2)·se; p = 2·P(T_df > |d/se|).
   */
  public static Difference of(double[] a, int n1, double[] b, int n2, double levelPercent) {
    if (n1 < 2 || n2 < 2) return null;
    double m1 = mean(a, n1);
    double m2 = mean(b, n2);
    double v1 = variance(a, n1, m1) / n1;
    double v2 = variance(b, n2, m2) / n2;
    double se2 = v1 + v2;
    if (!(se2 > 0)) return null;
    double se = Math.sqrt(se2);
    double df = se2 * se2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    TDistribution t = new TDistribution(null, df);
    double q = t.inverseCumulativeProbability(1 - (1 - levelPercent / 100) / 2);
    double d = m1 - m2;
    double p = Math.min(1, 2 * t.cumulativeProbability(-Math.abs(d / se)));
    return new Difference(d, d - q * se, d + q * se, p);
  }

  static double mean(double[] v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s / n;
  }

  /** The sample variance (n − 1 in the denominator), in two passes for accuracy. */
  static double variance(double[] v, int n, double mean) {
    double s = 0;
    for (int i = 0; i < n; i++) s += (v[i] - mean) * (v[i] - mean);
    return s / (n - 1);
  }
}
