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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code by:} columns, {@code rollup: true} and breakdowns by numbers, dates and yes/no
 * columns for the types that compile a query of their own on the period × group builder ({@code
 * sql.PeriodGroups}): {@code backlog}, {@code turnover} and {@code score}, and for those that copy
 * each row into its groups ({@code sql.GroupCopies}): {@code stalled} and the customers KPIs (issue
 * 17). Generated edge cases give the same rows on both engines, in the same order (a roll-up's
 * subtotal before the groups under it, the total last), and one case per type is worked by hand.
 */
class SeveralBreakdownsOnSqlTest {
  @TempDir Path dir;

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  static final String SOURCES =
      """
      version: 1
      name: several breakdowns
      timezone: Asia/Ho_Chi_Minh
      sources:
        tickets:
          file: tickets.csv
          columns:
            id: { column: id, required: true }
            customer: customer
            created_at: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
            resolved_at: { column: resolved, type: datetime, format: dd/MM/yyyy HH:mm }
            channel: channel
            team: team
            priority: { column: priority, type: number }
            urgent: { column: urgent, type: boolean }
            csat: csat
            nps: nps
        staff:
          file: staff.csv
          columns:
            id: { column: id, required: true }
            hired_at: { column: hired, type: date, format: dd/MM/yyyy }
            left_at: { column: left, type: date, format: dd/MM/yyyy }
            department: department
            site: site
            grade: { column: grade, type: number }
            remote: { column: remote, type: boolean }
      """;

  /** The generated KPIs: two columns with and without roll-up, and columns that are not text. */
  static final String KPIS =
      """
      kpis:
        - { id: open_rollup, preset: backlog, source: tickets, by: [channel, team], rollup: true }
        - { id: open_three, preset: backlog, source: tickets, by: [channel, urgent, priority],
            rollup: true, where: { team: { not: [c] } } }
        - { id: open_by_two, preset: backlog, source: tickets, by: [team, channel] }
        - { id: open_by_priority, preset: backlog, source: tickets, by: [priority] }
        - { id: open_by_urgent, preset: backlog, source: tickets, by: [urgent] }
        - { id: open_by_day, type: backlog, start: created_at, end: resolved_at, source: tickets,
            by: [created_at] }
        - { id: turnover_rollup, preset: employee_turnover, source: staff, by: [department, site],
            rollup: true }
        - { id: turnover_by_two, preset: employee_turnover, source: staff, by: [grade, remote] }
        - { id: turnover_by_hire, preset: employee_turnover, source: staff, by: [hired_at] }
        - { id: csat_rollup, preset: csat, source: tickets, by: [channel, team], rollup: true,
            values: { Không hài lòng: 2, Bình thường: 3, Hài lòng: 4, Rất hài lòng: 5 } }
        - { id: csat_by_two, preset: csat_mean, source: tickets, by: [urgent, priority] }
        - { id: nps_rollup, preset: nps, source: tickets, by: [team, urgent], rollup: true }
        - { id: stalled_rollup, type: stalled, source: tickets, lead: customer, time: created_at,
            idle: 20 days, closed: { urgent: true }, by: [channel, team], rollup: true }
        - { id: stalled_by_two, type: stalled, source: tickets, lead: customer, time: created_at,
            idle: 10 days, by: [priority, urgent] }
        - { id: churn_by_two, preset: churn_rate, source: tickets, customer: customer,
            by: [urgent, priority] }
        - { id: life_rollup, preset: customer_lifecycle, source: tickets, customer: customer,
            by: [channel, team], rollup: true }
        - { id: cohorts_rollup, preset: cohort_retention, source: tickets, customer: customer,
            cohorts: 3, by: [team, urgent], rollup: true }
        - { id: nps_untimed, preset: nps, source: tickets, time: none, by: [priority, channel],
            rollup: true }
      """;

