package dev.journeykpi.calc;

import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.Statistic;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The difference of a median, a percentile, a min or a max between two groups, which no formula
 * gives: a seeded percentile bootstrap. Each of {@link #RESAMPLES} rounds draws each group again
 * with replacement (its own size), takes the statistic of each (as the KPI takes it: {@link
 * Stats#of}) and keeps the difference; the interval is the α/2 and 1 − α/2 percentiles of those
 * differences, and the two-sided p-value 2·(min(#≤0, #≥0) + 1) ÷ (B + 1), capped at 1 (the
 * interval's own test: below α exactly when the interval leaves out 0, give or take one round).
 *
 * <p>The generator is a Mersenne Twister seeded with {@link #SEED} for every comparison, so the
 * same data always gives the same bytes, whatever the order or the threads the KPIs run in.
 *
 * <p>A median or a percentile (or a min or max) of a resample is drawn without drawing the resample
 * ({@link #resampledPercentile}): resampling n values of a group is drawing n uniform U in [0, 1)
 * and taking the sorted values at floor(n·U), and floor keeps order, so the resample's k-th
 * smallest value is the sorted value at floor(n·U₍ₖ₎), U₍ₖ₎ the k-th smallest of n uniforms:
 * Beta(k, n − k + 1) (Commons Math's sampler); the next one, for the interpolation between ranks,
 * is U₍ₖ₎ + (1 − U₍ₖ₎)·(1 − V^(1/(n−k))), the least of the n − k uniforms above it. The same
 * distribution as drawing every value, at two draws per round instead of n: a group of a million
 * values costs one sort, not 2,000 passes. A mean is resampled value by value.
 */
public final class Bootstrap {
  /** Rounds of resampling ({@link CompareDef#BOOTSTRAP_RESAMPLES}). */
  public static final int RESAMPLES = CompareDef.BOOTSTRAP_RESAMPLES;

  /** The seed of every comparison's generator ({@link CompareDef#BOOTSTRAP_SEED}). */
  public static final long SEED = CompareDef.BOOTSTRAP_SEED;

  private Bootstrap() {}

  /**
   * The first {@code n1} values of {@code a} (the variant) against the first {@code n2} of {@code
   * b} (the control), both above 0, summarised by {@code stat}, at {@code levelPercent}. Asked only
   * of two values a side at least, some of them varying within a group (the guard of Welch's test,
   * applied by the comparisons): otherwise every resample is the sample and the interval a point,
   * with p = 2 ÷ 2,001, a certainty the data cannot give.
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
    boolean byRanks = stat.kind() != Statistic.Kind.MEAN;
    double[] ra = byRanks ? sorted(a, n1) : new double[n1];
    double[] rb = byRanks ? sorted(b, n2) : new double[n2];
    double[] diffs = new double[rounds];
    int atOrBelow = 0;
    int atOrAbove = 0;
    for (int r = 0; r < rounds; r++) {
      double d;
      if (byRanks) {
        d =
            resampledPercentile(ra, stat.percentile(), random)
                - resampledPercentile(rb, stat.percentile(), random);
      } else {
        for (int i = 0; i < n1; i++) ra[i] = a[random.nextInt(n1)];
        for (int i = 0; i < n2; i++) rb[i] = b[random.nextInt(n2)];
        d = Stats.of(stat, ra, n1) - Stats.of(stat, rb, n2);
      }
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

  private static double[] sorted(double[] v, int n) {
    double[] s = java.util.Arrays.copyOf(v, n);
    java.util.Arrays.sort(s);
    return s;
  }

  /**
   * The {@code p}th percentile (as {@link Stats#percentile} takes it: linear between closest ranks)
   * of one resample with replacement of {@code sorted}, drawn through the resample's order
   * statistics (see the class comment).
   */
  static double resampledPercentile(double[] sorted, double p, RandomGenerator random) {
    int n = sorted.length;
    double h = (n - 1) * p / 100.0;
    int lo = (int) Math.floor(h);
    int k = lo + 1; // the resample's k-th smallest value, 1-based
    double u = new BetaDistribution(random, k, n - k + 1).sample();
    double a = sorted[index(u, n)];
    if (lo + 1 >= n || h == lo) return a;
    double next = u + (1 - u) * (1 - Math.pow(random.nextDouble(), 1.0 / (n - k)));
    return a + (h - lo) * (sorted[index(next, n)] - a);
  }

  private static int index(double u, int n) {
    return Math.min(n - 1, (int) (u * n));
  }
}
