package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson's score interval (issue 20), against published worked examples and by hand. */
class WilsonTest {
  /** The normal quantiles every table prints: 95 % → 1.959964, 90 % → 1.644854, 99 % → 2.575829. */
  @Test
  void quantilesOfTheUsualLevels() {
    assertThat(Wilson.z(95)).isCloseTo(1.959964, within(1e-6));
    assertThat(Wilson.z(90)).isCloseTo(1.644854, within(1e-6));
    assertThat(Wilson.z(99)).isCloseTo(2.575829, within(1e-6));
  }

  /**
   * Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3
   * (Wilson score, no continuity correction): 81/263 → 0.2553 to 0.3662; 15/148 → 0.0624 to 0.1605.
   *
   * <p>By hand for 81/263, z = 1.959964, z² = 3.841459: p = 0.307985; z²/n = 0.014606, so the
   * denominator 1 + z²/n = 1.014606; centre = (0.307985 + 0.007303) ÷ 1.014606 = 0.310744; p(1−p)/n
   * = 0.213129 ÷ 263 = 0.000810, z²/4n² = 3.841459 ÷ 276,676 = 0.0000139, √(sum) = 0.028710;
   * half-width = 1.959964 × 0.028710 ÷ 1.014606 = 0.055461; 0.310744 ∓ 0.055461 = 0.2553 to 0.3662.
   *
   * <p>For 15/148: p = 0.101351; z²/n = 0.025956; centre = (0.101351 + 0.012978) ÷ 1.025956 =
   * 0.111437; p(1−p)/n = 0.000615, z²/4n² = 0.0000438, √ = 0.025676; half = 1.959964 × 0.025676 ÷
   * 1.025956 = 0.049050; 0.0624 to 0.1605.
   */
  @Test
  void newcombesWorkedExamples() {
    double z = Wilson.z(95);
    double[] a = Wilson.interval(81, 263, z);
    assertThat(a[0]).isCloseTo(0.2553, within(0.00005));
    assertThat(a[1]).isCloseTo(0.3662, within(0.00005));
    double[] b = Wilson.interval(15, 148, z);
    assertThat(b[0]).isCloseTo(0.0624, within(0.00005));
    assertThat(b[1]).isCloseTo(0.1605, within(0.00005));
  }

  /**
   * 0/n and n/n: one end exactly 0 or 1, the other z² ÷ (n + z²) away from it (the centre and
   * half-width are both z²/2n ÷ (1 + z²/n) when p = 0). n = 10 at 95 %: 3.841459 ÷ 13.841459 =
   * 0.277533, so 0/10 → 0 to 0.277533 and 10/10 → 0.722467 to 1. Not the zero-width interval the
   * textbook p ± z√(p(1−p)/n) would give.
   */
  @Test
  void noneAndAllHaveOneEndExact() {
    double z = Wilson.z(95);
    assertThat(Wilson.interval(0, 10, z)).containsExactly(new double[] {0, 0.277533}, within(1e-6));
    assertThat(Wilson.interval(10, 10, z))
        .containsExactly(new double[] {0.722467, 1}, within(1e-6));
    assertThat(Wilson.interval(0, 10, z)[0]).isZero();
    assertThat(Wilson.interval(10, 10, z)[1]).isEqualTo(1.0);
  }

  @Test
  void aLevelOutsideZeroToAHundredIsRefused() {
    assertThatThrownBy(() -> Wilson.z(100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wilson.z(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
