package dev.journeykpi.calc;

import dev.journeykpi.config.Statistic;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The difference of a median, a percentile or a duration's statistic between two groups, which no
 * formula gives: a seeded percentile bootstrap. Each of {@link #RESAMPLES} rounds draws each group
 * again with replacement (its own size), takes the statistic of each (as the KPI takes it: {@link
 * Stats#of}) and keeps the difference; the interval is the α/2 and 1 − α/2 percentiles of those
 * differences, and the two-sided p-value 2·(min(#≤0, #≥0) + 1) ÷ (B + 1), capped at 1 (the
 * interval's own test: below α exactly when the interval leaves out 0, give or take one round).
 *
 * <p>The generator is a Mersenne Twister seeded with {@link #SEED} for every comparison, so the
 * same data always gives the same bytes, whatever the order or the threads the KPIs run in.
 */
public final class Bootstrap {
  /**
   * Rounds of resampling: enough for a 95 % interval's ends to settle to about a tenth of its
   * width.
   */
  public static final int RESAMPLES = 2000;

  /** The seed of every comparison's generator (the number). */
  public static final long SEED = 20;

  private Bootstrap() {}

  /**
   * The first {@code n1} values of {@code a} (the variant) against the first {@code n2} of {@code
   * b} (the control), both above 0, summarised by {@code stat}, at {@code levelPercent}.
   */
  public static Difference of(
      double[] a, int n1, double[] b, int n2, Statistic stat, double levelPercent) {
    return of(a, n1, b, n2, stat, levelPercent, RESAMPLES, SEED);
  }

  static Difference of(
      double[] a,
      int n1,
      double[] b,
      int n2,
      Statistic stat,
      double levelPercent,
      int rounds,
      long seed) {
    double observed =
        Stats.of(stat, java.util.Arrays.copyOf(a, n1), n1)
            - Stats.of(stat, java.util.Arrays.copyOf(b, n2), n2);
    MersenneTwister random = new MersenneTwister(seed);
    double[] ra = new double[n1];
    double[] rb = new double[n2];
    double[] diffs = new double[rounds];
    int atOrBelow = 0;
    int atOrAbove = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n1; i++) ra[i] = a[random.nextInt(n1)];
      for (int i = 0; i < n2; i++) rb[i] = b[random.nextInt(n2)];
      double d = Stats.of(stat, ra, n1) - Stats.of(stat, rb, n2);
      diffs[r] = d;
      if (d <= 0) atOrBelow++;
      if (d >= 0) atOrAbove++;
    }
    double alpha = 1 - levelPercent / 100;
    double low = Stats.percentile(diffs.clone(), rounds, 100 * alpha / 2);
    double high = Stats.percentile(diffs.clone(), rounds, 100 * (1 - alpha / 2));
    double p = Math.min(1, 2.0 * (Math.min(atOrBelow, atOrAbove) + 1) / (rounds + 1));
    return new Difference(observed, low, high, p);
  }
}
