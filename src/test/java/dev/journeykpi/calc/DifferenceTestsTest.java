package dev.journeykpi.calc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journeykpi.config.Statistic;
import org.junit.jupiter.api.Test;

/** The comparisons of {@code compare:} (issue 20) against published and hand-worked examples. */
class DifferenceTestsTest {
  private static final double Z95 = Wilson.z(95);

  /**
   * Newcombe 1998, Table II, method 10 (the hybrid score interval), as the paper gives them and as
   * the propint R package's tests restate them: (a) 56/70 − 48/80 = 0.2000, 95 % CI 0.0524 to
   * 0.3339; (b) 9/10 − 3/10 = 0.6000, 0.1705 to 0.8090. (A brief quoted "0.1750, 0.0262 to 0.3119"
   * for (a): that is not 56/70 − 48/80, which is 0.8 − 0.6 = 0.2, and not the paper's interval.)
   *
   * <p>The p-value is the pooled z-test's: p̄ = 104/150 = 0.693333, se = √(0.693333 · 0.306667 ·
   * (1/70 + 1/80)) = 0.075495, z = 0.2 ÷ 0.075495 = 2.649186, p = 2·Φ(−2.649186) = 0.008045
   * (scipy's chi2_contingency([[56,14],[48,32]], correction=False) gives the same 0.0080451).
   */
  @Test
  void newcombeMethodTenGivesTheTableOfTheNewcombePaper() {
    Difference a = Newcombe.of(56, 70, 48, 80, Z95);
    assertEquals(0.2, a.difference(), 1e-12);
    assertEquals(0.0524, a.low(), 5e-5);
    assertEquals(0.3339, a.high(), 5e-5);
    assertEquals(0.0080451, a.p(), 1e-6);
    Difference b = Newcombe.of(9, 10, 3, 10, Z95);
    assertEquals(0.6, b.difference(), 1e-12);
    assertEquals(0.1705, b.low(), 5e-5);
    assertEquals(0.8090, b.high(), 5e-5);
    // p̄ = 12/20 = 0.6, se = √(0.6 · 0.4 · 0.2) = 0.219089, z = 2.738613, p = 0.006170.
    assertEquals(0.0061699, b.p(), 1e-6);
  }

  /** The same rates give a difference of 0, an interval around it, and p = 1. */
  @Test
  void equalRatesDifferByNothing() {
    Difference d = Newcombe.of(30, 60, 15, 30, Z95);
    assertEquals(0, d.difference(), 1e-15);
    assertTrue(d.low() < 0 && d.high() > 0);
    assertEquals(1, d.p(), 1e-12);
    // Every answer the same on both sides: nothing differs, p = 1 (no division by zero).
    assertEquals(1, Newcombe.of(10, 10, 20, 20, Z95).p(), 0);
  }

  /**
   * A textbook Welch example: R's own documentation of {@code t.test} runs {@code t.test(1:10,
   * c(7:20, 200))} and prints t = −1.6329, df = 14.165, p-value = 0.1245, 95 percent confidence
   * interval −47.242900 to 6.376233, means 5.5 and 25.93333.
   */
  @Test
  void welchGivesTheExampleOfRsTTestDocumentation() {
    double[] x = new double[10];
    for (int i = 0; i < 10; i++) x[i] = i + 1;
    double[] y = new double[15];
    for (int i = 0; i < 14; i++) y[i] = 7 + i;
    y[14] = 200;
    Difference d = Welch.of(x, 10, y, 15, 95);
    assertEquals(5.5 - 25.933333333, d.difference(), 1e-8);
    assertEquals(-47.242900, d.low(), 1e-6);
    assertEquals(6.376233, d.high(), 1e-6);
    assertEquals(0.1245, d.p(), 5e-5);
  }

  /**
   * A second worked example (Statology's "Welch's t-test in R", exam scores of 12 students with a
   * prep booklet against 12 without): t = 2.2361, df = 14.354, p-value = 0.04171, 95 % CI 0.3048395
   * to 13.8618272, means 87.91667 and 80.83333 (scipy.stats.ttest_ind(equal_var=False) agrees:
   * 0.04170980, 0.30483948 to 13.86182719).
   */
  @Test
  void welchGivesTheExamScoresExample() {
    double[] booklet = {90, 85, 88, 89, 94, 91, 79, 83, 87, 88, 91, 90};
    double[] none = {67, 90, 71, 95, 88, 83, 72, 66, 75, 86, 93, 84};
    Difference d = Welch.of(booklet, 12, none, 12, 95);
    assertEquals(87.916666667 - 80.833333333, d.difference(), 1e-8);
    assertEquals(0.3048395, d.low(), 1e-6);
    assertEquals(13.8618272, d.high(), 1e-6);
    assertEquals(0.0417098, d.p(), 1e-6);
  }

  @Test
  void welchNeedsTwoValuesASideAndSomeSpread() {
    assertNull(Welch.of(new double[] {1}, 1, new double[] {1, 2}, 2, 95));
    assertNull(Welch.of(new double[] {3, 3}, 2, new double[] {3, 3, 3}, 3, 95));
  }

