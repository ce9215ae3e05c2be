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
 * never gives a different number: it stopped with a data error naming the file and line until
 * session 14, and reads such a file with kpi's importer since (CsvBytesOnDuckDbTest has more); a
 * KPI's groups read from another source are listed, not ignored. Found by a review of issue 17's
 * first part.
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

  /**
   * Line 3 opens a quote that never closes: the default engine rejects that row and reads on, so c
   * counts rows 1, 3 and 4 (3) and total sums 5 + 1 + 2 = 8. DuckDB's reader would take lines 3 to
   * 5 as one field and stopped the run (exit 3) until session 14; such a file is now read by kpi's
   * importer (DuckDbCsvBytes): the default engine's rows and report, never a different number.
   */
  @Test
  void anUnterminatedQuoteRejectsItsRowAsOnTheDefaultEngine() throws Exception {
    Files.writeString(
        dir.resolve("s.csv"),
        "id,team,created,amt\n1,A,2026-10-01 10:00,5\n2,A,\"2026-10-02 10:00,6\n"
            + "3,B,2026-10-04 10:00,1\n4,B,2026-10-05 10:00,2\n");
    CliRunner.Result r = sameAsTheDefaultEngine();
    assertThat(r.out()).contains("c,c,2026-10,3,").contains("total,total,2026-10,8,");
    assertThat(r.err()).contains("4 rows read, 3 used, 1 rejected").contains("unterminated quote");
  }

  /**
   * The byte (é in ISO-8859-1) is in a column a KPI reads (amt, line 3): DuckDB would drop the row
   * and stopped the run; the default engine blanks the cell: c counts 2 rows, total is 5 (row 2's
   * amount blank). Now read by kpi's importer on DuckDB too.
   */
  @Test
  void aByteThatIsNotUtf8IsBlankedAsOnTheDefaultEngine() throws Exception {
    byte[] text =
        "id,team,created,amt\n1,A,2026-10-01 10:00,5\n2,A,2026-10-03 10:00,7\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("s.csv"), text);
    CliRunner.Result r = sameAsTheDefaultEngine();
    assertThat(r.out()).contains("c,c,2026-10,2,").contains("total,total,2026-10,5,");
    assertThat(r.err()).contains("1 cell blanked").contains("s.csv:3:amt");
  }

  /** The report on both engines: the same rows and data-quality summary; the default engine's. */
  private CliRunner.Result sameAsTheDefaultEngine() throws Exception {
    String def = definition("").toString();
    CliRunner.Result tablesaw = run("report", "-c", def, "-p", "2026-10", "-f", "csv");
    assertThat(tablesaw.exitCode()).as(tablesaw.err()).isZero();
    CliRunner.Result duckdb =
        run("report", "-c", def, "-p", "2026-10", "-f", "csv", "--engine", "duckdb");
    assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
    assertThat(duckdb.out()).isEqualTo(tablesaw.out());
    assertThat(duckdb.err()).isEqualTo(tablesaw.err());
    return tablesaw;
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
