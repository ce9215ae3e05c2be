package dev.journeykpi.sql;

import java.util.List;

/**
 * The smaller or larger of two values, a NULL skipped, written as a CASE every engine reads alike.
 * {@code least}/{@code greatest} are not one function across engines: DuckDB, PostgreSQL and Spark
 * skip NULLs, Trino, BigQuery and Snowflake return NULL when any argument is (issue 17).
 */
public final class NullSkipping {
  private NullSkipping() {}

  /** The smaller of two values; the other when one is NULL; NULL when both are. */
  public static String least(String a, String b) {
    return "CASE WHEN "
        + b
        + " IS NULL OR "
        + a
        + " <= "
        + b
        + " THEN "
        + a
        + " ELSE "
        + b
        + " END";
  }

  /** The larger of two values; the other when one is NULL; NULL when both are. */
  public static String greatest(String a, String b) {
    return "CASE WHEN "
        + b
        + " IS NULL OR "
        + a
        + " >= "
        + b
        + " THEN "
        + a
        + " ELSE "
        + b
        + " END";
  }

  /**
   * The smallest of the columns {@code names} of one row (short names: each is repeated), NULLs
   * skipped.
   */
  public static String least(List<String> names) {
    String out = names.get(0);
    for (String n : names.subList(1, names.size())) out = least(out, n);
    return out;
  }

  /** The largest of the columns {@code names} of one row, NULLs skipped. */
  public static String greatest(List<String> names) {
    String out = names.get(0);
    for (String n : names.subList(1, names.size())) out = greatest(out, n);
    return out;
  }
}
