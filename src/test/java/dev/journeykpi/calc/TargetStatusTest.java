package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Location;
import dev.journeykpi.config.TargetDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetStatusTest {
  static final Period OCT = Period.parse("2026-10");

  static TargetDef t(
      TargetDef.Kind k,
      double lo,
      double hi,
      Double amber,
      Double pct,
      Map<String, Double> byPeriod) {
    return new TargetDef(k, lo, hi, amber, null, pct, byPeriod, Location.NONE);
  }

  static TargetDef band(TargetDef.Kind k, double lo, double hi, double band) {
    return new TargetDef(k, lo, hi, null, band, null, Map.of(), Location.NONE);
  }

  @Test
  void minWithAnAmberThreshold() {
    // min 0.75, amber 0.70: 0.80 and 0.75 green; 0.72 and 0.70 amber; 0.69 red.
    var a = TargetStatus.in(t(TargetDef.Kind.MIN, 0.75, 0.75, 0.70, null, Map.of()), OCT);
    assertThat(a.text()).isEqualTo(">= 0.75");
    assertThat(a.of(0.80)).isEqualTo(Status.GREEN);
    assertThat(a.of(0.75)).isEqualTo(Status.GREEN);
    assertThat(a.of(0.72)).isEqualTo(Status.AMBER);
    assertThat(a.of(0.70)).isEqualTo(Status.AMBER);
    assertThat(a.of(0.69)).isEqualTo(Status.RED);
    assertThat(a.of(null)).isEqualTo(Status.NONE);
  }

  @Test
  void maxWithAPercentBand() {
    // max 30 minutes, amber 10%: amber up to 30 + 3 = 33.
    var a = TargetStatus.in(t(TargetDef.Kind.MAX, 30, 30, null, 10.0, Map.of()), OCT);
    assertThat(a.text()).isEqualTo("<= 30");
    assertThat(a.of(29.0)).isEqualTo(Status.GREEN);
    assertThat(a.of(33.0)).isEqualTo(Status.AMBER);
    assertThat(a.of(33.5)).isEqualTo(Status.RED);
  }

  @Test
  void rangeWithAPercentBandOfItsWidth() {
    // range 10–20, amber_band 10% of the width 10 = 1: 9 and 21 amber, 8.9 red.
    var a = TargetStatus.in(t(TargetDef.Kind.RANGE, 10, 20, null, 10.0, Map.of()), OCT);
    assertThat(a.of(9.0)).isEqualTo(Status.AMBER);
    assertThat(a.of(21.0)).isEqualTo(Status.AMBER);
    assertThat(a.of(8.9)).isEqualTo(Status.RED);
  }

  @Test
  void minWithoutAmberIsGreenOrRed() {
    var a = TargetStatus.in(t(TargetDef.Kind.MIN, 100, 100, null, null, Map.of()), OCT);
    assertThat(a.of(100.0)).isEqualTo(Status.GREEN);
    assertThat(a.of(99.9)).isEqualTo(Status.RED);
  }

  @Test
  void rangeWithABand() {
    // range 0.80–0.95 with a band of 0.02: 0.79 and 0.96 amber, 0.77 and 0.98 red.
    var a = TargetStatus.in(band(TargetDef.Kind.RANGE, 0.80, 0.95, 0.02), OCT);
    assertThat(a.text()).isEqualTo("0.8..0.95");
    assertThat(a.of(0.85)).isEqualTo(Status.GREEN);
    assertThat(a.of(0.79)).isEqualTo(Status.AMBER);
    assertThat(a.of(0.96)).isEqualTo(Status.AMBER);
    assertThat(a.of(0.77)).isEqualTo(Status.RED);
    assertThat(a.of(0.98)).isEqualTo(Status.RED);
  }

  @Test
  void perPeriodTargetsFallBackFromMonthToQuarterToYear() {
    TargetDef def =
        t(
            TargetDef.Kind.MIN,
            0.75,
            0.75,
            0.70,
            null,
            Map.of("2026-10", 0.90, "2026-Q4", 0.85, "2026", 0.80));
    // October has its own 0.90; the absolute amber keeps its distance of 0.05 → amber from 0.85.
    var oct = TargetStatus.in(def, OCT);
    assertThat(oct.text()).isEqualTo(">= 0.9");
    assertThat(oct.of(0.86)).isEqualTo(Status.AMBER);
    // November takes Q4's 0.85; July takes the year's 0.80; 2025 has none and keeps 0.75.
    assertThat(TargetStatus.in(def, Period.parse("2026-11")).text()).isEqualTo(">= 0.85");
    assertThat(TargetStatus.in(def, Period.parse("2026-07")).text()).isEqualTo(">= 0.8");
    assertThat(TargetStatus.in(def, Period.parse("2025-07")).text()).isEqualTo(">= 0.75");
  }

  @Test
  void statusOrderForFailOn() {
    assertThat(Status.RED.atOrBelow(Status.AMBER)).isTrue();
    assertThat(Status.AMBER.atOrBelow(Status.AMBER)).isTrue();
    assertThat(Status.AMBER.atOrBelow(Status.RED)).isFalse();
    assertThat(Status.GREEN.atOrBelow(Status.AMBER)).isFalse();
    assertThat(Status.NONE.atOrBelow(Status.AMBER)).isFalse();
  }
}
