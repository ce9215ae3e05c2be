package dev.journeykpi.report;

import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The scorecard as Markdown: a heading per journey section and a table under it, for a README or a
 * chat message.
 */
public final class MarkdownRenderer implements Renderer {
  private final View view;

  public MarkdownRenderer(View view) {
    this.view = view;
  }

  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    ScorecardLayout layout = new ScorecardLayout(card, view);
    StringBuilder b = new StringBuilder("# ").append(escape(layout.title)).append("\n");
    for (ScorecardLayout.Section s : layout.sections) {
      b.append("\n## ").append(escape(s.title())).append("\n\n");
      row(b, s.header());
      b.append('|');
      for (boolean right : layout.rightAligned) b.append(right ? " ---: |" : " --- |");
      b.append('\n');
      for (List<String> r : s.rowsNotesOnce(layout.noteColumn)) row(b, r);
    }
    for (ScorecardLayout.FunnelView f : layout.funnels) {
      b.append("\n## ").append(escape(f.title())).append("\n\n");
      row(b, f.header());
      b.append("| --- |").append(" ---: |".repeat(f.header().size() - 1)).append('\n');
      for (List<String> r : f.rows()) row(b, r);
      if (f.footer() != null) b.append('\n').append(escape(f.footer())).append('\n');
    }
    for (ScorecardLayout.Triangle t : layout.triangles) {
      b.append("\n## ").append(escape(t.title())).append("\n\n");
      row(b, t.header());
      b.append("| --- |").append(" ---: |".repeat(t.header().size() - 1)).append('\n');
      for (List<String> r : t.rows()) row(b, r);
    }
    if (!layout.comparisons.isEmpty()) {
      b.append("\n## ").append(escape(layout.comparisonsTitle)).append("\n\n");
      for (String c : layout.comparisons) b.append("- ").append(escape(c)).append('\n');
    }
    if (!layout.summary.isEmpty()) {
      b.append('\n');
      for (String line : layout.summary) {
        b.append(line.startsWith(" ") ? "- " + escape(line.strip()) : "**" + escape(line) + "**\n")
            .append('\n');
      }
    }
    out.write(b.toString());
    out.flush();
  }

  private static void row(StringBuilder b, List<String> cells) {
    b.append('|');
    for (String c : cells) b.append(' ').append(escape(c)).append(" |");
    b.append('\n');
  }

  /**
   * Pipes would split a cell; asterisks, underscores and backticks would format it; control
   * characters are shown.
   */
  static String escape(String s) {
    return Visible.text(
        s.replace("\\", "\\\\")
            .replace("|", "\\|")
            .replace("*", "\\*")
            .replace("_", "\\_")
            .replace("`", "\\`"));
  }
}
