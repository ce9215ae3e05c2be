package dev.journeykpi.report;

import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    boolean color = view.color() && layout.statusColumn >= 0;
    // Measured without colour: the codes take no column on screen.
    String plain = scorecard(layout, false, List.of());
    List<Integer> folded = List.of();
    if (view.width() > 0 && !fits(plain)) {
      // Under the row, in turn: the numerator / denominator, then the change too; then a trend's
      // periods before the last, the oldest first (--periods 3 was 119 to 155 columns at 100),
      // each named by its period, so the last period's value and status stay in line.
      List<Integer> candidates = new ArrayList<>(List.of(layout.numDenColumn()));
      if (layout.changeColumn >= 0) candidates.add(layout.changeColumn);
      for (int i = 0; i < layout.periodLabels.size() - 1; i++)
        candidates.add(layout.firstPeriodColumn + i);
      List<Integer> fold = new ArrayList<>();
      for (int column : candidates) {
        fold.add(column);
        String narrower = scorecard(layout, false, fold);
        if (fits(narrower)) {
          folded = fold;
          plain = narrower;
          break;
        }
      }
    }
    out.write(wrapped(Visible.text(layout.title)) + "\n\n");
    out.write(color ? scorecard(layout, true, folded) : plain);
    for (ScorecardLayout.FunnelView f : layout.funnels) {
      FunnelText text = funnel(f, layout.words);
      out.write("\n" + Visible.text(f.title()) + "\n" + text.table());
      // The drop-offs per department under the table whose columns count them.
      if (f.footer() != null)
        out.write(
            String.join(
                    "\n",
                    DisplayWidth.wrap(Visible.text(f.footer()), wrapWidth()).stream()
                        .map(l -> "  " + l)
                        .toList())
                + "\n");
      if (text.times() != null) out.write("\n" + text.times());
    }
    for (ScorecardLayout.Triangle t : layout.triangles) {
      String tri = triangle(t, t.rows(), Map.of());
      // Too wide: whole percentages ("64%" for 64.3%), two columns less per period; the workbook
      // and the page keep the decimal. Still too wide: the cohort sizes' header gives way (down to
      // 6 columns: "Custo…"), as retention's twelve ages in English were 81 columns.
      if (view.width() > 0 && widest(tri) > view.width()) {
        List<List<String>> whole = wholePercents(t, layout.fmt);
        tri = triangle(t, whole, Map.of());
        if (widest(tri) > view.width()) tri = triangle(t, whole, Map.of(1, 6));
      }
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
   * The scorecard's table, the columns {@code folded} (the numerator / denominator, the change)
   * written in each row's notes ("tử / mẫu: 5 / 8; …"), under the row on a narrow terminal:
   * b2b-sales' money ratios ("140.644.000 / 140.644.000") left 95 columns even with each KPI's
   * label on a line of its own, and a change beside a money value ("−14.048.000 VND (−25,6%)") 24
   * more. Only when that makes the table fit; every number stays on screen.
   */
  private String scorecard(ScorecardLayout layout, boolean color, List<Integer> folded) {
    Set<Integer> gone = Set.copyOf(folded);
    // The KPI label gives way first (down to 24 columns), then the breakdown's label (16).
    Map<Integer, Integer> shrinkable = new LinkedHashMap<>();
    shrinkable.put(0, 24);
    if (layout.breakdownColumn) shrinkable.put(1, 16);
    boolean[] right = new boolean[layout.header.size() - gone.size()];
    for (int i = 0, j = 0; i < layout.header.size(); i++)
      if (!gone.contains(i)) right[j++] = layout.rightAligned[i];
    TextTable table =
        new TextTable(without(layout.header, gone), right)
            .fit(view.width(), true, shrinkable)
            .stackFirst();
    // Colour goes on after the layout: the table measures, cuts and pads the plain words, then
    // colours the status cell and the status words of the section titles' counts.
    if (color) table.titles(t -> StatusColors.counts(t, layout.words));
    int status = layout.statusColumn;
    for (int c : gone) if (status > c) status--;
    for (ScorecardLayout.Section s : layout.sections) {
      table.section(s.title(), without(s.header(), gone));
      List<List<String>> rows = s.rowsNotesOnce(layout.noteColumn);
      for (int i = 0; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        if (!gone.isEmpty()) {
          // In the order the columns stand; each named by its header.
          List<String> notes = new ArrayList<>();
          for (int c : new java.util.TreeSet<>(gone))
            if (!row.get(c).isEmpty()) notes.add(layout.header.get(c) + ": " + row.get(c));
          if (!row.get(layout.noteColumn).isEmpty()) notes.add(row.get(layout.noteColumn));
          row = new ArrayList<>(without(row, gone));
          row.set(row.size() - 1, String.join("; ", notes));
        }
        table.row(row, status, color ? StatusColors.code(s.statuses().get(i)) : null);
      }
    }
    return table.render("  ");
  }

  /**
   * A funnel's table as wide as the view allows: in turn the short header (the median time headed
   * "median" beside p90, a step named by where it leads: "→ Demo"), bars of 12 and then 6
   * characters instead of 20, no bars (the "from first" column says the same in numbers), the owner
   * cut with an ellipsis (down to 10 columns: the footer and the section titles name it whole) and
   * the steps' headers (9, the longest first: their values are narrower); then a stage table's
   * times to the next stage go to a table of their own under the counts (an 80-column terminal:
   * lead-stages' table was 100 wide), so every number stays on screen; only then is the stage's or
   * group's label cut (16), and last each one goes on a line of its own above its numbers. Without
   * a width, the whole table as it is.
   */
  private FunnelText funnel(ScorecardLayout.FunnelView f, Labels words) {
    String text = null;
    for (int bar : new int[] {FunnelViews.BAR, FunnelViews.BAR, 12, 6, 0}) {
      boolean shortHeader = text != null;
      text = funnelTable(f, words, FunnelTable.of(shortHeader ? f.shortHeader() : f.header(), bar));
      if (view.width() <= 0 || fits(text)) return new FunnelText(text, null);
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
    text = funnelTable(f, words, FunnelTable.of(f.shortHeader(), 0).shrinking(shrinkable));
    if (fits(text)) return new FunnelText(text, null);
    if (f.barColumn() >= 0) return countsThenTimes(f, words, shrinkable);
    // The last resort (the columns at their narrowest and still too wide): each group's name on a
    // line of its own above its numbers.
    shrinkable.put(0, 16);
    return new FunnelText(
        funnelTable(f, words, FunnelTable.of(f.shortHeader(), 0).shrinking(shrinkable).stacked()),
        null);
  }

  /** A funnel's table, and its times to the next stage when they stand apart (else null). */
  private record FunnelText(String table, String times) {}

  /**
   * A stage table too wide for the terminal as two: the counts and rates (stage, owner, entered, on
   * to the next, from the first, dropped, lost), then under them the times to the next stage
   * (median and p90, headed as on a wide terminal: "to next (days)"), a row per stage that has one.
   * Each gives way as a table does, the stage's label cut (16) and last on a line of its own.
   */
  private FunnelText countsThenTimes(
      ScorecardLayout.FunnelView f, Labels words, Map<Integer, Integer> shrinkable) {
    int columns = f.header().size();
    Set<Integer> times = Set.of(f.barColumn(), columns - 2, columns - 1);
    Map<Integer, Integer> labels = new LinkedHashMap<>(shrinkable);
    labels.put(0, 16);
    String counts =
        funnelTable(
            f,
            words,
            FunnelTable.of(f.shortHeader(), 0).shrinking(labels).stacked().leavingOut(times));
    Set<Integer> notTimes = new java.util.HashSet<>();
    for (int i = 1; i < columns - 2; i++) notTimes.add(i);
    // The last stage has no next one: no time to it.
    int stages = f.rows().size();
    while (stages > 0
        && f.rows().get(stages - 1).subList(columns - 2, columns).stream()
            .allMatch(String::isEmpty)) stages--;
    FunnelTable timesOnly =
        FunnelTable.of(f.header(), 0)
            .shrinking(Map.of(0, 16))
            .stacked()
            .leavingOut(notTimes)
            .firstStages(stages);
    String timesTable = funnelTable(f, words, timesOnly);
    return new FunnelText(counts, stages == 0 ? null : timesTable);
  }

  /**
   * How one of a funnel's tables is drawn, as {@link #funnel} tries narrower ones in turn: with
   * {@code header} (the funnel's header or its short one), bars of {@code bar} characters (0:
   * without the bar column), the columns that may be cut and how far ({@code shrinkable}, by the
   * columns shown), each label on a line of its own above its numbers ({@code stack}), without the
   * columns {@code leftOut} (of the funnel's own header), of its first {@code stages} rows (all:
   * {@link Integer#MAX_VALUE}).
   */
  private record FunnelTable(
      List<String> header,
      int bar,
      Map<Integer, Integer> shrinkable,
      boolean stack,
      Set<Integer> leftOut,
      int stages) {
    /** Every row and column, each label in line, nothing cut. */
    static FunnelTable of(List<String> header, int bar) {
      return new FunnelTable(header, bar, Map.of(), false, Set.of(), Integer.MAX_VALUE);
    }

    FunnelTable shrinking(Map<Integer, Integer> shrinkable) {
      return new FunnelTable(header, bar, shrinkable, stack, leftOut, stages);
    }

    FunnelTable stacked() {
      return new FunnelTable(header, bar, shrinkable, true, leftOut, stages);
    }

    FunnelTable leavingOut(Set<Integer> leftOut) {
      return new FunnelTable(header, bar, shrinkable, stack, leftOut, stages);
    }

    FunnelTable firstStages(int stages) {
      return new FunnelTable(header, bar, shrinkable, stack, leftOut, stages);
    }
  }

  /** A funnel's table drawn as {@code how} says. */
  private String funnelTable(ScorecardLayout.FunnelView f, Labels words, FunnelTable how) {
    int bar = how.bar();
    Set<Integer> dropped = new java.util.TreeSet<>(how.leftOut());
    if (bar == 0 && f.barColumn() >= 0) dropped.add(f.barColumn());
    List<String> shown = without(how.header(), dropped);
    boolean[] right = new boolean[shown.size()];
    for (int i = 1; i < right.length; i++)
      right[i] = !shown.get(i).isEmpty() && !shown.get(i).equals(words.owner());
    TextTable t = new TextTable(shown, right).fit(view.width(), false, how.shrinkable());
    if (how.stack()) t.stackFirst();
    for (int i = 0; i < Math.min(how.stages(), f.rows().size()); i++) {
      List<String> row = new ArrayList<>(f.rows().get(i));
      if (f.barColumn() >= 0 && bar > 0)
        row.set(f.barColumn(), FunnelViews.bar(f.share().get(i), bar));
      t.row(without(row, dropped));
    }
    return t.render("  ");
  }

  private static List<String> without(List<String> cells, Set<Integer> columns) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) if (!columns.contains(i)) out.add(cells.get(i));
    return out;
  }

  /** Whether no line of a text is wider than the view. */
  private boolean fits(String text) {
    return widest(text) <= view.width();
  }

  private String triangle(
      ScorecardLayout.Triangle t, List<List<String>> rows, Map<Integer, Integer> shrinkable) {
    boolean[] right = new boolean[t.header().size()];
    java.util.Arrays.fill(right, 1, right.length, true);
    TextTable tri = new TextTable(t.header(), right).fit(view.width(), false, shrinkable);
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
