package dev.journeykpi.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A KPI's headline value across the periods as a line chart: a point per period with its value
 * written above it, the periods along the x axis, the lowest and highest values as the y axis's two
 * grid lines. Every period gets its place, however many there are (the drawing widens with them and
 * scales down to the screen).
 */
public final class TrendChart {
  static final double MARGIN = 10;
  static final double TOP = 20;
  static final double PLOT_HEIGHT = 100;
  static final double BOTTOM = 22;

  /** A period: its label, its value (null for none) and the value as people read it. */
  public record Point(String period, Double value, String text) {}

  private TrendChart() {}

  /** The drawing's width: 60 per period, at least 300. */
  public static double width(int periods) {
    return Math.max(300, 60.0 * periods);
  }

  /** Each period's x: the middle of its equal share of the width between the margins. */
  public static List<Double> xs(int periods) {
    double plot = width(periods) - 2 * MARGIN;
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < periods; i++) out.add(MARGIN + plot * (i + 0.5) / periods);
    return out;
  }

  /**
   * Each value's y: the highest at the plot's top, the lowest at its bottom, linear between; the
   * middle height when all values are equal; null for a period without a value.
   */
  public static List<Double> ys(List<Double> values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Double v : values) {
      if (v == null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    List<Double> out = new ArrayList<>();
    for (Double v : values)
      out.add(
          v == null
              ? null
              : hi == lo ? TOP + PLOT_HEIGHT / 2 : TOP + PLOT_HEIGHT * (hi - v) / (hi - lo));
    return out;
  }

  public static String svg(List<Point> points, String label) {
    int n = points.size();
    double width = width(n);
    List<Double> xs = xs(n);
    List<Double> ys = ys(points.stream().map(Point::value).toList());
    double bottom = TOP + PLOT_HEIGHT;
    StringBuilder b = new StringBuilder(Svg.open("trend", width, bottom + BOTTOM, label));
    // The axes: the y axis at the left, the x axis under the plot, grid lines at the lowest and
    // highest values (the plot's bottom and top).
    b.append(Svg.line(MARGIN, TOP - 4, MARGIN, bottom, "axis"));
    b.append(Svg.line(MARGIN, bottom, width - MARGIN, bottom, "axis"));
    b.append(Svg.line(MARGIN, TOP, width - MARGIN, TOP, "grid"));
    // The line joins the periods that have values, broken where one has none.
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i <= n; i++) {
      if (i < n && ys.get(i) != null) {
        pts.append(pts.length() == 0 ? "" : " ")
            .append(Svg.num(xs.get(i)))
            .append(',')
            .append(Svg.num(ys.get(i)));
        continue;
      }
      if (pts.indexOf(" ") > 0)
        b.append("<polyline class=\"line\" points=\"").append(pts).append("\"/>");
      pts.setLength(0);
    }
    for (int i = 0; i < n; i++) {
      Point p = points.get(i);
      b.append(Svg.text(xs.get(i), bottom + 15, "middle", "tick", p.period()));
      if (ys.get(i) == null) continue;
      b.append("<circle cx=\"")
          .append(Svg.num(xs.get(i)))
          .append("\" cy=\"")
          .append(Svg.num(ys.get(i)))
          .append("\" r=\"3\" class=\"pt\"/>");
      b.append(Svg.text(xs.get(i), ys.get(i) - 6, "middle", "val", p.text()));
    }
    return b.append("</svg>").toString();
  }
}
