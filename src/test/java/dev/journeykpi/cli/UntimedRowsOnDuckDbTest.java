package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of a KPI's population without a time, counted on DuckDB by their own scan when the KPI
 * has a {@code where:} (the filter tested only on rows without a time, issue 17) and in the same
 * scan as the last data day when it has none: the same note as on the default engine.
 */
class UntimedRowsOnDuckDbTest {
  @TempDir Path dir;

  @Test
  void rowsWithoutATimeAreCountedWithAndWithoutAFilter() throws Exception {
    // Six tickets, three without a creation time. By hand:
    // - closed_ones (where status is solved or closed): rows 1, 2, 4, 5 pass the filter; of them
    //   rows 2 and 4 have no time: "2 rows without created are in no period"; October counts
    //   rows 1 and 5: 2.
    // - all_rows (no filter): rows 2, 3, 4 have no time: 3 in no period; October counts rows 1, 5,
    //   6: 3.
    // The last data day is 2026-10-05 (row 6) for both, so October is incomplete.
    Files.writeString(
        dir.resolve("t.csv"),
        "id,created,status\n"
            + "1,01/10/2026 09:00,solved\n"
            + "2,,Solved\n"
            + "3,,open\n"
            + "4,,closed\n"
            + "5,03/10/2026 10:00,closed\n"
            + "6,05/10/2026 11:00,open\n");
    Path def = dir.resolve("t.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: t.csv
            columns:
              id: id
              created: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
              status: status
        kpis:
          - { id: closed_ones, type: count, source: t, time: created,
              where: { status: [solved, closed] } }
          - { id: all_rows, type: count, source: t, time: created }
        """);
    String[] out = new String[2];
    String[] engines = {"tablesaw", "duckdb"};
    for (int i = 0; i < 2; i++) {
      CliRunner.Result r =
          run("report", "-c", def.toString(), "-p", "2026-10", "-f", "csv", "--engine", engines[i]);
      assertThat(r.exitCode()).as(engines[i] + ": " + r.err()).isZero();
      out[i] = r.out();
    }
    assertThat(out[1]).isEqualTo(out[0]);
    assertThat(out[1])
        .contains("closed_ones,closed_ones,2026-10,2,")
        .contains("2 rows without created are in no period")
        .contains("all_rows,all_rows,2026-10,3,")
        .contains("3 rows without created are in no period")
        .contains("incomplete: data ends 2026-10-05");
  }
}
