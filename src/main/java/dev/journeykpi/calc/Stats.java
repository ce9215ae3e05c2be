package dev.journeykpi.calc;

import dev.journeykpi.config.Statistic;

/** Summary statistics over plain arrays. */
public final class Stats {
  private Stats() {}

  /**
   * The statistic of the first {@code n} values (the array may be reordered). Percentiles and the
   * median use linear interpolation between closest ranks, as Excel's PERCENTILE.INC and MEDIAN do,
   * so analysts can check them there.
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
    double h = (n - 1) * p / 100.0;
    int lo = (int) Math.floor(h);
    double a = select(values, n, lo);
    if (lo + 1 >= n || h == lo) return a;
    // After selecting rank lo, every value above index lo is >= it: the next rank is their minimum.
    double b = Double.POSITIVE_INFINITY;
    for (int i = lo + 1; i < n; i++) b = Math.min(b, values[i]);
    return a + (h - lo) * (b - a);
  }

  /**
   * The k-th smallest of the first n values (0-based), by quickselect with a median-of-three pivot:
   * linear time, where sorting a million durations for one percentile took most of a report's
   * calculation time.
   */
  static double select(double[] v, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      double pivot = median3(v[lo], v[mid], v[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[i] < pivot) i++;
        while (v[j] > pivot) j--;
        if (i <= j) {
          double t = v[i];
          v[i] = v[j];
          v[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return v[k];
      }
    }
    return v[k];
  }

  private static double median3(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
