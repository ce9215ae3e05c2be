package dev.journeykpi.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns stay aligned with Vietnamese and other wide or combining text.
 */
final class TextTable {
  private final List<String> header;
  private final boolean[] rightAligned;
  private final List<Object> lines = new ArrayList<>();

  TextTable(List<String> header, boolean[] rightAligned) {
    this.header = header.stream().map(Visible::text).toList();
    this.rightAligned = rightAligned;
  }

  /**
   * Cells are shown with control characters escaped (a value with ESC or CR would garble the
   * terminal).
   */
  void row(List<String> cells) {
    lines.add(cells.stream().map(c -> c == null ? "" : Visible.text(c)).toList());
  }

  /** A full-width line of text between rows, such as a section title. */
  void section(String title) {
    lines.add(Visible.text(title));
  }

  @SuppressWarnings("unchecked")
  String render(String indent) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) w[i] = DisplayWidth.of(header.get(i));
    for (Object l : lines) {
      if (l instanceof List<?> cells) {
        for (int i = 0; i < w.length; i++)
          w[i] = Math.max(w[i], DisplayWidth.of(((List<String>) cells).get(i)));
      }
    }
    StringBuilder b = new StringBuilder();
    // A table without sections gets its header once, at the top.
    if (lines.isEmpty() || !(lines.get(0) instanceof String)) header(b, indent, w);
    for (Object l : lines) {
      if (l instanceof String title) {
        if (b.length() > 0) b.append('\n');
        b.append(title).append('\n');
        header(b, indent, w);
      } else {
        line(b, indent, (List<String>) l, w);
      }
    }
    return b.toString();
  }

  /** The header row and a rule under it. */
  private void header(StringBuilder b, String indent, int[] w) {
    line(b, indent, header, w);
    int total = 0;
    for (int x : w) total += x + 2;
    b.append(indent).append("─".repeat(Math.max(0, total - 2))).append('\n');
  }

  private void line(StringBuilder b, String indent, List<String> cells, int[] w) {
    StringBuilder s = new StringBuilder(indent);
    for (int i = 0; i < w.length; i++) {
      String c = cells.get(i);
      s.append(rightAligned[i] ? DisplayWidth.padLeft(c, w[i]) : DisplayWidth.padRight(c, w[i]));
      if (i < w.length - 1) s.append("  ");
    }
    b.append(s.toString().stripTrailing()).append('\n');
  }
}
