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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Business time on the SQL engine (issue 17): durations on the business clock through the calendar
 * table, and on the calendar clock in a zone with daylight saving, give the same rows on both
 * engines over generated edge cases (fixed seed), and the numbers worked by hand on a small export.
 */
class BusinessTimeOnDuckDbTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  /**
   * Weekdays 08:00–12:00 and 13:30–17:30, a Saturday night shift 22:00–06:00, Sunday off, three
   * holidays (one a Monday after the night shift, one a Saturday: its night shift is cancelled).
   * Europe/Paris moves its clocks on 2026-03-29 (02:00 → 03:00) and 2026-10-25 (03:00 → 02:00).
   */
  static final String HEADER =
      """
      version: 1
      name: business time
      timezone: Europe/Paris
      calendar:
        workdays: [MON, TUE, WED, THU, FRI, SAT]
        hours: { MON-FRI: "08:00-12:00,13:30-17:30", SAT: "22:00-06:00" }
        holidays: [2026-03-02, 2026-03-14, 2026-10-26..2026-10-27]
      """;

  @Test
  void generatedEdgeCasesGiveTheSameRowsOnBothEngines(@TempDir Path tmp) throws Exception {
    Random rnd = new Random(17);
    String[] times = {
      "00:00", "02:00", "02:30", "03:00", "05:59", "06:00", "07:59", "08:00", "11:59", "12:00",
      "12:45", "13:30", "17:29", "17:30", "17:31", "21:59", "22:00", "23:59"
    };
    String[] priorities = {"Cao", "cao", "Thấp", "", "Khẩn"};
    StringBuilder csv = new StringBuilder("id,created,answered,priority\n");
    for (int i = 0; i < 600; i++) {
      // Around both changes of the clocks: 2026-03-01 … 04-05 and 2026-10-15 … 11-05.
      LocalDate day =
          rnd.nextBoolean()
              ? LocalDate.of(2026, 3, 1).plusDays(rnd.nextInt(36))
              : LocalDate.of(2026, 10, 15).plusDays(rnd.nextInt(22));
      String start =
          stamp(day, rnd.nextInt(4) == 0 ? random(rnd) : times[rnd.nextInt(times.length)]);
      String end =
          switch (rnd.nextInt(10)) {
            case 0 -> ""; // open
            case 1 -> stamp(day.minusDays(rnd.nextInt(2)), times[rnd.nextInt(times.length)]);
            default ->
                stamp(
                    day.plusDays(rnd.nextInt(rnd.nextInt(8) == 0 ? 30 : 3)),
                    rnd.nextInt(3) == 0 ? random(rnd) : times[rnd.nextInt(times.length)]);
          };
      if (rnd.nextInt(40) == 0) start = ""; // without a start
      csv.append(i)
          .append(',')
          .append(start)
          .append(',')
          .append(end)
          .append(',')
          .append(priorities[rnd.nextInt(priorities.length)])
          .append('\n');
    }
    Files.writeString(tmp.resolve("t.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("t.yaml"),
        HEADER
            + """
            sources:
              t:
                file: t.csv
                columns:
                  id: id
                  created: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
                  answered: { column: answered, type: datetime, format: dd/MM/yyyy HH:mm }
                  priority: priority
            kpis:
              - { id: b_median, type: duration, source: t, time: created, start: created, end: answered,
                  clock: business, stat: median, by: [priority] }
              - { id: b_mean, type: duration, source: t, time: created, start: created, end: answered,
                  clock: business, stat: mean, unit: hours }
              - { id: b_p90, type: duration, source: t, time: created, start: created, end: answered,
                  clock: business, stat: p90, unit: seconds, where: { priority: cao } }
              - { id: b_min, type: duration, source: t, time: created, start: created, end: answered,
                  clock: business, stat: min }
              - { id: b_max, type: duration, source: t, time: answered, start: created, end: answered,
                  clock: business, stat: max, unit: hours }
              - { id: c_mean, type: duration, source: t, time: created, start: created, end: answered,
                  stat: mean, by: [priority] }
              - { id: c_p90, type: duration, source: t, time: created, start: created, end: answered,
                  stat: p90, unit: seconds }
              - { id: b_sla, type: sla, source: t, time: created, start: created, end: answered,
                  clock: business, by: [priority],
                  limit: { by: priority, values: { Cao: 2 hours, Khẩn: 30 minutes, KHẨN: 45 minutes } } }
              - { id: b_sla_all, type: sla, source: t, time: created, start: created, end: answered,
                  clock: business, limit: 8 hours }
              - { id: c_sla, type: sla, source: t, time: created, start: created, end: answered,
                  by: [priority], limit: { by: priority, values: { cao: 1 day, Thấp: 3 hours }, default: 2 hours } }
            """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("t.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request =
        new RunRequest(
            Period.parse("2026-11").lastN(9),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY);
    dev.journeykpi.model.Scorecard tablesaw = KpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
  }

  private static String stamp(LocalDate day, String time) {
    return String.format(
        "%02d/%02d/%d %s", day.getDayOfMonth(), day.getMonthValue(), day.getYear(), time);
  }

  private static String random(Random rnd) {
    return String.format("%02d:%02d", rnd.nextInt(24), rnd.nextInt(60));
  }

  /**
   * Four tickets worked by hand in the calendar above (Europe/Paris), on the SQL engine alone:
   *
   * <ol>
   *   <li>Thu 2026-10-22 11:00 → 14:00: 11:00–12:00 (60 min) + 13:30–14:00 (30) = 90 business
   *       minutes; on the wall clock 180 minutes.
   *   <li>Fri 2026-10-23 17:00 → Wed 2026-10-28 08:30: Fri 17:00–17:30 (30) + Saturday's night
   *       shift 22:00–06:00 (480), Sunday off, Monday and Tuesday holidays, Wed 08:00–08:30 (30) =
   *       540 business minutes. On the wall clock 4 days 15 h 30 min = 6690 minutes, plus the hour
   *       the clocks went back on Sunday 25th: 6750.
   *   <li>Sat 2026-10-24 12:00, no answer yet: open, in the note.
   *   <li>Mon 2026-10-19 09:00 → 08:00: answered before it was created, left out and shown.
   *   <li>Wed 2026-10-28 08:00, no answer yet: open.
   * </ol>
   *
   * Median of 90 and 540: 315 business minutes; calendar mean (180 + 6750) / 2 = 3465 minutes.
   *
   * <p>The SLAs judge open rows at the export's latest timestamp, Wed 28 08:30 (ticket 2's answer).
   * Within 2 business hours: ticket 1 met (90 min), 2 breached (540), 3 open for Saturday's night
   * shift (480) + Wed 08:00–08:30 (30) = 510 min, past its limit so breached, 4 unusable, 5 open
   * for 30 min, within its limit so left out: 1 met of 3 judged. Per ticket on the wall clock (1: 3
   * hours, 2: 5 days, no other limit): 1 took exactly its 180 minutes, met; 2 took 6750 minutes of
   * its 7200, met; 3 and 5 have no limit, 4 is unusable: 2 of 2.
   */
  @Test
  void aSmallExportWorkedByHand(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("s.csv"),
        """
        id,created,answered
        1,22/10/2026 11:00,22/10/2026 14:00
        2,23/10/2026 17:00,28/10/2026 08:30
        3,24/10/2026 12:00,
        4,19/10/2026 09:00,19/10/2026 08:00
        5,28/10/2026 08:00,
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("s.yaml"),
        HEADER
            + """
            sources:
              s:
                file: s.csv
                columns:
                  id: id
                  created: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
                  answered: { column: answered, type: datetime, format: dd/MM/yyyy HH:mm }
            kpis:
              - { id: frt, type: duration, source: s, time: created, start: created, end: answered,
                  clock: business, stat: median }
              - { id: wall, type: duration, source: s, time: created, start: created, end: answered,
                  stat: mean }
              - { id: sla, type: sla, source: s, time: created, start: created, end: answered,
                  clock: business, limit: 2 hours }
              - { id: sla_each, type: sla, source: s, time: created, start: created, end: answered,
                  limit: { by: id, values: { "1": 3 hours, "2": 5 days } } }
            """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("s.yaml")));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Map<String, ResultRow> by = new java.util.LinkedHashMap<>();
    for (ResultRow r : SqlKpiEngine.run(def, request).rows()) by.put(r.kpi(), r);
    assertThat(by.get("frt").value()).isEqualTo(315.0);
    assertThat(by.get("frt").n()).isEqualTo(2);
    assertThat(by.get("frt").notes().toString())
        .contains("answered")
        .contains("created 2026-10-19 09:00 → answered 2026-10-19 08:00");
    assertThat(by.get("wall").value()).isEqualTo(3465.0);
    ResultRow sla = by.get("sla");
    assertThat(List.of(sla.numerator(), sla.denominator())).containsExactly(1.0, 3.0);
    assertThat(sla.notes().toString())
        .contains("OPEN_PAST_LIMIT, args=[1]")
        .contains("OPEN_WITHIN_LIMIT, args=[1]")
        .contains("WITHOUT_START_OR_END_BEFORE_START, args=[1,");
    ResultRow each = by.get("sla_each");
    assertThat(List.of(each.numerator(), each.denominator())).containsExactly(2.0, 2.0);
    assertThat(each.notes().toString()).contains("NO_LIMIT_FOR, args=[2, id, '3', '5']");
    dev.journeykpi.model.Scorecard tablesaw = KpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
  }

  /**
   * {@code kpi sql} prints the calendar relation inside the KPI's query: the kinds of day as
   * VALUES, the days as a series over the dates the data reaches, joined twice by date. Golden.
   */
  @Test
  void kpiSqlPrintsTheCalendarTableOfABusinessDuration() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "kpi-definitions/customer-service.yaml",
            "--kpi",
            "frt",
            "--period",
            "2026-10",
            "--dialect",
            "duckdb");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("WITH kpi_calendar AS").contains("kpi_day_kinds");
    Golden.check("sql/duckdb/service-frt-2026-10.sql", r.out());
    // The SLA: its outcome per row, open rows judged at the latest start or end (kpi_as_of).
    CliRunner.Result sla =
        CliRunner.run(
            "sql",
            "-c",
            "kpi-definitions/customer-service.yaml",
            "--kpi",
            "sla",
            "--period",
            "2026-10",
            "--dialect",
            "duckdb");
    assertThat(sla.exitCode()).as(sla.err()).isZero();
    Golden.check("sql/duckdb/service-sla-2026-10.sql", sla.out());
  }
}
