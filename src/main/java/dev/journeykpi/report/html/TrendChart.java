package dev.journeykpi.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A KPI's headline value across the periods as a line chart: a point per period with its value
 * written above it, the periods along the x axis, the y axis from zero (marked "0") to the highest
 * value, so a small change looks small. Only when the values differ by less than a twentieth of the
 * largest — drawn from zero they would lie within 5 px of each other, under the points' own dots (6
 * px across): a flat line that shows nothing — does the axis start at the lowest value instead,
 * marked by a break on the axis (and the caption says so: {@link Scale#cut}). Every period gets its
 * place, however many there are (the drawing widens with them and scales down to the screen).
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
   * The y axis: from {@code lo} at the plot's bottom to {@code hi} at its top; {@code cut} when it
   * does not start at zero (nor end there, for values all below it).
   */
  public record Scale(double lo, double hi, boolean cut) {
    /** A value's y: linear between the bottom and the top; the bottom when lo = hi (all zero). */
    public double y(double v) {
      return hi == lo ? TOP + PLOT_HEIGHT : TOP + PLOT_HEIGHT * (hi - v) / (hi - lo);
    }

    /** Whether zero is on the axis (then marked "0"). */
    boolean showsZero() {
      return lo <= 0 && hi >= 0;
    }
  }

  /**
   * The axis for these values (nulls ignored): zero and the values' range, unless the values
   * differ, by less than a twentieth of the largest magnitude — then from the lowest to the
   * highest, cut. Equal values keep zero (nothing to zoom into): they lie on the top line.
   */
  public static Scale scale(List<Double> values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Double v : values) {
      if (v == null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (lo > hi) return new Scale(0, 0, false);
    double spread = hi - lo;
    double largest = Math.max(Math.abs(lo), Math.abs(hi));
    boolean sameSign = lo > 0 || hi < 0;
    if (sameSign && spread > 0 && spread < largest / 20) return new Scale(lo, hi, true);
    return new Scale(Math.min(lo, 0), Math.max(hi, 0), false);
  }

  /** Each value's y on {@link #scale}'s axis; null for a period without a value. */
  public static List<Double> ys(List<Double> values) {
    Scale scale = scale(values);
    List<Double> out = new ArrayList<>();
    for (Double v : values) out.add(v == null ? null : scale.y(v));
    return out;
  }

  public static String svg(List<Point> points, String label) {
    int n = points.size();
    double width = width(n);
    List<Double> xs = xs(n);
    List<Double> values = points.stream().map(Point::value).toList();
    Scale scale = scale(values);
    List<Double> ys = ys(values);
    double bottom = TOP + PLOT_HEIGHT;
    StringBuilder b = new StringBuilder(Svg.open("trend", width, bottom + BOTTOM, label));
    // The axes: the y axis at the left, the x axis under the plot, a grid line at the highest
    // value (the plot's top).
    b.append(Svg.line(MARGIN, TOP - 4, MARGIN, bottom, "axis"));
    b.append(Svg.line(MARGIN, bottom, width - MARGIN, bottom, "axis"));
    b.append(Svg.line(MARGIN, TOP, width - MARGIN, TOP, "grid"));
    if (scale.showsZero()) {
      // Zero marked where it is: the bottom, or a grid line across when values fall below it.
      double zero = scale.y(0);
      if (zero > TOP && zero < bottom)
        b.append(Svg.line(MARGIN, zero, width - MARGIN, zero, "grid"));
      b.append(Svg.text(MARGIN - 3, zero + 3, "end", "tick", "0"));
    } else {
      // A cut axis: the usual break, two slanted strokes across the y axis above its foot.
      b.append(Svg.line(MARGIN - 4, bottom - 6, MARGIN + 4, bottom - 10, "axis"));
      b.append(Svg.line(MARGIN - 4, bottom - 2, MARGIN + 4, bottom - 6, "axis"));
    }
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
