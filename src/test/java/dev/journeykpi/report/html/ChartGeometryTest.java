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
   * × 2.5/3 = 243.33. Values 10, 20, 15 over a plot 100 high from y = 20, its axis from zero (they
   * differ by 10, more than 20/20 = 1): 0 … 20, 5 px a unit from the bottom at 120: 20 at the top,
   * 20; 10 at 120 − 50 = 70; 15 at 120 − 75 = 45.
   */
  @Test
  void trendPointsAreWhereTheirPeriodAndValueSay() {
    assertThat(TrendChart.width(3)).isEqualTo(300);
    List<Double> xs = TrendChart.xs(3);
    assertThat(xs.get(0)).isCloseTo(56.667, within(0.001));
    assertThat(xs.get(1)).isCloseTo(150.0, within(1e-9));
    assertThat(xs.get(2)).isCloseTo(243.333, within(0.001));
    assertThat(TrendChart.ys(List.of(10.0, 20.0, 15.0))).containsExactly(70.0, 20.0, 45.0);
    // All equal: nothing to zoom into, the axis from zero, 0 … 5: both on the top line, 20; a
    // period without a value has no point.
    assertThat(TrendChart.ys(Arrays.asList(5.0, null, 5.0))).containsExactly(20.0, null, 20.0);
    // All zero: on the axis's foot, 120.
    assertThat(TrendChart.ys(List.of(0.0, 0.0))).containsExactly(120.0, 120.0);
    // Twelve periods are all drawn: 12 × 60 = 720 wide (no cut-off at three).
    assertThat(TrendChart.width(12)).isEqualTo(720);
    assertThat(TrendChart.xs(12)).hasSize(12);
  }

  /**
   * The y axis starts at zero unless that hides the change. 95.8%, 96.1%, 95.9% (as shares 0.958,
   * 0.961, 0.959) differ by 0.003, less than a twentieth of 0.961 (0.048): from zero they would lie
   * within 100 × 0.003 / 0.961 = 0.3 px of each other, so the axis is cut, 0.958 … 0.961, 33.3 px a
   * thousandth: 0.958 at the foot, 120; 0.961 at the top, 20; 0.959 at 120 − 33.3 = 86.7. Values on
   * both sides of zero, −20, 10, 40: the axis −20 … 40 holds zero, 100/60 px a unit: −20 at 120, 10
   * at 20 + 30 × 100/60 = 70, 40 at 20; zero at 20 + 40 × 100/60 = 86.7. Values all below zero, −10
   * and −5 (they differ by 5, more than 10/20): −10 … 0, −10 at the foot, −5 halfway, 70.
   */
  @Test
  void theTrendAxisStartsAtZeroUnlessTheChangeWouldVanish() {
    TrendChart.Scale cut = TrendChart.scale(List.of(0.958, 0.961, 0.959));
    assertThat(cut.cut()).isTrue();
    List<Double> ys = TrendChart.ys(List.of(0.958, 0.961, 0.959));
    assertThat(ys.get(0)).isCloseTo(120.0, within(1e-6));
    assertThat(ys.get(1)).isCloseTo(20.0, within(1e-6));
    assertThat(ys.get(2)).isCloseTo(86.667, within(0.001));
    TrendChart.Scale both = TrendChart.scale(List.of(-20.0, 10.0, 40.0));
    assertThat(both.cut()).isFalse();
    assertThat(both.y(0)).isCloseTo(86.667, within(0.001));
    assertThat(TrendChart.ys(List.of(-20.0, 10.0, 40.0))).containsExactly(120.0, 70.0, 20.0);
    assertThat(TrendChart.ys(List.of(-10.0, -5.0))).containsExactly(120.0, 70.0);
    // A change of exactly a twentieth is still drawn from zero: 19 and 20 (1 = 20/20) at 25 and 20.
    assertThat(TrendChart.scale(List.of(19.0, 20.0)).cut()).isFalse();
    assertThat(TrendChart.ys(List.of(19.0, 20.0))).containsExactly(25.0, 20.0);
  }

  /**
   * The axis's foot says where it starts: "0" left of the axis (x = 10 − 3, y = 120 + 3) when it is
   * zero; a cut axis gets the break, two strokes across the axis 4 px either side of x = 10, from
   * (6, 114) to (14, 110) and from (6, 118) to (14, 114), and no "0".
   */
  @Test
  void theAxisFootIsMarkedZeroOrBroken() {
    String fromZero =
        TrendChart.svg(
            List.of(new TrendChart.Point("a", 10.0, "10"), new TrendChart.Point("b", 20.0, "20")),
            "trend");
    assertThat(fromZero)
        .contains("<text x=\"7\" y=\"123\" text-anchor=\"end\" class=\"tick\">0</text>")
        .doesNotContain("x1=\"6\"");
    String cut =
        TrendChart.svg(
            List.of(
                new TrendChart.Point("a", 95.8, "95.8%"), new TrendChart.Point("b", 96.1, "96.1%")),
            "trend");
    assertThat(cut)
        .contains("<line x1=\"6\" y1=\"114\" x2=\"14\" y2=\"110\" class=\"axis\"/>")
        .contains("<line x1=\"6\" y1=\"118\" x2=\"14\" y2=\"114\" class=\"axis\"/>")
        .doesNotContain(">0</text>");
    // Below zero too: a grid line across at zero, y = 86.7, and "0" beside it at 89.7.
    String both =
        TrendChart.svg(
            List.of(
                new TrendChart.Point("a", -20.0, "-20"),
                new TrendChart.Point("b", 10.0, "10"),
                new TrendChart.Point("c", 40.0, "40")),
            "trend");
    assertThat(both)
        .contains("<line x1=\"10\" y1=\"86.7\" x2=\"290\" y2=\"86.7\" class=\"grid\"/>")
        .contains("<text x=\"7\" y=\"89.7\" text-anchor=\"end\" class=\"tick\">0</text>");
  }

  /**
   * The chart writes each value at its point and each period under the axis; the line is broken
   * where a period has no value (two segments around it, one of which is a single point: no line).
   * From zero (0 … 20): 20 min at the top, 20, its value 6 px above, 14; 10 min at 70, 15 min at
   * 45.
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
        .contains("<polyline class=\"line\" points=\"56.7,70 150,20 243.3,45\"/>");
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

  /**
   * The phone's heat map: cohort 46 and size 28, then cells of 23: age 0 at 74, age 11 at 74 + 11 ×
   * 23 = 327, twelve ages 74 + 276 = 350 wide (a 390 px phone less its margins holds 370); rows 18
   * high under a header of 16: the first row's cell +1 at x 97 + 1, y 16 + 1, 21 × 16, its text at
   * the cell's middle 97 + 11.5 = 108.5, 16 + 13 = 29.
   */
  @Test
  void thePhonesHeatMapFitsAPhone() {
    assertThat(CohortHeatMap.PHONE.cellX(0)).isEqualTo(74);
    assertThat(CohortHeatMap.PHONE.cellX(11)).isEqualTo(327);
    String svg =
        CohortHeatMap.svgForPhone(
            List.of("Cohort", "Customers", "+0", "+1"),
            List.of(
                new CohortHeatMap.Row(
                    "2026-09", "20", Arrays.asList(1.0, 0.25), List.of("100", "25"))),
            "cohorts");
    assertThat(svg)
        .startsWith("<svg class=\"chart heat phone\"")
        // Two ages: 74 + 46 = 120 wide, 16 + 18 = 34 high.
        .contains("width=\"120\" height=\"34\"")
        .contains(
            "<rect x=\"98\" y=\"17\" width=\"21\" height=\"16\" fill=\"#2563eb\" fill-opacity=\"0.25\"")
        .contains("<text x=\"108.5\" y=\"29\" text-anchor=\"middle\" class=\"val\">25</text>");
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
