package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row whose every field is blank is rejected as "empty row" on both engines, whatever its number
 * of fields; an empty line is not a row at all. Found by the review of issue 17: the SQL engine
 * counted such rows as used.
 */
class BlankRowsOnDuckDbTest {
  @TempDir Path dir;

  /**
   * Lines after the header: 1 (used), " , , " (3 blank fields: empty row), "," (2 blank fields:
   * empty row), an empty line (not read), 2 (used), ",,,," (5 blank fields, more than the header's
   * 3, all blank: empty row, not "row has 5 fields"), 3 with two blank fields beyond the header's
   * (used: blank extra fields are ignored). So 6 read, 3 used, 3 rejected as "empty row"; 3 of 6
   * rejected is 50% > 20%: exit 3. By ch: A 1 (row 1), B 2 (rows 2 and 3), total 3.
   */
  @Test
  void allBlankRowsAreEmptyRowsOnBothEngines() throws Exception {
    Files.writeString(
        dir.resolve("d.csv"),
        "id,created,ch\n1,01/10/2026 10:00,A\n , , \n,\n\n2,02/10/2026 10:00,B\n,,,,\n"
            + "3,03/10/2026 10:00,B,,\n");
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
          - { id: c, type: count, source: s, time: created, by: [ch] }
        """);
    CliRunner.Result tablesaw = report(def, "tablesaw");
    CliRunner.Result duckdb = report(def, "duckdb");
    for (CliRunner.Result r : new CliRunner.Result[] {tablesaw, duckdb}) {
      assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
      assertThat(r.err())
          .contains("s: 6 rows read, 3 used, 3 rejected\n    rejected 3: empty row\n")
          .contains("50.0% of its rows rejected (3 of 6), more than --max-rejected 20%")
          .doesNotContain("fields");
      assertThat(r.out())
          .containsPattern("c +Total +3 +3 ")
          .containsPattern("A +1 +1 ")
          .containsPattern("B +2 +2 ")
          .doesNotContain("without created");
    }
    assertThat(duckdb.out()).isEqualTo(tablesaw.out());
  }

  /**
   * One column: lines "1", an empty line (not read), " " (its one field blank: empty row), "2",
   * "\t" (empty row). So 4 read, 2 used, 2 rejected as "empty row"; the count is 2.
   */
  @Test
  void aOneColumnFileHasItsEmptyLinesUnreadOnBothEngines() throws Exception {
    Files.writeString(dir.resolve("d.csv"), "id\n1\n\n  \n2\n\t\n\"\"\n");
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
        kpis:
          - { id: c, type: count, source: s, time: none }
        """);
    for (String engine : new String[] {"tablesaw", "duckdb"}) {
      CliRunner.Result r = run("report", "-c", def.toString(), "-p", "2026-10", "--engine", engine);
      assertThat(r.err())
          .as(engine)
          .contains("s: 5 rows read, 2 used, 3 rejected\n    rejected 3: empty row\n");
      assertThat(r.out()).as(engine).containsPattern("c +2 ");
    }
  }

  private static CliRunner.Result report(Path def, String engine) {
    return run(
        "report",
        "-c",
        def.toString(),
        "-p",
        "2026-10",
        "--max-rejected",
        "20%",
        "--engine",
        engine);
  }
}
