package dev.journeykpi.report;

import java.util.List;

/**
 * The page's stylesheet: the desktop tables, the charts' text and lines, the phone layout (under
 * 600 px every table row becomes a card whose cells are labelled by their column's header, so no
 * number needs a sideways scroll) and the print layout. A cell's label comes from a rule per table
 * ({@code #t3 td:nth-child(2)::before{content:"Tầng"}}) rather than an attribute on each cell, so
 * the cells' markup stays what scripts and tests read.
 */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1rem;color:#1d2733;background:#fff}
      h1{font-size:1.4rem;margin:0 0 .3rem} h2{font-size:1.05rem;margin:1.4rem 0 .4rem;color:#28435a}
      h3{font-size:.95rem;margin:1rem 0 .3rem;color:#28435a}
      .meta{color:#667;font-size:.85rem;margin-bottom:1rem}
      .wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
      table{border-collapse:collapse;font-size:.9rem;min-width:100%}
      th,td{padding:.35rem .6rem;border-bottom:1px solid #e3e7ec;white-space:nowrap;text-align:left}
      th{background:#f1f4f7;font-weight:600} td.num{text-align:right;font-variant-numeric:tabular-nums}
      td.status{font-weight:600;text-align:center;border-radius:4px}
      .green{background:#d4edda;color:#155724} .amber{background:#fff3cd;color:#856404} .red{background:#f8d7da;color:#721c24}
      td.note{color:#667;white-space:normal;min-width:12rem}
      @media (min-width:601px){table.cards td:first-child{white-space:normal;min-width:8rem} td.note{min-width:9rem}}
      .summary{margin-top:1.2rem;font-size:.9rem}
      td.bar-green{border-left:6px solid #28a745} td.bar-amber{border-left:6px solid #f0ad4e} td.bar-red{border-left:6px solid #dc3545}
      .top{background:#f7f9fb;border:1px solid #e3e7ec;border-radius:8px;padding:.2rem 1rem 1rem}
      .top table{min-width:0} .counts th,.counts td{white-space:normal}
      .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.6rem}
      .kpi{background:#fff;border:1px solid #e3e7ec;border-left:6px solid #c5ccd4;border-radius:6px;padding:.45rem .7rem}
      .kpi.st-green{border-left-color:#28a745} .kpi.st-amber{border-left-color:#f0ad4e} .kpi.st-red{border-left-color:#dc3545}
      .kpi .k{font-size:.82rem;color:#445} .kpi .v{font-size:1.25rem;font-weight:600;font-variant-numeric:tabular-nums}
      .kpi .d{font-size:.82rem;color:#556}
      .charts{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.6rem 0}
      figure{margin:0;max-width:100%} figcaption{font-size:.82rem;color:#445;margin:.2rem 0}
      svg.chart,svg.trend{max-width:100%;height:auto;font-size:10px}
      svg .lbl{fill:#1d2733;font-size:11px} svg .val{fill:#1d2733} svg .on-dark{fill:#fff}
      svg .drop{fill:#b02a37;font-size:11px;font-weight:600} svg .tick{fill:#667} svg .th{fill:#445;font-weight:600}
      svg .axis{stroke:#8a96a3;stroke-width:1} svg .grid{stroke:#e3e7ec;stroke-width:1}
      svg .line{fill:none;stroke:#28435a;stroke-width:1.5} svg .pt{fill:#28435a}
      svg.heat.phone{display:none;font-size:9px} svg.phone .lbl{font-size:9px}
      @media (max-width:600px){
      body{margin:.6rem} .top{padding:.1rem .6rem .6rem}
      .kpis{grid-template-columns:1fr 1fr;gap:.4rem} .kpi{padding:.35rem .5rem} .kpi .v{font-size:1.05rem}
      .counts th,.counts td{padding:.3rem .4rem}
      svg.heat{display:none} svg.heat.phone{display:inline}
      table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;min-width:0;width:auto}
      table.cards tr.head{display:none}
      table.cards tr{border:1px solid #e3e7ec;border-radius:6px;margin:.5rem 0;padding:.2rem 0;background:#fff}
      table.cards td{border-bottom:0;white-space:normal;overflow-wrap:anywhere;text-align:right;padding:.15rem .6rem;min-width:0}
      table.cards td:empty{display:none}
      table.cards td::before{float:left;font-weight:600;color:#556;padding-right:.8rem;text-align:left}
      table.cards td:first-child{text-align:left;font-weight:600}
      table.cards td.note{text-align:left}
      table.cards td.note::before{float:none;display:block}
      }
      @media print{
      body{margin:0;font-size:10pt} .wrap{overflow:visible}
      th,td{white-space:normal;padding:.2rem .4rem}
      h2,h3{break-after:avoid;page-break-after:avoid}
      tr,.kpi,figure,svg{break-inside:avoid;page-break-inside:avoid}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      }
      """;

  /**
   * The phone's labels of a table's cells: its header's texts, from the second column (the first
   * cell is the card's title), for the table with this id.
   */
  static void cardLabels(StringBuilder css, String id, List<String> header) {
    for (int c = 1; c < header.size(); c++) {
      if (header.get(c).isEmpty()) continue;
      css.append('#')
          .append(id)
          .append(" td:nth-child(")
          .append(c + 1)
          .append(")::before{content:\"")
          .append(cssString(header.get(c)))
          .append("\"}\n");
    }
  }

  /**
   * A text inside a CSS string: quotes and backslashes escaped, and '<' and '&' written as CSS
   * escapes so that the stylesheet also parses as XML.
   */
  static String cssString(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"', '\\' -> b.append('\\').append(ch);
        case '<' -> b.append("\\3c ");
        case '&' -> b.append("\\26 ");
        case '\n' -> b.append("\\a ");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