  /**
   * Tickets and staff with blanks in every breakdown column, a text spelled in several cases, a
   * number written two ways, yes/no and blank, times at month edges, rows ending before they start.
   * A fixed seed: the same files on every run.
   */
  static Definition generated(Path dir) throws Exception {
    Random rnd = new Random(2026_1712);
    String[] channels = {"Email", "email", "Zalo", "Điện thoại", ""};
    String[] teams = {"A", "B", "b", "C", ""};
    String[] priorities = {"1", "2", "2.0", "3", "", "0.5", "0", "-0"};
    String[] flags = {"Có", "Không", ""};
    String[] csat = {
      "Hài lòng", "rất hài lòng", "Bình thường", "Không hài lòng", "5", "2", "", "x"
    };
    String[] nps = {"0", "6", "7", "9", "10", "", "11"};
    StringBuilder t =
        new StringBuilder("id,customer,created,resolved,channel,team,priority,urgent,csat,nps\n");
    for (int i = 0; i < 400; i++) {
      String created =
          switch (rnd.nextInt(10)) {
            case 0 -> "";
            case 1 -> rnd.nextBoolean() ? "01/02/2026 00:00" : "31/01/2026 23:59";
            default -> at(rnd, LocalDate.of(2026, 1, 1), 100);
          };
      String resolved =
          switch (rnd.nextInt(5)) {
            case 0, 1 -> "";
            case 2 -> at(rnd, LocalDate.of(2025, 12, 20), 20);
            default -> at(rnd, LocalDate.of(2026, 1, 20), 110);
          };
      t.append("T")
          .append(i)
          .append(',')
          .append(rnd.nextInt(10) == 0 ? "" : "K" + rnd.nextInt(40))
          .append(',')
          .append(created)
          .append(',')
          .append(resolved)
          .append(',')
          .append(pick(rnd, channels))
          .append(',')
          .append(pick(rnd, teams))
          .append(',')
          .append(pick(rnd, priorities))
          .append(',')
          .append(pick(rnd, flags))
          .append(',')
          .append(pick(rnd, csat))
          .append(',')
          .append(pick(rnd, nps))
          .append('\n');
    }
    Files.writeString(dir.resolve("tickets.csv"), t.toString(), StandardCharsets.UTF_8);
    String[] departments = {"CSKH", "cskh", "Kho", ""};
    String[] sites = {"HN", "HCM", ""};
    String[] grades = {"1", "2", "3", ""};
    StringBuilder s = new StringBuilder("id,hired,left,department,site,grade,remote\n");
    for (int i = 0; i < 200; i++) {
      String hired =
          switch (rnd.nextInt(8)) {
            case 0 -> "";
            case 1 -> "01/02/2026";
            case 2 -> "31/01/2026";
            default -> day(rnd, LocalDate.of(2025, 9, 1), 200);
          };
      String left =
          switch (rnd.nextInt(4)) {
            case 0, 1 -> "";
            default -> day(rnd, LocalDate.of(2025, 11, 1), 150);
          };
      s.append("NV")
          .append(i)
          .append(',')
          .append(hired)
          .append(',')
          .append(left)
          .append(',')
          .append(pick(rnd, departments))
          .append(',')
          .append(pick(rnd, sites))
          .append(',')
          .append(pick(rnd, grades))
          .append(',')
          .append(pick(rnd, flags))
          .append('\n');
    }
    Files.writeString(dir.resolve("staff.csv"), s.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("d.yaml"), SOURCES + KPIS, StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("d.yaml")));
  }

  private static String pick(Random rnd, String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private static String at(Random rnd, LocalDate from, int days) {
    LocalDate d = from.plusDays(rnd.nextInt(days));
    return day(d) + String.format(" %02d:%02d", rnd.nextInt(24), rnd.nextInt(4) * 15);
  }

  private static String day(Random rnd, LocalDate from, int days) {
    return day(from.plusDays(rnd.nextInt(days)));
  }

  private static String day(LocalDate d) {
    return String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  /** Three months (each compared with the one before) and all time. */
  static List<RunRequest> requests() {
    return List.of(
        new RunRequest(
            Period.parse("2026-03").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY),
        new RunRequest(List.of(Period.ALL), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY));
  }

  @Test
  void generatedEdgeCasesGiveTheSameRowsOnBothEngines() throws Exception {
    Definition def = generated(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    List<RunRequest> requests = requests();
    for (RunRequest request : requests) {
      var expected = KpiEngine.run(def, request);
      SqlEngineDifferentialTest.assertSame(expected, SqlKpiEngine.run(def, request));
      // The data has what it is meant to: subtotals, blanks, numbers, yes/no and dates as groups
      // (in the months: over all time the customers KPIs have a row "needs a period" per group).
      if (request != requests.get(0)) continue;
      String keys = String.join("\n", expected.rows().stream().map(r -> key(r)).toList());
      assertThat(keys)
          .contains("open_rollup [Email, (total)]")
          .contains("open_rollup [(blank), (blank)]")
          .contains("open_three [Zalo, true, (total)]")
          .contains("open_three [Zalo, false, 0.5]")
          .contains("open_by_priority [2]")
          .contains("open_by_day [2026-02-01 00:00]")
          .contains("turnover_by_hire [2026-01-31]")
          .contains("turnover_rollup [Kho, (total)]")
          .contains("csat_by_two [(blank), 3]")
          .contains("nps_untimed [(blank), (total)]")
          .contains("stalled_rollup [Zalo, (total)]")
          .contains("stalled_by_two [0.5, true]")
          .contains("churn_by_two [true, 0.5]")
          .contains("life_rollup [Zalo, (total), new]")
          .contains("cohorts_rollup [b, (total)");
    }
  }

  private static String key(ResultRow r) {
    return r.kpi() + " " + r.dims().values();
  }

  /** The rows of a run on the SQL engine alone, by "kpi [breakdown]", in their order. */
  private static Map<String, ResultRow> onDuckDb(Definition def, String period) {
    Map<String, ResultRow> by = new LinkedHashMap<>();
    RunRequest request = new RunRequest(List.of(Period.parse(period)), Map.of(), List.of());
    for (ResultRow r : SqlKpiEngine.run(def, request).rows()) by.put(key(r), r);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, request), SqlKpiEngine.run(def, request));
    return by;
  }

  private Definition write(String csv, String yaml) throws Exception {
    Files.writeString(dir.resolve("h.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("h.yaml"), yaml, StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("h.yaml")));
  }

  /**
   * Six tickets over 2 channels × 2 teams, the backlog at the end of October 2026 (2026-11-01
   * 00:00) by channel and team with the roll-up. 1 (email, A) opened in September, still open:
   * open. 2 (email, B) opened and closed in October: not open. 3 (email, B) opened in October,
   * still open: open. 4 (phone, A) closed on 1 November at 00:00, the edge itself (an end at the
   * instant is not before it): open. 5 (phone, A) opened in October, still open: open. 6 (phone, B)
   * opened in November, after the edge: not open, but its group is there (every group of the
   * population is in every period). Email: 1 and 3 → 2, email A 1, email B 1; phone: 4 and 5 → 2,
   * phone A 2, phone B 0; all: 4. The order: each channel's subtotal before its teams, the total
   * last.
   */
  @Test
  void aBacklogByChannelAndTeamWithTheRollupWorkedByHand() throws Exception {
    Definition def =
        write(
            """
            id,start,end,channel,team
            1,15/09/2026 09:00,,email,A
            2,10/10/2026 09:00,20/10/2026 09:00,email,B
            3,12/10/2026 09:00,,email,B
            4,05/10/2026 09:00,01/11/2026 00:00,phone,A
            5,20/10/2026 09:00,,phone,A
            6,02/11/2026 09:00,,phone,B
            """,
            """
            version: 1
            timezone: Asia/Ho_Chi_Minh
            sources:
              s:
                file: h.csv
                columns:
                  start: { column: start, type: datetime, format: dd/MM/yyyy HH:mm }
                  end: { column: end, type: datetime, format: dd/MM/yyyy HH:mm }
                  channel: channel
                  team: team
            kpis:
              - { id: open, type: backlog, start: start, end: end, source: s,
                  by: [channel, team], rollup: true }
            """);
    Map<String, ResultRow> rows = onDuckDb(def, "2026-10");
    assertThat(rows.keySet())
        .containsExactly(
            "open [email, (total)]",
            "open [email, A]",
            "open [email, B]",
            "open [phone, (total)]",
            "open [phone, A]",
            "open [phone, B]",
            "open [(total), (total)]");
    List<Double> values = new ArrayList<>();
    rows.values().forEach(r -> values.add(r.value()));
    assertThat(values).containsExactly(2.0, 1.0, 1.0, 2.0, 2.0, 0.0, 4.0);
  }

  /**
   * Six people over 2 departments × 2 sites, October 2026 (1 October 00:00 to 1 November 00:00); in
   * the headcount at an edge: hired before it and not left before it; a leaver: left in the period.
   * 1 (CSKH, HN) hired 2025, never left: both headcounts. 2 (CSKH, HN) hired 2025, left 15 October:
   * start, a leaver. 3 (CSKH, HCM) hired 1 October (not before the start): the end only. 4 (Kho,
   * HN) hired 2025, left 1 November (not before the end): both. 5 (Kho, HCM) hired 2025, left 20
   * October: start, a leaver. 6 (Kho, HCM) hired 2025, never left: both. Turnover = leavers ÷ the
   * headcounts' average. CSKH HN: 1 ÷ ((2 + 1) ÷ 2) = 2/3; CSKH HCM: 0 ÷ ((0 + 1) ÷ 2) = 0; CSKH: 1
   * ÷ ((2 + 2) ÷ 2) = 0.5; Kho HN: 0 ÷ 1 = 0; Kho HCM: 1 ÷ ((2 + 1) ÷ 2) = 2/3; Kho: 1 ÷ ((3 + 2) ÷
   * 2) = 0.4; all: 2 ÷ ((5 + 4) ÷ 2) = 4/9.
   */
  @Test
  void aTurnoverByDepartmentAndSiteWithTheRollupWorkedByHand() throws Exception {
    Definition def =
        write(
            """
            hired,left,department,site
            01/03/2025,,CSKH,HN
            01/03/2025,15/10/2026,CSKH,HN
            01/10/2026,,CSKH,HCM
            01/03/2025,01/11/2026,Kho,HN
            01/03/2025,20/10/2026,Kho,HCM
            01/03/2025,,Kho,HCM
            """,
            """
            version: 1
            timezone: Asia/Ho_Chi_Minh
            sources:
              s:
                file: h.csv
                columns:
                  hired_at: { column: hired, type: date, format: dd/MM/yyyy }
                  left_at: { column: left, type: date, format: dd/MM/yyyy }
                  department: department
                  site: site
            kpis:
              - { id: t, preset: employee_turnover, source: s, by: [department, site], rollup: true }
            """);
    Map<String, ResultRow> rows = onDuckDb(def, "2026-10");
    assertThat(rows.keySet())
        .containsExactly(
            "t [CSKH, (total)]",
            "t [CSKH, HCM]",
            "t [CSKH, HN]",
            "t [Kho, (total)]",
            "t [Kho, HCM]",
            "t [Kho, HN]",
            "t [(total), (total)]");
    org.assertj.core.data.Offset<Double> e = org.assertj.core.data.Offset.offset(1e-12);
    assertThat(rows.get("t [CSKH, HN]").value()).isCloseTo(2.0 / 3, e);
    assertThat(rows.get("t [CSKH, HCM]").value()).isEqualTo(0.0);
    assertThat(rows.get("t [CSKH, (total)]").value()).isEqualTo(0.5);
    assertThat(rows.get("t [Kho, HN]").value()).isEqualTo(0.0);
    assertThat(rows.get("t [Kho, HCM]").value()).isCloseTo(2.0 / 3, e);
    assertThat(rows.get("t [Kho, (total)]").value()).isCloseTo(0.4, e);
    assertThat(rows.get("t [(total), (total)]").value()).isCloseTo(4.0 / 9, e);
    assertThat(rows.get("t [(total), (total)]").notes().english())
        .isEqualTo("headcount 5 at start, 4 at end");
  }

  /**
   * Six CSAT answers in October 2026 over 2 channels × 2 teams (1-5, 4 and 5 positive): email A
   * answers Hài lòng (4) and 5: 2 of 2; email B answers 2: 0 of 1; phone A answers 5 and a blank
   * (left out): 1 of 1; phone B answers 1: 0 of 1. Email: 2 of 3; phone: 1 of 2 = 0.5; all: 3 of 5
   * = 0.6. Priority, a number column, as a third level: email A's answers are priorities 1 and 2,
   * so email A 1 and email A 2 have 1 of 1 each.
   */
  @Test
  void aCsatByChannelAndTeamWithTheRollupWorkedByHand() throws Exception {
    Definition def =
        write(
            """
            at,channel,team,priority,csat
            01/10/2026,email,A,1,Hài lòng
            02/10/2026,email,A,2.0,5
            03/10/2026,email,B,1,2
            04/10/2026,phone,A,1,5
            05/10/2026,phone,A,1,
            06/10/2026,phone,B,1,1
            01/11/2026,phone,B,1,5
            """,
            """
            version: 1
            timezone: Asia/Ho_Chi_Minh
            sources:
              s:
                file: h.csv
                columns:
                  created_at: { column: at, type: date, format: dd/MM/yyyy }
                  channel: channel
                  team: team
                  priority: { column: priority, type: number }
                  csat: csat
            kpis:
              - { id: csat, preset: csat, source: s, by: [channel, team], rollup: true,
                  values: { Hài lòng: 4 } }
              - { id: deep, preset: csat, source: s, by: [channel, team, priority], rollup: true,
                  values: { Hài lòng: 4 }, where: { channel: email } }
            """);
    Map<String, ResultRow> rows = onDuckDb(def, "2026-10");
    assertThat(rows.keySet())
        .startsWith(
            "csat [email, (total)]",
            "csat [email, A]",
            "csat [email, B]",
            "csat [phone, (total)]",
            "csat [phone, A]",
            "csat [phone, B]",
            "csat [(total), (total)]");
    assertThat(rows.get("csat [email, A]").value()).isEqualTo(1.0);
    assertThat(rows.get("csat [email, B]").value()).isEqualTo(0.0);
    assertThat(rows.get("csat [email, (total)]").numerator()).isEqualTo(2.0);
    assertThat(rows.get("csat [email, (total)]").denominator()).isEqualTo(3.0);
    assertThat(rows.get("csat [phone, A]").value()).isEqualTo(1.0);
    assertThat(rows.get("csat [phone, A]").notes().english()).isEqualTo("1 blank answers left out");
    assertThat(rows.get("csat [phone, (total)]").value()).isEqualTo(0.5);
    assertThat(rows.get("csat [(total), (total)]").value()).isEqualTo(0.6);
    assertThat(rows.get("deep [email, A, 1]").value()).isEqualTo(1.0);
    assertThat(rows.get("deep [email, A, 2]").value()).isEqualTo(1.0);
    assertThat(rows.get("deep [email, A, (total)]").denominator()).isEqualTo(2.0);
  }

  /**
   * Six leads over 2 channels × 2 teams, October 2026, idle: 30 days. Stalled at the start: not
   * closed before October and last touched more than 30 days before 30 September (the day before
   * the period), so before 31 August. L1 (email, A) last touched 15 August: stalled, touched again
   * 5 October. L2 (email, B) 10 August: stalled, not touched. L3 (email, B) 20 September: not
   * stalled. L4 (phone, A) 1 August: stalled, touched 20 October. L5 (phone, A) closed on 1 July:
   * closed, not stalled. L6 (phone, B) 10 August: stalled, not touched. Re-engaged = touched ÷
   * stalled: email A 1 ÷ 1; email B 0 ÷ 1; email 1 ÷ 2; phone A 1 ÷ 1 (1 closed before); phone B 0
   * ÷ 1; phone 1 ÷ 2; all 2 ÷ 4.
   */
  @Test
  void aStalledByChannelAndTeamWithTheRollupWorkedByHand() throws Exception {
    Definition def =
        write(
            """
            lead,at,channel,team,step
            L1,15/08/2026,email,A,
            L1,05/10/2026,email,A,
            L2,10/08/2026,email,B,
            L3,20/09/2026,email,B,
            L4,01/08/2026,phone,A,
            L4,20/10/2026,phone,A,
            L5,01/07/2026,phone,A,won
            L6,10/08/2026,phone,B,
            """,
            """
            version: 1
            timezone: Asia/Ho_Chi_Minh
            sources:
              s:
                file: h.csv
                columns:
                  lead: lead
                  at: { column: at, type: date, format: dd/MM/yyyy }
                  channel: channel
                  team: team
                  step: step
            kpis:
              - { id: back, type: stalled, source: s, lead: lead, time: at, idle: 30 days,
                  closed: { step: won }, by: [channel, team], rollup: true }
            """);
    Map<String, ResultRow> rows = onDuckDb(def, "2026-10");
    assertThat(rows.keySet())
        .containsExactly(
            "back [email, (total)]",
            "back [email, A]",
            "back [email, B]",
            "back [phone, (total)]",
            "back [phone, A]",
            "back [phone, B]",
            "back [(total), (total)]");
    List<String> counts = new ArrayList<>();
    rows.values().forEach(r -> counts.add(r.numerator() + "/" + r.denominator()));
    assertThat(counts)
        .containsExactly(
            "1.0/2.0", "1.0/1.0", "0.0/1.0", "1.0/2.0", "1.0/1.0", "0.0/1.0", "2.0/4.0");
  }

  /**
   * ONE breakdown column that is not text, on the types that copy rows per group (stalled,
   * customers): the total's NULL must have the column's type (a text NULL made DuckDB read the
   * labels as texts and crash, and PostgreSQL refuse the UNION; found by the session-12 review).
   * Stalled by score, idle 10 days, October: L1 (score 1) idle from 1 Sep, touched again on 20 Oct
   * → 1 of 1; L2 (score 2) idle from 2 Sep, touched (won) on 21 Oct → 1; L3 (score 2) idle since 3
   * Sep, never touched → 0; score 2: 1 of 2; all: 2 of 3. The other KPIs: the default engine's
   * rows.
   */
  @Test
  void oneBreakdownColumnThatIsNotTextOnTheTypesThatCopyRows() throws Exception {
    Definition def =
        write(
            """
            lead,at,step,score,vip
            L1,2026-09-01 10:00,call,1,yes
            L1,2026-10-20 10:00,call,1,yes
            L2,2026-09-02 10:00,call,2,no
            L2,2026-10-21 10:00,won,2,no
            L3,2026-09-03 10:00,call,2,
            """,
            """
            version: 1
            timezone: UTC
            sources:
              s:
                file: h.csv
                columns:
                  lead: lead
                  at: { column: at, type: datetime, format: yyyy-MM-dd HH:mm, required: true }
                  step: step
                  score: { column: score, type: number }
                  vip: { column: vip, type: boolean }
            kpis:
              - { id: st_num, type: stalled, source: s, lead: lead, time: at, idle: 10 days,
                  closed: { step: won }, by: [score] }
              - { id: st_bool, type: stalled, source: s, lead: lead, time: at, idle: 10 days,
                  closed: { step: won }, by: [vip] }
              - { id: st_time, type: stalled, source: s, lead: lead, time: at, idle: 10 days,
                  closed: { step: won }, by: [at] }
              - { id: cu_num, type: customers, measure: active, customer: lead, window: 30 days,
                  source: s, time: at, by: [score] }
              - { id: cu_bool, type: customers, measure: churn_rate, customer: lead,
                  window: 30 days, source: s, time: at, by: [vip] }
              - { id: cu_life, type: customers, measure: lifecycle, customer: lead,
                  window: 30 days, source: s, time: at, by: [score] }
              - { id: cu_coh, type: customers, measure: cohort, customer: lead, source: s,
                  time: at, by: [score] }
            """);
    Map<String, ResultRow> rows = onDuckDb(def, "2026-10");
    List<String> stalled = new ArrayList<>();
    rows.forEach(
        (k, r) -> {
          if (k.startsWith("st_num ")) stalled.add(k + " " + r.numerator() + "/" + r.denominator());
        });
    assertThat(stalled)
        .containsExactly("st_num [1] 1.0/1.0", "st_num [2] 1.0/2.0", "st_num [(total)] 2.0/3.0");
  }

  /**
   * The shipped retention example (2,400 orders, its working-day calendar) by region and channel
   * with the roll-up, on every customers measure: the same rows on both engines.
   */
  @Test
  void theRetentionExampleByRegionAndChannelIsTheSameOnBothEngines() throws Exception {
    String orders = Path.of("examples/retention/don-hang.csv").toAbsolutePath().toString();
    String by = "by: [region, channel], rollup: true, where: { status: Hoàn thành }";
    Files.writeString(
        dir.resolve("r.yaml"),
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        calendar:
          workdays: [MON, TUE, WED, THU, FRI, SAT]
          hours: { MON-SAT: "08:00-21:00" }
          holidays: [2026-01-01, 2026-02-14..2026-02-22, 2026-04-30, 2026-05-01]
        sources:
          orders:
            file: "%s"
            decimal: ","
            columns:
              order_id: Mã đơn
              created_at: { column: Ngày đặt, type: date, format: dd/MM/yyyy, required: true }
              customer_id: Mã khách hàng
              region: Khu vực
              channel: Kênh bán
              amount: { column: Số tiền (VND), type: number }
              status: Trạng thái
        kpis:
          - { id: churn, preset: churn_rate, source: orders, %s }
          - { id: crr, preset: retention_rate, source: orders, %s }
          - { id: lifecycle, preset: customer_lifecycle, source: orders, %s }
          - { id: cohorts, preset: cohort_retention, cohorts: 4, source: orders, %s }
          - { id: reactivation, preset: reactivation_rate, dormant_after: 60 working days,
              source: orders, %s }
          - { id: repeat, preset: repeat_purchase_rate, order: order_id, value: amount,
              source: orders, by: [channel, region], rollup: true }
        """
            .formatted(orders, by, by, by, by, by),
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(dir.resolve("r.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request =
        new RunRequest(
            Period.parse("2026-10").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY);
    var expected = KpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(expected, SqlKpiEngine.run(def, request));
    assertThat(expected.rows().stream().map(r -> key(r)).toList())
        .contains("churn [Miền Bắc, (total)]", "repeat [Cửa hàng, (total)]");
  }

  /**
   * Six customers over 2 channels × 2 regions, churn in October 2026 with a window of 90 days:
   * active at the start when the last day before 1 October is less than 90 days before 30 September
   * (3 July or later); active at the end when the last day up to 31 October is less than 90 days
   * before it (3 August or later); churned: active at the start and not at the end, so last seen
   * between 3 July and 2 August. C1 (web, N) 20 July: churned. C2 (web, N) 10 September: active. C3
   * (web, S) 25 July: churned. C4 (shop, N) 10 July and 5 October: active. C5 (shop, S) 1 June: not
   * active at the start, not counted. C6 (shop, S) 20 August: active. Churned ÷ active at the
   * start: web N 1 ÷ 2, web S 1 ÷ 1, web 2 ÷ 3, shop N 0 ÷ 1, shop S 0 ÷ 1, shop 0 ÷ 2, all 2 ÷ 5.
   */
  @Test
  void aChurnByChannelAndRegionWithTheRollupWorkedByHand() throws Exception {
    Definition def =
        write(
            """
            customer,at,channel,region
            C1,20/07/2026,web,N
            C2,10/09/2026,web,N
            C3,25/07/2026,web,S
            C4,10/07/2026,shop,N
            C4,05/10/2026,shop,N
            C5,01/06/2026,shop,S
            C6,20/08/2026,shop,S
            """,
            """
            version: 1
            timezone: Asia/Ho_Chi_Minh
            sources:
              s:
                file: h.csv
                columns:
                  customer_id: customer
                  created_at: { column: at, type: date, format: dd/MM/yyyy }
                  channel: channel
                  region: region
            kpis:
              - { id: churn, preset: churn_rate, source: s, by: [channel, region], rollup: true }
            """);
    Map<String, ResultRow> rows = onDuckDb(def, "2026-10");
    assertThat(rows.keySet())
        .containsExactly(
            "churn [shop, (total)]",
            "churn [shop, N]",
            "churn [shop, S]",
            "churn [web, (total)]",
            "churn [web, N]",
            "churn [web, S]",
            "churn [(total), (total)]");
    List<String> counts = new ArrayList<>();
    rows.values().forEach(r -> counts.add(r.numerator() + "/" + r.denominator()));
    assertThat(counts)
        .containsExactly(
            "0.0/2.0", "0.0/1.0", "0.0/1.0", "2.0/3.0", "1.0/2.0", "1.0/1.0", "2.0/5.0");
  }
}
