package dev.journeykpi.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain-text table whose columns stay aligned with Vietnamese and other wide or combining text,
 * and that fits a terminal's width when asked: the last column (notes) wraps inside itself, or
 * under its row when too little room is left; the columns named shrinkable (labels) are cut with an
 * ellipsis, never below their minimum, only when the table does not fit otherwise.
 */
final class TextTable {
  /** Narrower than this, a wrapped column is hard to read: its text goes under the row instead. */
  static final int MIN_WRAPPED = 30;

  private final List<String> header;
  private final boolean[] rightAligned;
  private final List<Object> lines = new ArrayList<>();
  private int width;
  private final Map<Integer, Integer> shrinkable = new LinkedHashMap<>();
  private boolean wrapLast;

  /** Each styled row's cells' SGR codes, by the row's index in {@link #lines} and its column. */
  private final Map<Integer, Map<Integer, String>> styles = new java.util.HashMap<>();

  /**
   * How a section's title is drawn once laid out and wrapped (its status words coloured); as is by
   * default.
   */
  private java.util.function.UnaryOperator<List<String>> titles = t -> t;

  /** Whether the first column may go on a line of its own above its row ({@link #stackFirst}). */
  private boolean stackable;

  TextTable(List<String> header, boolean[] rightAligned) {
    this.header = header.stream().map(Visible::text).toList();
    this.rightAligned = rightAligned;
  }

  /**
   * Fit the table to {@code width} columns (0: never cut or wrap).
   *
   * @param wrapLast the last column's text may wrap (notes)
   * @param shrinkable column → its narrowest width, in the order they give way
   */
  TextTable fit(int width, boolean wrapLast, Map<Integer, Integer> shrinkable) {
    this.width = width;
    this.wrapLast = wrapLast;
    this.shrinkable.putAll(shrinkable);
    return this;
  }

  /**
   * Cells are shown with control characters escaped (a value with ESC or CR would garble the
   * terminal).
   */
  void row(List<String> cells) {
    lines.add(cells.stream().map(c -> c == null ? "" : Visible.text(c)).toList());
  }

  /**
   * A row with one cell in colour: the SGR {@code code} (null for none) goes around the cell's text
   * once it is cut to its column, the padding outside it, so the widths are those of the plain
   * text.
   */
  void row(List<String> cells, int column, String code) {
    if (code != null) styles.put(lines.size(), Map.of(column, code));
    row(cells);
  }

  /**
   * Section titles drawn through {@code paint} once wrapped to the width (e.g. their status words
   * coloured).
   */
  TextTable titles(java.util.function.UnaryOperator<List<String>> paint) {
    this.titles = paint;
    return this;
  }

  /**
   * When the row does not fit even with the labels at their narrowest and the notes under it, the
   * first column's text (the KPI's label, written on a KPI's first row only) goes on a line of its
   * own above the row, and the other columns take the whole width: a narrow terminal (80 columns)
   * gets the values without a line running past its edge. Only when the rows then fit: a table too
   * wide either way (a trend of twelve periods) keeps its labels in line.
   */
  TextTable stackFirst() {
    this.stackable = true;
    return this;
  }

  /** A full-width line of text between rows, such as a section title. */
  void section(String title) {
    section(title, null);
  }

  /**
   * A section title and the header its rows are shown under: the table's own with null, else one
   * naming a column for this section only (the breakdown's dimension); the columns are as wide as
   * the widest of all headers, so the sections stay aligned.
   */
  void section(String title, List<String> header) {
    lines.add(
        new Title(
            Visible.text(title),
            header == null ? this.header : header.stream().map(Visible::text).toList()));
  }

  /** A section's title line and its header. */
  private record Title(String text, List<String> header) {}

  /**
   * How the columns are laid out: their widths, where the last column's text goes, and whether the
   * first column stands on a line of its own (its width then -2: the others are measured as if it
   * and the gap after it were gone).
   */
  private record Layout(int[] w, int wrapWidth, boolean under, boolean stacked) {
    Layout(int[] w, int wrapWidth, boolean under) {
      this(w, wrapWidth, under, false);
    }
  }

