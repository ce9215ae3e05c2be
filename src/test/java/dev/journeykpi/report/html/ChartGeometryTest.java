package dev.journeykpi.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts' geometry, each expectation worked out by hand in its comment. */
class ChartGeometryTest {

  /**
   * 200 → 120 → 30 at 300 px: the widest count fills the width, so 300; 120/200 × 300 = 180; 30/200
   * × 300 = 45. The drops: (120 − 200)/200 = −0.40, (30 − 120)/120 = −0.75.
   */
  @Test
  void funnelBarsAreTrueToTheirCounts() {
    List<Double> counts = List.of(200.0, 120.0, 30.0);
    assertThat(FunnelChart.widths(counts, 300)).containsExactly(300.0, 180.0, 45.0);
    assertThat(FunnelChart.drops(counts)).containsExactly(null, -0.4, -0.75);
    String svg =
        FunnelChart.svg(
            List.of(
                new FunnelChart.Stage("Leads", 200.0, "200"),
                new FunnelChart.Stage("Demo", 120.0, "120"),
                new FunnelChart.Stage("Won", 30.0, "30")),
            d -> Math.round(d * 100) + "%",
            "funnel");
    // Bars at y = 42 × i + 18; counts written 4 px after each bar's end (304, 184, 49).
    assertThat(svg)
        .contains("<rect x=\"0\" y=\"18\" width=\"300\" height=\"18\"")
        .contains("<rect x=\"0\" y=\"60\" width=\"180\" height=\"18\"")
        .contains("<rect x=\"0\" y=\"102\" width=\"45\" height=\"18\"")
        .contains("<text x=\"184\" y=\"74\" class=\"val\">120</text>")
        .contains(">-40%</text>")
        .contains(">-75%</text>");
  }

  /**
   * A later stage with more leads than an earlier one (some entered it directly) is drawn by its
   * own count: 100, 150, 50 → the largest, 150, fills 300; 100/150 × 300 = 200; 50/150 × 300 = 100.
   * The drop to 150 is a rise: (150 − 100)/100 = +0.5; then (50 − 150)/150 = −2/3. A stage without
   * a count or with none (0) has no bar, and no drop is computed from an empty stage.
   */
  @Test
  void aLaterStageIsNeverWiderThanItsCount() {
    assertThat(FunnelChart.widths(List.of(100.0, 150.0, 50.0), 300))
        .containsExactly(200.0, 300.0, 100.0);
    assertThat(FunnelChart.drops(List.of(100.0, 150.0, 50.0)))
        .containsExactly(null, 0.5, -100.0 / 150);
    List<Double> gaps = Arrays.asList(null, 0.0, 80.0);
    assertThat(FunnelChart.widths(gaps, 300)).containsExactly(0.0, 0.0, 300.0);
    assertThat(FunnelChart.drops(gaps)).containsExactly(null, null, null);
    assertThat(FunnelChart.widths(List.of(0.0, 0.0), 300)).containsExactly(0.0, 0.0);
  }

  /**
   * Three periods: the drawing is max(300, 3 × 60) = 300 wide; the plot, between margins of 10,
   * 280; each period in the middle of its third: 10 + 280 × 0.5/3 = 56.67, 10 + 140 = 150, 10 + 280
   * × 2.5/3 = 243.33. Values 10, 20, 15 over a plot 100 high from y = 20: the highest (20) at the
   * top, 20; the lowest (10) at the bottom, 120; 15 halfway, 70.
   */
  @Test
  void trendPointsAreWhereTheirPeriodAndValueSay() {
    assertThat(TrendChart.width(3)).isEqualTo(300);
    List<Double> xs = TrendChart.xs(3);
    assertThat(xs.get(0)).isCloseTo(56.667, within(0.001));
    assertThat(xs.get(1)).isCloseTo(150.0, within(1e-9));
    assertThat(xs.get(2)).isCloseTo(243.333, within(0.001));
    assertThat(TrendChart.ys(List.of(10.0, 20.0, 15.0))).containsExactly(120.0, 20.0, 70.0);
    // All equal: the middle height, 20 + 50 = 70; a period without a value has no point.
    assertThat(TrendChart.ys(Arrays.asList(5.0, null, 5.0))).containsExactly(70.0, null, 70.0);
    // Twelve periods are all drawn: 12 × 60 = 720 wide (no cut-off at three).
    assertThat(TrendChart.width(12)).isEqualTo(720);
    assertThat(TrendChart.xs(12)).hasSize(12);
  }

