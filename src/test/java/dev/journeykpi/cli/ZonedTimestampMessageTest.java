package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table's timestamp with a time zone declared a date-time (found by session 11's review): the
 * advice was "declare the type it holds", though no kpi type holds an instant.
 */
class ZonedTimestampMessageTest {
  @TempDir Path dir;

  /**
   * A table's TIMESTAMPTZ column declared datetime: the advice is to cast it to a timestamp in the
   * source's zone (or to text) in a view, naming the zone, not "declare the type it holds".
   */
  @Test
  void aTimestampWithATimeZoneInATableIsToBeCastToTheSourcesZone() throws Exception {
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA crm");
      st.execute(
          "CREATE TABLE crm.t AS SELECT '1' AS \"Mã\","
              + " TIMESTAMPTZ '2026-10-01 08:00:00+07' AS \"Lúc\"");
    }
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            table: crm.t
            columns:
              id: Mã
              at: { column: Lúc, type: datetime, required: true }
        kpis:
          - { id: rows, type: count, source: t, time: at }
        """,
        StandardCharsets.UTF_8);
    CliRunner.Result r =
        CliRunner.run(
            "report", "-c", def.toString(), "-p", "2026-10", "--engine", "jdbc", "--url", url);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .contains("source 't': table crm.t: column 'Lúc' is ")
        .contains(
            ", an instant, but 'at' is declared datetime, a local time; no kpi type holds an"
                + " instant: cast it in a view to a timestamp in the source's zone (PostgreSQL:"
                + " \"Lúc\" AT TIME ZONE 'Asia/Ho_Chi_Minh'), or to text (docs/engines.md)")
        .doesNotContain("declare the type it holds")
        .doesNotContain("Exception");
  }
}
