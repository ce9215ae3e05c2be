package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hooks the funnel, customers and stalled templates added to {@link Dialect} (issue 17): their
 * portable default text, the one a dialect without an override of its own runs, gives the values
 * worked out by hand and DuckDB's override's, run on DuckDB (every other hook DuckDB's, through a
 * proxy that calls the interface's default body for these).
 */
class PortableFunnelHooksTest {
  static Connection conn;
  static final DuckDbDialect DUCK = new DuckDbDialect();
  static final Set<String> HOOKS = Set.of("epochDay", "leastNonNull", "materializedCte", "stepCte");

  /** DuckDB's dialect, but the portable default of each of this part's hooks. */
  static final Dialect PORTABLE =
      (Dialect)
          Proxy.newProxyInstance(
              Dialect.class.getClassLoader(),
              new Class<?>[] {Dialect.class},
              (InvocationHandler)
                  (proxy, m, args) ->
                      m.isDefault() && HOOKS.contains(m.getName())
                          ? InvocationHandler.invokeDefault(proxy, m, args)
                          : m.invoke(DUCK, args));

  @BeforeAll
  static void connect() throws Exception {
    conn = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void close() throws Exception {
    conn.close();
  }

  private static List<Object> column(String sql) throws Exception {
    List<Object> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql)) {
      while (r.next()) out.add(r.getObject(1));
    }
    return out;
  }

  private static String days(Dialect d) {
    return "SELECT "
        + d.epochDay("x")
        + " FROM (VALUES (1, DATE '1970-01-01'), (2, DATE '1969-12-31'), (3, DATE '2026-10-01'),"
        + " (4, NULL)) AS v(i, x) ORDER BY i";
  }

  @Test
  void epochDayCountsTheDaysSince1970() throws Exception {
    // 1970-01-01 is day 0, the day before it -1. 2026-10-01: 56 years 1970–2025, 14 of them leap
    // (1972, 1976 … 2024), so 56 × 365 + 14 = 20,454 days to 2026-01-01, then January to September
    // 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 = 273: 20,727 (kpi_start of 2026-10 in the
    // retention golden SQL). NULL stays NULL.
    List<Object> expected = Arrays.asList(0L, -1L, 20727L, null);
    assertThat(longs(column(days(PORTABLE)))).isEqualTo(expected);
    assertThat(longs(column(days(DUCK)))).isEqualTo(expected);
  }

  @Test
  void epochDayAgreesWithDuckDbsOverEveryDayOfTwoCenturies() throws Exception {
    // 1900-01-01 to 2099-12-31, leap and century years included: not one day differs.
    String series =
        "(SELECT CAST(unnest(generate_series(TIMESTAMP '1900-01-01', TIMESTAMP '2099-12-31',"
            + " INTERVAL 1 DAY)) AS DATE) AS x) AS s";
    assertThat(
            column(
                "SELECT count(*) FROM "
                    + series
                    + " WHERE "
                    + PORTABLE.epochDay("x")
                    + " <> "
                    + DUCK.epochDay("x")))
        .containsExactly(0L);
  }

  private static List<Object> longs(List<Object> xs) {
    return xs.stream().map(x -> x == null ? null : (Object) ((Number) x).longValue()).toList();
  }

  @Test
  void leastNonNullSkipsNullsAndIsNullOnlyWhenAllAre() throws Exception {
    // Per row, the least of a, b, c that is not NULL: row 1 (NULL, 3, 1) → 1; row 2 (2, NULL,
    // NULL) → 2; row 3 all NULL → NULL; row 4 (5, 5, 7) → 5 (a tie); row 5 (9, 4, NULL) → 4.
    List<String> abc = List.of("a", "b", "c");
    String rows =
        " FROM (VALUES (1, NULL, 3, 1), (2, 2, NULL, NULL), (3, NULL, NULL, NULL), (4, 5, 5, 7),"
            + " (5, 9, 4, NULL)) AS v(i, a, b, c) ORDER BY i";
    List<Object> expected = Arrays.asList(1L, 2L, null, 5L, 4L);
    assertThat(longs(column("SELECT " + PORTABLE.leastNonNull(abc) + rows))).isEqualTo(expected);
    assertThat(longs(column("SELECT " + DUCK.leastNonNull(abc) + rows))).isEqualTo(expected);
    // One value is itself.
    assertThat(PORTABLE.leastNonNull(List.of("a"))).isEqualTo("a");
  }

  @Test
  void leastNonNullOfTimesAsAFunnelPathTakesThem() throws Exception {
    // The earliest known entry: 2026-03-01 23:59 is before 2026-03-02 10:00; the NULL (a stage
    // not reached) is skipped.
    String times =
        "SELECT CAST("
            + PORTABLE.leastNonNull(List.of("a0", "a1", "a2"))
            + " AS VARCHAR) FROM (VALUES (TIMESTAMP '2026-03-02 10:00', NULL,"
            + " TIMESTAMP '2026-03-01 23:59')) AS v(a0, a1, a2)";
    assertThat(column(times)).containsExactly("2026-03-01 23:59:00");
  }

  @Test
  void materializedCteIsAPlainCteByDefaultAndDuckDbsHint() throws Exception {
    assertThat(PORTABLE.materializedCte("kpi_s", "SELECT 1 AS a"))
        .isEqualTo("kpi_s AS (SELECT 1 AS a)");
    assertThat(DUCK.materializedCte("kpi_s", "SELECT 1 AS a"))
        .isEqualTo("kpi_s AS MATERIALIZED (SELECT 1 AS a)");
    for (Dialect d : List.of(PORTABLE, DUCK))
      assertThat(
              longs(
                  column(
                      "WITH "
                          + d.materializedCte("kpi_s", "SELECT 41 AS a")
                          + " SELECT a + 1 FROM kpi_s")))
          .containsExactly(42L);
  }

  @Test
  void stepCteIsAPlainCteByDefaultAndOnDuckDb() throws Exception {
    // DuckDB shares the step's expressions: it keeps the default, so its SQL is unchanged.
    for (Dialect d : List.of(PORTABLE, DUCK)) {
      assertThat(d.stepCte("kpi_walk0", "SELECT 1 AS go1"))
          .isEqualTo("kpi_walk0 AS (SELECT 1 AS go1)");
      assertThat(
              longs(
                  column(
                      "WITH "
                          + d.stepCte("kpi_walk0", "SELECT 2 AS a")
                          + ", "
                          + d.stepCte("kpi_walk1", "SELECT a * 3 AS b FROM kpi_walk0")
                          + " SELECT b FROM kpi_walk1")))
          .containsExactly(6L);
    }
  }
}
