package dev.journeykpi.report;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorecard as one self-contained HTML page (no scripts, fonts or images fetched at view time):
 * the journey sections with statuses coloured, a trend line per KPI when several periods are shown,
 * and the status summary. Readable on a phone: tables scroll sideways inside their section.
 */
public final class HtmlRenderer implements Renderer {
  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1rem;color:#1d2733;background:#fff}
      h1{font-size:1.4rem;margin:0 0 .3rem} h2{font-size:1.05rem;margin:1.4rem 0 .4rem;color:#28435a}
      .meta{color:#667;font-size:.85rem;margin-bottom:1rem}
      .fcell{min-width:8rem;width:30%} .fbar{height:.9rem;background:#2563eb;border-radius:2px}
      .wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
      table{border-collapse:collapse;font-size:.9rem;min-width:100%}
      th,td{padding:.35rem .6rem;border-bottom:1px solid #e3e7ec;white-space:nowrap;text-align:left}
      th{background:#f1f4f7;font-weight:600} td.num{text-align:right;font-variant-numeric:tabular-nums}
      td.status{font-weight:600;text-align:center;border-radius:4px}
      .green{background:#d4edda;color:#155724} .amber{background:#fff3cd;color:#856404} .red{background:#f8d7da;color:#721c24}
      td.note{color:#667;white-space:normal;min-width:12rem}
      svg.trend{vertical-align:middle} .summary{margin-top:1.2rem;font-size:.9rem}
      td.bar-green{border-left:6px solid #28a745} td.bar-amber{border-left:6px solid #f0ad4e} td.bar-red{border-left:6px solid #dc3545}
      """;

  private final View view;
  private final String generatedAt;

  /**
   * @param generatedAt a "generated at" text for the page, or null for none (--no-timestamp)
   */
  public HtmlRenderer(View view, String generatedAt) {
    this.view = view;
    this.generatedAt = generatedAt;
  }

  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    ScorecardLayout layout = new ScorecardLayout(card, view);
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"")
        .append(card.definition().locale())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(esc(layout.title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(esc(layout.title))
        .append("</h1>\n");
    if (generatedAt != null)
      b.append("<div class=\"meta\">")
          .append(esc(layout.words.generated()))
          .append(' ')
          .append(esc(generatedAt))
          .append("</div>\n");
    boolean trends = card.periods().size() > 1;
    int statusColumn = layout.statusColumn;
    for (ScorecardLayout.Section s : layout.sections) {
      b.append("<h2>").append(esc(s.title())).append("</h2>\n<div class=\"wrap\"><table>\n<tr>");
      for (String h : s.header()) b.append("<th>").append(esc(h)).append("</th>");
      if (trends) b.append("<th>").append(esc(layout.words.trend())).append("</th>");
      b.append("</tr>\n");
      for (int i = 0; i < s.rows().size(); i++) {
        List<String> row = s.rows().get(i);
        b.append("<tr>");
        // The CSS classes are named for the machine words (bar-green, status red).
        String status = s.statuses().get(i) == null ? "" : s.statuses().get(i).machineText();
        for (int c = 0; c < row.size(); c++) {
          // The first cell carries the status as a coloured bar, so a phone shows it before the
          // table scrolls.
          String cls =
              c == 0 && !status.isEmpty()
                  ? "bar-" + status
                  : c == statusColumn && !status.isEmpty()
                      ? "status " + status
                      : c == layout.noteColumn ? "note" : layout.rightAligned[c] ? "num" : "";
          b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">")
              .append(esc(row.get(c)))
              .append("</td>");
        }
        if (trends) b.append("<td>").append(sparkline(card, row.get(0))).append("</td>");
        b.append("</tr>\n");
      }
      b.append("</table></div>\n");
    }
    for (ScorecardLayout.FunnelView f : layout.funnels) {
      // A funnel chart: each stage's bar is its share of the first stage; the step table has no
      // bars.
      b.append("<h2>")
          .append(esc(f.title()))
          .append("</h2>\n<div class=\"wrap\"><table class=\"funnel\">\n<tr>");
      for (String h : f.header()) b.append("<th>").append(esc(h)).append("</th>");
      b.append("</tr>\n");
      for (int i = 0; i < f.rows().size(); i++) {
        List<String> row = f.rows().get(i);
        b.append("<tr>");
        for (int c = 0; c < row.size(); c++) {
          boolean barCell = f.share() != null && f.header().get(c).isEmpty();
          if (barCell) {
            Double share = f.share().get(i);
            b.append(
                String.format(
                    java.util.Locale.ROOT,
                    "<td class=\"fcell\"><div class=\"fbar\" style=\"width:%.1f%%\"></div></td>",
                    share == null ? 0 : 100 * Math.min(1, share)));
          } else {
            boolean text = c == 0 || f.header().get(c).equals(layout.words.owner());
            b.append(text ? "<td>" : "<td class=\"num\">").append(esc(row.get(c))).append("</td>");
          }
        }
        b.append("</tr>\n");
      }
      b.append("</table></div>\n");
      if (f.footer() != null)
        b.append("<div class=\"summary\">").append(esc(f.footer())).append("</div>\n");
    }
    for (ScorecardLayout.Triangle t : layout.triangles) {
      // The cohort triangle as a heat map: the deeper the blue, the larger the share still active.
      b.append("<h2>")
          .append(esc(t.title()))
          .append("</h2>\n<div class=\"wrap\"><table class=\"cohort\">\n<tr>");
      for (String h : t.header()) b.append("<th>").append(esc(h)).append("</th>");
      b.append("</tr>\n");
      for (int i = 0; i < t.rows().size(); i++) {
        List<String> row = t.rows().get(i);
        b.append("<tr><td>")
            .append(esc(row.get(0)))
            .append("</td><td class=\"num\">")
            .append(esc(row.get(1)))
            .append("</td>");
        for (int c = 2; c < row.size(); c++) {
          Double rate = t.rates().get(i).get(c - 2);
          b.append(
                  rate == null
                      ? "<td></td>"
                      : String.format(
                          java.util.Locale.ROOT,
                          "<td class=\"num heat\" style=\"background:rgba(37,99,235,%.2f);color:%s\">",
                          Math.max(0.05, Math.min(1, rate)),
                          rate > 0.55 ? "#fff" : "#111"))
              .append(rate == null ? "" : esc(row.get(c)) + "</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table></div>\n");
    }
    if (!layout.comparisons.isEmpty()) {
      b.append("<h2>").append(esc(layout.comparisonsTitle)).append("</h2>\n<ul>\n");
      for (String c : layout.comparisons) b.append("<li>").append(esc(c)).append("</li>\n");
      b.append("</ul>\n");
    }
    if (!layout.summary.isEmpty()) {
      b.append("<div class=\"summary\">");
      for (String line : layout.summary) b.append(esc(line.strip())).append("<br>\n");
      b.append("</div>\n");
    }
    b.append("</body>\n</html>\n");
    out.write(b.toString());
    out.flush();
  }

  /**
   * A small SVG line of a KPI's headline values across the periods, on its first row (the one that
   * shows the label); empty when fewer than two values exist.
   */
  private static String sparkline(Scorecard card, String label) {
    List<Double> values = new ArrayList<>();
    if (label.isEmpty()) return "";
    for (Period p : card.periods()) {
      Double v = null;
      for (ResultRow r : card.rows()) {
        if (r.label().equals(label)
            && r.period().equals(p.label())
            && (r.dims().isEmpty() || r.isTotal())) v = r.value();
      }
      values.add(v);
    }
    double min =
        values.stream().filter(x -> x != null).mapToDouble(Double::doubleValue).min().orElse(0);
    double max =
        values.stream().filter(x -> x != null).mapToDouble(Double::doubleValue).max().orElse(0);
    if (values.stream().filter(x -> x != null).count() < 2) return "";
    int w = 96;
    int h = 24;
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) continue;
      double x = 2 + (w - 4) * (values.size() == 1 ? 0.5 : (double) i / (values.size() - 1));
      double y = max == min ? h / 2.0 : 2 + (h - 4) * (1 - (values.get(i) - min) / (max - min));
      pts.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    return "<svg class=\"trend\" width=\""
        + w
        + "\" height=\""
        + h
        + "\" viewBox=\"0 0 "
        + w
        + " "
        + h
        + "\" role=\"img\" aria-label=\"trend\"><polyline fill=\"none\" stroke=\"#28435a\" stroke-width=\"1.5\" points=\""
        + pts.toString().trim()
        + "\"/></svg>";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