  /**
   * The chart writes each value at its point and each period under the axis; the line is broken
   * where a period has no value (two segments around it, one of which is a single point: no line).
   */
  @Test
  void trendChartWritesValuesAndPeriods() {
    String svg =
        TrendChart.svg(
            List.of(
                new TrendChart.Point("2026-08", 10.0, "10 min"),
                new TrendChart.Point("2026-09", 20.0, "20 min"),
                new TrendChart.Point("2026-10", 15.0, "15 min")),
            "trend");
    assertThat(svg)
        .startsWith("<svg class=\"trend\"")
        // The value 6 px above its point: 20 − 6 = 14 for the highest.
        .contains("<text x=\"150\" y=\"14\" text-anchor=\"middle\" class=\"val\">20 min</text>")
        // The period 15 px under the x axis at y = 120: 135.
        .contains("<text x=\"56.7\" y=\"135\" text-anchor=\"middle\" class=\"tick\">2026-08</text>")
        .contains("<polyline class=\"line\" points=\"56.7,120 150,20 243.3,70\"/>");
    String broken =
        TrendChart.svg(
            List.of(
                new TrendChart.Point("a", 1.0, "1"),
                new TrendChart.Point("b", null, ""),
                new TrendChart.Point("c", 2.0, "2")),
            "trend");
    assertThat(broken).doesNotContain("<polyline").contains("<circle");
  }

  /**
   * Breakdown bars from zero: 50, 100, 25 at 200 px → 100 fills 200, so 100 and 50. With −20 and 60
   * the scale runs −20 … 60 (80 → 200 px, 2.5 px a unit), zero at 20 × 2.5 = 50: −20 spans 0 … 50,
   * 60 spans 50 … 200 (150 wide).
   */
  @Test
  void breakdownBarsStartAtZero() {
    assertThat(BreakdownBars.spans(List.of(50.0, 100.0, 25.0), 200))
        .containsExactly(
            new BreakdownBars.Span(0, 100),
            new BreakdownBars.Span(0, 200),
            new BreakdownBars.Span(0, 50));
    assertThat(BreakdownBars.spans(Arrays.asList(-20.0, 60.0, null), 200))
        .containsExactly(
            new BreakdownBars.Span(0, 50),
            new BreakdownBars.Span(50, 150),
            new BreakdownBars.Span(50, 0));
    assertThat(BreakdownBars.shortLabel("a".repeat(30))).isEqualTo("a".repeat(23) + "…");
  }

  /**
   * A heat map cell's blue is as opaque as its share (0.643 → 0.643), at least 0.05 (0.01 → 0.05)
   * and at most 1 (1.2 → 1); the cells start after the cohort (80) and size (64) columns, 56 each:
   * age 0 at 144, age 2 at 144 + 112 = 256.
   */
  @Test
  void heatMapCells() {
    assertThat(CohortHeatMap.opacity(0.643)).isEqualTo(0.643);
    assertThat(CohortHeatMap.opacity(0.01)).isEqualTo(0.05);
    assertThat(CohortHeatMap.opacity(1.2)).isEqualTo(1.0);
    assertThat(CohortHeatMap.cellX(0)).isEqualTo(144);
    assertThat(CohortHeatMap.cellX(2)).isEqualTo(256);
    String svg =
        CohortHeatMap.svg(
            List.of("Cohort", "Customers", "+0", "+1"),
            List.of(
                new CohortHeatMap.Row(
                    "2026-09", "20", Arrays.asList(1.0, 0.25), List.of("100.0%", "25.0%"))),
            "cohorts");
    // Cell +1 of the first row: x 200 + 1, y 20 + 1, 54 × 22, a quarter of the blue, dark text.
    assertThat(svg)
        .contains(
            "<rect x=\"201\" y=\"21\" width=\"54\" height=\"22\" fill=\"#2563eb\" fill-opacity=\"0.25\"")
        .contains("class=\"val on-dark\">100.0%</text>")
        .contains("class=\"val\">25.0%</text>");
  }

  /** Coordinates are short: one decimal at most, none when whole, "0" for a tiny negative. */
  @Test
  void coordinates() {
    assertThat(Svg.num(56.6666)).isEqualTo("56.7");
    assertThat(Svg.num(150.0)).isEqualTo("150");
    assertThat(Svg.num(-0.04)).isEqualTo("0");
    assertThat(Svg.num(-2.25)).isEqualTo("-2.2");
    assertThat(Svg.esc("a<b & \"c\"")).isEqualTo("a&lt;b &amp; &quot;c&quot;");
  }
}
