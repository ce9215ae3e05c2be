package dev.journeykpi.sql;

import dev.journeykpi.model.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The dialects {@code kpi sql --dialect} prints and the SQL engines run, by name. */
public final class Dialects {
  private Dialects() {}

  private static final Map<String, Supplier<Dialect>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("duckdb", DuckDbDialect::new);
    BY_NAME.put("postgres", PostgresDialect::new);
    // Run in the tests on Spark local mode (the spark Maven profile; issue 17/18).
    BY_NAME.put("spark", SparkDialect::new);
    // Printed only (kpi sql), from each engine's documentation (issue 17, the warehouses part).
    BY_NAME.put("trino", TrinoDialect::new);
    BY_NAME.put("bigquery", BigQueryDialect::new);
    BY_NAME.put("snowflake", SnowflakeDialect::new);
  }

  /** The names, in the order the help lists them. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** The dialect of that name, or a usage error listing the names. */
  public static Dialect named(String name) {
    Supplier<Dialect> d = BY_NAME.get(name);
    if (d == null)
      throw new UsageException(
          "--dialect " + name + ": unknown; dialects: " + String.join(", ", names()));
    return d.get();
  }
}
