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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows in working days on the SQL engine (issue 17): {@code no_repeat}'s {@code within: N
 * working days} and the customers KPIs' {@code window:} and {@code dormant_after:} in working days
 * and {@code stalled}'s {@code idle:} give the same rows on both engines over generated edge cases
 * (a fixed seed: holidays, weekends, activity on a holiday and at midnight, several dormancy
 * episodes), and the numbers worked by hand.
 */
class WorkingDaysOnDuckDbTest {
  @TempDir Path dir;

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  /** Monday–Saturday, Sunday off; holidays: a Friday, a Saturday, a run over a weekend. */
  static final String HEADER =
      """
      version: 1
      name: working days
      timezone: Asia/Ho_Chi_Minh
      calendar:
        workdays: [MON, TUE, WED, THU, FRI, SAT]
        hours: { MON-SAT: "08:00-17:00" }
        holidays: [2026-01-30, 2026-02-14..2026-02-22, 2026-03-07, 2026-04-30, 2026-05-01]
      """;

  private static final String CONTACTS =
      """
      sources:
        contacts:
          file: contacts.csv
          columns:
            id: { column: id, required: true }
            at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
            on: { column: at, type: date, format: dd/MM/yyyy HH:mm }
            customer: customer
            channel: channel
      """;

  /**
   * Contacts from January to May 2026 by 30 customers (some blank), at midnight, on holidays and
   * Sundays, many at the same minute, several a few working days apart around the holidays.
   */
  private void generateContacts(Random rnd) throws Exception {
    String[] times = {"00:00", "00:01", "08:00", "12:30", "16:59", "17:00", "23:59"};
    String[] channels = {"Zalo", "zalo", "Email", ""};
    LocalDate[] edges = {
      LocalDate.of(2026, 1, 29),
      LocalDate.of(2026, 1, 30),
      LocalDate.of(2026, 2, 13),
      LocalDate.of(2026, 2, 15),
      LocalDate.of(2026, 2, 22),
      LocalDate.of(2026, 2, 28),
      LocalDate.of(2026, 3, 7),
      LocalDate.of(2026, 3, 8),
      LocalDate.of(2026, 4, 29),
      LocalDate.of(2026, 4, 30)
    };
    StringBuilder csv = new StringBuilder("id,at,customer,channel\n");
    for (int i = 0; i < 800; i++) {
      LocalDate day =
          rnd.nextInt(3) == 0
              ? edges[rnd.nextInt(edges.length)].plusDays(rnd.nextInt(4))
              : LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(150));
      String time =
          rnd.nextInt(3) == 0
              ? times[rnd.nextInt(times.length)]
              : String.format("%02d:%02d", rnd.nextInt(24), rnd.nextInt(60));
      String at =
          switch (rnd.nextInt(40)) {
            case 0 -> ""; // no time: in no period
            case 1 -> "30/02/2026 10:00"; // unreadable: blanked
            default ->
                String.format(
                    "%02d/%02d/%04d %s",
                    day.getDayOfMonth(), day.getMonthValue(), day.getYear(), time);
          };
      csv.append("C")
          .append(i)
          .append(',')
          .append(at)
          .append(',')
          .append(rnd.nextInt(12) == 0 ? "" : "K" + rnd.nextInt(30))
          .append(',')
          .append(channels[rnd.nextInt(channels.length)])
          .append('\n');
    }
    Files.writeString(dir.resolve("contacts.csv"), csv.toString(), StandardCharsets.UTF_8);
  }

  private Definition definition(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(dir.resolve(name)));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    return def;
  }

  /** Months (each compared with the one before), by channel, and all time: the same rows. */
  private static void assertSameOnBothEngines(Definition def) {
    for (RunRequest request :
        List.of(
            new RunRequest(
                Period.parse("2026-05").lastN(5),
                Map.of(),
                List.of(),
                RunRequest.Compare.PREVIOUS,
                TODAY),
            new RunRequest(
                List.of(Period.ALL), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY)))
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request));
  }

  @Test
  void noRepeatInWorkingDaysOverGeneratedEdgeCasesIsTheSameOnBothEngines() throws Exception {
    generateContacts(new Random(2026_1217));
    Definition def =
        definition(
            "n.yaml",
            HEADER
                + CONTACTS
                + """
                kpis:
                  - { id: fcr1, type: no_repeat, source: contacts, time: at, customer: customer,
                      within: 1 working day }
                  - { id: fcr3, type: no_repeat, source: contacts, time: at, customer: customer,
                      within: 3 working days, by: channel }
                  - { id: fcr_day, type: no_repeat, source: contacts, time: on, customer: customer,
                      within: 2 ngày làm việc }
                  - { id: fcr60, type: no_repeat, source: contacts, time: at, customer: customer,
                      within: 60 working days, where: { channel: [Zalo] },
                      denominator: { channel: [Zalo] } }
                """);
    assertSameOnBothEngines(def);
  }

  private static Map<String, ResultRow> onDuckDb(Definition def, String period) {
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r :
        SqlKpiEngine.run(def, new RunRequest(List.of(Period.parse(period)), Map.of(), List.of()))
            .rows()) by.put(r.kpi() + " " + r.dims().values(), r);
    return by;
  }

  /**
   * {@code within: 2 working days}, Monday–Saturday, holidays Fri 01-30 and 02-14..02-22 (HEADER).
   * A window ends on the 2nd working day after the contact's date, at the contact's time.
   *
   * <pre>
   * customer contact              window end (2nd working day after)      next contact     outcome
   * A        Thu 01-29 10:00      Fri 01-30 holiday, Sat 01-31, Mon 02-02 → Mon 02-02 10:00
   *                                                                       Mon 02-02 10:00  repeated (end included)
   * A        Mon 02-02 10:00      Tue 02-03, Wed 02-04 → Wed 02-04 10:00  Wed 02-04 10:01  repeated? no: 10:01 > 10:00
   *                                                                                        resolved
   * A        Wed 02-04 10:01      Fri 02-06 10:01                          none             resolved (data ends later)
   * B        Fri 01-30 00:00      (holiday, not counted) Sat 01-31, Mon 02-02 → Mon 02-02 00:00
   *                                                                       Sun 02-01 23:59  repeated
   * B        Sun 02-01 23:59      Mon 02-02, Tue 02-03 → Tue 02-03 23:59  none             resolved
   * C        Fri 02-13 09:00      02-14..02-22 holidays: Mon 02-23, Tue 02-24 → Tue 02-24 09:00
   *                                                                       Tue 02-24 08:59  repeated
   * C        Tue 02-24 08:59      Wed 02-25, Thu 02-26 → Thu 02-26 08:59   none             resolved
   * D        Sat 02-28 09:00      Mon 03-02, Tue 03-03 → Tue 03-03 09:00   none             past the data's
   *                                                                                        end (03-03 08:00): not yet
   * </pre>
   *
   * January: A 01-29 and B 01-30 both repeated: 0 of 2. February: A 02-02, A 02-04, B 02-01, C
   * 02-24 resolved; C 02-13 repeated; D not yet (noted): 4 of 5 = 0.8. The last contact, E on Tue
   * 03-03 08:00, sets the data's end; its own window (to Thu 03-05) runs past it.
   */
  @Test
  void aNoRepeatInWorkingDaysWorkedByHand() throws Exception {
    Files.writeString(
        dir.resolve("contacts.csv"),
        """
        id,at,customer,channel
        1,29/01/2026 10:00,A,Zalo
        2,02/02/2026 10:00,A,Zalo
        3,04/02/2026 10:01,A,Zalo
        4,30/01/2026 00:00,B,Zalo
        5,01/02/2026 23:59,B,Zalo
        6,13/02/2026 09:00,C,Zalo
        7,24/02/2026 08:59,C,Zalo
        8,28/02/2026 09:00,D,Zalo
        9,03/03/2026 08:00,E,Zalo
        """,
        StandardCharsets.UTF_8);
    Definition def =
        definition(
            "h.yaml",
            HEADER
                + CONTACTS
                + """
                kpis:
                  - { id: fcr, type: no_repeat, source: contacts, time: at, customer: customer,
                      within: 2 working days }
                """);
    ResultRow jan = onDuckDb(def, "2026-01").get("fcr []");
    assertThat(jan.value()).isEqualTo(0.0);
    assertThat(jan.numerator()).isEqualTo(0.0);
    assertThat(jan.denominator()).isEqualTo(2.0);
    ResultRow feb = onDuckDb(def, "2026-02").get("fcr []");
    assertThat(feb.value()).isEqualTo(0.8);
    assertThat(feb.numerator()).isEqualTo(4.0);
    assertThat(feb.denominator()).isEqualTo(5.0);
    assertThat(feb.notes().english())
        .isEqualTo("1 whose 2 working days window runs past the data's end left out");
    assertSameOnBothEngines(def);
  }

  private static final String ORDERS =
      """
      sources:
        orders:
          file: orders.csv
          columns:
            customer_id: customer
            day: { column: day, type: date, format: dd/MM/yyyy }
            amount: { column: amount, type: number }
            region: region
      """;

  /**
   * Orders of 40 customers (some blank) from November 2025 to June 2026, bunched around the
   * holidays so that gaps of a few working days and several dormancy episodes are common.
   */
  private void generateOrders(Random rnd) throws Exception {
    String[] regions = {"Bắc", "bắc", "Nam", ""};
    StringBuilder csv = new StringBuilder("customer,day,amount,region\n");
    for (int i = 0; i < 900; i++) {
      LocalDate day =
          rnd.nextInt(3) == 0
              ? LocalDate.of(2026, 1, 25).plusDays(rnd.nextInt(35))
              : LocalDate.of(2025, 11, 1).plusDays(rnd.nextInt(240));
      String d =
          rnd.nextInt(50) == 0
              ? ""
              : String.format(
                  "%02d/%02d/%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
      csv.append(rnd.nextInt(15) == 0 ? "" : "K" + rnd.nextInt(40))
          .append(',')
          .append(d)
          .append(',')
          .append(rnd.nextInt(400) - 40)
          .append(',')
          .append(regions[rnd.nextInt(regions.length)])
          .append('\n');
    }
    Files.writeString(dir.resolve("orders.csv"), csv.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void customersInWorkingDaysOverGeneratedEdgeCasesAreTheSameOnBothEngines() throws Exception {
    generateOrders(new Random(2026_0217));
    Definition def =
        definition(
            "c.yaml",
            HEADER
                + ORDERS
                + """
                kpis:
                  - { id: active, type: customers, measure: active, window: 10 working days,
                      source: orders, time: day, customer: customer_id, by: region }
                  - { id: churned, type: customers, measure: churned, window: 5 working days,
                      source: orders, time: day, customer: customer_id }
                  - { id: churn, type: customers, measure: churn_rate, window: 1 working day,
                      source: orders, time: day, customer: customer_id, by: region }
                  - { id: crr, type: customers, measure: retention_rate, window: 20 working days,
                      source: orders, time: day, customer: customer_id }
                  - { id: dormant, type: customers, measure: dormant, dormant_after: 3 working days,
                      source: orders, time: day, customer: customer_id, by: region }
                  - { id: reactivated, type: customers, measure: reactivated,
                      dormant_after: 7 working days, source: orders, time: day,
                      customer: customer_id }
                  - { id: reactivation, type: customers, measure: reactivation_rate,
                      dormant_after: 5 working days, source: orders, time: day,
                      customer: customer_id, by: region }
                  - { id: reactivation_d, type: customers, measure: reactivation_rate,
                      dormant_after: 5 days, window: 5 working days, source: orders, time: day,
                      customer: customer_id }
                  - { id: clv, type: customers, measure: clv, window: 15 working days,
                      value: amount, source: orders, time: day, customer: customer_id }
                """);
    assertSameOnBothEngines(def);
    RunRequest quarters =
        new RunRequest(
            Period.parse("2026-Q2").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, quarters), SqlKpiEngine.run(def, quarters));
  }

  /**
   * February 2026 (its first day 02-01, last 02-28; HEADER: Monday–Saturday, holidays Fri 01-30 and
   * 02-14..02-22). Working days are counted in (a, b].
   *
   * <pre>
   * customer activity           dormant (≥ 3) at end of 01-31   reactivation in Feb           dormant at end of 02-28
   * A  Thu 01-29, Tue 02-24     (01-29, 01-31]: 01-31 = 1, no   02-24: (01-29, 02-23] = 01-31,  (02-24, 02-28] = 4, yes
   *                                                             02-02..07, 02-09..13, 02-23
   *                                                             = 1 + 6 + 5 + 1 = 13, yes
   * B  Thu 02-12, Mon 02-23     —                               02-23: (02-12, 02-22] = 02-13  (02-23, 02-28] = 5, yes
   *                                                             = 1, no (10 calendar days)
   * C  Mon 02-02                —                               — (first activity)             (02-02, 02-28] = 16, yes
   * D  Fri 02-20 (a holiday),   —                               02-26: (02-20, 02-25] = 02-23, (02-26, 02-28] = 2, no
   *    Thu 02-26                                                24, 25 = 3, yes
   * E  Tue 01-20, Fri 02-27     (01-20, 01-31] = 01-21..24,     02-27: yes                     (02-27, 02-28] = 1, no
   *                             26..29, 31 = 9, yes
   * F  Mon 01-26                (01-26, 01-31] = 27, 28, 29,    —                              yes
   *                             31 = 4, yes
   * </pre>
   *
   * dormant: A, B, C, F = 4; reactivated: A, D, E = 3; reactivation rate: of those dormant at the
   * start (E, F), active in February: E, so 1 ÷ 2 = 0.5. With a window of 5 working days: active at
   * the end of 01-31 are A (1) and F (4), not E (9); at the end of 02-28 A (4), D (2), E (1), not B
   * (5), C, F: active 3, churned F, churn rate 1 ÷ 2 = 0.5.
   */
  @Test
  void customersInWorkingDaysWorkedByHand() throws Exception {
    Files.writeString(
        dir.resolve("orders.csv"),
        """
        customer,day,amount,region
        A,29/01/2026,10,
        A,24/02/2026,10,
        B,12/02/2026,10,
        B,23/02/2026,10,
        C,02/02/2026,10,
        D,20/02/2026,10,
        D,26/02/2026,10,
        E,20/01/2026,10,
        E,27/02/2026,10,
        F,26/01/2026,10,
        """,
        StandardCharsets.UTF_8);
    Definition def =
        definition(
            "h.yaml",
            HEADER
                + ORDERS
                + """
                kpis:
                  - { id: dormant, type: customers, measure: dormant, dormant_after: 3 working days,
                      source: orders, time: day, customer: customer_id }
                  - { id: reactivated, type: customers, measure: reactivated,
                      dormant_after: 3 working days, source: orders, time: day,
                      customer: customer_id }
                  - { id: reactivation, type: customers, measure: reactivation_rate,
                      dormant_after: 3 working days, source: orders, time: day,
                      customer: customer_id }
                  - { id: active, type: customers, measure: active, window: 5 working days,
                      source: orders, time: day, customer: customer_id }
                  - { id: churn, type: customers, measure: churn_rate, window: 5 working days,
                      source: orders, time: day, customer: customer_id }
                """);
    Map<String, ResultRow> feb = onDuckDb(def, "2026-02");
    assertThat(feb.get("dormant []").value()).isEqualTo(4.0);
    assertThat(feb.get("reactivated []").value()).isEqualTo(3.0);
    assertThat(feb.get("reactivation []").value()).isEqualTo(0.5);
    assertThat(feb.get("reactivation []").denominator()).isEqualTo(2.0);
    assertThat(feb.get("active []").value()).isEqualTo(3.0);
    assertThat(feb.get("churn []").value()).isEqualTo(0.5);
    assertThat(feb.get("churn []").numerator()).isEqualTo(1.0);
    assertSameOnBothEngines(def);
  }

  private static final String ACTIVITIES =
      """
      sources:
        activities:
          file: activities.csv
          columns:
            lead_id: lead
            at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
            step: step
            owner: owner
      """;

  /**
   * Touches of 50 leads (some blank) from November 2025 to May 2026, at midnight and around the
   * holidays, some won or lost (before, in or after a period), some without a time.
   */
  private void generateActivities(Random rnd) throws Exception {
    String[] steps = {"Gọi", "Gọi", "Email", "Won", "Lost", ""};
    String[] owners = {"An", "an", "Bình", ""};
    StringBuilder csv = new StringBuilder("lead,at,step,owner\n");
    for (int i = 0; i < 900; i++) {
      LocalDate day =
          rnd.nextInt(3) == 0
              ? LocalDate.of(2026, 1, 20).plusDays(rnd.nextInt(40))
              : LocalDate.of(2025, 11, 1).plusDays(rnd.nextInt(210));
      String at =
          rnd.nextInt(40) == 0
              ? ""
              : String.format(
                  "%02d/%02d/%04d %s",
                  day.getDayOfMonth(),
                  day.getMonthValue(),
                  day.getYear(),
                  rnd.nextBoolean() ? "00:00" : "14:30");
      csv.append(rnd.nextInt(15) == 0 ? "" : "L" + rnd.nextInt(50))
          .append(',')
          .append(at)
          .append(',')
          .append(steps[rnd.nextInt(steps.length)])
          .append(',')
          .append(owners[rnd.nextInt(owners.length)])
          .append('\n');
    }
    Files.writeString(dir.resolve("activities.csv"), csv.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void stalledOverGeneratedEdgeCasesIsTheSameOnBothEngines() throws Exception {
    generateActivities(new Random(2026_0301));
    Definition def =
        definition(
            "s.yaml",
            HEADER
                + ACTIVITIES
                + """
                kpis:
                  - { id: stalled3, type: stalled, source: activities, lead: lead_id, time: at,
                      idle: 3 working days, closed: { step: Won }, by: owner }
                  - { id: stalled30, type: stalled, source: activities, lead: lead_id, time: at,
                      idle: 30 working days, closed: { step: [Won, Lost] } }
                  - { id: stalled10, type: stalled, source: activities, lead: lead_id, time: at,
                      idle: 10 days, where: { step: { not: Email } } }
                """);
    assertSameOnBothEngines(def);
    RunRequest quarters =
        new RunRequest(
            Period.parse("2026-Q2").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, quarters), SqlKpiEngine.run(def, quarters));
  }

  /**
   * The shipped re-engagement KPI (30 working days) is compiled, so the bundled test compares it.
   */
  @Test
  void theShippedReengagementKpiRunsOnTheSqlEngine() {
    Definition def = KpiEngine.load(List.of(Path.of("kpi-definitions/sales-journey.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).doesNotContainKey("reengagement");
  }

  /**
   * {@code idle: 3 working days}, {@code closed: { step: Won }}, February 2026 (HEADER: Monday–
   * Saturday, holiday Fri 01-30). Idle is counted in (last touch before 02-01, 01-31].
   *
   * <pre>
   * lead  touches                         idle at 01-31                        stalled?  touched in Feb?
   * L1    Mon 01-26, 02-10                01-27, 28, 29, 31 = 4 > 3            yes       yes
   * L2    Tue 01-27                       01-28, 29, 31 = 3, not > 3           no (4 calendar days would be)
   * L3    01-20, Won 01-22                closed before February: left out, noted
   * L4    Sat 01-10                       many                                 yes       no
   * L5    02-05                           no touch before February             no
   * L6    01-15, Won 02-03                many (won in February: not closed)   yes       yes
   * </pre>
   *
   * Stalled L1, L4, L6: 3; touched L1, L6: 2; 2 ÷ 3; 1 lead closed before the period.
   */
  @Test
  void stalledInWorkingDaysWorkedByHand() throws Exception {
    Files.writeString(
        dir.resolve("activities.csv"),
        """
        lead,at,step,owner
        L1,26/01/2026 09:00,Gọi,
        L1,10/02/2026 09:00,Gọi,
        L2,27/01/2026 17:00,Gọi,
        L3,20/01/2026 09:00,Gọi,
        L3,22/01/2026 09:00,Won,
        L4,10/01/2026 00:00,Gọi,
        L5,05/02/2026 09:00,Gọi,
        L6,15/01/2026 09:00,Gọi,
        L6,03/02/2026 09:00,Won,
        """,
        StandardCharsets.UTF_8);
    Definition def =
        definition(
            "h.yaml",
            HEADER
                + ACTIVITIES
                + """
                kpis:
                  - { id: reengaged, type: stalled, source: activities, lead: lead_id, time: at,
                      idle: 3 working days, closed: { step: Won } }
                """);
    ResultRow feb = onDuckDb(def, "2026-02").get("reengaged []");
    assertThat(feb.value()).isEqualTo(2.0 / 3);
    assertThat(feb.numerator()).isEqualTo(2.0);
    assertThat(feb.denominator()).isEqualTo(3.0);
    // The data end on 02-10: February is incomplete, said first.
    assertThat(feb.notes().english())
        .isEqualTo(
            "incomplete: data ends 2026-02-10; 1 leads closed before the period not counted");
    assertSameOnBothEngines(def);
  }

  /**
   * {@code kpi sql} prints the re-engagement query: the touches per lead and period, the calendar
   * table by day for the working-day numbers, then the counts per period. Golden.
   */
  @Test
  void kpiSqlPrintsTheReengagementQuery() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "kpi-definitions/sales-journey.yaml",
            "--kpi",
            "reengagement",
            "--period",
            "2026-10",
            "--dialect",
            "duckdb");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("kpi_wd AS").contains("kpi_before_wdn");
    Golden.check("sql/duckdb/sales-reengagement-2026-10.sql", r.out());
  }
}
