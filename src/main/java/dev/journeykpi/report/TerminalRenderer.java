package dev.journeykpi.report;

import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
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
        new TextTable(layout.header, layout.rightAligned)
            .fit(view.width(), true, shrinkable)
            .stackFirst();
    // Colour goes on after the layout: the table measures, cuts and pads the plain words, then
    // colours the status cell and the status words of the section titles' counts.
    boolean color = view.color() && layout.statusColumn >= 0;
    if (color) table.titles(t -> StatusColors.counts(t, layout.words));
    for (ScorecardLayout.Section s : layout.sections) {
      table.section(s.title(), s.header());
      List<List<String>> rows = s.rowsNotesOnce(layout.noteColumn);
      for (int i = 0; i < rows.size(); i++)
        table.row(
            rows.get(i),
            layout.statusColumn,
            color ? StatusColors.code(s.statuses().get(i)) : null);
    }
    out.write(wrapped(Visible.text(layout.title)) + "\n\n");
    out.write(table.render("  "));
    for (ScorecardLayout.FunnelView f : layout.funnels) {
      out.write("\n" + Visible.text(f.title()) + "\n" + funnel(f, layout.words));
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
      String tri = triangle(t, t.rows());
      // Too wide: whole percentages ("64%" for 64.3%), two columns less per period; the workbook
      // and the page keep the decimal.
      if (view.width() > 0 && widest(tri) > view.width())
        tri = triangle(t, wholePercents(t, layout.fmt));
      out.write("\n" + Visible.text(t.title()) + "\n" + tri);
    }
    if (!layout.comparisons.isEmpty()) {
      out.write("\n" + wrapped(layout.comparisonsTitle) + "\n");
      for (String c : layout.comparisons)
        out.write(
            String.join(
                    "\n",
                    DisplayWidth.wrap(Visible.text(c), wrapWidth() - 2).stream()
                        .map(l -> "  " + l)
                        .toList())
                + "\n");
    }
    if (!layout.summary.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (String l : layout.summary) {
        List<String> wrapped = DisplayWidth.wrap(Visible.text(l), wrapWidth());
        lines.addAll(color ? StatusColors.counts(wrapped, layout.words) : wrapped);
      }
      out.write("\n" + String.join("\n", lines) + "\n");
    }
    out.flush();
  }

  /**
   * A funnel's table as wide as the view allows: in turn the short header (the median time headed
   * "median" beside p90, a step named by where it leads: "→ Demo"), bars of 12 and then 6
   * characters instead of 20, no bars (the "from first" column says the same in numbers); only then
   * are texts cut with an ellipsis: the owner (down to 10 columns), the steps' headers (9, the
   * longest first: their values are narrower), and last the stage's or group's label (16). Without
   * a width, the whole table as it is.
   */
  private String funnel(ScorecardLayout.FunnelView f, Labels words) {
    String text = null;
    for (int bar : new int[] {FunnelViews.BAR, FunnelViews.BAR, 12, 6, 0}) {
      boolean shortHeader = text != null;
      text = funnelTable(f, words, shortHeader ? f.shortHeader() : f.header(), bar, Map.of());
      if (view.width() <= 0 || widest(text) <= view.width()) return text;
      if (f.barColumn() < 0 && shortHeader) break;
    }
    Map<Integer, Integer> shrinkable = new LinkedHashMap<>();
    int owner = f.shortHeader().indexOf(words.owner());
    // The owner's column moves one to the left with the bars gone.
    if (owner >= 0)
      shrinkable.put(f.barColumn() >= 0 && owner > f.barColumn() ? owner - 1 : owner, 10);
    if (f.barColumn() < 0) {
      // The steps' headers, the longest first: it is the one the values leave most room in.
      List<String> h = f.shortHeader();
      java.util.stream.IntStream.range(2, h.size())
          .boxed()
          .sorted((a, b) -> DisplayWidth.of(h.get(b)) - DisplayWidth.of(h.get(a)))
          .forEach(c -> shrinkable.put(c, 9));
    }
    shrinkable.put(0, 16);
    return funnelTable(f, words, f.shortHeader(), 0, shrinkable);
  }

  /** A funnel's table with bars of {@code bar} characters (0: without the bar column). */
  private String funnelTable(
      ScorecardLayout.FunnelView f,
      Labels words,
      List<String> header,
      int bar,
      Map<Integer, Integer> shrinkable) {
    int dropped = bar == 0 ? f.barColumn() : -1;
    List<String> shown = without(header, dropped);
    boolean[] right = new boolean[shown.size()];
    for (int i = 1; i < right.length; i++)
      right[i] = !shown.get(i).isEmpty() && !shown.get(i).equals(words.owner());
    TextTable t = new TextTable(shown, right).fit(view.width(), false, shrinkable);
    // The last resort (the columns at their narrowest and still too wide): each stage's name on a
    // line of its own above its numbers.
    if (!shrinkable.isEmpty()) t.stackFirst();
    for (int i = 0; i < f.rows().size(); i++) {
      List<String> row = new ArrayList<>(f.rows().get(i));
      if (f.barColumn() >= 0 && bar > 0)
        row.set(f.barColumn(), FunnelViews.bar(f.share().get(i), bar));
      t.row(without(row, dropped));
    }
    return t.render("  ");
  }

  private static List<String> without(List<String> cells, int column) {
    if (column < 0) return cells;
    List<String> out = new ArrayList<>(cells);
    out.remove(column);
    return out;
  }

  private static String triangle(ScorecardLayout.Triangle t, List<List<String>> rows) {
    boolean[] right = new boolean[t.header().size()];
    java.util.Arrays.fill(right, 1, right.length, true);
    TextTable tri = new TextTable(t.header(), right);
    rows.forEach(tri::row);
    return tri.render("  ");
  }

  /** A triangle's rows with each share a whole percentage, an unfinished one still starred. */
  private static List<List<String>> wholePercents(ScorecardLayout.Triangle t, ValueFormat fmt) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      List<String> row = new ArrayList<>(t.rows().get(i));
      List<Double> rates = t.rates().get(i);
      for (int a = 0; a < rates.size(); a++) {
        Double rate = rates.get(a);
        if (rate == null) continue;
        String cell = row.get(2 + a);
        row.set(2 + a, fmt.percent(rate, 0) + (cell.endsWith("*") ? "*" : ""));
      }
      out.add(row);
    }
    return out;
  }

  /** The display width of a text's widest line. */
  private static int widest(String text) {
    int w = 0;
    for (String line : text.split("\n")) w = Math.max(w, DisplayWidth.of(line));
    return w;
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
