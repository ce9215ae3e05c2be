package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The customer-service presets and the KPI types behind them, each on a small hand-made table with
 * the expected numbers worked out in the comment. The KPIs are written as a consultant would, with
 * {@code preset:}, so the presets' defaults are tested along with the calculators.
 *
 * <p>The calendar: Monday–Friday 08:00–12:00 and 13:30–17:30 (a lunch break), 2026-09-02 a holiday
 * (a Wednesday).
 */
class ServiceKpisTest {
  @TempDir Path dir;

  static final String CALENDAR =
      """
      timezone: UTC
      calendar:
        workdays: [MON, TUE, WED, THU, FRI]
        hours: { MON-FRI: "08:00-12:00,13:30-17:30" }
        holidays: [2026-09-02]
      """;

  /**
   * Loads a definition with one source whose columns are given as YAML, and returns its only KPI.
   */
  Definition definition(String columns, String kpi) throws IOException {
    String text =
        "version: 1\n"
            + CALENDAR
            + "sources:\n  s:\n    file: none.csv\n    columns:\n"
            + columns.indent(6)
            + "kpis:\n  - source: s\n"
            + kpi.indent(4);
    Path f = dir.resolve("k.yaml");
    Files.writeString(f, text);
    return KpiKinds.load(List.of(f));
  }

  static List<ResultRow> run(Definition d, Table t, String... periods) {
    List<Period> ps =
        periods.length == 0
            ? List.of(Period.ALL)
            : Arrays.stream(periods).map(Period::parse).toList();
    return new KindRunner(new BusinessCalendar(d.calendar()), d.zone()).run(d.kpis().get(0), t, ps);
  }

  static ResultRow total(List<ResultRow> rows) {
    return rows.stream().filter(ResultRow::isTotal).reduce((a, b) -> b).orElseThrow();
  }

  static LocalDateTime at(String s) {
    return s == null ? null : LocalDateTime.parse(s);
  }

  static DateTimeColumn times(String name, String... values) {
    return DateTimeColumn.create(
        name, Arrays.stream(values).map(ServiceKpisTest::at).toArray(LocalDateTime[]::new));
  }

  static final String TICKET_COLUMNS =
      """
      created_at: { column: Created, type: datetime }
      first_response_at: { column: First response, type: datetime }
      resolved_at: { column: Resolved, type: datetime }
      """;

  /**
   *
   *
   * <pre>
   * created              first response       business minutes
   * Fri 10-02 17:00      Mon 10-05 08:30      Fri 17:00–17:30 (30) + weekend (0) + Mon 08:00–08:30 (30) = 60
   * Tue 09-01 17:15      Thu 09-03 08:10      Tue 17:15–17:30 (15) + Wed holiday (0) + Thu 08:00–08:10 (10) = 25
   * Mon 10-05 11:50      Mon 10-05 13:40      11:50–12:00 (10) + lunch (0) + 13:30–13:40 (10) = 20
   * Mon 10-05 09:00      (none)               open: counted, not 0
   * Tue 10-06 10:00      Tue 10-06 09:00      response before creation: a data error, left out
   * </pre>
   *
   * Completed: {20, 25, 60}. Median 25. Mean 105 / 3 = 35. p90 (PERCENTILE.INC): rank 0.9 × 2 = 1.8
   * → 25 + 0.8 × (60 − 25) = 53.
   */
  Table frtTickets() {
    Table t = Table.create("t");
    t.addColumns(
        times(
            "created_at",
            "2026-10-02T17:00",
            "2026-09-01T17:15",
            "2026-10-05T11:50",
            "2026-10-05T09:00",
            "2026-10-06T10:00"),
        times(
            "first_response_at",
            "2026-10-05T08:30",
            "2026-09-03T08:10",
            "2026-10-05T13:40",
            null,
            "2026-10-06T09:00"),
        times("resolved_at", null, null, null, null, null));
    return t;
  }

