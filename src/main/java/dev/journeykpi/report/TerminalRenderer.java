package dev.journeykpi.report;

import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The scorecard in the terminal: aligned columns, Vietnamese-aware widths, a rule under each
 * section's header.
 */
public final class TerminalRenderer implements Renderer {
  private final View view;

  public TerminalRenderer(View view) {
    this.view = view;
  }

  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    ScorecardLayout layout = new ScorecardLayout(card, view);
    TextTable table = new TextTable(layout.header, layout.rightAligned);
    for (ScorecardLayout.Section s : layout.sections) {
      table.section(s.title());
      for (List<String> row : s.rows()) table.row(row);
    }
    out.write(Visible.text(layout.title) + "\n\n");
    out.write(table.render("  "));
    for (ScorecardLayout.FunnelView f : layout.funnels) {
      boolean[] right = new boolean[f.header().size()];
      for (int i = 1; i < right.length; i++)
        right[i] = !f.header().get(i).isEmpty() && !f.header().get(i).equals(layout.words.owner());
      TextTable t = new TextTable(f.header(), right);
      f.rows().forEach(t::row);
      out.write("\n" + Visible.text(f.title()) + "\n" + t.render("  "));
      if (f.footer() != null) out.write("  " + Visible.text(f.footer()) + "\n");
    }
    for (ScorecardLayout.Triangle t : layout.triangles) {
      boolean[] right = new boolean[t.header().size()];
      java.util.Arrays.fill(right, 1, right.length, true);
      TextTable tri = new TextTable(t.header(), right);
      t.rows().forEach(tri::row);
      out.write("\n" + Visible.text(t.title()) + "\n" + tri.render("  "));
    }
    if (!layout.summary.isEmpty())
      out.write(
          "\n" + String.join("\n", layout.summary.stream().map(Visible::text).toList()) + "\n");
    out.flush();
  }
}
