package dev.journeykpi.engine;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.ingest.LoadedSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Breakdown groups read from another source's data ({@code groups: { source: teams, column: team
 * }}): that source is imported with just that column, and each of its values, trimmed, becomes a
 * declared group of the KPI, listed with or without rows. Values that differ only in case or spaces
 * are one group, as the runner compares groups (the first spelling in the file is shown when no row
 * has the group).
 */
final class SourceGroups {
  private SourceGroups() {}

  /** Adds each groups source's column to the columns to import. */
  static void need(List<KpiDef> kpis, Map<String, Set<String>> needed) {
    for (KpiDef k : kpis) {
      if (k.groupsFrom() != null)
        needed
            .computeIfAbsent(k.groupsFrom().source(), id -> new LinkedHashSet<>())
            .add(k.groupsFrom().column());
    }
  }

  /** The KPIs, those with groups from a source given its values. */
  static List<KpiDef> resolve(List<KpiDef> kpis, Map<String, LoadedSource> loaded) {
    List<KpiDef> out = new ArrayList<>(kpis.size());
    for (KpiDef k : kpis) {
      KpiDef.GroupsFrom g = k.groupsFrom();
      out.add(g == null ? k : k.withGroups(values(loaded.get(g.source()).table(), g.column())));
    }
    return out;
  }

  /** The column's values, trimmed, each once, blanks left out, in the file's order. */
  static List<String> values(Table table, String column) {
    Column<?> c = table.column(column);
    Set<String> out = new LinkedHashSet<>();
    for (int row = 0; row < c.size(); row++) {
      if (c.isMissing(row)) continue;
      String v = c.getString(row).strip();
      if (!v.isEmpty()) out.add(v);
    }
    return List.copyOf(out);
  }
}
