package dev.journeykpi.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The machine text of a target: the exact string CSV, JSON and the Data sheet have always written.
 */
class TargetTest {
  @Test
  void minWritesItsLowerBound() {
    assertThat(Target.atLeast(0.9).machineText()).isEqualTo(">= 0.9");
    // 2/3 = 0.6666666…: six decimals, the sixth rounded half up → 0.666667.
    assertThat(Target.atLeast(2.0 / 3).machineText()).isEqualTo(">= 0.666667");
  }

  @Test
  void maxWritesItsUpperBound() {
    // A whole number is written without decimals: 30.0 → "30".
    assertThat(Target.atMost(30).machineText()).isEqualTo("<= 30");
    // -1.25 is exact in binary; trailing zeros of -1.250000 stripped → "-1.25".
    assertThat(Target.atMost(-1.25).machineText()).isEqualTo("<= -1.25");
  }

  @Test
  void rangeWritesBothBoundsWithTwoDots() {
    assertThat(Target.between(0.8, 0.95).machineText()).isEqualTo("0.8..0.95");
    // 1/8 = 0.125 exactly; 1,000,000 whole.
    assertThat(Target.between(0.125, 1_000_000).machineText()).isEqualTo("0.125..1000000");
  }
}
