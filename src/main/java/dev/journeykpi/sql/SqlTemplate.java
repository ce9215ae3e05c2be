package dev.journeykpi.sql;

/**
 * How a KPI type compiles to SQL: each type answers through its {@code KpiKind.sql}, so that a
 * type's SQL lives in its own package beside its measurer. While issue 17 is open a type may answer
 * {@link NotYet}, and the SQL engines refuse its KPIs by name before any work.
 */
public sealed interface SqlTemplate permits SqlTemplate.NotYet, PeriodRowsSql, OwnQuerySql {
  /**
   * The type (or this use of it) has no SQL yet; {@code why} completes "not on SQL engines yet: …".
   */
  record NotYet(String why) implements SqlTemplate {}
}
