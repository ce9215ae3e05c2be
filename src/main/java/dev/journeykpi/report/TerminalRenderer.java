package dev.journeykpi.report;

import dev.journeykpi.engine.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The scorecard in the terminal: aligned columns, Vietnamese-aware widths, a rule under each section's header. */
public final class TerminalRenderer implements Renderer {
  private final boolean byOwner;
  private final String lang;

  public TerminalRenderer() {
    this(false, null);
  }

  /**
   * @param byOwner each department's KPIs together, in journey order
   * @param lang "en" or "vi"; null for the definition's locale
   */
  public TerminalRenderer(boolean byOwner, String lang) {
    this.byOwner = byOwner;
    this.lang = lang;
  }

  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    ScorecardLayout layout = new ScorecardLayout(card, byOwner, lang);
    TextTable table = new TextTable(layout.header, layout.rightAligned);
    for (ScorecardLayout.Section s : layout.sections) {
      table.section(s.title());
      for (List<String> row : s.rows()) table.row(row);
    }
    out.write(layout.title + "\n\n");
    out.write(table.render("  "));
    if (!layout.summary.isEmpty()) out.write("\n" + String.join("\n", layout.summary) + "\n");
    out.flush();
  }
}
