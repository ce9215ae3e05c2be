package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.sql.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZonedTimestampMessageTest} on PostgreSQL (the tests' throw-away server; skipped where none
 * is installed), whose driver reports a {@code timestamptz} as a plain TIMESTAMP: its type's name
 * tells it, and the advice is the cast to the source's zone.
 */
@ExtendWith(PostgresServer.class)
class ZonedTimestampMessageOnPostgresTest {
  @Test
  void aTimestamptzColumnIsToBeCastToTheSourcesZone(@TempDir Path dir) throws Exception {
    try (Connection c = PostgresServer.connect()) {
      PostgresServer.execute(c, "CREATE SCHEMA zoned");
      PostgresServer.execute(
          c,
          "CREATE TABLE zoned.t AS SELECT '1' AS \"Mã\","
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
            table: zoned.t
            columns:
              id: Mã
              at: { column: Lúc, type: datetime, required: true }
        kpis:
          - { id: rows, type: count, source: t, time: at }
        """,
        StandardCharsets.UTF_8);
    CliRunner.Result r =
        CliRunner.run(
            "report",
            "-c",
            def.toString(),
            "-p",
            "2026-10",
            "--engine",
            "jdbc",
            "--url",
            PostgresServer.url(),
            "--user",
            "kpi");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            "source 't': table zoned.t: column 'Lúc' is timestamptz, an instant, but 'at' is"
                + " declared datetime, a local time; no kpi type holds an instant: cast it in a view"
                + " to a timestamp in the source's zone (PostgreSQL: \"Lúc\" AT TIME ZONE"
                + " 'Asia/Ho_Chi_Minh'), or to text (docs/engines.md)")
        .doesNotContain("Exception");
  }
}
