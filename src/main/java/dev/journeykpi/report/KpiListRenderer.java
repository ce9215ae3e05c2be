package dev.journeykpi.report;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Journey;
import dev.journeykpi.config.KpiDef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kpi list}: the KPIs of a definition, in journey order, with their touchpoint and owning
 * department.
 */
public final class KpiListRenderer {
  private KpiListRenderer() {}

  public static String render(Definition def) {
    return render(def, null);
  }

  /**
   * @param lang the language of the headers, "en" or "vi"; null for the definition's {@code
   *     locale}. The cells are the definition's own texts and the type and source ids as written.
   */
  public static String render(Definition def, String lang) {
    Labels words = Labels.of(lang != null ? lang : def.locale());
    TextTable t = new TextTable(words.listHeader(), new boolean[7]);
    List<String> placed = new ArrayList<>();
    Journey j = def.journey();
    for (Journey.Stage s : j.stages()) {
      for (Journey.Touchpoint tp : j.touchpoints()) {
        if (!tp.stage().equals(s.id())) continue;
        for (String id : tp.kpis()) {
          KpiDef k = def.kpi(id).orElseThrow();
          placed.add(id);
          t.row(
              List.of(
                  s.label(),
                  tp.label(),
                  tp.owner() == null ? "" : tp.owner(),
                  id,
                  k.label(),
                  type(k),
                  source(k)));
        }
      }
    }
    for (KpiDef k : def.kpis()) {
      if (!placed.contains(k.id()))
        t.row(List.of("", "", "", k.id(), k.label(), type(k), source(k)));
    }
    return def.name() + "\n\n" + t.render("  ");
  }

  /** The KPI's source; for a formula, which reads none, the KPIs it reads: "= a, b". */
  private static String source(dev.journeykpi.config.KpiDef k) {
    if (k.source() != null) return k.source();
    return "= " + String.join(", ", dev.journeykpi.types.KpiKinds.of(k).computedFrom(k));
  }

  /** The type, and the preset it came from: "duration (first_response_time)". */
  private static String type(dev.journeykpi.config.KpiDef k) {
    return k.type() + (k.preset() == null ? "" : " (" + k.preset() + ")");
  }
}
