package dev.journeykpi.report;

import dev.journeykpi.config.Journey;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many headline rows of the last period are green, amber, red or not judged (no target, or no
 * value to judge), per journey stage and per department, for the page's summary. A headline row is
 * a KPI's row without a breakdown or its total, as the terminal's summary counts them; stages come
 * in journey order, departments in the order the journey first meets them.
 */
final class StatusCounts {
  /** The counts of one stage or department: green, amber, red, not judged. */
  record Count(String name, int green, int amber, int red, int notJudged) {}

  final List<Count> byStage;
  final List<Count> byDepartment;

  StatusCounts(Scorecard card) {
    String last = card.periods().get(card.periods().size() - 1).label();
    Map<String, int[]> perKpi = new LinkedHashMap<>();
    for (ResultRow r : card.rows()) {
      if (!r.period().equals(last) || !(r.dims().isEmpty() || r.isTotal())) continue;
      int[] c = perKpi.computeIfAbsent(r.kpi(), k -> new int[4]);
      c[r.status() == null ? 3 : r.status().ordinal()]++;
    }
    Map<String, int[]> stages = new LinkedHashMap<>();
    Map<String, int[]> departments = new LinkedHashMap<>();
    Journey j = card.definition().journey();
    for (Journey.Stage stage : j.stages()) {
      for (Journey.Touchpoint t : j.touchpoints()) {
        if (!stage.id().equals(t.stage())) continue;
        for (String kpi : t.kpis()) {
          int[] c = perKpi.get(kpi);
          if (c == null) continue;
          add(stages, stage.label(), c);
          if (t.owner() != null) add(departments, t.owner(), c);
        }
      }
    }
    this.byStage = list(stages);
    this.byDepartment = list(departments);
  }

  private static void add(Map<String, int[]> into, String key, int[] c) {
    int[] to = into.computeIfAbsent(key, k -> new int[4]);
    for (int i = 0; i < 4; i++) to[i] += c[i];
  }

  private static List<Count> list(Map<String, int[]> m) {
    return m.entrySet().stream()
        .map(
            e ->
                new Count(
                    e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
        .toList();
  }
}
