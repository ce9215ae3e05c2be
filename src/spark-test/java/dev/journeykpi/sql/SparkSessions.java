package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test JVM (Spark in process, local mode): starting one costs 5-10 s
 * and a second cannot run beside it, so every Spark test shares it. Its settings:
 *
 * <ul>
 *   <li>{@code local[2]}: the two cores of the machines here;
 *   <li>two shuffle partitions (200 by default: 200 tasks per aggregation of a few hundred rows);
 *   <li>no web UI, bound to 127.0.0.1 (the host's name may not resolve to an address it listens
 *       on);
 *   <li>dates as java.time values (the java.sql ones need an --add-opens on Java 17);
 *   <li>the session's zone Europe/Paris, on purpose: a zone with daylight saving, so that SQL that
 *       read kpi's local date-times as instants would show it in the tests.
 * </ul>
 */
public final class SparkSessions {
  private SparkSessions() {}

  private static SparkSession session;

  /** How long the session took to start, in milliseconds (printed once, for the docs). */
  static long startMillis;

  public static synchronized SparkSession get() {
    if (session == null) {
      long t0 = System.nanoTime();
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("kpi-spark-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.session.timeZone", "Europe/Paris")
              // Dates come back as LocalDate (java.sql.Date needs sun.util.calendar opened).
              .config("spark.sql.datetime.java8API.enabled", "true")
              .getOrCreate();
      startMillis = (System.nanoTime() - t0) / 1_000_000;
      System.out.println(
          "[spark] session started in " + startMillis + " ms, Spark " + session.version());
    }
    return session;
  }

  /** The rows of a query, each as a list of its values. */
  public static List<List<Object>> rows(String sql) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : get().sql(sql).collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) row.add(r.get(i));
      out.add(row);
    }
    return out;
  }
}
