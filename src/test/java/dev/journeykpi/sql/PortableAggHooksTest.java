package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hooks the period types' SQL added (issue 17, portable-agg) and {@link NullSkipping}: their
 * default SQL, the standard spelling the dialects inherit, run on DuckDB over values worked by
 * hand; DuckDB's own {@code signbit} agrees with the default {@code signBit}.
 */
class PortableAggHooksTest {
  static Connection conn;

  /** The defaults alone: a dialect overriding none of the portable-agg hooks. */
  static final Dialect DEFAULTS =
      (Dialect)
          java.lang.reflect.Proxy.newProxyInstance(
              Dialect.class.getClassLoader(),
              new Class<?>[] {Dialect.class},
              (proxy, m, args) -> {
                if (m.isDefault())
                  return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                // The abstract hooks the defaults call (type names): DuckDB's.
                return m.invoke(new DuckDbDialect(), args);
              });

  @BeforeAll
  static void connect() throws Exception {
    conn = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void close() throws Exception {
    conn.close();
  }

  private static List<String> row(String... expressions) throws Exception {
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery("SELECT " + String.join(", ", expressions))) {
      r.next();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= expressions.length; i++) out.add(r.getString(i));
      return out;
    }
  }

  @Test
  void daysAreAddedAndCountedOnDates() throws Exception {
    // 2024 is a leap year: 28 Feb + 2 days = 1 Mar; 1 Mar − 1 day = 29 Feb; 1970-01-01 to
    // 1970-02-01 is 31 days, and back −31.
    assertThat(
            row(
                DEFAULTS.plusDays("DATE '2024-02-28'", "2"),
                DEFAULTS.plusDays("DATE '2024-03-01'", "-1"),
                DEFAULTS.daysBetween("DATE '1970-01-01'", "DATE '1970-02-01'"),
                DEFAULTS.daysBetween("DATE '1970-02-01'", "DATE '1970-01-01'")))
        .containsExactly("2024-03-01", "2024-02-29", "31", "-31");
  }

  @Test
  void aMomentMovedByWholeDaysKeepsItsTimeOfDay() throws Exception {
    // 2026-10-23 17:00:00.250 + 5 days = 2026-10-28 17:00:00.250 (no zone: local date-times, the
    // clocks' change on the 25th plays no part); − 1 day = 2026-10-22.
    String t = DEFAULTS.cast("'2026-10-23 17:00:00.250'", Dialect.SqlType.TIMESTAMP);
    List<String> got = row(DEFAULTS.timestampPlusDays(t, "5"), DEFAULTS.timestampPlusDays(t, "-1"));
    assertThat(got.get(0)).startsWith("2026-10-28 17:00:00.25");
    assertThat(got.get(1)).startsWith("2026-10-22 17:00:00.25");
  }

  @Test
  void theSignBitTellsMinusZeroFromZero() throws Exception {
    // -0.0 = 0.0 in SQL, but its sign bit is set; 2.5 and 0 have none; −3 has one; NULL is NULL.
    // (A literal -0.0 is a decimal zero, cast to +0.0: the minus zero is a DOUBLE 0 negated.)
    List<String> values = List.of("-0.0", "0.0", "2.5", "-3.0", "NULL");
    List<String> defaults = new ArrayList<>();
    List<String> duckdb = new ArrayList<>();
    for (String v : values) {
      String x =
          v.equals("-0.0")
              ? "(-" + DEFAULTS.cast("0.0", Dialect.SqlType.DOUBLE) + ")"
              : DEFAULTS.cast(v, Dialect.SqlType.DOUBLE);
      defaults.add(DEFAULTS.signBit(x));
      duckdb.add(new DuckDbDialect().signBit(x));
    }
    List<String> expected = Arrays.asList("true", "false", "false", "true", null);
    assertThat(row(defaults.toArray(String[]::new))).isEqualTo(expected);
    assertThat(row(duckdb.toArray(String[]::new))).isEqualTo(expected);
  }

  @Test
  void leastAndGreatestSkipANull() throws Exception {
    // (3, 5): 3 and 5; (NULL, 5) and (5, NULL): 5 both ways; (NULL, NULL): NULL; three columns
    // (4, NULL, 2): 2 and 4.
    assertThat(
            row(
                NullSkipping.least("3", "5"),
                NullSkipping.greatest("3", "5"),
                NullSkipping.least("NULL", "5"),
                NullSkipping.least("5", "NULL"),
                NullSkipping.greatest("NULL", "5"),
                NullSkipping.greatest("5", "NULL"),
                NullSkipping.least("NULL", "NULL")))
        .isEqualTo(Arrays.asList("3", "5", "5", "5", "5", "5", null));
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + NullSkipping.least(List.of("a", "b", "c"))
                    + ", "
                    + NullSkipping.greatest(List.of("a", "b", "c"))
                    + " FROM (VALUES (4, NULL, 2)) AS t(a, b, c)")) {
      r.next();
      assertThat(List.of(r.getInt(1), r.getInt(2))).containsExactly(2, 4);
    }
  }
}
