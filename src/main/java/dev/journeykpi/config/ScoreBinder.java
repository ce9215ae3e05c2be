package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds the survey keys of a {@code score} KPI: scale, text answers, positive answers, statistic.
 */
final class ScoreBinder {
  private final Diagnostics d;
  private final String ctx;

  ScoreBinder(Diagnostics d, String ctx) {
    this.d = d;
    this.ctx = ctx;
  }

  ScoreDef bind(MapReader m) {
    double[] scale = scale(m);
    Map<String, Double> values = new LinkedHashMap<>();
    MapReader vm = MapReader.of(m.node("values"), ctx + ".values", null, d);
    if (vm != null) {
      for (String answer : vm.map.entries().keySet()) {
        Double v = number(vm.string(answer), vm.at(answer), ctx + ".values." + answer);
        if (v == null) continue;
        if (scale != null && (v < scale[0] || v > scale[1])) {
          d.error(
              vm.at(answer),
              ctx
                  + ".values."
                  + answer
                  + " is "
                  + plain(v)
                  + ", outside the scale "
                  + plain(scale[0])
                  + "-"
                  + plain(scale[1]));
        }
        values.put(TextKey.of(answer), v);
      }
    }
    String statText = m.string("stat");
    ScoreDef.Stat stat =
        statText == null ? (m.has("positive") ? ScoreDef.Stat.TOP_BOX : ScoreDef.Stat.MEAN) : null;
    if (statText != null) {
      for (ScoreDef.Stat s : ScoreDef.Stat.values())
        if (s.yamlName().equals(statText.trim().toLowerCase(Locale.ROOT))) stat = s;
      if (stat == null) {
        List<String> names =
            java.util.Arrays.stream(ScoreDef.Stat.values()).map(ScoreDef.Stat::yamlName).toList();
        d.error(
            m.at("stat"),
            ctx
                + ".stat for a score is one of "
                + String.join(", ", names)
                + ", found '"
                + statText
                + "'"
                + Suggestions.hint(statText, names));
        stat = ScoreDef.Stat.MEAN;
      }
    }
    List<Double> positive = new ArrayList<>();
    for (MapReader.Item p : m.items("positive")) {
      Double v = number(p.text(), p.at(), ctx + ".positive");
      if (v == null) continue;
      if (scale != null && (v < scale[0] || v > scale[1])) {
        d.error(
            p.at(),
            ctx
                + ".positive lists "
                + plain(v)
                + ", outside the scale "
                + plain(scale[0])
                + "-"
                + plain(scale[1]));
      }
      positive.add(v);
    }
    if (stat == ScoreDef.Stat.TOP_BOX && positive.isEmpty()) {
      d.error(
          m.has("positive") ? m.at("positive") : m.map.location(),
          ctx
              + ": a top_box score needs 'positive', the answers"
              + " that count as positive, e.g. positive: [4, 5] on a 1-5 scale");
    }
    if (stat != ScoreDef.Stat.TOP_BOX && m.has("positive")) {
      d.error(
          m.at("positive"), ctx + ": 'positive' applies to stat: top_box, not " + stat.yamlName());
    }
    if (stat == ScoreDef.Stat.NPS && scale != null && (scale[0] != 0 || scale[1] != 10)) {
      d.error(
          m.at("scale"),
          ctx
              + ": NPS is defined on a 0-10 scale (promoters 9-10, detractors 0-6), found "
              + plain(scale[0])
              + "-"
              + plain(scale[1]));
    }
    if (scale == null) return null;
    return new ScoreDef(scale[0], scale[1], values, positive, stat);
  }

  /** {@code scale: 1-5} or {@code scale: [1, 5]}. */
  private double[] scale(MapReader m) {
    if (!m.has("scale")) {
      d.error(
          m.map.location(),
          ctx
              + " needs 'scale', the lowest and highest valid answers, e.g. scale: 1-5 or scale: 0-10");
      return null;
    }
    List<String> parts =
        m.node("scale") instanceof YNode.YScalar s
            ? List.of(s.text().split("\\s*(-|–|\\.\\.)\\s*"))
            : m.strings("scale");
    if (parts.size() == 2) {
      Double lo = number(parts.get(0), m.at("scale"), ctx + ".scale");
      Double hi = number(parts.get(1), m.at("scale"), ctx + ".scale");
      if (lo != null && hi != null && lo < hi) return new double[] {lo, hi};
      if (lo != null && hi != null)
        d.error(
            m.at("scale"),
            ctx + ".scale must go from low to high, found " + plain(lo) + "-" + plain(hi));
      return null;
    }
    d.error(
        m.at("scale"), ctx + ".scale is the lowest and highest valid answers, e.g. 1-5 or [0, 10]");
    return null;
  }

  private Double number(String text, Location at, String what) {
    if (text == null) return null;
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      d.error(at, what + " must be a number, found '" + text + "'");
      return null;
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
