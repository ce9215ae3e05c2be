package dev.journeykpi.report.html;

import java.util.List;

/**
 * A cohort triangle as a heat map: a row per cohort (its label and size at the left), a column per
 * age, each cell shaded by its share (the deeper the blue, the more of the cohort still active)
 * with the share written in it. Drawn twice: for a desktop ({@link #svg}), and smaller for a phone
 * ({@link #svgForPhone}), which the page shows under 600 px instead. The desktop drawing, 816 px
 * wide with twelve ages, was scaled down to a 390 px phone with its text at under 5 px; the phone's
 * drawing is about as wide as the phone, so its 9 px text is shown at about 9 px.
 */
public final class CohortHeatMap {
  static final double COHORT_WIDTH = 80;
  static final double SIZE_WIDTH = 64;
  static final double CELL_WIDTH = 56;
  static final double CELL_HEIGHT = 24;
  static final double HEADER = 20;

  /**
   * Where things go: the cohort and size columns' widths, a cell's width and height, the header's
   * height, and how far below a row's top its texts stand.
   */
  record Grid(
      double cohortWidth,
      double sizeWidth,
      double cellWidth,
      double cellHeight,
      double header,
      double baseline,
      String cls) {
    double cellX(int age) {
      return cohortWidth + sizeWidth + cellWidth * age;
    }
  }

  static final Grid DESKTOP =
      new Grid(COHORT_WIDTH, SIZE_WIDTH, CELL_WIDTH, CELL_HEIGHT, HEADER, 16, "chart heat");

  /**
   * A phone's: cells of 23 × 18 holding a whole percentage without its sign ("64", the caption says
   * "%"), so twelve ages and the two columns (46 + 28) take 350 px.
   */
  static final Grid PHONE = new Grid(46, 28, 23, 18, 16, 13, "chart heat phone");

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
    return DESKTOP.cellX(age);
  }

  /** The drawing; {@code header} names the cohort and size columns, then one column per age. */
  public static String svg(List<String> header, List<Row> rows, String label) {
    return svg(DESKTOP, header, rows, label);
  }

  /**
   * The phone's drawing: the rows' texts are whole percentages without "%" (the caller writes them,
   * and says "%" in the caption: the cohort and size headers leave no room for it).
   */
  public static String svgForPhone(List<String> header, List<Row> rows, String label) {
    return svg(PHONE, header, rows, label);
  }

  static String svg(Grid g, List<String> header, List<Row> rows, String label) {
    int ages = header.size() - 2;
    double width = g.cellX(ages);
    double height = g.header() + g.cellHeight() * rows.size();
    double sizeRight = g.cohortWidth() + g.sizeWidth() - (g == DESKTOP ? 6 : 3);
    double headY = g.header() - 6;
    StringBuilder b = new StringBuilder(Svg.open(g.cls(), width, height, label));
    b.append(Svg.text(0, headY, "start", "th", header.get(0)));
    b.append(Svg.text(sizeRight, headY, "end", "th", header.get(1)));
    for (int a = 0; a < ages; a++)
      b.append(Svg.text(g.cellX(a) + g.cellWidth() / 2, headY, "middle", "th", header.get(a + 2)));
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      double top = g.header() + g.cellHeight() * r;
      b.append(Svg.text(0, top + g.baseline(), "start", "lbl", row.cohort()));
      b.append(Svg.text(sizeRight, top + g.baseline(), "end", "val", row.size()));
      for (int a = 0; a < ages && a < row.shares().size(); a++) {
        Double share = row.shares().get(a);
        if (share == null) continue;
        double o = opacity(share);
        // Written white on the deep cells, dark on the pale ones.
        b.append(
            Svg.rect(
                g.cellX(a) + 1,
                top + 1,
                g.cellWidth() - 2,
                g.cellHeight() - 2,
                "#2563eb",
                " fill-opacity=\""
                    + String.format(java.util.Locale.ROOT, "%.2f", o)
                    + "\" shape-rendering=\"crispEdges\""));
        b.append(
            Svg.text(
                g.cellX(a) + g.cellWidth() / 2,
                top + g.baseline(),
                "middle",
                share > 0.55 ? "val on-dark" : "val",
                row.texts().get(a)));
      }
    }
    return b.append("</svg>").toString();
  }
}
