package dev.journeykpi.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A KPI's breakdown in the last period as horizontal bars, one per group, measured from zero: the
 * largest value's bar (or the farthest from zero, when some are negative) spans the width, a
 * negative value's bar runs left of the zero line. The value is written after each bar.
 */
public final class BreakdownBars {
  public static final double BAR_WIDTH = 200;
  static final double LABEL_WIDTH = 150;
  static final double ROW = 22;
  static final double VALUE_ROOM = 90;

  /** A group: its label, its value (null for none) and the value as people read it. */
  public record Bar(String label, Double value, String text) {}

  /** Where a bar is drawn in the bar area: its left edge from the area's start, and its width. */
  public record Span(double x, double width) {}

  private BreakdownBars() {}

  /**
   * Each value's span within {@code width}: the scale runs from the lowest value or zero to the
   * highest value or zero; a bar starts at zero. A missing value has an empty span at zero.
   */
  public static List<Span> spans(List<Double> values, double width) {
    double lo = 0;
    double hi = 0;
    for (Double v : values) {
      if (v == null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double scale = hi == lo ? 0 : width / (hi - lo);
    double zero = (0 - lo) * scale;
    List<Span> out = new ArrayList<>();
    for (Double v : values) {
      if (v == null) out.add(new Span(zero, 0));
      else out.add(v >= 0 ? new Span(zero, v * scale) : new Span(zero + v * scale, -v * scale));
    }
    return out;
  }

  /** A label cut to 24 characters with an ellipsis; the whole label stays in the bar's tooltip. */
  static String shortLabel(String label) {
    return label.codePointCount(0, label.length()) <= 24
        ? label
        : label.substring(0, label.offsetByCodePoints(0, 23)) + "…";
  }

  public static String svg(List<Bar> bars, String label) {
    List<Span> spans = spans(bars.stream().map(Bar::value).toList(), BAR_WIDTH);
    double width = LABEL_WIDTH + BAR_WIDTH + VALUE_ROOM;
    StringBuilder b =
        new StringBuilder(Svg.open("chart bars", width, ROW * bars.size() + 4, label));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      Span s = spans.get(i);
      double top = ROW * i;
      b.append("<g><title>").append(Svg.esc(bar.label() + ": " + bar.text())).append("</title>");
      b.append(Svg.text(0, top + 15, "start", "lbl", shortLabel(bar.label())));
      if (s.width() > 0)
        b.append(
            Svg.rect(
                LABEL_WIDTH + s.x(),
                top + 4,
                s.width(),
                ROW - 8,
                "#5b8def",
                " shape-rendering=\"crispEdges\""));
      b.append(
          Svg.text(
              LABEL_WIDTH + Math.max(s.x() + s.width(), spans.get(i).x()) + 4,
              top + 15,
              "start",
              "val",
              bar.text()));
      b.append("</g>");
    }
    return b.append("</svg>").toString();
  }
}
