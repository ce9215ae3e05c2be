package dev.journeykpi.report;

import dev.journeykpi.model.Messages;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.report.html.BreakdownBars;
import dev.journeykpi.report.html.CohortHeatMap;
import dev.journeykpi.report.html.FunnelChart;
import dev.journeykpi.report.html.TrendChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The page's charts fed from the scorecard's layout: the numbers and their texts come from the
 * layout (the same texts as the tables), the drawing from the chart classes of {@code report.html}.
 */
final class HtmlCharts {
  /** Past this many groups a breakdown is left to its table: bars that many would not be read. */
  static final int MAX_BARS = 40;

  private HtmlCharts() {}

  /**
   * A trend chart per KPI of the section (its headline row: the first, which carries the label)
   * when the run shows several periods; "" otherwise.
   */
  static String trends(ScorecardLayout.Section s, ScorecardLayout layout, Messages w) {
    if (layout.periodLabels.size() < 2) return "";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.rows().size(); i++) {
      List<String> row = s.rows().get(i);
      if (row.get(0).isEmpty() || s.results().get(i).isEmpty()) continue;
      List<TrendChart.Point> points = new ArrayList<>();
      for (int p = 0; p < layout.periodLabels.size(); p++) {
        ResultRow r = s.results().get(i).get(layout.periodLabels.get(p));
        points.add(
            new TrendChart.Point(
                layout.words.period(layout.periodLabels.get(p)),
                r == null ? null : r.value(),
                row.get(layout.firstPeriodColumn + p)));
      }
      if (points.stream().filter(p -> p.value() != null).count() < 2) continue;
      String caption = row.get(0);
      if (TrendChart.scale(points.stream().map(TrendChart.Point::value).toList()).cut()) {
        // The axis starts at the lowest value, not zero: said in words beside the drawn break.
        TrendChart.Point lowest =
            points.stream()
                .filter(p -> p.value() != null)
                .min(java.util.Comparator.comparingDouble(TrendChart.Point::value))
                .orElseThrow();
        caption += " — " + String.format(w.get("axis_cut"), lowest.text());
      }
      figure(b, caption, TrendChart.svg(points, w.get("trends") + ": " + caption));
    }
    return b.isEmpty() ? "" : "<div class=\"charts\">\n" + b + "</div>\n";
  }

  /**
   * Bars of each KPI's breakdown groups in the last period (its rows after the label row that are
   * not its total; a roll-up's first level), for a KPI with 2 to {@link #MAX_BARS} groups; "" when
   * none has.
   */
  static String breakdowns(ScorecardLayout.Section s, ScorecardLayout layout, Messages w) {
    if (!layout.breakdownColumn) return "";
    String last = layout.periodLabels.get(layout.periodLabels.size() - 1);
    int lastColumn = layout.firstPeriodColumn + layout.periodLabels.size() - 1;
    StringBuilder b = new StringBuilder();
    String kpi = null;
    List<BreakdownBars.Bar> bars = new ArrayList<>();
    for (int i = 0; i <= s.rows().size(); i++) {
      List<String> row = i < s.rows().size() ? s.rows().get(i) : null;
      if (row == null || !row.get(0).isEmpty()) {
        if (kpi != null && bars.size() >= 2 && bars.size() <= MAX_BARS)
          figure(
              b,
              String.format(w.get("breakdown"), kpi),
              BreakdownBars.svg(bars, String.format(w.get("breakdown"), kpi)));
        if (row == null) break;
        kpi = row.get(0);
        bars = new ArrayList<>();
      }
      ResultRow r = s.results().get(i).get(last);
      if (r == null || r.dims().isEmpty() || r.isTotal()) continue;
      // A roll-up's outline indents its deeper levels with spaces: its bars are its first level
      // (departments, not their teams mixed in), as the other KPIs' bars are their only level.
      if (row.get(1).startsWith(" ")) continue;
      bars.add(new BreakdownBars.Bar(row.get(1), r.value(), row.get(lastColumn)));
    }
    return b.isEmpty() ? "" : "<div class=\"charts\">\n" + b + "</div>\n";
  }

  /** A funnel's stages as bars true to their counts, the drops between them written. */
  static String funnel(ScorecardLayout.FunnelView f, ScorecardLayout layout, Messages w) {
    List<FunnelChart.Stage> stages = new ArrayList<>();
    int countColumn = f.header().indexOf(layout.words.entered());
    for (int i = 0; i < f.rows().size(); i++)
      stages.add(
          new FunnelChart.Stage(
              f.rows().get(i).get(0), f.entered().get(i), f.rows().get(i).get(countColumn)));
    String svg = FunnelChart.svg(stages, d -> drop(d, layout.fmt), f.title());
    StringBuilder b = new StringBuilder();
    figure(b, w.get("funnel"), svg);
    return "<div class=\"charts\">\n" + b + "</div>\n";
  }

  /** A drop as a whole percentage with its sign: 200 → 120 is "−40%" (Vietnamese "−40%" too). */
  static String drop(double d, ValueFormat fmt) {
    return (d < 0 ? "−" : d > 0 ? "+" : "±") + fmt.percent(Math.abs(d), 0);
  }

  /** A cohort triangle as a heat map. */
  static String heatMap(ScorecardLayout.Triangle t, Messages w) {
    List<CohortHeatMap.Row> rows = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      List<String> row = t.rows().get(i);
      rows.add(
          new CohortHeatMap.Row(
              row.get(0), row.get(1), t.rates().get(i), row.subList(2, row.size())));
    }
    // The phone's drawing: each share a whole percentage without its sign ("64", "64*" unfinished).
    List<CohortHeatMap.Row> whole = new ArrayList<>();
    for (CohortHeatMap.Row r : rows) {
      List<String> texts = new ArrayList<>();
      for (int a = 0; a < r.shares().size(); a++) {
        Double share = r.shares().get(a);
        String cell = a < r.texts().size() ? r.texts().get(a) : "";
        texts.add(share == null ? "" : Math.round(share * 100) + (cell.endsWith("*") ? "*" : ""));
      }
      whole.add(new CohortHeatMap.Row(r.cohort(), r.size(), r.shares(), texts));
    }
    StringBuilder b = new StringBuilder();
    figure(
        b,
        w.get("cohorts") + " (%)",
        CohortHeatMap.svg(t.header(), rows, t.title())
            + CohortHeatMap.svgForPhone(t.header(), whole, t.title()));
    return "<div class=\"charts\">\n" + b + "</div>\n";
  }

  private static void figure(StringBuilder b, String caption, String svg) {
    b.append("<figure><figcaption>")
        .append(HtmlRenderer.esc(caption))
        .append("</figcaption>")
        .append(svg)
        .append("</figure>\n");
  }
}
