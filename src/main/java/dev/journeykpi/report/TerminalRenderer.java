package dev.journeykpi.report;

import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    // The KPI label gives way first (down to 24 columns), then the breakdown's label (16).
    Map<Integer, Integer> shrinkable = new LinkedHashMap<>();
    shrinkable.put(0, 24);
    if (layout.breakdownColumn) shrinkable.put(1, 16);
    TextTable table =
        new TextTable(layout.header, layout.rightAligned).fit(view.width(), true, shrinkable);
    for (ScorecardLayout.Section s : layout.sections) {
      table.section(s.title());
      for (List<String> row : s.rows()) table.row(row);
    }
    out.write(wrapped(Visible.text(layout.title)) + "\n\n");
    out.write(table.render("  "));
    for (ScorecardLayout.FunnelView f : layout.funnels) {
      boolean[] right = new boolean[f.header().size()];
      for (int i = 1; i < right.length; i++)
        right[i] = !f.header().get(i).isEmpty() && !f.header().get(i).equals(layout.words.owner());
      TextTable t = new TextTable(f.header(), right).fit(view.width(), false, Map.of(0, 16));
      f.rows().forEach(t::row);
      out.write("\n" + Visible.text(f.title()) + "\n" + t.render("  "));
      if (f.footer() != null)
        out.write(
            String.join(
                    "\n",
                    DisplayWidth.wrap(Visible.text(f.footer()), wrapWidth()).stream()
                        .map(l -> "  " + l)
                        .toList())
                + "\n");
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
          "\n"
              + String.join(
                  "\n", layout.summary.stream().map(l -> wrapped(Visible.text(l))).toList())
              + "\n");
    out.flush();
  }

  /** A line of text wrapped at the view's width. */
  private String wrapped(String text) {
    return String.join("\n", DisplayWidth.wrap(text, wrapWidth()));
  }

  /** The width texts wrap at; none (the largest int) without a width. */
  private int wrapWidth() {
    return view.width() <= 0
        ? Integer.MAX_VALUE
        : Math.max(TextTable.MIN_WRAPPED, view.width() - 2);
  }
}
