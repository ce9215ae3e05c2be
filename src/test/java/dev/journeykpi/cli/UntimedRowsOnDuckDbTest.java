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
 * scan as the last data day when it has none: the same note as on the default engine. The rows
 * without a time and the last data day are read from the source's reach, measured once per run for
 * every KPI and the quality report's date range ({@code SourceReach}).
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

  @Test
  void oneReachOfTheSourceServesEveryKpiAndTheDateRange() throws Exception {
    // Three tickets; no row has a resolved time, row 2 has no created time, every row is logged.
    // By hand, in October:
    // - by_created (status solved: rows 1 and 2, 'Solved' is the same text): row 2 has no time,
    //   "1 rows without created are in no period"; row 1 (01/10) counts: 1; the created times end
    //   2026-10-01 (row 1; row 3 is 30/09): incomplete.
    // - by_resolved (no filter): every row lacks a time: "3 rows without resolved are in no
    //   period", 0; no data day, so no "data ends" note.
    // - by_logged (status solved): rows 1 and 2 logged 02/10 and 03/10: 2; no row lacks a logged
    //   time, so no note of them (no count query is run); the last day is row 3's 04/10 (every
    //   row's, not only the filter's), so incomplete.
    // The source's dates (created, logged, resolved; resolved has none and is skipped) begin
    // 2026-09-30 (row 3's created) and end 2026-10-04 (row 3's logged): August and November are
    // not reached (exit 3, data).
    Files.writeString(
        dir.resolve("t.csv"),
        "id,created,resolved,logged,status\n"
            + "1,01/10/2026 09:00,,02/10/2026 08:00,solved\n"
            + "2,,,03/10/2026 08:00,Solved\n"
            + "3,30/09/2026 23:00,,04/10/2026 08:00,open\n");
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
              resolved: { column: resolved, type: datetime, format: dd/MM/yyyy HH:mm }
              logged: { column: logged, type: datetime, format: dd/MM/yyyy HH:mm }
              status: status
        kpis:
          - { id: by_created, type: count, source: t, time: created, where: { status: [solved] } }
          - { id: by_resolved, type: count, source: t, time: resolved }
          - { id: by_logged, type: count, source: t, time: logged, where: { status: [solved] } }
        """);
    for (String engine : new String[] {"tablesaw", "duckdb"}) {
      CliRunner.Result r =
          run("report", "-c", def.toString(), "-p", "2026-10", "-f", "csv", "--engine", engine);
      assertThat(r.exitCode()).as(engine + ": " + r.err()).isZero();
      assertThat(r.out())
          .as(engine)
          .contains(
              "by_created,by_created,2026-10,1,rows,,,1,,,,,,false,incomplete: data ends"
                  + " 2026-10-01; 1 rows without created are in no period\n")
          .contains(
              "by_resolved,by_resolved,2026-10,0,rows,,,0,,,,,,true,3 rows without resolved are"
                  + " in no period\n")
          .contains(
              "by_logged,by_logged,2026-10,2,rows,,,2,,,,,,false,incomplete: data ends"
                  + " 2026-10-04\n");
      CliRunner.Result before =
          run("report", "-c", def.toString(), "-p", "2026-08", "--engine", engine);
      assertThat(before.exitCode()).as(engine).isEqualTo(3);
      assertThat(before.err())
          .as(engine)
          .contains(
              "its dates (created, logged, resolved) begin 2026-09-30, after the period 2026-08"
                  + " ends");
      CliRunner.Result after =
          run("report", "-c", def.toString(), "-p", "2026-11", "--engine", engine);
      assertThat(after.exitCode()).as(engine).isEqualTo(3);
      assertThat(after.err())
          .as(engine)
          .contains(
              "its dates (created, logged, resolved) end 2026-10-04, before the period 2026-11"
                  + " begins");
    }
  }
}
