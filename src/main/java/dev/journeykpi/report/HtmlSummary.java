package dev.journeykpi.report;

import dev.journeykpi.model.Messages;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Status;
import java.util.List;

/**
 * The summary at the top of the page: the period or periods, a card per KPI with its headline value
 * of the last period, its change when the run compares (--compare, --periods) and its status's
 * colour, then the green/amber/red/not-judged counts per stage and per department. With --periods
 * and no --compare, the change is the one from the period before the last.
 */
final class HtmlSummary {
  private HtmlSummary() {}

  static void write(StringBuilder b, ScorecardLayout layout, StatusCounts counts, Messages w) {
    b.append("<section class=\"top\">\n<h2>").append(esc(w.get("summary"))).append("</h2>\n");
    List<String> periods = layout.periodLabels.stream().map(layout.words::period).toList();
    b.append("<div class=\"periods\">")
        .append(esc(w.get(periods.size() == 1 ? "period" : "periods")))
        .append(": ")
        .append(esc(String.join(", ", periods)))
        .append("</div>\n");
    int lastColumn = layout.firstPeriodColumn + layout.periodLabels.size() - 1;
    int changeColumn = layout.header.contains(layout.words.change()) ? lastColumn + 1 : -1;
    StringBuilder cards = new StringBuilder();
    for (ScorecardLayout.Section s : layout.sections) {
      for (int i = 0; i < s.rows().size(); i++) {
        List<String> row = s.rows().get(i);
        // A KPI's first row carries its label and is its headline (the total first); a row that
        // stands for a drawing (the cohort triangle) has no results.
        if (row.get(0).isEmpty() || s.results().get(i).isEmpty()) continue;
        Status st = s.statuses().get(i);
        cards
            .append("<div class=\"kpi")
            .append(st == null || st == Status.NONE ? "" : " st-" + st.machineText())
            .append("\"><div class=\"k\">")
            .append(esc(row.get(0)))
            .append("</div><div class=\"v\">")
            .append(esc(row.get(lastColumn)))
            .append("</div>");
        String change = changeColumn >= 0 ? row.get(changeColumn) : "";
        String what = w.get("change");
        if (changeColumn < 0 && layout.periodLabels.size() > 1) {
          // --periods without --compare: the change from the period before the last, worked out
          // as --compare previous would (ResultRow.comparedWith), and said to be from that period.
          int n = layout.periodLabels.size();
          ResultRow lr = s.results().get(i).get(layout.periodLabels.get(n - 1));
          ResultRow before = s.results().get(i).get(layout.periodLabels.get(n - 2));
          if (lr != null && before != null && before.value() != null) {
            ResultRow c = lr.comparedWith(before.value());
            change = layout.fmt.change(c.delta(), c.deltaRelative(), c.unit());
            what = String.format(w.get("change_from"), layout.words.period(before.period()));
          }
        }
        if (!change.isEmpty())
          cards
              .append("<div class=\"d\">")
              .append(esc(what))
              .append(": ")
              .append(esc(change))
              .append("</div>");
        if (st != null && st != Status.NONE)
          cards.append("<div class=\"d\">").append(esc(layout.words.status(st))).append("</div>");
        cards.append("</div>\n");
      }
    }
    if (cards.length() > 0)
      b.append("<h3>")
          .append(esc(w.get("headline")))
          .append("</h3>\n<div class=\"kpis\">\n")
          .append(cards)
          .append("</div>\n");
    boolean judged =
        counts.byStage.stream().anyMatch(c -> c.green() + c.amber() + c.red() > 0)
            || counts.byDepartment.stream().anyMatch(c -> c.green() + c.amber() + c.red() > 0);
    if (judged) {
      b.append("<h3>").append(esc(w.get("statuses"))).append("</h3>\n");
      table(b, "s1", w.get("stage"), counts.byStage, w);
      table(b, "s2", w.get("department"), counts.byDepartment, w);
    }
    b.append("</section>\n");
  }

  private static void table(
      StringBuilder b, String id, String what, List<StatusCounts.Count> rows, Messages w) {
    if (rows.isEmpty()) return;
    List<String> header =
        List.of(what, w.get("green"), w.get("amber"), w.get("red"), w.get("not_judged"));
    // A small table (a name and four counts) that fits a phone as it is.
    b.append("<div class=\"wrap\"><table class=\"counts\" id=\"")
        .append(id)
        .append("\">\n<tr class=\"head\">");
    for (int c = 0; c < header.size(); c++)
      b.append(c == 4 ? "<th title=\"" + esc(w.get("not_judged.title")) + "\">" : "<th>")
          .append(esc(header.get(c)))
          .append("</th>");
    b.append("</tr>\n");
    for (StatusCounts.Count c : rows) {
      b.append("<tr><td>").append(esc(c.name())).append("</td>");
      cell(b, c.green(), "green");
      cell(b, c.amber(), "amber");
      cell(b, c.red(), "red");
      cell(b, c.notJudged(), "");
      b.append("</tr>\n");
    }
    b.append("</table></div>\n");
  }

  /** A count, coloured by its status when it is above 0. */
  private static void cell(StringBuilder b, int count, String status) {
    b.append(
            count > 0 && !status.isEmpty()
                ? "<td class=\"num " + status + "\">"
                : "<td class=\"num\">")
        .append(count)
        .append("</td>");
  }

  private static String esc(String s) {
    return HtmlRenderer.esc(s);
  }
}
