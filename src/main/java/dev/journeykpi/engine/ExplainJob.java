package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.report.ExplainRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kpi explain}: KPIs' definitions in words, in the order asked (all of them, in definition
 * order, when none is).
 */
public final class ExplainJob {
  private ExplainJob() {}

  /**
   * @param lang en or vi, or null for the definitions' locale
   */
  public static String explain(List<Path> configs, List<String> ids, String lang) {
    Definition def = KpiEngine.load(configs);
    List<KpiDef> kpis = new ArrayList<>();
    for (String id : ids) kpis.add(def.requireKpi(id));
    if (ids.isEmpty()) kpis.addAll(def.kpis());
    ExplainRenderer renderer = new ExplainRenderer(lang != null ? lang : def.locale());
    StringBuilder b = new StringBuilder();
    for (KpiDef k : kpis) b.append(b.length() == 0 ? "" : "\n").append(renderer.explain(def, k));
    return b.toString();
  }
}
