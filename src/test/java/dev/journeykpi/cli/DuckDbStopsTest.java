package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where DuckDB's CSV reader would read a file otherwise than the default engine (an unterminated
 * quote swallowing the lines after it, a byte that is not UTF-8 dropping its row), --engine duckdb
 * stops with a data error naming the file and line, never a different number; groups from another
 * source are listed, not ignored. Found by a review of issue 17's first part.
 */
class DuckDbStopsTest {
  @TempDir Path dir;

  private Path definition(String extra) throws Exception {
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          s:
            file: s.csv
            columns:
              id: id
              team: team
              created: { column: created, type: datetime, format: yyyy-MM-dd HH:mm }
              amt: { column: amt, type: number }
        %s
        kpis:
          - { id: c, type: count, source: s, time: created%s }
          - { id: total, type: sum, column: amt, source: s, time: created }
        """
            .formatted(
                extra.isEmpty() ? "" : "  hr: { file: hr.csv, columns: { team: team } }", extra));
    return def;
  }

  @Test
  void anUnterminatedQuoteStopsTheRunAtItsLine() throws Exception {
    // Line 3 opens a quote that never closes: the default engine rejects that row and reads on
    // (3 rows); DuckDB's reader would take lines 3 to 4 as one field.
    Files.writeString(
        dir.resolve("s.csv"),
        "id,team,created,amt\n1,A,2026-10-01 10:00,5\n2,A,\"2026-10-02 10:00,6\n"
            + "3,B,2026-10-04 10:00,1\n4,B,2026-10-05 10:00,2\n");
    CliRunner.Result r =
        run("report", "-c", definition("").toString(), "-p", "2026-10", "--engine", "duckdb");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("s.csv: line 3: Value with unterminated quote found;")
        .contains("run it with --engine tablesaw")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  /**
   * The byte is in a column a KPI reads (amt): DuckDB would drop the row, the default blanks it.
   */
  @Test
  void aByteThatIsNotUtf8StopsTheRunAtItsLineInsteadOfCrashing() throws Exception {
    byte[] text =
        "id,team,created,amt\n1,A,2026-10-01 10:00,5\n2,A,2026-10-03 10:00,7\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("s.csv"), text);
    CliRunner.Result r =
        run("report", "-c", definition("").toString(), "-p", "2026-10", "--engine", "duckdb");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).contains("s.csv: line 3: Invalid unicode").doesNotContain("internal error");
  }

  /**
   * Groups from another source were refused here until session 14; they now run (hr's teams A and
   * Q: A has the one row, Q none), see {@link SourceGroupsOnSqlTest}.
   */
  @Test
  void groupsFromAnotherSourceAreListedNotIgnored() throws Exception {
    Files.writeString(dir.resolve("s.csv"), "id,team,created,amt\n1,A,2026-10-01 10:00,5\n");
    Files.writeString(dir.resolve("hr.csv"), "team\nA\nQ\n");
    CliRunner.Result r =
        run(
            "report",
            "-c",
            definition(", by: [team], groups: { source: hr, column: team }").toString(),
            "-p",
            "2026-10",
            "-f",
            "csv",
            "--engine",
            "duckdb");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("c,c,2026-10,A,1,").contains("c,c,2026-10,Q,0,");
  }
}
