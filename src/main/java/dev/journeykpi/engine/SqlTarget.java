package dev.journeykpi.engine;

/**
 * Where an SQL engine other than the embedded DuckDB runs ({@code kpi report --engine jdbc|spark}).
 *
 * @param url the JDBC URL of {@code --engine jdbc}, or null
 * @param user the database user ({@code --user}), or null for the URL's or the driver's
 * @param password the password (from the environment, never the command line), or null
 * @param dialect the dialect's name ({@code --dialect}), or null to take it from the URL
 * @param sparkMaster Spark's master URL ({@code --spark-master}), or null for {@code local[*]}
 */
public record SqlTarget(
    String url, String user, String password, String dialect, String sparkMaster) {
  /** No target: the embedded engines. */
  public static final SqlTarget NONE = new SqlTarget(null, null, null, null, null);
}
