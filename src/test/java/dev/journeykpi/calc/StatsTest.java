package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeykpi.config.Statistic;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void percentilesInterpolateLikeExcel() {
    // 1..10: p90 rank (10 - 1) * 0.9 = 8.1 → 9 + 0.1 * (10 - 9) = 9.1; median rank 4.5 → 5.5; p25
    // rank 2.25 → 3.25.
    double[] v = {7, 3, 10, 1, 9, 2, 8, 4, 6, 5};
    assertThat(Stats.of(Statistic.parse("p90"), v.clone(), 10)).isCloseTo(9.1, within(1e-12));
    assertThat(Stats.of(Statistic.MEDIAN, v.clone(), 10)).isEqualTo(5.5);
    assertThat(Stats.of(Statistic.parse("p25"), v.clone(), 10)).isCloseTo(3.25, within(1e-12));
    assertThat(Stats.of(Statistic.parse("min"), v.clone(), 10)).isEqualTo(1);
    assertThat(Stats.of(Statistic.parse("max"), v.clone(), 10)).isEqualTo(10);
    assertThat(Stats.of(Statistic.MEAN, v.clone(), 10)).isEqualTo(5.5);
    // One value: every statistic is that value.
    assertThat(Stats.of(Statistic.parse("p99"), new double[] {42}, 1)).isEqualTo(42);
  }

  @Test
  void selectAgreesWithSortingOnRandomDataWithTies() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + r.nextInt(300);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) v[i] = r.nextInt(20); // many ties
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      int k = r.nextInt(n);
      assertThat(Stats.select(v.clone(), n, k)).isEqualTo(sorted[k]);
      double p = r.nextInt(99) + 1;
      double h = (n - 1) * p / 100.0;
      int lo = (int) Math.floor(h);
      double expected =
          lo + 1 >= n ? sorted[n - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
      assertThat(Stats.percentile(v.clone(), n, p)).isCloseTo(expected, within(1e-9));
    }
  }
}
