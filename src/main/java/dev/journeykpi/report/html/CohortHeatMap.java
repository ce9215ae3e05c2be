package dev.journeykpi.report.html;

import java.util.List;

/**
 * A cohort triangle as a heat map: a row per cohort (its label and size at the left), a column per
 * age, each cell shaded by its share (the deeper the blue, the more of the cohort still active)
 * with the share written in it.
 */
public final class CohortHeatMap {
  static final double COHORT_WIDTH = 80;
  static final double SIZE_WIDTH = 64;
  static final double CELL_WIDTH = 56;
  static final double CELL_HEIGHT = 24;
  static final double HEADER = 20;

  /** A cohort: its label, its size as written, and its cells (a null share for an empty cell). */
  public record Row(String cohort, String size, List<Double> shares, List<String> texts) {}

  private CohortHeatMap() {}

  /**
   * A cell's opacity of the full blue: its share, kept between 0.05 (so a share near 0 still shows
   * as a cell) and 1.
   */
  public static double opacity(double share) {
    return Math.max(0.05, Math.min(1, share));
  }

  /** A cell's left edge: after the cohort and size columns, {@link #CELL_WIDTH} per age. */
  public static double cellX(int age) {
    return COHORT_WIDTH + SIZE_WIDTH + CELL_WIDTH * age;
  }

  /** The drawing; {@code header} names the cohort and size columns, then one column per age. */
  public static String svg(List<String> header, List<Row> rows, String label) {
    int ages = header.size() - 2;
    double width = cellX(ages);
    double height = HEADER + CELL_HEIGHT * rows.size();
    StringBuilder b = new StringBuilder(Svg.open("chart heat", width, height, label));
    b.append(Svg.text(0, 14, "start", "th", header.get(0)));
    b.append(Svg.text(COHORT_WIDTH + SIZE_WIDTH - 6, 14, "end", "th", header.get(1)));
    for (int a = 0; a < ages; a++)
      b.append(Svg.text(cellX(a) + CELL_WIDTH / 2, 14, "middle", "th", header.get(a + 2)));
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      double top = HEADER + CELL_HEIGHT * r;
      b.append(Svg.text(0, top + 16, "start", "lbl", row.cohort()));
      b.append(Svg.text(COHORT_WIDTH + SIZE_WIDTH - 6, top + 16, "end", "val", row.size()));
      for (int a = 0; a < ages && a < row.shares().size(); a++) {
        Double share = row.shares().get(a);
        if (share == null) continue;
        double o = opacity(share);
        // Written white on the deep cells, dark on the pale ones.
        b.append(
            Svg.rect(
                cellX(a) + 1,
                top + 1,
                CELL_WIDTH - 2,
                CELL_HEIGHT - 2,
                "#2563eb",
                " fill-opacity=\""
                    + String.format(java.util.Locale.ROOT, "%.2f", o)
                    + "\" shape-rendering=\"crispEdges\""));
        b.append(
            Svg.text(
                cellX(a) + CELL_WIDTH / 2,
                top + 16,
                "middle",
                share > 0.55 ? "val on-dark" : "val",
                row.texts().get(a)));
      }
    }
    return b.append("</svg>").toString();
  }
}
