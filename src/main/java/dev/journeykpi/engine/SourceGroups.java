package dev.journeykpi.engine;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.ingest.LoadedSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
    return resolve(kpis, g -> values(loaded.get(g.source()).table(), g.column()));
  }

  /**
   * The KPIs, those with groups from a source given the values {@code read} returns for it (an SQL
   * engine reads them with a query).
   */
  static List<KpiDef> resolve(List<KpiDef> kpis, Function<KpiDef.GroupsFrom, List<String>> read) {
    List<KpiDef> out = new ArrayList<>(kpis.size());
    for (KpiDef k : kpis) {
      KpiDef.GroupsFrom g = k.groupsFrom();
      out.add(g == null ? k : k.withGroups(read.apply(g)));
    }
    return out;
  }

  /** The column's values, trimmed, each once, blanks left out, in the file's order. */
  static List<String> values(Table table, String column) {
    Column<?> c = table.column(column);
    List<String> texts = new ArrayList<>(c.size());
    for (int row = 0; row < c.size(); row++) texts.add(c.isMissing(row) ? null : c.getString(row));
    return values(texts);
  }

  /**
   * The texts (null for a missing cell), trimmed, each once, blanks left out, in the given order:
   * the groups whichever engine read them.
   */
  static List<String> values(Iterable<String> texts) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : texts) {
      if (t == null) continue;
      String v = t.strip();
      if (!v.isEmpty()) out.add(v);
    }
    return List.copyOf(out);
  }
}