  @Test
  void firstResponseTimeInBusinessTimeAcrossWeekendHolidayAndLunch() throws IOException {
    ResultRow median =
        total(
            run(definition(TICKET_COLUMNS, "id: frt\npreset: frt\nclock: business"), frtTickets()));
    assertThat(median.value()).isCloseTo(25.0, within(1e-9));
    assertThat(median.unit()).isEqualTo("minutes");
    assertThat(median.n()).isEqualTo(3);
    assertThat(median.note())
        .contains("1 open (no first_response_at)")
        .contains(
            "1 with first_response_at before created_at left out (e.g. created_at 2026-10-06 10:00 → first_response_at 2026-10-06 09:00)");

    ResultRow mean =
        total(
            run(
                definition(
                    TICKET_COLUMNS,
                    "id: frt\npreset: first_response_time\nclock: business\nstat: mean"),
                frtTickets()));
    assertThat(mean.value()).isCloseTo(35.0, within(1e-9));
    ResultRow p90 =
        total(
            run(
                definition(TICKET_COLUMNS, "id: frt\npreset: frt\nclock: business\nstat: p90"),
                frtTickets()));
    assertThat(p90.value()).isCloseTo(53.0, within(1e-9));
  }

  @Test
  void firstResponseTimeInCalendarTimeAndItsPeriod() throws IOException {
    // October rows: 10-02 17:00 → 10-05 08:30 = 63.5 h = 3810 min; 10-05 11:50 → 13:40 = 110 min.
    // Median of two = (110 + 3810) / 2 = 1960 minutes. The September ticket is in no October row.
    ResultRow r =
        total(run(definition(TICKET_COLUMNS, "id: frt\npreset: frt"), frtTickets(), "2026-10"));
    assertThat(r.value()).isCloseTo(1960.0, within(1e-9));
    assertThat(r.n()).isEqualTo(2);
  }

