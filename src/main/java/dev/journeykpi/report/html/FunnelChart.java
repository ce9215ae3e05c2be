package dev.journeykpi.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A funnel as horizontal bars, one per stage, each as wide as its count says: the widest count
 * fills the width and every other bar is its count's share of it, so a later stage is never drawn
 * wider than its count (bars drawn from "share of the first stage" did, when leads entered a later
 * stage without the first). Between two stages the drop is written: the change of the count from
 * one stage to the next ("−40%").
 */
public final class FunnelChart {
  /** The bars' full width, in the drawing's pixels. */
  public static final double BAR_WIDTH = 300;

  static final double ROW = 42;
  static final double BAR_HEIGHT = 18;
  static final double COUNT_ROOM = 64;

  /** A stage: its label, its count (null when the run has none) and the count as people read it. */
  public record Stage(String label, Double count, String countText) {}

  private FunnelChart() {}

  /**
   * Each stage's bar width: its count over the largest count, times {@code width}; 0 for a stage
   * without a count, and all 0 when no count is above 0.
   */
  public static List<Double> widths(List<Double> counts, double width) {
    double max = 0;
    for (Double c : counts) if (c != null && c > max) max = c;
    List<Double> out = new ArrayList<>();
    for (Double c : counts) out.add(max <= 0 || c == null || c <= 0 ? 0 : width * c / max);
    return out;
  }

  /**
   * The change of the count from each stage to the next, as a fraction of the earlier count (120
   * after 200 is −0.4); the first stage has none (null), nor has a stage after an empty or missing
   * one.
   */
  public static List<Double> drops(List<Double> counts) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      Double before = i == 0 ? null : counts.get(i - 1);
      Double now = counts.get(i);
      out.add(before == null || now == null || before == 0 ? null : (now - before) / before);
    }
    return out;
  }

  /**
   * The drawing: per stage its label (with the drop from the stage above at the right), under it
   * the bar and the count at its end.
   */
  public static String svg(List<Stage> stages, DoubleFunction<String> dropText, String label) {
    List<Double> counts = stages.stream().map(Stage::count).toList();
    List<Double> widths = widths(counts, BAR_WIDTH);
    List<Double> drops = drops(counts);
    double width = BAR_WIDTH + COUNT_ROOM;
    StringBuilder b =
        new StringBuilder(Svg.open("chart funnel-chart", width, ROW * stages.size() + 4, label));
    for (int i = 0; i < stages.size(); i++) {
      double top = i * ROW;
      b.append(Svg.text(0, top + 13, "start", "lbl", stages.get(i).label()));
      if (drops.get(i) != null)
        b.append(Svg.text(BAR_WIDTH, top + 13, "end", "drop", dropText.apply(drops.get(i))));
      double w = widths.get(i);
      // The funnel's blue, edges kept sharp: the page's tests measure the bars in pixels.
      if (w > 0)
        b.append(
            Svg.rect(0, top + 18, w, BAR_HEIGHT, "#2563eb", " shape-rendering=\"crispEdges\""));
      b.append(Svg.text(w + 4, top + 32, "start", "val", stages.get(i).countText()));
    }
    return b.append("</svg>").toString();
  }
}
