package dev.journeykpi.engine;

/**
 * What measures the KPIs ({@code kpi report --engine}): Tablesaw in this JVM, the default and the
 * reference, or DuckDB in process ({@link SqlKpiEngine}). A class of its own so that the default
 * engine's runs do not load the SQL engine's classes.
 */
public enum Engine {
  TABLESAW,
  DUCKDB
}
