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
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers KPIs on {@code --engine duckdb} (issue 17): the SQL engine counts each customer's
 * states per period and group, the default engine's code makes the rows; both engines give the same
 * rows on a generated export of edge cases, and a small export worked by hand.
 */
class CustomersOnDuckDbTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /**
   * Every measure, windows of days and of the period, breakdowns (blank and case-differing
   * regions).
   */
  private static final String KPIS =
      """
      kpis:
        - { id: active30, type: customers, measure: active, window: 30 days, source: o, time: at,
            customer: customer_id }
        - { id: active_p, type: customers, measure: active, window: period, source: o, time: at,
            customer: customer_id, by: [region] }
        - { id: new, type: customers, measure: new, source: o, time: at, customer: customer_id }
        - { id: churned, type: customers, measure: churned, window: 30 days, source: o, time: at,
            customer: customer_id, by: [region] }
        - { id: churn, type: customers, measure: churn_rate, window: 45 days, source: o, time: at,
            customer: customer_id, where: { amount: { not: 0 } } }
        - { id: crr, type: customers, measure: retention_rate, window: period, source: o, time: at,
            customer: customer_id, by: [region] }
        - { id: dormant, type: customers, measure: dormant, dormant_after: 20 days, source: o,
            time: at, customer: customer_id, by: [region] }
        - { id: reactivated, type: customers, measure: reactivated, dormant_after: 20 days,
            source: o, time: at, customer: customer_id }
        - { id: reactivation, type: customers, measure: reactivation_rate, dormant_after: 20 days,
            source: o, time: at, customer: customer_id, by: [region] }
        - { id: lifecycle, type: customers, measure: lifecycle, source: o, time: at,
            customer: customer_id, by: [region] }
        - { id: repeat, type: customers, measure: repeat_rate, order: order_id, value: amount,
            source: o, time: at, customer: customer_id }
        - { id: frequency, type: customers, measure: frequency, order: order_id, source: o,
            time: at, customer: customer_id, by: [region] }
        - { id: aov, type: customers, measure: aov, order: order_id, value: amount, returns: exclude,
            source: o, time: at, customer: customer_id }
        - { id: aov_net, type: customers, measure: aov, value: amount, source: o, time: at,
            customer: customer_id, by: [region] }
        - { id: clv, type: customers, measure: clv, order: order_id, value: amount,
            window: 30 days, source: o, time: at, customer: customer_id }
        - { id: clv24, type: customers, measure: clv, value: amount, lifespan: 24, source: o,
            time: at, customer: customer_id }
        - { id: cohorts, type: customers, measure: cohort, cohorts: 4, source: o, time: at,
            customer: customer_id }
        - { id: cohorts_rec, type: customers, measure: cohort, cohorts: 3, cohort_mode: recurring,
            source: o, time: at, customer: customer_id, by: [region] }
      """;

  private static String definition(String file) {
    return """
        version: 1
        name: customers on duckdb
        timezone: Asia/Ho_Chi_Minh
        sources:
          o:
            file: %s
            columns:
              order_id: Mã đơn
              at: { column: Ngày, type: datetime, format: dd/MM/yyyy HH:mm }
              customer_id: Mã khách
              region: Vùng
              amount: { column: Số tiền, type: number }
        """
            .formatted(file)
        + KPIS;
  }

  /**
   * Generated, fixed seed: customers with several dormancy episodes (gaps of up to 70 days against
   * a dormancy of 20), returns at 00:00 on the first day of a month and activity at 23:59 on its
   * last, rows without a date or with an impossible one, blank ids and an id of an ideographic
   * space (blank to Java, kept by the import's trim), ids differing only by case (two customers on
   * both engines: the default engine numbers ids as written), by spaces around them (trimmed on
   * import: one customer) or by Unicode composition (NFC on import: one customer), activity after
   * the last period, regions differing by case and blank, orders of several lines, rows without an
   * order id, returns and blank amounts.
   */
  @Test
  void generatedEdgeCasesGiveTheSameRowsOnBothEngines(@TempDir Path tmp) throws Exception {
    Random rnd = new Random(20261207);
    String[] customers = {
      "K1", "K2", "k2", " K3 ", "K3", "Ngọc", "Ngọc", "", "\u3000", "K4", "K5", "K6", "K7", "K8",
      "K9", "K10", "K11", "K12", "K13", "K14"
    };
    String[] regions = {"Bắc", "bắc", "Nam", "", "Trung"};
    long[] gaps = {0, 1, 2, 5, 9, 15, 20, 21, 25, 40, 70};
    String[] amounts = {"100", "250.5", "-30", "", "0", "1000", "12.25"};
    StringBuilder csv = new StringBuilder("Mã đơn,Ngày,Mã khách,Vùng,Số tiền\n");
    int order = 0;
    for (String c : customers) {
      LocalDate day = LocalDate.of(2025, 9, 1).plusDays(rnd.nextInt(60));
      while (day.isBefore(LocalDate.of(2026, 5, 15))) {
        String id = rnd.nextInt(8) == 0 ? "" : "O" + order++;
        int lines = 1 + rnd.nextInt(3);
        for (int l = 0; l < lines; l++) {
          String time =
              switch (rnd.nextInt(4)) {
                case 0 -> " 00:00";
                case 1 -> " 23:59";
                default -> " 1" + rnd.nextInt(10) + ":30";
              };
          String when = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + time;
          if (rnd.nextInt(30) == 0) when = rnd.nextBoolean() ? "" : "31/09/2025 10:00";
          csv.append(id)
              .append(',')
              .append(when)
              .append(',')
              .append(c)
              .append(',')
              .append(regions[rnd.nextInt(regions.length)])
              .append(',')
              .append(amounts[rnd.nextInt(amounts.length)])
              .append('\n');
        }
        day = day.plusDays(gaps[rnd.nextInt(gaps.length)]);
      }
    }
    // Returns at midnight on the first day of a period, after a dormant spell, and the last minute
    // of a month.
    for (String c : List.of("K1", "K4", "K9")) {
      csv.append("R1,").append(LocalDate.of(2025, 11, 2).atStartOfDay().format(AT));
      csv.append(',').append(c).append(",Nam,50\n");
      csv.append("R2,01/02/2026 00:00,").append(c).append(",Nam,50\n");
      csv.append("R3,31/03/2026 23:59,").append(c).append(",Nam,50\n");
    }
    Files.writeString(tmp.resolve("o.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("o.yaml"), definition("o.csv"), StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("o.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    for (String p : List.of("2026-03", "2026-Q1")) {
      RunRequest request =
          new RunRequest(
              Period.parse(p).lastN(4), Map.of(), List.of(), RunRequest.Compare.PREVIOUS, TODAY);
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request));
    }
    // Over all time: each group's "needs a period" row, as on the default engine.
    RunRequest all = new RunRequest(List.of(Period.ALL), Map.of(), List.of());
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, all), SqlKpiEngine.run(def, all));
    // The export has what it is meant to: rows without a customer and without a date, in the notes.
    RunRequest march =
        new RunRequest(List.of(Period.parse("2026-03")), Map.of(), List.of("churn", "reactivated"));
    List<ResultRow> rows = SqlKpiEngine.run(def, march).rows();
    assertThat(rows.get(0).notes().toString()).contains("customer_id").contains("at");
  }

  /**
   * Six customers worked by hand over February and March 2026, churn with a window of 30 days,
   * dormancy after 20 days. Their activity days and states:
   *
   * <ul>
   *   <li>A: 10/01, 01/03 00:00 — at the end of 28/02 (start of March) last activity 10/01, 49 days
   *       before: not active (49 ≥ 30), dormant (≥ 20); on 01/03 back after a gap of 50 days (≥
   *       21): a reactivation; at the end of 31/03 last 01/03, 30 days: not active, dormant (30 ≥
   *       20).
   *   <li>B: 15/02, 20/03 — at the start last 15/02, 13 days: active, not dormant; 20/03 is 33 days
   *       after 15/02: a reactivation (lapsed and back); at the end 11 days: active.
   *   <li>C: 05/02 23:59 — at the start 23 days: active, dormant; nothing in March: at the end 54
   *       days: churned, dormant.
   *   <li>D: 31/03 23:59 — first activity in March: new, active at the end.
   *   <li>E: 02/03, 03/03 (two orders: 03/03 has two lines of one order) — new, active.
   *   <li>F: only 01/04 — after the period: in no count.
   * </ul>
   *
   * March: S = {B, C} = 2, E = {B, D, E} = 3, N = {D, E} = 2; churned = {C} = 1, churn rate 1 ÷ 2 =
   * 0.5, CRR = (3 − 2) ÷ 2 = 0.5; dormant at the start = {A, C} = 2, of whom A active in March:
   * reactivation rate 1 ÷ 2 = 0.5; reactivations = A on 01/03 and B on 20/03 = 2; dormant at the
   * end = {A, C, E} = 3 (E's last activity, 03/03, is 28 days before 31/03). Lifecycle: new = {D,
   * E}; returning (active in February and March) = {B}; resurrecting (active in March, not
   * February, not new) = {A}; dormant (February, not March) = {C}. Orders in March: A 1, B 1, D 1,
   * E 2 (one order id on two lines of 03/03 is one order): buyers 4, repeaters 1, repeat rate 0.25.
   * A row without a customer and one without a date are left out and counted in the note.
   */
  @Test
  void aSmallExportWorkedByHand(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("o.csv"),
        """
        Mã đơn,Ngày,Mã khách,Vùng,Số tiền
        a1,10/01/2026 09:00,A,Nam,100
        a2,01/03/2026 00:00,A,Nam,100
        b1,15/02/2026 10:00,B,Nam,100
        b2,20/03/2026 10:00,B,Bắc,100
        c1,05/02/2026 23:59,C,Bắc,100
        d1,31/03/2026 23:59,D,Bắc,100
        e1,02/03/2026 10:00,E,Nam,100
        e2,03/03/2026 10:00,E,Nam,60
        e2,03/03/2026 11:00,E,Nam,40
        f1,01/04/2026 00:00,F,Nam,100
        x1,05/03/2026 10:00,,Nam,100
        x2,,A,Nam,100
        """,
        StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("o.yaml"), definition("o.csv"), StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("o.yaml")));
    RunRequest march = new RunRequest(List.of(Period.parse("2026-03")), Map.of(), List.of());
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : SqlKpiEngine.run(def, march).rows())
      by.put(r.kpi() + " " + r.dims().values(), r);
    assertThat(by.get("active30 []").value()).isEqualTo(3.0);
    assertThat(by.get("new []").value()).isEqualTo(2.0);
    assertThat(by.get("churned [(total)]").value()).isEqualTo(1.0);
    // crr uses window: period — S = active in February = {B, C}, E = active in March = {A, B, D,
    // E}, N = {D, E}: (4 − 2) ÷ 2 = 1.
    assertThat(by.get("crr [(total)]").value()).isEqualTo(1.0);
    assertThat(by.get("reactivated []").value()).isEqualTo(2.0);
    assertThat(by.get("reactivation [(total)]").value()).isEqualTo(0.5);
    assertThat(by.get("dormant [(total)]").value()).isEqualTo(3.0);
    assertThat(by.get("lifecycle [(total), new]").value()).isEqualTo(2.0);
    assertThat(by.get("lifecycle [(total), returning]").value()).isEqualTo(1.0);
    assertThat(by.get("lifecycle [(total), resurrecting]").value()).isEqualTo(1.0);
    assertThat(by.get("lifecycle [(total), dormant]").value()).isEqualTo(1.0);
    assertThat(by.get("repeat []").value()).isEqualTo(0.25);
    assertThat(by.get("churned [(total)]").notes().toString())
        .contains("customer_id")
        .contains("at");
    // churn has a window of 45 days: C's last activity 05/02 is 54 days before 31/03, still
    // churned; A is not active at the start (49 days ≥ 45): S = {B, C}, churn 1 ÷ 2.
    assertThat(by.get("churn []").value()).isEqualTo(0.5);
    // And every row as the default engine gives it.
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, march), SqlKpiEngine.run(def, march));
  }

  /**
   * The bundled retention scorecard: every customers KPI runs on DuckDB, those whose dormancy is
   * counted in working days (dormant, reactivated, reactivation: 60 working days) included; the
   * differential test compares their rows.
   */
  @Test
  void everyRetentionKpiRunsWorkingDayDormancyIncluded() {
    Definition def = KpiEngine.load(List.of(Path.of("kpi-definitions/retention.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
  }

  /** The SQL of a churn rate, golden: per customer and period, then the counts per period. */
  @Test
  void kpiSqlPrintsTheChurnQuery() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "kpi-definitions/retention.yaml",
            "--kpi",
            "churn,crr",
            "--period",
            "2026-10",
            "--dialect",
            "duckdb");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Golden.check("sql/duckdb/retention-churn-2026-10.sql", r.out());
  }
}
