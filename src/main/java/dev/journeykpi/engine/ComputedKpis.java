package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPIs computed from other KPIs' results (formulas): which KPIs a run must measure for them,
 * and their rows, each computed once the KPIs it reads have theirs (a formula of a formula after
 * the formula it reads; the definition refuses cycles).
 */
final class ComputedKpis {
  private ComputedKpis() {}

  /**
   * The KPIs asked for and every KPI they are computed from, however indirectly, in the
   * definition's order: {@code --kpi share} measures the KPIs {@code share} reads too, though only
   * its rows are reported.
   */
  static List<KpiDef> withWhatTheyRead(Definition def, List<KpiDef> asked) {
    Set<String> ids = new LinkedHashSet<>();
    List<KpiDef> todo = new ArrayList<>(asked);
    while (!todo.isEmpty()) {
      KpiDef k = todo.remove(todo.size() - 1);
      if (!ids.add(k.id())) continue;
      for (String id : KpiKinds.of(k).computedFrom(k)) todo.add(def.requireKpi(id));
    }
    return def.kpis().stream().filter(k -> ids.contains(k.id())).toList();
  }

  /** Whether a KPI is measured from its source's rows (not computed from other KPIs'). */
  static boolean measured(KpiDef k) {
    // By placement, not by operands: a formula is never read from a source, whatever it names.
    return KpiKinds.of(k).placement() != dev.journeykpi.config.SpecBinder.Placement.FROM_KPIS;
  }

  /**
   * Adds to {@code results} (each measured KPI's rows, by id) the rows of every computed KPI of
   * {@code kpis}.
   */
  static void compute(
      List<KpiDef> kpis,
      Map<String, List<ResultRow>> results,
      List<Period> periods,
      boolean compared) {
    List<KpiDef> pending = new ArrayList<>(kpis.stream().filter(k -> !measured(k)).toList());
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (KpiDef k : List.copyOf(pending)) {
        if (!results.keySet().containsAll(KpiKinds.of(k).computedFrom(k))) continue;
        results.put(k.id(), KpiKinds.of(k).fromResults(k, periods, results, compared));
        pending.remove(k);
        progress = true;
      }
      if (!progress)
        throw new IllegalStateException(
            "formulas in a cycle: " + pending.stream().map(KpiDef::id).toList());
    }
  }
}
