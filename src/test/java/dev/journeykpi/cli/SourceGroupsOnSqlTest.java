package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code groups: { source: hr, column: team }} on the SQL engines (issue 17): the groups are the
 * values of another source's column, read by a query over that source's typed rows, and listed even
 * when no row has them, as on the default engine ({@code engine/SourceGroupsTest}). Four tickets in
 * October 2026:
 *
 * <pre>
 * created           team     amount  ok   closed            csat
 * 01/10/2026 09:00  Bắc      10      yes  02/10/2026 09:00  5
 * 05/10/2026 09:00  Bắc      30      no   (open)            3
 * 10/10/2026 09:00  Nam      5       yes  11/10/2026 09:00  4
 * 31/10/2026 09:00  (blank)  7       no   (open)            (blank)
 * </pre>
 *
 * and teams.csv lists, in this order: " Trung ", "bắc", "Tây Nguyên", (blank), "Trung", "Đông". The
 * groups are those values trimmed, blanks out, each once: Trung, bắc, Tây Nguyên, Đông; bắc is the
 * data's Bắc (compared without case). In the display order (Vietnamese alphabetical, Đ after D,
 * blank last): Bắc, Đông, Nam, Tây Nguyên, Trung, (blank), then the total.
 */
class SourceGroupsOnSqlTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

  static Definition definition(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        Created,Team,Amount,Ok,Closed,Csat
        01/10/2026 09:00,Bắc,10,yes,02/10/2026 09:00,5
        05/10/2026 09:00,Bắc,30,no,,3
        10/10/2026 09:00,Nam,5,yes,11/10/2026 09:00,4
        31/10/2026 09:00,,7,no,,
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("teams.csv"),
        "Team,Lead\n\" Trung \",An\nbắc,Bình\nTây Nguyên,Cường\n,Dũng\nTrung,Em\nĐông,Giang\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("k.yaml"),
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: t.csv
            columns:
              created: { column: Created, type: datetime, format: dd/MM/yyyy HH:mm }
              closed: { column: Closed, type: datetime, format: dd/MM/yyyy HH:mm }
              team: Team
              amount: { column: Amount, type: number }
              ok: { column: Ok, type: boolean }
              csat: { column: Csat, type: number }
          hr:
            file: teams.csv
            columns: { team: Team, lead: Lead }
        kpis:
          - { id: tickets, type: count, source: t, time: created, by: [team],
              groups: { source: hr, column: team } }
          - { id: avg, type: mean, source: t, time: created, column: amount, by: [team],
              groups: { source: hr, column: team } }
          - { id: ok_share, type: ratio, source: t, time: created, numerator: { ok: true },
              by: [team], groups: { source: hr, column: team } }
          - { id: open, type: backlog, source: t, start: created, end: closed, by: [team],
              groups: { source: hr, column: team } }
          - { id: csat, preset: csat, source: t, time: created, by: [team],
              groups: { source: hr, column: team } }
        """,
        StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("k.yaml")));
  }

  /** October alone, three months each compared with the one before, and all time. */
  static List<RunRequest> requests() {
    return List.of(
        new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()),
        new RunRequest(
            Period.parse("2026-10").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY),
        new RunRequest(List.of(Period.ALL), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY));
  }

  @Test
  void theOtherSourcesValuesAreGroupsOnDuckDbWorkedByHand(@TempDir Path dir) throws Exception {
    Definition def = definition(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    List<String> rows = new ArrayList<>();
    for (ResultRow r : SqlKpiEngine.run(def, requests().get(0)).rows())
      rows.add(r.kpi() + " " + r.dims().get("team") + " " + r.value());
    assertThat(rows)
        .containsExactly(
            // Bắc rows 1-2, Nam row 3, blank row 4; the teams of hr without rows count 0.
            "tickets Bắc 2.0",
            "tickets Đông 0.0",
            "tickets Nam 1.0",
            "tickets Tây Nguyên 0.0",
            "tickets Trung 0.0",
            "tickets (blank) 1.0",
            "tickets (total) 4.0",
            // Bắc (10 + 30) / 2 = 20, Nam 5, blank 7, all (10 + 30 + 5 + 7) / 4 = 13; a team
            // without rows has no mean (no rows), never 0.
            "avg Bắc 20.0",
            "avg Đông null",
            "avg Nam 5.0",
            "avg Tây Nguyên null",
            "avg Trung null",
            "avg (blank) 7.0",
            "avg (total) 13.0",
            // ok: Bắc 1 of 2, Nam 1 of 1, blank 0 of 1, all 2 of 4; no rows: denominator is 0.
            "ok_share Bắc 0.5",
            "ok_share Đông null",
            "ok_share Nam 1.0",
            "ok_share Tây Nguyên null",
            "ok_share Trung null",
            "ok_share (blank) 0.0",
            "ok_share (total) 0.5",
            // Open at the end of October (rows 2 and 4; 1 and 3 closed): Bắc 1, blank 1, all 2;
            // Nam 0, and the teams without rows 0, as a backlog of no rows is.
            "open Bắc 1.0",
            "open Đông 0.0",
            "open Nam 0.0",
            "open Tây Nguyên 0.0",
            "open Trung 0.0",
            "open (blank) 1.0",
            "open (total) 2.0",
            // csat 4 or 5: Bắc 5 of (5, 3) = 1/2, Nam 4 = 1/1, blank: no answer (blank), all 2 of
            // 3 answers.
            "csat Bắc 0.5",
            "csat Đông null",
            "csat Nam 1.0",
            "csat Tây Nguyên null",
            "csat Trung null",
            "csat (blank) null",
            "csat (total) 0.6666666666666666");
  }

  @Test
  void theSameRowsAndQualityAsTheDefaultEngine(@TempDir Path dir) throws Exception {
    Definition def = definition(dir);
    for (RunRequest request : requests()) {
      var tablesaw = KpiEngine.run(def, request);
      SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
      // The groups' source is read, and reported, on both engines: 6 rows read.
      assertThat(tablesaw.quality()).anyMatch(q -> q.source().equals("hr") && q.rowsRead() == 6);
    }
  }

  /** Every dialect prints the groups' source and the query kpi reads the groups with. */
  @Test
  void kpiSqlPrintsTheGroupsSourceAndTheQueryThatReadsIt(@TempDir Path dir) throws Exception {
    definition(dir);
    for (String dialect :
        List.of("duckdb", "postgres", "spark", "trino", "bigquery", "snowflake")) {
      CliRunner.Result r =
          CliRunner.run(
              "sql",
              "-c",
              dir.resolve("k.yaml").toString(),
              "--kpi",
              "tickets",
              "-p",
              "2026-10",
              "--dialect",
              dialect);
      assertThat(r.exitCode()).as(dialect + ": " + r.err()).isZero();
      assertThat(r.out())
          .as(dialect)
          .contains("\n-- source hr\n")
          .contains(
              "-- groups: every value of source hr's column team, trimmed, blanks left out, each"
                  + " listed even without rows; read by kpi with:\nSELECT kpi_value FROM (SELECT")
          .contains("GROUP BY kpi_value ORDER BY min(kpi_record);\n");
    }
  }

  @Test
  void theReportRunsOnDuckDbFromTheCommandLine(@TempDir Path dir) throws Exception {
    definition(dir);
    CliRunner.Result r =
        CliRunner.run(
            "report",
            "-c",
            dir.resolve("k.yaml").toString(),
            "--kpi",
            "tickets",
            "-p",
            "2026-10",
            "-f",
            "csv",
            "--engine",
            "duckdb");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("tickets,tickets,2026-10,Trung,0,");
  }
}
