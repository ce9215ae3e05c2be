package dev.journeykpi.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded, validated set of definitions: possibly several YAML files merged into one. */
public record Definition(
    String name,
    ZoneId zone,
    String locale,
    CalendarDef calendar,
    Map<String, SourceDef> sources,
    Journey journey,
    List<KpiDef> kpis,
    List<Path> files) {

  public Optional<KpiDef> kpi(String id) {
    return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /** The KPI, or a definition error naming the nearest id, for KPIs named on the command line. */
  public KpiDef requireKpi(String id) {
    return kpi(id)
        .orElseThrow(
            () ->
                new ConfigException(
                    "no KPI '"
                        + id
                        + "'"
                        + Suggestions.hint(id, kpis.stream().map(KpiDef::id).toList())
                        + "; KPIs: "
                        + String.join(", ", kpis.stream().map(KpiDef::id).toList())));
  }
}
