package dev.journeykpi.config;

import java.util.List;
import java.util.Map;

/**
 * How a {@code score} KPI reads survey answers.
 *
 * @param min the lowest valid answer on the scale (answers outside [min, max] are left out and
 *     counted)
 * @param max the highest valid answer
 * @param values text answers and the score each stands for ({@code Good: 1}, {@code Hài lòng: 5}),
 *     matched ignoring case; an answer neither listed nor a number is left out and counted
 * @param positive the answers that count as positive for {@code top_box} (4 and 5 on 1–5 CSAT; 5–7
 *     for CES 2.0)
 * @param stat top_box (share of positive answers), mean, or nps (% answering 9–10 − % answering
 *     0–6)
 */
public record ScoreDef(
    double min, double max, Map<String, Double> values, List<Double> positive, Stat stat) {
  public enum Stat {
    TOP_BOX,
    MEAN,
    NPS;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ScoreDef {
    values = Map.copyOf(values);
    positive = List.copyOf(positive);
  }
}
