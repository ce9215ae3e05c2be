package dev.journeykpi.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session behind the few JDBC calls {@link SqlKpiEngine}'s code makes, so that the queries,
 * quality counts and joins run on Spark unchanged: a {@link Connection} that makes {@link
 * Statement}s, whose {@code execute} runs {@code spark.sql} (a statement that makes a view) and
 * whose {@code executeQuery} collects the query's rows into a {@link SparkResultSet} (results are
 * small: counts per group). Any other JDBC method throws {@link SQLFeatureNotSupportedException}
 * naming it, so that a new call in the engine's code fails plainly rather than quietly.
 *
 * <p>Spark's own errors (a query it cannot analyse, a file it cannot read) become {@link
 * SQLException}s with Spark's message, which the engine reports as for any database.
 */
final class SparkJdbc {
  private SparkJdbc() {}

  static Connection connection(SparkSession spark) {
    boolean[] closed = {false};
    return proxy(
        Connection.class,
        (m, args) ->
            switch (m.getName()) {
              case "createStatement" -> {
                if (args != null && args.length > 0) yield null;
                yield statement(spark);
              }
              case "close" -> {
                closed[0] = true;
                yield Void.TYPE;
              }
              case "isClosed" -> closed[0];
              case "getAutoCommit" -> true;
              default -> null;
            });
  }

  private static Statement statement(SparkSession spark) {
    return proxy(
        Statement.class,
        (m, args) ->
            switch (m.getName()) {
              case "execute" -> {
                if (args.length != 1) yield null;
                run(() -> spark.sql((String) args[0]));
                yield false;
              }
              case "executeQuery" -> {
                Dataset<Row> d = run(() -> spark.sql((String) args[0]));
                List<Row> rows = run(d::collectAsList);
                yield SparkResultSet.of(d.schema(), rows);
              }
              // Hints that change nothing on Spark: every row is collected at once.
              case "setFetchSize", "setQueryTimeout", "close" -> Void.TYPE;
              default -> null;
            });
  }

  /** Spark's call, its exceptions (Scala throws checked ones unchecked) as SQLException. */
  private static <T> T run(java.util.function.Supplier<T> call) throws SQLException {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new SQLException(e.getMessage(), e);
    } catch (Exception e) { // an AnalysisException, thrown without being declared
      throw new SQLException(e.getMessage(), e);
    }
  }

  /** One JDBC call handled: its value, {@code Void.TYPE} for a void method, or null for none. */
  interface Call {
    Object handle(Method m, Object[] args) throws SQLException;
  }

  /**
   * An interface's proxy: {@code call} answers the JDBC methods it handles, {@link Object}'s
   * methods are the proxy's own, and every other method throws {@link
   * SQLFeatureNotSupportedException} naming it.
   */
  static <T> T proxy(Class<T> type, Call call) {
    InvocationHandler h =
        (self, m, args) -> {
          switch (m.getName()) {
            case "toString":
              if (m.getParameterCount() == 0) return "spark " + type.getSimpleName();
              break;
            case "hashCode":
              if (m.getParameterCount() == 0) return System.identityHashCode(self);
              break;
            case "equals":
              if (m.getParameterCount() == 1) return self == args[0];
              break;
            case "isWrapperFor":
              return false;
            default:
              break;
          }
          Object out = call.handle(m, args == null ? new Object[0] : args);
          if (out == null)
            throw new SQLFeatureNotSupportedException(
                "--engine spark: "
                    + type.getSimpleName()
                    + "."
                    + m.getName()
                    + " is not supported by kpi's Spark connection");
          return out == Void.TYPE ? null : out;
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
  }
}
