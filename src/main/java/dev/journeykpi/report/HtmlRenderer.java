package dev.journeykpi.report;

import dev.journeykpi.model.Messages;
import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The scorecard as one self-contained HTML page (no scripts, fonts or images fetched at view time):
 * a summary on top (the periods, a card per KPI with its change, the status counts per stage and
 * department), then the journey's sections with statuses coloured, each followed by its KPIs' trend
 * charts (several periods) and breakdown bars, the funnels as bars true to their counts, the cohort
 * triangles as heat maps, the A/B comparisons. The charts are inline SVG drawn by {@code
 * report.html}. On a phone (under 600 px) the tables become cards; {@code @media print} lays it out
 * for paper. The page is well-formed XML (closed tags, escaped text), so an XHTML parser reads it
 * (the PDF is drawn from it).
 */
public final class HtmlRenderer implements Renderer {
  private final View view;
  private final Instant generatedAt;

  /**
   * @param generatedAt when the run made the page, written in the definition's zone; null for no
   *     time (--no-timestamp)
   */
  public HtmlRenderer(View view, Instant generatedAt) {
    this.view = view;
    this.generatedAt = generatedAt;
  }

  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    ScorecardLayout layout = new ScorecardLayout(card, view);
    Messages w = Messages.of("html", "vi".equals(layout.lang) ? "vi" : "en");
    // The cards' labels are rules per table, gathered while the tables are written.
    StringBuilder css = new StringBuilder();
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(esc(layout.title)).append("</h1>\n");
    if (generatedAt != null)
      b.append("<div class=\"meta\">")
          .append(esc(layout.words.generated()))
          .append(' ')
          .append(esc(when(generatedAt, card.definition().zone(), w)))
          .append("</div>\n");
    HtmlSummary.write(b, layout, new StatusCounts(card), w);
    int tables = 0;
    for (ScorecardLayout.Section s : layout.sections) {
      String id = "t" + ++tables;
      HtmlStyle.cardLabels(css, id, s.header());
      b.append("<h2>").append(esc(s.title())).append("</h2>\n");
      b.append("<div class=\"wrap\"><table class=\"cards\" id=\"").append(id).append("\">\n");
      header(b, s.header(), -1);
      for (int i = 0; i < s.rows().size(); i++) {
        List<String> row = s.rows().get(i);
        b.append("<tr>");
        // The CSS classes are named for the machine words (bar-green, status red).
        String status = s.statuses().get(i) == null ? "" : s.statuses().get(i).machineText();
        for (int c = 0; c < row.size(); c++) {
          // The first cell carries the status as a coloured bar, so a phone shows it at the
          // card's edge.
          String cls =
              c == 0 && !status.isEmpty()
                  ? "bar-" + status
                  : c == layout.statusColumn && !status.isEmpty()
                      ? "status " + status
                      : c == layout.noteColumn ? "note" : layout.rightAligned[c] ? "num" : "";
          b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">")
              .append(esc(row.get(c)))
              .append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table></div>\n");
      b.append(HtmlCharts.trends(s, layout, w));
      b.append(HtmlCharts.breakdowns(s, layout, w));
    }
    for (ScorecardLayout.FunnelView f : layout.funnels) {
      String id = "t" + ++tables;
      b.append("<h2>").append(esc(f.title())).append("</h2>\n");
      if (f.entered() != null) b.append(HtmlCharts.funnel(f, layout, w));
      // The table without its text bars: the chart above draws them.
      int bar = f.entered() == null ? -1 : f.barColumn();
      List<String> header = new java.util.ArrayList<>(f.header());
      if (bar >= 0) header.remove(bar);
      HtmlStyle.cardLabels(css, id, header);
      b.append("<div class=\"wrap\"><table class=\"funnel cards\" id=\"")
          .append(id)
          .append("\">\n");
      header(b, f.header(), bar);
      for (List<String> row : f.rows()) {
        b.append("<tr>");
        for (int c = 0; c < row.size(); c++) {
          if (c == bar) continue;
          boolean text = c == 0 || f.header().get(c).equals(layout.words.owner());
          b.append(text ? "<td>" : "<td class=\"num\">").append(esc(row.get(c))).append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table></div>\n");
      if (f.footer() != null)
        b.append("<div class=\"summary\">").append(esc(f.footer())).append("</div>\n");
    }
    for (ScorecardLayout.Triangle t : layout.triangles) {
      b.append("<h2>").append(esc(t.title())).append("</h2>\n");
      b.append(HtmlCharts.heatMap(t, w));
    }
    if (!layout.comparisons.isEmpty()) {
      b.append("<h2>").append(esc(layout.comparisonsTitle)).append("</h2>\n<ul>\n");
      for (String c : layout.comparisons) b.append("<li>").append(esc(c)).append("</li>\n");
      b.append("</ul>\n");
    }
    if (!layout.incomplete.isEmpty()) {
      // What the starred periods of the headers mean; the status counts are in the summary on top.
      b.append("<div class=\"summary\">")
          .append(
              esc(String.format(layout.words.incomplete(), String.join(", ", layout.incomplete))))
          .append("</div>\n");
    }
    out.write(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
            + esc(card.definition().locale())
            + "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>"
            + esc(layout.title)
            + "</title>\n<style>\n"
            + HtmlStyle.CSS
            + "@media (max-width:600px){\n"
            + css
            + "}\n</style>\n</head>\n<body>\n"
            + b
            + "</body>\n</html>\n");
    out.flush();
  }

  /** A header row; the column {@code skip} left out (-1 for none). */
  private static void header(StringBuilder b, List<String> header, int skip) {
    b.append("<tr class=\"head\">");
    for (int c = 0; c < header.size(); c++)
      if (c != skip) b.append("<th>").append(esc(header.get(c))).append("</th>");
    b.append("</tr>\n");
  }

  /**
   * The generation time as people read it, in the definition's zone: "7 Dec 2026 17:05
   * (Asia/Ho_Chi_Minh)", in Vietnamese "17:05, ngày 7 tháng 12 năm 2026 (Asia/Ho_Chi_Minh)".
   */
  static String when(Instant at, ZoneId zone, Messages w) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern(w.get("generated.format"), Locale.ENGLISH);
    return f.format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