  @SuppressWarnings("unchecked")
  String render(String indent) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) w[i] = DisplayWidth.of(header.get(i));
    for (Object l : lines) {
      List<String> cells = l instanceof Title t ? t.header() : (List<String>) l;
      for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], DisplayWidth.of(cells.get(i)));
    }
    Layout layout = layout(w, DisplayWidth.of(indent));
    StringBuilder b = new StringBuilder();
    // A table without sections gets its header once, at the top.
    if (lines.isEmpty() || !(lines.get(0) instanceof Title)) header(b, indent, layout, header);
    for (int i = 0; i < lines.size(); i++) {
      Object l = lines.get(i);
      if (l instanceof Title title) {
        if (b.length() > 0) b.append('\n');
        List<String> titleLines =
            DisplayWidth.wrap(title.text(), width > 0 ? width : Integer.MAX_VALUE);
        for (String t : titles.apply(titleLines)) b.append(t).append('\n');
        header(b, indent, layout, title.header());
      } else {
        line(b, indent, (List<String>) l, layout, styles.getOrDefault(i, Map.of()), true);
      }
    }
    return b.toString();
  }

  /**
   * The widths that fit: first the last column wraps in the room the others leave; when that is
   * under {@link #MIN_WRAPPED}, the shrinkable columns give way; when it still is, the last
   * column's text goes under its row and the others shrink until the row fits.
   */
  private Layout layout(int[] natural, int indent) {
    Layout l = fitted(natural, indent);
    if (!stackable || width <= 0 || fits(l, indent)) return l;
    int[] alone = natural.clone();
    alone[0] = -2;
    Layout s = fitted(alone, indent);
    // Only when that fits: a table too wide either way (a long trend) keeps its labels in line.
    return fits(s, indent) ? new Layout(s.w(), s.wrapWidth(), s.under(), true) : l;
  }

  /** Whether a layout's rows are at most {@link #width} wide. */
  private boolean fits(Layout l, int indent) {
    int last = l.w().length - 1;
    if (l.wrapWidth() > 0 && !l.under())
      return total(l.w(), indent, last) + 2 + l.wrapWidth() <= width;
    return total(l.w(), indent, l.under() ? last : l.w().length) <= width;
  }

  private Layout fitted(int[] natural, int indent) {
    int[] w = natural.clone();
    int last = w.length - 1;
    if (width <= 0 || total(w, indent, w.length) <= width) return new Layout(w, 0, false);
    if (!wrapLast) {
      shrink(w, total(w, indent, w.length) - width);
      return new Layout(w, 0, false);
    }
    int others = total(w, indent, last) + 2;
    if (width - others < MIN_WRAPPED) others -= shrink(w, MIN_WRAPPED - (width - others));
    if (width - others >= MIN_WRAPPED) {
      w[last] = Math.min(w[last], width - others);
      return new Layout(w, w[last], false);
    }
    // Under the row: the columns take back what they gave for a wrapped column they no longer
    // share the line with, and give only what the row itself needs.
    w = natural.clone();
    shrink(w, total(w, indent, last) - width);
    return new Layout(w, Math.max(MIN_WRAPPED, width - indent - 4), true);
  }

  /** Narrows the shrinkable columns by up to {@code excess} in all; returns how much they gave. */
  private int shrink(int[] w, int excess) {
    int given = 0;
    for (Map.Entry<Integer, Integer> e : shrinkable.entrySet()) {
      if (given >= excess) break;
      int col = e.getKey();
      int give = Math.min(excess - given, Math.max(0, w[col] - e.getValue()));
      w[col] -= give;
      given += give;
    }
    return given;
  }

  /** The width of the first {@code columns} columns with their gaps and the indent. */
  private static int total(int[] w, int indent, int columns) {
    int t = indent;
    for (int i = 0; i < columns; i++) t += w[i] + (i > 0 ? 2 : 0);
    return t;
  }

  /** The header row and a rule under it. */
  private void header(StringBuilder b, String indent, Layout layout, List<String> header) {
    int columns = layout.under() ? header.size() - 1 : header.size();
    line(b, indent, header.subList(0, columns), layout, Map.of(), false);
    int rule = total(layout.w(), 0, columns);
    b.append(indent).append("─".repeat(Math.max(0, rule))).append('\n');
  }

  private void line(
      StringBuilder b,
      String indent,
      List<String> cells,
      Layout layout,
      Map<Integer, String> style,
      boolean row) {
    int[] w = layout.w();
    int last = w.length - 1;
    boolean wraps = wrapLast && layout.wrapWidth() > 0 && cells.size() == w.length;
    int columns = wraps && layout.under() ? last : cells.size();
    StringBuilder s = new StringBuilder(indent);
    if (layout.stacked() && row && !cells.get(0).isBlank())
      b.append(indent)
          .append(DisplayWidth.truncate(cells.get(0), width - DisplayWidth.of(indent)))
          .append('\n');
    for (int i = 0; i < columns; i++) {
      if (layout.stacked() && i == 0) continue;
      String c = cells.get(i);
      boolean lastShown = i == columns - 1;
      if (wraps && i == last) {
        List<String> parts = DisplayWidth.wrap(c, layout.wrapWidth());
        s.append(parts.get(0));
        String margin = " ".repeat(total(w, DisplayWidth.of(indent), last) + 2);
        for (String more : parts.subList(1, parts.size()))
          s.append('\n').append(margin).append(more);
        continue;
      }
      if (DisplayWidth.of(c) > w[i]) c = DisplayWidth.truncate(c, w[i]);
      // Measured and padded as plain text; the colour goes around the text alone.
      String pad = " ".repeat(Math.max(0, w[i] - DisplayWidth.of(c)));
      String code = style.get(i);
      String shown = code == null || c.isEmpty() ? c : code + c + StatusColors.RESET;
      s.append(rightAligned[i] ? pad + shown : shown + pad);
      if (!lastShown) s.append("  ");
    }
    b.append(s.toString().stripTrailing()).append('\n');
    if (wraps && layout.under() && !cells.get(last).isBlank()) {
      String margin = indent + "    ";
      for (String part : DisplayWidth.wrap(cells.get(last), layout.wrapWidth()))
        b.append(margin).append(part).append('\n');
    }
  }
}
