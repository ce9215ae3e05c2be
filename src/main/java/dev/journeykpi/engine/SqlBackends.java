package dev.journeykpi.engine;

import dev.journeykpi.model.UsageException;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;

/** The backend an {@link Engine} other than Tablesaw runs on. */
final class SqlBackends {
  private SqlBackends() {}

  /**
   * The Spark backend's class: compiled only in the {@code spark} build ({@code mvn -Pspark
   * package}), so the default jar neither holds nor needs Spark.
   */
  static final String SPARK = "dev.journeykpi.engine.SparkBackend";

  static SqlBackend open(Engine engine, SqlTarget target) throws SQLException {
    return switch (engine) {
      case DUCKDB -> new DuckDbBackend();
      case JDBC -> JdbcBackend.open(target);
      case SPARK -> spark(target);
      case TABLESAW -> throw new IllegalArgumentException("tablesaw is no SQL engine");
    };
  }

  private static SqlBackend spark(SqlTarget target) throws SQLException {
    Class<?> c;
    try {
      c = Class.forName(SPARK);
      Class.forName("org.apache.spark.sql.SparkSession");
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UsageException(
          "--engine spark needs kpi built with Spark and run with Spark's jars: scripts/kpi-spark,"
              + " or spark-submit (docs/engines.md, \"Spark\")");
    }
    try {
      return (SqlBackend) c.getConstructor(SqlTarget.class).newInstance(target);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof SQLException s) throw s;
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