  /**
   * Calendar time is real elapsed time. In Europe/London, 2026-10-25 00:30 → 03:30 spans the end of
   * summer time (at 02:00 BST the clocks go back to 01:00 GMT): 4 hours elapse, not 3. In
   * Asia/Ho_Chi_Minh, whose offset last changed in 1975, the same wall-clock times are 3 hours
   * apart.
   */
  @Test
  void calendarTimeIsRealElapsedTimeAcrossAClockChange() {
    Table t = Table.create("t");
    t.addColumns(
        times("created_at", "2026-10-25T00:30"),
        times("first_response_at", "2026-10-25T03:30"),
        times("resolved_at", (String) null));
    for (String[] zone : new String[][] {{"Europe/London", "240"}, {"Asia/Ho_Chi_Minh", "180"}}) {
      Table copy = t.copy();
      KindRunner runner =
          new KindRunner(
              new BusinessCalendar(dev.journeykpi.config.CalendarDef.standard()),
              java.time.ZoneId.of(zone[0]));
      try {
        Definition d = definition(TICKET_COLUMNS, "id: frt\npreset: frt\nstat: mean");
        assertThat(total(runner.run(d.kpis().get(0), copy, List.of(Period.ALL))).value())
            .as(zone[0])
            .isEqualTo(Double.parseDouble(zone[1]));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * talk, hold, after-call work in seconds: (300, 60, 30) = 390; (200, –, 40) = 240 with hold taken
   * as 0; (–, –, –) is not a handled contact; (100, 0, 20) = 120. AHT = (390 + 240 + 120) / 3 = 250
   * s = 4.1666… minutes.
   */
  @Test
  void averageHandleTimeAddsTalkHoldAndAfterCallWork() throws IOException {
    Table t = Table.create("calls");
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-01T10:00",
            "2026-10-01T11:00",
            "2026-10-01T12:00"),
        DoubleColumn.create("talk_time", new double[] {300, 200, Double.NaN, 100}),
        DoubleColumn.create("hold_time", new double[] {60, Double.NaN, Double.NaN, 0}),
        DoubleColumn.create("after_call_work", new double[] {30, 40, Double.NaN, 20}));
    Definition d =
        definition(
            """
        created_at: { column: Start, type: datetime }
        talk_time: { column: Talk, type: duration }
        hold_time: { column: Hold, type: duration }
        after_call_work: { column: ACW, type: duration }
        """,
            "id: aht\npreset: aht");
    ResultRow r = total(run(d, t));
    assertThat(r.value()).isCloseTo(250.0 / 60, within(1e-9));
    assertThat(r.n()).isEqualTo(3);
    assertThat(r.note())
        .contains("1 rows without talk_time + hold_time + after_call_work skipped")
        .contains("1 rows missing part of talk_time + hold_time + after_call_work (taken as 0)");
  }

  /**
   * Repeat-contact FCR, 7 calendar days. The export's last contact is 10-31 12:00.
   *
   * <pre>
   * row customer created          next contact of the customer      outcome
   *  0  c1       10-01 09:00      10-05 10:00 (4 days)              repeated
   *  1  c1       10-05 10:00      10-20 09:00 (15 days)             resolved
   *  2  c1       10-20 09:00      none; window ends 10-27 ≤ 10-31   resolved
   *  3  c2       10-10 09:00      none                              resolved
   *  4  c3       10-28 09:00      none; window ends 11-04 > 10-31   not judged yet
   *  5  (blank)  10-12 09:00                                         left out
   *  6  c4       10-31 12:00      none; window open                 not judged yet
   *  7  c2       09-30 08:00      10-10 09:00 (10 days)             resolved (September: not in October's rows)
   * </pre>
   *
   * October: 3 resolved of 4 judged = 75%.
   */
  @Test
  void firstContactResolutionByRepeatWindow() throws IOException {
    Table t = Table.create("contacts");
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-05T10:00",
            "2026-10-20T09:00",
            "2026-10-10T09:00",
            "2026-10-28T09:00",
            "2026-10-12T09:00",
            "2026-10-31T12:00",
            "2026-09-30T08:00"),
        StringColumn.create("customer_id", "c1", "c1", "c1", "c2", "c3", "", "c4", "c2"));
    Definition d =
        definition(
            "created_at: { column: At, type: datetime }\ncustomer_id: Customer\n",
            "id: fcr\npreset: first_contact_resolution\nmethod: window");
    ResultRow r = total(run(d, t, "2026-10"));
    assertThat(r.numerator()).isEqualTo(3.0);
    assertThat(r.denominator()).isEqualTo(4.0);
    assertThat(r.value()).isCloseTo(0.75, within(1e-12));
    assertThat(r.note())
        .contains("2 whose 7 days window runs past the data's end left out")
        .contains("1 without customer_id left out");
  }

  /**
   * A customer contacts on Fri 08-28 10:00 and again on Fri 09-04 11:00. Within 5 working days: Mon
   * 31 (1), Tue 01 (2), Wed 02 is a holiday, Thu 03 (3), Fri 04 (4), Mon 07 (5) → the window ends
   * Mon 09-07 10:00 and the second contact is a repeat: FCR 0 of 1. Within 7 calendar days the
   * window ends Fri 09-04 10:00, one hour before the second contact: resolved, 1 of 1. (The second
   * contact itself is judged too: its window ends after the data's end, so it is left out.)
   */
  @Test
  void repeatWindowInWorkingDaysSkipsTheHoliday() throws IOException {
    Table t = Table.create("contacts");
    t.addColumns(
        times("created_at", "2026-08-28T10:00", "2026-09-04T11:00"),
        StringColumn.create("customer_id", "c5", "c5"));
    String cols = "created_at: { column: At, type: datetime }\ncustomer_id: Customer\n";
    ResultRow working =
        total(
            run(
                definition(cols, "id: fcr\npreset: fcr\nmethod: window\nwithin: 5 working days"),
                t));
    assertThat(working.numerator()).isEqualTo(0.0);
    assertThat(working.denominator()).isEqualTo(1.0);
    ResultRow calendar =
        total(run(definition(cols, "id: fcr\npreset: fcr\nmethod: window\nwithin: 7 ngày"), t));
    assertThat(calendar.numerator()).isEqualTo(1.0);
    assertThat(calendar.denominator()).isEqualTo(1.0);
  }

  /**
   * Resolved tickets (resolved_at set): 3; of those with one contact: 2 → 2/3. The unresolved one
   * is not counted.
   */
  @Test
  void firstContactResolutionByContactCount() throws IOException {
    Table t = Table.create("tickets");
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-02T09:00",
            "2026-10-03T09:00",
            "2026-10-04T09:00"),
        times("resolved_at", "2026-10-01T10:00", "2026-10-02T10:00", "2026-10-03T10:00", null),
        DoubleColumn.create("contacts", new double[] {1, 2, 1, 1}));
    Definition d =
        definition(
            "created_at: { column: A, type: datetime }\nresolved_at: { column: B, type: datetime }\n"
                + "contacts: { column: C, type: number }\n",
            "id: fcr\npreset: fcr\nmethod: contacts");
    ResultRow r = total(run(d, t));
    assertThat(r.numerator()).isEqualTo(2.0);
    assertThat(r.denominator()).isEqualTo(3.0);
  }

  /** Survey answers true, false, true and one blank: the blank is not an answer → 2 of 3. */
  @Test
  void firstContactResolutionBySurvey() throws IOException {
    Table t = Table.create("surveys");
    BooleanColumn answer = BooleanColumn.create("resolved_first_contact", 4);
    answer.set(0, true);
    answer.set(1, false);
    answer.set(2, true);
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-02T09:00",
            "2026-10-03T09:00",
            "2026-10-04T09:00"),
        answer);
    Definition d =
        definition(
            "created_at: { column: A, type: datetime }\nresolved_first_contact: { column: B, type: boolean }\n",
            "id: fcr\npreset: fcr\nmethod: survey");
    ResultRow r = total(run(d, t));
    assertThat(r.numerator()).isEqualTo(2.0);
    assertThat(r.denominator()).isEqualTo(3.0);
  }

  /**
   * Limits: Urgent 1 hour, High 4 hours, nothing for Low. The export's latest timestamp is 10-31
   * 22:00.
   *
   * <pre>
   * priority created       first response   outcome
   * Urgent   10-01 09:00   09:45            met (45 min)
   * Urgent   10-01 10:00   11:30            breached (90 min)
   * High     10-01 09:00   13:00            met (exactly 4 h: the limit is inclusive)
   * High     10-31 20:00   (open)           open 2 h of 4 → left out, may still be met
   * Urgent   10-31 20:30   (open)           open 1.5 h of 1 → breached already
   * Low      10-02 09:00   10-03 09:00      no limit → left out
   * urgent   10-31 21:00   22:00            met (1 h; the value matches ignoring case)
   * </pre>
   *
   * Met 3, breached 2 → 3/5 = 60%.
   */
  @Test
  void slaAttainmentPerPriorityWithOpenTickets() throws IOException {
    Table t = Table.create("tickets");
    t.addColumns(
        StringColumn.create(
            "priority", "Urgent", "Urgent", "High", "High", "Urgent", "Low", "urgent"),
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-01T10:00",
            "2026-10-01T09:00",
            "2026-10-31T20:00",
            "2026-10-31T20:30",
            "2026-10-02T09:00",
            "2026-10-31T21:00"),
        times(
            "first_response_at",
            "2026-10-01T09:45",
            "2026-10-01T11:30",
            "2026-10-01T13:00",
            null,
            null,
            "2026-10-03T09:00",
            "2026-10-31T22:00"));
    Definition d =
        definition(
            TICKET_COLUMNS + "priority: Priority\n",
            "id: sla\npreset: sla_attainment\nlimit: { by: priority, values: { Urgent: 1 hour, High: 4 giờ } }");
    ResultRow r = total(run(d, t, "2026-10"));
    assertThat(r.numerator()).isEqualTo(3.0);
    assertThat(r.denominator()).isEqualTo(5.0);
    assertThat(r.unit()).isEqualTo("%");
    assertThat(r.note())
        .contains("1 still open and past the limit counted as breached")
        .contains("1 open within the limit so far left out")
        .contains("1 with no limit for their priority left out ('Low')");
  }

  /**
   *
   *
   * <pre>
   * created      resolved       open at end of Sep (10-01 00:00)?   open at end of Oct (11-01 00:00)?
   * 09-10        10-05          yes                                   no
   * 09-20        (open)         yes                                   yes
   * 10-03        10-31 23:00    no (not created yet)                  no (resolved before 11-01)
   * 10-15        11-02          no                                    yes
   * 11-05        (open)         no                                    no (created later)
   * 10-20        10-10          end before start: left out and counted
   * </pre>
   *
   * Backlog September 2, October 2 — a stock at the period's end, not a sum of the days.
   */
  @Test
  void backlogIsCountedAtThePeriodEnd() throws IOException {
    Table t = Table.create("tickets");
    t.addColumns(
        times(
            "created_at",
            "2026-09-10T10:00",
            "2026-09-20T10:00",
            "2026-10-03T10:00",
            "2026-10-15T10:00",
            "2026-11-05T10:00",
            "2026-10-20T10:00"),
        times("first_response_at", null, null, null, null, null, null),
        times(
            "resolved_at",
            "2026-10-05T10:00",
            null,
            "2026-10-31T23:00",
            "2026-11-02T10:00",
            null,
            "2026-10-10T10:00"));
    List<ResultRow> rows =
        run(definition(TICKET_COLUMNS, "id: backlog\npreset: backlog"), t, "2026-09", "2026-10");
    assertThat(rows)
        .extracting(ResultRow::period, ResultRow::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-09", 2.0),
            org.assertj.core.groups.Tuple.tuple("2026-10", 2.0));
    assertThat(rows.get(1).note()).contains("1 with resolved_at before created_at left out");
  }

  /**
   * Period October 2026: start = 10-01 00:00, end = 11-01 00:00. In the headcount at an instant:
   * hired before it and (no leave date or leave date not before it).
   *
   * <pre>
   * person hired       left        at start  at end  leaver in Oct  reason
   * A      2020-01-01  –           yes        yes    no
   * B      2021-05-01  2026-10-15  yes        no     yes            voluntary
   * C      2026-10-10  –           no         yes    no
   * D      2026-10-05  2026-10-25  no         no     yes            involuntary
   * E      2019-03-01  2026-09-30  no         no     no (September)
   * F      2022-02-01  2026-10-31  yes        no     yes            voluntary
   * G      2023-01-01  2026-11-01  yes        yes    no (November)
   * </pre>
   *
   * Headcount 4 at start, 3 at end, average 3.5. Leavers 3 → 3 / 3.5 = 85.714…%. Voluntary only: 2
   * / 3.5 = 57.14…%.
   */
  @Test
  void employeeTurnoverUsesAverageHeadcount() throws IOException {
    Table t = Table.create("staff");
    t.addColumns(
        DateColumn.create(
            "hired_at",
            Arrays.stream(
                    new String[] {
                      "2020-01-01",
                      "2021-05-01",
                      "2026-10-10",
                      "2026-10-05",
                      "2019-03-01",
                      "2022-02-01",
                      "2023-01-01"
                    })
                .map(LocalDate::parse)
                .toArray(LocalDate[]::new)),
        DateColumn.create(
            "left_at",
            Arrays.stream(
                    new String[] {
                      null,
                      "2026-10-15",
                      null,
                      "2026-10-25",
                      "2026-09-30",
                      "2026-10-31",
                      "2026-11-01"
                    })
                .map(s -> s == null ? null : LocalDate.parse(s))
                .toArray(LocalDate[]::new)),
        StringColumn.create(
            "reason", "", "voluntary", "", "involuntary", "voluntary", "voluntary", "voluntary"));
    String cols =
        "hired_at: { column: Hired, type: date }\nleft_at: { column: Left, type: date }\nreason: Reason\n";
    ResultRow all =
        total(run(definition(cols, "id: turnover\npreset: employee_turnover"), t, "2026-10"));
    assertThat(all.numerator()).isEqualTo(3.0);
    assertThat(all.denominator()).isEqualTo(3.5);
    assertThat(all.value()).isCloseTo(3 / 3.5, within(1e-12));
    assertThat(all.note()).contains("headcount 4 at start, 3 at end");
    ResultRow voluntary =
        total(
            run(
                definition(
                    cols, "id: turnover\npreset: turnover\nnumerator: { reason: voluntary }"),
                t,
                "2026-10"));
    assertThat(voluntary.value()).isCloseTo(2 / 3.5, within(1e-12));
  }

  /**
   * Answers 10, 10, 9, 9, 8, 7, 6, 3, 0 are valid (n = 9): promoters 4, passives 2, detractors 3.
   * NPS = 100 × (4 − 3) / 9 = 11.11…. A blank, an 11 (off the 0–10 scale) and "abc" are left out
   * and counted.
   */
  @Test
  void npsLeavesOutBlanksAndOffScaleAnswers() throws IOException {
    Table t = Table.create("survey");
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00"),
        StringColumn.create("nps", "10", "10", "9", "9", "8", "7", "6", "3", "0", "", "11", "abc"));
    ResultRow r =
        total(
            run(
                definition(
                    "created_at: { column: A, type: datetime }\nnps: Score\n",
                    "id: nps\npreset: nps"),
                t));
    assertThat(r.value()).isCloseTo(100.0 / 9, within(1e-9));
    assertThat(r.n()).isEqualTo(9);
    assertThat(r.unit()).isEqualTo("NPS");
    assertThat(r.note())
        .contains("promoters 4 (44.4%), passives 2 (22.2%), detractors 3 (33.3%)")
        .contains("1 blank answers left out")
        .contains("1 answers outside 0-10 left out")
        .contains("1 unrecognised answers left out")
        .contains("'11'")
        .contains("'abc'");
  }

  /**
   * Text ratings mapped to scores: Good 5, Bad 1, Hài lòng 5, Bình thường 3. Answers Good, Bad,
   * Good, hài lòng (case ignored), Bình thường, 4, Offered (unrecognised), blank → valid 5, 1, 5,
   * 5, 3, 4 (n = 6). Top box {4, 5}: 4 of 6 = 66.67%. Mean: 23 / 6 = 3.8333….
   */
  @Test
  void csatFromTextRatings() throws IOException {
    Table t = Table.create("survey");
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00"),
        StringColumn.create(
            "csat", "Good", "Bad", "Good", "hài lòng", "Bình thường", "4", "Offered", ""));
    String cols = "created_at: { column: A, type: datetime }\ncsat: Rating\n";
    String values = "\nvalues: { Good: 5, Bad: 1, Hài lòng: 5, Bình thường: 3 }";
    ResultRow top = total(run(definition(cols, "id: csat\npreset: csat" + values), t));
    assertThat(top.numerator()).isEqualTo(4.0);
    assertThat(top.denominator()).isEqualTo(6.0);
    assertThat(top.note())
        .contains("1 unrecognised answers left out")
        .contains("'Offered'")
        .contains("1 blank answers left out");
    ResultRow mean = total(run(definition(cols, "id: csat\npreset: csat_mean" + values), t));
    assertThat(mean.value()).isCloseTo(23.0 / 6, within(1e-12));
  }

  /** CES 2.0 on 1–7, answers 7, 6, 5, 4, 2: mean 24 / 5 = 4.8; "easy" (5–7) 3 of 5 = 60%. */
  @Test
  void customerEffortScoreMeanAndEasyShare() throws IOException {
    Table t = Table.create("survey");
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00"),
        DoubleColumn.create("ces", new double[] {7, 6, 5, 4, 2}));
    String cols = "created_at: { column: A, type: datetime }\nces: { column: CES, type: number }\n";
    assertThat(total(run(definition(cols, "id: ces\npreset: ces"), t)).value())
        .isCloseTo(4.8, within(1e-12));
    assertThat(total(run(definition(cols, "id: ces\npreset: ces_easy"), t)).value())
        .isCloseTo(0.6, within(1e-12));
    // A 1–5 effort scale where low is good: the positive answers are declared, so direction is
    // explicit. 2 of 5.
    Table effort = t.copy();
    effort.replaceColumn("ces", DoubleColumn.create("ces", new double[] {1, 2, 3, 5, 4}));
    assertThat(
            total(
                    run(
                        definition(cols, "id: ces\npreset: ces_easy\nscale: 1-5\npositive: [1]"),
                        effort))
                .value())
        .isCloseTo(0.2, within(1e-12));
  }

  /**
   * Complaints by a tag inside a tags column: "billing,complaint" and "complaint" of 4 tickets →
   * 50%.
   */
  @Test
  void complaintRateByTag() throws IOException {
    Table t = Table.create("tickets");
    t.addColumns(
        times(
            "created_at",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00",
            "2026-10-01T09:00"),
        StringColumn.create("tags", "billing,complaint", "complaint", "", "refund"));
    ResultRow r =
        total(
            run(
                definition(
                    "created_at: { column: A, type: datetime }\ntags: Tags\n",
                    "id: complaints\npreset: complaint_rate\nnumerator: { tags: { contains: complaint } }"),
                t));
    assertThat(r.numerator()).isEqualTo(2.0);
    assertThat(r.denominator()).isEqualTo(4.0);
  }

  @Test
  void presetDefaultsCanBeReadBack() throws IOException {
    KpiDef k =
        definition(TICKET_COLUMNS + "channel: Channel\n", "id: volume\npreset: volume")
            .kpis()
            .get(0);
    assertThat(k.preset()).isEqualTo("ticket_volume");
    assertThat(k.type()).isEqualTo("count");
    assertThat(k.by()).containsExactly("channel");
    assertThat(k.time()).isEqualTo("created_at");
  }

  /**
   * Read from a CSV file, as the importer builds text columns: surveys sent 4 (Có), of which
   * answered (a rating that is not blank) 3 → response rate 3/4. The blank rating is blank for the
   * filter, not an answer. The fifth ticket was never surveyed.
   */
  @Test
  void csatResponseRateFromAnImportedFile() throws IOException {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        Ngày tạo,Đã gửi khảo sát,Mức hài lòng
        01/10/2026 09:00,Có,Hài lòng
        01/10/2026 10:00,Có,
        02/10/2026 09:00,Có,Rất hài lòng
        02/10/2026 10:00,Có,Bình thường
        03/10/2026 09:00,Không,
        """);
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          s:
            file: t.csv
            columns:
              created_at: { column: Ngày tạo, type: datetime, format: dd/MM/yyyy HH:mm }
              survey_sent: { column: Đã gửi khảo sát, type: boolean }
              csat: Mức hài lòng
        kpis:
          - { id: rate, preset: csat_response_rate, source: s }
        """);
    var card =
        dev.journeykpi.engine.KpiEngine.run(
            KpiKinds.load(List.of(f)),
            new dev.journeykpi.engine.RunRequest(
                List.of(Period.parse("2026-10")), java.util.Map.of(), List.of()));
    ResultRow r = card.rows().get(0);
    assertThat(r.numerator()).isEqualTo(3.0);
    assertThat(r.denominator()).isEqualTo(4.0);
  }
}
