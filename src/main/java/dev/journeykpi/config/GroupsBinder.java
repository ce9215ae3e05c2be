package dev.journeykpi.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a KPI's {@code groups:}: the values of its one breakdown column listed even without rows,
 * written as a list ({@code groups: [email, phone]}) or taken from a text column of a source
 * ({@code groups: { source: hr, column: team }}, read when the KPI runs).
 */
final class GroupsBinder {
  private final Diagnostics d;
  private final Map<String, SourceDef> sources;

  GroupsBinder(Diagnostics d, Map<String, SourceDef> sources) {
    this.d = d;
    this.sources = sources;
  }

  /**
   * {@code groups:}, the values of the one breakdown column to list even without rows: a KPI with
   * one {@code by} column, of a type measured from each group's rows; each value once.
   */
  List<String> listed(MapReader m, String ctx, SpecBinder type, List<String> by) {
    if (!m.has("groups")) return List.of();
    List<MapReader.Item> items = m.items("groups");
    Location at = m.at("groups");
    applies(at, ctx, type, by);
    if (items.isEmpty()) d.error(at, ctx + ": groups is empty; list the values to show");
    Set<String> seen = new HashSet<>();
    for (MapReader.Item g : items) {
      if (g.text() == null || g.text().isBlank()) {
        d.error(g.at(), ctx + ".groups: a blank value; blank rows are listed as (blank) anyway");
      } else if (!seen.add(g.text())) {
        d.error(g.at(), ctx + ".groups: '" + g.text() + "' is listed twice");
      }
    }
    return items.stream().map(MapReader.Item::text).filter(t -> t != null && !t.isBlank()).toList();
  }

  /**
   * {@code groups: { source: teams, column: team }}: the groups are the values of a text column of
   * a source (read when the KPI runs), which must be declared.
   */
  KpiDef.GroupsFrom fromSource(YNode.YMap node, String ctx, SpecBinder type, List<String> by) {
    applies(node.location(), ctx, type, by);
    MapReader g = MapReader.of(node, ctx + ".groups", Set.of("source", "column"), d);
    if (g == null) return null;
    String sourceId = g.required("source");
    String column = g.required("column");
    if (sourceId == null || column == null) return null;
    SourceDef from = sources.get(sourceId);
    if (from == null) {
      d.error(
          g.at("source"),
          ctx
              + ".groups reads unknown source '"
              + sourceId
              + "'"
              + Suggestions.hint(sourceId, sources.keySet())
              + "; sources: "
              + String.join(", ", sources.keySet()));
      return null;
    }
    ColumnDef c = from.columns().get(column);
    if (from.columns().isEmpty()) {
      d.error(
          g.at("source"),
          ctx + ".groups: source '" + sourceId + "' needs a 'columns:' mapping to give groups");
      return null;
    }
    if (c == null) {
      d.error(
          g.at("column"),
          ctx
              + ".groups: '"
              + column
              + "' is not a column of source '"
              + sourceId
              + "'"
              + Suggestions.hint(column, from.columns().keySet())
              + "; columns: "
              + String.join(", ", from.columns().keySet()));
      return null;
    }
    if (c.type() != ValueType.STRING) {
      d.error(
          g.at("column"),
          ctx
              + ".groups: '"
              + column
              + "' of source '"
              + sourceId
              + "' is "
              + c.type().yamlName()
              + "; groups are texts, as breakdown labels are");
      return null;
    }
    return new KpiDef.GroupsFrom(sourceId, column, node.location());
  }

  /**
   * Groups, listed or read from a source, need one breakdown column and a type measured by group.
   */
  private void applies(Location at, String ctx, SpecBinder type, List<String> by) {
    if (by.size() != 1) {
      d.error(
          at,
          ctx
              + ": groups lists values of one breakdown column; 'by' names "
              + (by.isEmpty() ? "none" : by.size() + " (" + String.join(", ", by) + ")")
              + ", e.g. by: [channel], groups: [email, phone, chat]");
    }
    if (type != null && !type.takesDeclaredGroups()) {
      d.error(
          at,
          ctx
              + ": groups does not apply to "
              + type.name()
              + (type.placement() == SpecBinder.Placement.FROM_KPIS
                  ? " KPIs, which have the groups of the KPIs they read (declare groups there)"
                  : " KPIs, which follow leads or customers through their history")
              + "; it applies to the"
              + " types measured from each group's rows (count, sum, duration, backlog, …)");
    }
  }
}