  /**
   * NPS, worked by hand: variant 50 promoters, 30 passives, 20 detractors (n 100, NPS 30); control
   * 40/30/30 (NPS 10). Difference 20 points. Per-answer variances: (0.5 + 0.2) − 0.3² = 0.61 and
   * (0.4 + 0.3) − 0.1² = 0.69; se = √(0.61/100 + 0.69/100) = √0.013 = 0.1140175; half-width
   * 1.959964 × 0.1140175 = 0.2234703 → 22.34703 points: CI −2.34703 to 42.34703; z = 0.2 ÷
   * 0.1140175 = 1.754116, p = 2·Φ(−1.754116) = 0.0794106.
   */
  @Test
  void npsDifferenceUsesTheTrinomialVariance() {
    Difference d = NpsDifference.of(50, 30, 20, 40, 30, 30, Z95);
    assertEquals(20, d.difference(), 1e-12);
    assertEquals(-2.347028, d.low(), 1e-6);
    assertEquals(42.347028, d.high(), 1e-6);
    assertEquals(0.0794106, d.p(), 1e-7);
    assertNull(NpsDifference.of(0, 0, 0, 4, 0, 0, Z95));
    assertNull(NpsDifference.of(5, 0, 0, 4, 0, 0, Z95));
  }

  /**
   * Holm on three p-values, by hand: 0.01, 0.04, 0.03 sorted 0.01, 0.03, 0.04; × 3, × 2, × 1 =
   * 0.03, 0.06, 0.04; made non-decreasing: 0.03, 0.06, 0.06. Given back in the given order.
   */
  @Test
  void holmAdjustsThreePValues() {
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-15);
    // Capped at 1: 0.6 × 2 = 1.2.
    assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.7}), 1e-15);
    assertArrayEquals(new double[] {0.2}, Holm.adjust(new double[] {0.2}), 0);
  }

  /**
   * The bootstrap is seeded: the same data give the same bits, run after run; the point estimate is
   * the plain difference of the medians (median of 1..9 = 5, of 2..10 = 6: −1), and the interval
   * holds it.
   */
  @Test
  void bootstrapIsReproducible() {
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] b = {2, 3, 4, 5, 6, 7, 8, 9, 10};
    Difference first = Bootstrap.of(a, 9, b, 9, Statistic.MEDIAN, 95);
    Difference again = Bootstrap.of(a.clone(), 9, b.clone(), 9, Statistic.MEDIAN, 95);
    assertEquals(first, again);
    assertEquals(
        Double.doubleToLongBits(first.low()), Double.doubleToLongBits(again.low()), "same bits");
    assertEquals(-1, first.difference(), 0);
    assertTrue(first.low() <= -1 && first.high() >= -1);
    assertTrue(first.p() > 0.05, "two samples one apart in nine do not differ clearly");
    // The input arrays are not reordered.
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, a, 0);
  }

  /**
   * Two groups that do not overlap at all: every resampled difference is below 0, so p is its
   * floor, 2·(0 + 1) ÷ 2001 = 0.0009995, and the interval lies below 0.
   */
  @Test
  void bootstrapOfGroupsApartHasTheSmallestP() {
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] b = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110};
    Difference d = Bootstrap.of(a, 10, b, 10, Statistic.MEDIAN, 95);
    assertEquals(-100, d.difference(), 0);
    assertEquals(2.0 / 2001, d.p(), 1e-15);
    assertTrue(d.high() < 0);
  }

  /**
   * A resample's median drawn through its order statistics has the distribution of drawing the
   * resample value by value. Of 1..9, the resample's median is at most 3 when at least 5 of its 9
   * draws are at most 3: P(Binomial(9, 1/3) ≥ 5) = 0.144846 (scipy.stats.binom.sf(4, 9, 1/3)). Of
   * 10, 20, 30, 40 (median between ranks 2 and 3), it is 10 when at least 3 of the 4 draws are 10:
   * 4·(1/4)³·(3/4) + (1/4)⁴ = 13/256 = 0.050781. 200,000 rounds each: a standard error of 0.0008
   * and 0.0005, checked within 0.004 and 0.0025.
   */
  @Test
  void aResampledMedianHasTheDistributionOfAResample() {
    var random = new org.apache.commons.math3.random.MersenneTwister(1);
    double[] nine = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] four = {10, 20, 30, 40};
    int rounds = 200_000;
    int atMostThree = 0;
    int ten = 0;
    for (int r = 0; r < rounds; r++) {
      if (Bootstrap.resampledPercentile(nine, 50, random) <= 3) atMostThree++;
      if (Bootstrap.resampledPercentile(four, 50, random) == 10) ten++;
    }
    assertEquals(0.144846, (double) atMostThree / rounds, 0.004);
    assertEquals(13.0 / 256, (double) ten / rounds, 0.0025);
  }

  /** The same rounds drawn value by value (a mean is resampled so) give the same answer. */
  @Test
  void aResampledMeanIsDrawnValueByValue() {
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] b = {2, 3, 4, 5, 6, 7, 8, 9, 10};
    Difference d = Bootstrap.of(a, 9, b, 9, Statistic.MEAN, 95);
    assertEquals(-1, d.difference(), 1e-12);
    assertTrue(d.low() < -1 && d.high() > -1);
    assertEquals(d, Bootstrap.of(a, 9, b, 9, Statistic.MEAN, 95));
  }
}
