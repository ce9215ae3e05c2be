package dev.journeykpi.sql;

/**
 * Conditional aggregates written as every engine reads them. DuckDB, PostgreSQL, Spark and Trino
 * have {@code count(*) FILTER (WHERE c)}, BigQuery and Snowflake do not; {@code count(CASE WHEN c
 * THEN 1 END)} means the same everywhere (0 on no rows, as count is), and DuckDB runs it as fast.
 */
public final class Aggregates {
  private Aggregates() {}

  /** The rows where {@code condition} is true (NULL counts as false, as in WHERE). */
  public static String countWhere(String condition) {
    return "count(CASE WHEN " + condition + " THEN 1 END)";
  }

  /**
   * {@code fn(expr)} over the rows where {@code condition} is true: {@code min}, {@code max},
   * {@code count(DISTINCT …)} ({@code fn} = {@code "count(DISTINCT"}, closed by this method) … NULL
   * where no row is, as the aggregate over no rows.
   */
  public static String where(String fn, String expr, String condition) {
    return fn + "(CASE WHEN " + condition + " THEN " + expr + " END)";
  }
}
