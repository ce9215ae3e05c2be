package dev.journeykpi.calc;

import dev.journeykpi.config.Statistic;
import java.util.Arrays;

/** Summary statistics over plain arrays. */
public final class Stats {
  private Stats() {}

  /**
   * The statistic of the first {@code n} values (the array may be reordered). Percentiles and the median use linear
   * interpolation between closest ranks, as Excel's PERCENTILE.INC and MEDIAN do, so analysts can check them there.
   */
  public static double of(Statistic s, double[] values, int n) {
    if (n == 0) throw new IllegalArgumentException("no values");
    switch (s.kind()) {
      case MEAN:
        double sum = 0;
        for (int i = 0; i < n; i++) sum += values[i];
        return sum / n;
      case MIN:
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) min = Math.min(min, values[i]);
        return min;
      case MAX:
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, values[i]);
        return max;
      default:
        return percentile(values, n, s.percentile());
    }
  }

  static double percentile(double[] values, int n, double p) {
    Arrays.sort(values, 0, n);
    double h = (n - 1) * p / 100.0;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= n) return values[n - 1];
    return values[lo] + (h - lo) * (values[lo + 1] - values[lo]);
  }
}
