package dev.journeykpi.engine;

/**
 * What measures the KPIs ({@code kpi report --engine}): Tablesaw in this JVM, the default and the
 * reference; DuckDB in process; a database over JDBC ({@code --url}); or Spark ({@code
 * --spark-master}, in the spark build). A class of its own so that the default engine's runs do not
 * load the SQL engines' classes.
 */
public enum Engine {
  TABLESAW,
  DUCKDB,
  JDBC,
  SPARK
}
