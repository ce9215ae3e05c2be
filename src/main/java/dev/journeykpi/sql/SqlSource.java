package dev.journeykpi.sql;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import java.time.ZoneId;

/**
 * What the engine hands a type compiling its own query: the KPI, its source's typed rows as a
 * relation, the columns and filters in SQL, the definition's calendar and zone.
 *
 * @param rows the relation of the source's used rows ({@link SourceRelations#rows})
 */
public record SqlSource(
    Dialect dialect,
    KpiDef kpi,
    SourceDef source,
    String rows,
    SqlColumns columns,
    BusinessCalendar calendar,
    ZoneId zone) {
  /**
   * Refuses the breakdowns the SQL engines do not compile: groups from another source. Several
   * {@code by:} columns, {@code rollup}, numbers, durations (labelled by their seconds, as the
   * default engine labels them), dates and yes/no columns compile.
   */
  public void requireGroupedColumns() {
    requireGroupedColumns(kpi, columns);
  }

  /** {@link #requireGroupedColumns()} for a query that has the KPI and its columns only. */
  static void requireGroupedColumns(KpiDef kpi, SqlColumns columns) {
    if (kpi.groupsFrom() != null)
      throw new SqlRefused(
          "groups from another source's data (groups: { source: "
              + kpi.groupsFrom().source()
              + " })");
  }
}
