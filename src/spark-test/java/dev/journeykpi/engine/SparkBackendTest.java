package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.sql.SparkDialect;
import dev.journeykpi.sql.SparkSessions;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark backend's JDBC adapter and its appended rows, by hand: what the engine's code reads
 * through {@code Connection}/{@code Statement}/{@code ResultSet} comes back as a JDBC driver gives
 * it, and what it does not do is refused by name.
 */
class SparkBackendTest {
  static SparkBackend backend;

  @BeforeAll
  static void open() {
    SparkSessions.get(); // the test JVM's session: the backend reuses it and leaves it running
    backend = new SparkBackend(new SqlTarget(null, null, null, null, null));
  }

  @Test
  void aQueryComesBackAsAJdbcDriverGivesIt() throws Exception {
    Connection conn = backend.connection();
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT CAST(3 AS BIGINT) AS n, CAST(2.5 AS DECIMAL(38, 18)) AS d, DATE"
                    + " '2026-10-31' AS day, TIMESTAMP_NTZ '2026-10-01 08:00:00' AS t,"
                    + " CAST(NULL AS STRING) AS s, 'Điện thoại' AS txt")) {
      assertThat(r.next()).isTrue();
      // Labels without case, as JDBC finds them; a count as long or int; a DECIMAL as a double.
      assertThat(r.getLong("N")).isEqualTo(3L);
      assertThat(r.getInt(1)).isEqualTo(3);
      assertThat(r.getDouble("d")).isEqualTo(2.5);
      assertThat(r.getDate("day")).isEqualTo(Date.valueOf("2026-10-31"));
      assertThat(r.getObject("t")).isEqualTo(LocalDateTime.of(2026, 10, 1, 8, 0));
      assertThat(r.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2026, 10, 31));
      assertThat(r.getString("s")).isNull();
      assertThat(r.wasNull()).isTrue();
      assertThat(r.getLong("s")).isZero();
      assertThat(r.getString("txt")).isEqualTo("Điện thoại");
      assertThat(r.wasNull()).isFalse();
      ResultSetMetaData m = r.getMetaData();
      assertThat(m.getColumnCount()).isEqualTo(6);
      assertThat(m.getColumnLabel(3)).isEqualTo("day");
      List<Integer> types = new ArrayList<>();
      for (int c = 1; c <= 6; c++) types.add(m.getColumnType(c));
      assertThat(types)
          .containsExactly(
              Types.BIGINT,
              Types.DECIMAL,
              Types.DATE,
              Types.TIMESTAMP,
              Types.VARCHAR,
              Types.VARCHAR);
      assertThat(m.getColumnTypeName(4)).isEqualTo("TIMESTAMP_NTZ");
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void whatTheAdapterDoesNotDoIsRefusedByName() {
    assertThatThrownBy(() -> backend.connection().prepareStatement("SELECT 1"))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageContaining("Connection.prepareStatement");
  }

  @Test
  void sparksOwnErrorIsAnSqlExceptionWithItsMessage() {
    assertThatThrownBy(
            () -> backend.connection().createStatement().executeQuery("SELECT * FROM kpi_none"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("kpi_none");
  }

  /**
   * The importer's rows go to the empty view the dialect made, typed as it says, and a view over it
   * made before they came sees them (views are read by name).
   */
  @Test
  void appendedRowsReachTheViewsOverTheLoadedTable() throws Exception {
    SparkDialect d = new SparkDialect();
    backend.execute(
        d.createLoadedTable(
            "kpi_typed_appended",
            List.of(
                "kpi_record BIGINT",
                "`amount` DOUBLE",
                "`day` DATE",
                "`at` TIMESTAMP_NTZ",
                "`team` STRING")));
    backend.execute(
        "CREATE OR REPLACE TEMPORARY VIEW kpi_rows_appended AS SELECT * FROM kpi_typed_appended"
            + " WHERE amount IS NOT NULL");
    List<Object[]> rows =
        List.of(
            new Object[] {
              1L, 2.5, LocalDate.of(2026, 10, 1), LocalDateTime.of(2026, 10, 1, 8, 0), "A"
            },
            new Object[] {2L, null, LocalDate.of(2026, 10, 2), null, "B"},
            new Object[] {3L, 4.0, null, LocalDateTime.of(2026, 10, 3, 9, 30), null});
    backend.append(
        "kpi_typed_appended", List.of("kpi_record", "amount", "day", "at", "team"), rows);
    try (Statement st = backend.connection().createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT count(*), sum(amount), max(at), min(day), count(team) FROM"
                    + " kpi_rows_appended")) {
      r.next();
      // Rows 1 and 3 have an amount: 2.5 + 4.0 = 6.5; the latest time row 3's; row 1's day
      // (row 3 has none); row 1's team (row 3 has none): 1.
      assertThat(r.getLong(1)).isEqualTo(2);
      assertThat(r.getDouble(2)).isEqualTo(6.5);
      assertThat(r.getObject(3)).isEqualTo(LocalDateTime.of(2026, 10, 3, 9, 30));
      assertThat(r.getDate(4)).isEqualTo(Date.valueOf("2026-10-01"));
      assertThat(r.getLong(5)).isEqualTo(1);
    }
  }
}
