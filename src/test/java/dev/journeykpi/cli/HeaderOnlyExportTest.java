package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export of a header and no data row is a data error naming the file on both engines, as a stale
 * export is: it gave a count of 0 with exit 0 for any period, even a future one (issue 17 review).
 * {@code --allow-empty-period} (a period that truly had no activity) makes it a warning.
 */
class HeaderOnlyExportTest {
  @TempDir Path dir;

  private Path definition() throws Exception {
    Files.writeString(dir.resolve("d.csv"), "id,created,ch\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          s:
            file: d.csv
            columns:
              id: id
              created: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
              ch: ch
        kpis:
          - { id: c, type: count, source: s, time: created }
        """);
    return def;
  }

  @Test
  void aHeaderOnlyExportIsADataErrorOnBothEngines() throws Exception {
    Path def = definition();
    for (String engine : new String[] {"tablesaw", "duckdb"}) {
      // A past period and a future one alike: no row was read, so no period can be measured.
      for (String period : new String[] {"2026-10", "2031-01"}) {
        CliRunner.Result r = run("report", "-c", def.toString(), "-p", period, "--engine", engine);
        assertThat(r.exitCode()).as(engine + " " + period + ": " + r.err()).isEqualTo(3);
        assertThat(r.err())
            .as(engine)
            .contains(
                "kpi: data error: source 's': "
                    + dir.resolve("d.csv")
                    + " has no data rows (only a header): is the export complete?; no output"
                    + " written")
            .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
      }
    }
  }

  @Test
  void allowEmptyPeriodReportsItWithAWarning() throws Exception {
    Path def = definition();
    for (String engine : new String[] {"tablesaw", "duckdb"}) {
      CliRunner.Result r =
          run(
              "report",
              "-c",
              def.toString(),
              "-p",
              "2026-10",
              "--allow-empty-period",
              "--engine",
              engine);
      assertThat(r.exitCode()).as(engine + ": " + r.err()).isZero();
      assertThat(r.err())
          .as(engine)
          .contains("kpi: warning: source 's': ")
          .contains(
              "has no data rows (only a header): is the export complete?; its KPIs have no rows");
      // No row: the count is 0.
      assertThat(r.out()).containsPattern("c +0 ");
    }
  }
}
