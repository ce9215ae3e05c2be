package dev.journeykpi.sql;

import dev.journeykpi.config.KpiDef;

/**
 * The query that reads a KPI's groups from another source ({@code groups: { source: teams, column:
 * team }}): the column's distinct texts of that source's used rows, in order of first appearance,
 * as the default engine reads them from its imported table. kpi trims them, leaves blanks out and
 * makes them the KPI's declared groups, so that the rows of the groups no row has are made by the
 * default engine's own code ({@code KpiRunner}), as for a {@code groups:} list: a count of 0, or
 * the other types' "no rows".
 */
public final class SourceGroupsQuery {
  private SourceGroupsQuery() {}

  /**
   * The texts of the groups' column over {@code rows}, the relation of the groups source's used
   * rows, each once, in the order of their first row (the spelling shown for a group no row has is
   * the file's first).
   */
  public static String sql(Dialect d, KpiDef.GroupsFrom from, String rows) {
    return "SELECT kpi_value FROM (SELECT "
        + d.cast(d.quoteIdent(from.column()), Dialect.SqlType.TEXT)
        + " AS kpi_value, kpi_record FROM "
        + rows
        + " AS kpi_rows) AS kpi_values WHERE kpi_value IS NOT NULL"
        + " GROUP BY kpi_value ORDER BY min(kpi_record)";
  }
}
