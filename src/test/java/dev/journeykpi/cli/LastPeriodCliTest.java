package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --period last}: the last complete period is found from where the data ends, said on
 * stderr, and reported as if it had been named. The data ends in 2026, before any day these tests
 * run on, so "today" never decides here (PeriodChoiceTest covers it).
 */
class LastPeriodCliTest {
  @TempDir Path dir;

  /** Tickets to 3 November 2026: November is incomplete, October is the last complete month. */
  static final String TICKETS =
      """
      id,created_at
      T1,2026-09-05
      T2,2026-10-01
      T3,2026-10-15
      T4,2026-10-31
      T5,2026-11-03
      """;

  /** A sparse source: the last complaint is of 20 September. */
  static final String COMPLAINTS =
      """
      id,created_at
      C1,2026-09-20
      """;

  static final String DEFINITION =
      """
      version: 1
      timezone: Asia/Ho_Chi_Minh
      sources:
        tickets:
          file: tickets.csv
          columns: { id: id, created_at: { column: created_at, type: date, format: yyyy-MM-dd } }
        complaints:
          file: complaints.csv
          columns: { id: id, created_at: { column: created_at, type: date, format: yyyy-MM-dd } }
      kpis:
        - { id: tickets, type: count, source: tickets, time: created_at }
        - { id: complaints, type: count, source: complaints, time: created_at }
        - { id: all_tickets, type: count, source: tickets, time: none }
      """;

  private Path def;

  @BeforeEach
  void write() throws Exception {
    Files.writeString(dir.resolve("tickets.csv"), TICKETS);
    Files.writeString(dir.resolve("complaints.csv"), COMPLAINTS);
    def = dir.resolve("d.yaml");
    Files.writeString(def, DEFINITION);
  }

  private static String row(String csv, String kpi) {
    return csv.lines().filter(l -> l.startsWith(kpi + ",")).findFirst().orElseThrow();
  }

  @Test
  void theLastCompleteMonthIsReportedAsIfNamed() {
    CliRunner.Result last =
        run("report", "-c", def.toString(), "--period", "last", "-f", "csv", "--kpi", "tickets");
    CliRunner.Result named =
        run("report", "-c", def.toString(), "--period", "2026-10", "-f", "csv", "--kpi", "tickets");
    assertThat(last.exitCode()).isEqualTo(0);
    // The data's latest day is 3 November (T5), so October is the last complete month; it has
    // T2, T3 and T4: 3 tickets.
    assertThat(last.err())
        .contains(
            "kpi: --period last: 2026-10, the last month the data covers to its end (its dates"
                + " reach 2026-11-03)");
    assertThat(row(last.out(), "tickets")).startsWith("tickets,tickets,2026-10,3,");
    assertThat(last.out()).isEqualTo(named.out());
  }

  @Test
  void aSparseSourceDoesNotDragThePeriodBackButIsSaid() {
    CliRunner.Result r = run("report", "-c", def.toString(), "--period", "last", "-f", "csv");
    // The complaints end on 20 September; the tickets' 3 November still decides (October). The
    // complaints' export is said to end before October: a warning, as for a named period.
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).contains("--period last: 2026-10");
    assertThat(r.err()).contains("source 'complaints': its dates (created_at) end 2026-09-20");
    assertThat(row(r.out(), "complaints")).startsWith("complaints,complaints,2026-10,0,");
  }

  @Test
  void aTrendAndAComparisonEndAtTheLastCompletePeriod() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "last",
            "--periods",
            "2",
            "-f",
            "csv",
            "--kpi",
            "tickets",
            "--compare",
            "previous");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).contains("--period last: 2026-09 to 2026-10 (2 periods)");
    // September: T1 = 1 (August before it: none); October: 3, against September's 1.
    assertThat(r.out()).contains("tickets,tickets,2026-09,1,");
    assertThat(r.out()).contains("tickets,tickets,2026-10,3,");
  }

  @Test
  void lastQuarterAndLastYear() {
    // Q4 2026 is incomplete (data to 3 November): Q3 holds T1 only; 2026 is incomplete: 2025 has
    // no ticket.
    CliRunner.Result q =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "last-quarter",
            "-f",
            "csv",
            "--kpi",
            "tickets");
    assertThat(q.err()).contains("--period last-quarter: 2026-Q3, the last quarter");
    assertThat(row(q.out(), "tickets")).startsWith("tickets,tickets,2026-Q3,1,");
    CliRunner.Result y =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "last-year",
            "-f",
            "csv",
            "--kpi",
            "tickets",
            "--allow-empty-period");
    assertThat(y.err()).contains("--period last-year: 2025, the last year");
    assertThat(row(y.out(), "tickets")).startsWith("tickets,tickets,2025,0,");
  }

  @Test
  void quietSaysNothingOfIt() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "last",
            "-f",
            "csv",
            "-q",
            "--kpi",
            "tickets");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).doesNotContain("--period last");
  }

  @Test
  void withoutDatedRowsThereIsNoLastPeriod() {
    CliRunner.Result r =
        run("report", "-c", def.toString(), "--period", "last", "--kpi", "all_tickets");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "kpi: --period last needs dated rows: none of the KPIs run places its rows in periods"
                + " by a date column of its source; name the period (--period 2026-10)\n");
  }

  @Test
  void leadsListTheLastCompletePeriodToo() {
    // The retention kit's orders end on 31 October 2026 (the latest "Ngày đặt" of
    // examples/retention/don-hang.csv, found with awk over the file), so October is complete.
    String kit = "kpi-definitions/retention.yaml";
    CliRunner.Result last = run("leads", "-c", kit, "--kpi", "churn", "--period", "last");
    CliRunner.Result named = run("leads", "-c", kit, "--kpi", "churn", "--period", "2026-10");
    assertThat(last.exitCode()).isEqualTo(0);
    assertThat(last.err()).startsWith("kpi: --period last: 2026-10, the last month");
    assertThat(last.out()).isEqualTo(named.out()).isNotEmpty();
  }

  @Test
  void aDateAfterTodayIsSaidRatherThanTakenForTheDataEnd() throws Exception {
    // A typo dated 2099 would make the data seem to reach last month (today is later than
    // 2026-11-03 but long before 2099), and an empty month would be reported as complete.
    Files.writeString(dir.resolve("tickets.csv"), TICKETS + "T6,2099-01-05\n");
    CliRunner.Result r =
        run("report", "-c", def.toString(), "--period", "last", "-f", "csv", "--kpi", "tickets");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("--period last: source 'tickets' has dates up to 2099-01-05, after today (")
        .contains("correct those dates or name the period");
    assertThat(r.out()).isEmpty();
  }
}
