package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Retention, churn, reactivation, lifecycle, repeat purchase, AOV, CLV and cohorts on small
 * hand-made activity tables, the expected numbers worked out in each comment. Calendar:
 * Monday–Friday, 2026-09-02 a holiday.
 */
class CustomerKpisTest {
  @TempDir Path dir;

  Definition definition(String kpi) throws IOException {
    return definition(dir, kpi);
  }

  /**
   * One KPI over an orders source (customer_id, created_at, order_id, amount), in a file under
   * {@code dir}.
   */
  static Definition definition(Path dir, String kpi) throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        timezone: UTC
        calendar: { workdays: [MON, TUE, WED, THU, FRI], hours: { MON-FRI: "08:00-17:00" }, holidays: [2026-09-02] }
        sources:
          orders:
            file: none.csv
            columns:
              customer_id: Customer
              created_at: { column: Date, type: date }
              order_id: Order
              amount: { column: Amount, type: number }
        kpis:
          - source: orders
        """
            + kpi.indent(4));
    return KpiKinds.load(List.of(f));
  }

  /** "A 2026-09-15" → one activity row per entry; "- 2026-10-05" is a row without a customer. */
  static Table activity(String... entries) {
    String[] who = new String[entries.length];
    LocalDate[] when = new LocalDate[entries.length];
    String[] order = new String[entries.length];
    double[] amount = new double[entries.length];
    for (int i = 0; i < entries.length; i++) {
      String[] p = entries[i].split(" ");
      who[i] = p[0].equals("-") ? "" : p[0];
      when[i] = LocalDate.parse(p[1]);
      order[i] = p.length > 2 ? p[2] : "";
      amount[i] = p.length > 3 ? Double.parseDouble(p[3]) : Double.NaN;
    }
    Table t = Table.create("orders");
    t.addColumns(
        StringColumn.create("customer_id", who),
        DateColumn.create("created_at", when),
        StringColumn.create("order_id", order),
        DoubleColumn.create("amount", amount));
    return t;
  }

  static List<ResultRow> run(Definition d, Table t, LocalDate today, String... periods) {
    return new KindRunner(new BusinessCalendar(d.calendar()), d.zone(), today)
        .run(d.kpis().get(0), t, Arrays.stream(periods).map(Period::parse).toList());
  }

  static ResultRow one(Definition d, Table t, String period) {
    List<ResultRow> rows = run(d, t, null, period);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  /**
   * Window 30 days, October 2026: S = active at the end of 09-30, E = at the end of 10-31.
   *
   * <pre>
   * customer activity              at start (gap to 09-30)   at end (gap to 10-31)   new
   * A        09-15, 10-20          15 → yes                   11 → yes
   * B        09-05                 25 → yes                   56 → no (churned)
   * C        10-10                 –                          21 → yes                yes
   * D        08-01, 10-25          60 → no                    6 → yes
   * E        10-01                 –                          30 → no (not < 30)      yes: new and lost in October
   * F        09-20, 10-31          10 → yes                   0 → yes
   * (blank)  10-05                 not activity: left out and counted
   * </pre>
   *
   * S = {A, B, F} = 3, E = {A, C, D, F} = 4, new {C, E} = 2. Churned {B} = 1: churn 1/3. CRR's N is
   * the new customers still active at the end, {C} = 1 (E lapsed: in neither E nor N, as the
   * formula intends): CRR = (4 − 1) / 3 = 1 — A and F retained, D returned, over S.
   */
  static Table october() {
    return activity(
        "A 2026-09-15",
        "A 2026-10-20",
        "B 2026-09-05",
        "C 2026-10-10",
        "D 2026-08-01",
        "D 2026-10-25",
        "E 2026-10-01",
        "F 2026-09-20",
        "F 2026-10-31",
        "- 2026-10-05");
  }

  @Test
  void activeNewChurnAndRetention() throws IOException {
    String base = "customer: customer_id\ntime: created_at\ntype: customers\nwindow: 30 days\n";
    assertThat(one(definition("id: k\nmeasure: active\n" + base), october(), "2026-10").value())
        .isEqualTo(4.0);
    assertThat(one(definition("id: k\nmeasure: new\n" + base), october(), "2026-10").value())
        .isEqualTo(2.0);
    ResultRow churn = one(definition("id: k\nmeasure: churn_rate\n" + base), october(), "2026-10");
    assertThat(churn.numerator()).isEqualTo(1.0);
    assertThat(churn.denominator()).isEqualTo(3.0);
    assertThat(churn.note()).contains("1 rows without customer_id left out");
    ResultRow crr =
        one(definition("id: k\npreset: retention_rate\nwindow: 30 days"), october(), "2026-10");
    assertThat(crr.value()).isCloseTo(1.0, within(1e-12));
    assertThat(crr.note())
        .contains("E 4, N 1, S 3")
        .contains("1 new customers no longer active at the end left out of N");
  }

  /**
   * In August nobody was active before (the first activity is 08-01): S = 0, so churn and CRR are
   * not computable.
   */
  @Test
  void noCustomersAtTheStartIsNotComputable() throws IOException {
    ResultRow crr = one(definition("id: k\npreset: crr\nwindow: 30 days"), october(), "2026-08");
    assertThat(crr.value()).isNull();
    assertThat(crr.note()).contains("not computable");
    assertThat(one(definition("id: k\npreset: churn_rate"), october(), "2026-08").value()).isNull();
  }

  /**
   * Window 21 working days, September 2026 (holiday 09-02). K's only activity is 09-01: working
   * days in (09-01, 09-30] are 09-03, 09-04, 7–11, 14–18, 21–25, 28–30 = 2 + 5 + 5 + 5 + 3 = 20 <
   * 21 → active at the end (without the holiday it would be 21: inactive). L's is 08-03: working
   * days in (08-03, 08-31] = 4 + 5 + 5 + 5 + 1 = 20 < 21 → active at the start; at the end 20 + 1
   * (09-01) + 20 = 41 → churned. S = {L}, E = {K}, N = {K}: churn 1/1, CRR (1 − 1)/1 = 0.
   */
  @Test
  void windowInWorkingDays() throws IOException {
    Table t = activity("K 2026-09-01", "L 2026-08-03");
    String base =
        "customer: customer_id\ntime: created_at\ntype: customers\nwindow: 21 working days\n";
    assertThat(one(definition("id: k\nmeasure: active\n" + base), t, "2026-09").value())
        .isEqualTo(1.0);
    assertThat(one(definition("id: k\nmeasure: churn_rate\n" + base), t, "2026-09").value())
        .isEqualTo(1.0);
    assertThat(one(definition("id: k\nmeasure: retention_rate\n" + base), t, "2026-09").value())
        .isEqualTo(0.0);
    // With 20 working days K is no longer active at the end: 20 is not < 20.
    assertThat(
            one(
                    definition(
                        "id: k\nmeasure: active\n" + base.replace("21 working", "20 working")),
                    t,
                    "2026-09")
                .value())
        .isEqualTo(0.0);
  }

  /**
   * Dormant after 30 days: 30 full days without activity in (last, d]. October 2026, start = end of
   * 09-30.
   *
   * <pre>
   * customer activity                       dormant at 09-30?        reactivations in October
   * M        06-01, 08-01, 10-15, 10-20     yes (60 days)           10-15 (74 days after 08-01)
   * P        09-10, 10-11                   no (20 days)            10-11: 30 days (09-11..10-10) without → yes
   * Q        07-01                          yes                     none
   * R        08-20, 10-02, 10-03            yes (41 days)           10-02
   * S        04-01, 05-15, 06-20            yes                     none (both in Q2)
   * </pre>
   *
   * Reactivated (episodes) in October: M, P, R = 3. Rate: dormant at the start {M, Q, R, S} = 4, of
   * which active in October M, R → 2/4. Dormant at the end of October (10-31): Q, S = 2 (M 11 days,
   * P 20, R 28). In 2026-Q2, S comes back twice (05-15 after 43 days, 06-20 after 35): 2
   * reactivations for one customer, one per episode; nobody was dormant at the start of Q2 (no
   * activity before 04-01).
   */
  @Test
  void reactivationOncePerDormancyEpisode() throws IOException {
    Table t =
        activity(
            "M 2026-06-01",
            "M 2026-08-01",
            "M 2026-10-15",
            "M 2026-10-20",
            "P 2026-09-10",
            "P 2026-10-11",
            "Q 2026-07-01",
            "R 2026-08-20",
            "R 2026-10-02",
            "R 2026-10-03",
            "S 2026-04-01",
            "S 2026-05-15",
            "S 2026-06-20");
    String base =
        "customer: customer_id\ntime: created_at\ntype: customers\ndormant_after: 30 days\n";
    assertThat(one(definition("id: k\nmeasure: reactivated\n" + base), t, "2026-10").value())
        .isEqualTo(3.0);
    ResultRow rate = one(definition("id: k\nmeasure: reactivation_rate\n" + base), t, "2026-10");
    assertThat(rate.numerator()).isEqualTo(2.0);
    assertThat(rate.denominator()).isEqualTo(4.0);
    assertThat(one(definition("id: k\nmeasure: dormant\n" + base), t, "2026-10").value())
        .isEqualTo(2.0);
    assertThat(one(definition("id: k\nmeasure: reactivated\n" + base), t, "2026-Q2").value())
        .isEqualTo(2.0);
    ResultRow q2 = one(definition("id: k\nmeasure: reactivation_rate\n" + base), t, "2026-Q2");
    assertThat(q2.value()).isNull();
    assertThat(q2.note()).contains("no dormant customers at the start");
  }

  /**
   * Lifecycle of October against September, on the table of {@link #october()}: A returning (Sep
   * and Oct), B dormant (Sep only), C new, D resurrecting (Aug, then Oct), E new, F returning → new
   * 2, returning 2, resurrecting 1, dormant 1. The counts add up: active in October {A, C, D, E, F}
   * = 5 = 2 + 2 + 1; active in September {A, B, F} = 3 = returning 2 + dormant 1.
   */
  @Test
  void lifecycleCountsAddUp() throws IOException {
    List<ResultRow> rows = run(definition("id: k\npreset: lifecycle"), october(), null, "2026-10");
    assertThat(rows)
        .extracting(r -> r.dims().get("state") + "=" + r.value())
        .containsExactly("new=2.0", "returning=2.0", "resurrecting=1.0", "dormant=1.0");
    Definition active = definition("id: k\npreset: active_customers\nwindow: period");
    double inOctober = one(active, october(), "2026-10").value();
    double inSeptember = one(active, october(), "2026-09").value();
    assertThat(rows.get(0).value() + rows.get(1).value() + rows.get(2).value())
        .isEqualTo(inOctober)
        .isEqualTo(5.0);
    assertThat(rows.get(1).value() + rows.get(3).value()).isEqualTo(inSeptember).isEqualTo(3.0);
  }

  /**
   * October orders (order id, amount):
   *
   * <pre>
   * A 10-02 O1 100, A 10-02 O1 50 (two lines of one order), A 10-09 O2 200, A 10-12 R1 −50 (a return)
   * C 10-10 O3 300;  E 10-01 O4 80;  B 09-05 O5 90 (September)
   * </pre>
   *
   * Orders in October (distinct ids with a positive amount): O1, O2, O3, O4 = 4; customers with an
   * order A, C, E = 3; with 2 or more: A → repeat 1/3; frequency 4/3. Revenue net of the return 680
   * → AOV 170; returns excluded 730 → 182.5. CLV with lifespan 10: 170 × 4/3 × 10 = 2266.67; with
   * the churn lifespan (window 30: S = {B}, B churned → 1 ÷ 1 = 1 period): 170 × 4/3 × 1 = 226.67.
   * Without a value column a return cannot be told from an order: R1 then counts, and the frequency
   * is 5/3.
   */
  @Test
  void repeatFrequencyAovAndClv() throws IOException {
    Table t =
        activity(
            "A 2026-10-02 O1 100",
            "A 2026-10-02 O1 50",
            "A 2026-10-09 O2 200",
            "A 2026-10-12 R1 -50",
            "C 2026-10-10 O3 300",
            "E 2026-10-01 O4 80",
            "B 2026-09-05 O5 90");
    String order = "\norder: order_id\nvalue: amount";
    ResultRow repeat = one(definition("id: k\npreset: repeat_purchase_rate" + order), t, "2026-10");
    assertThat(repeat.numerator()).isEqualTo(1.0);
    assertThat(repeat.denominator()).isEqualTo(3.0);
    assertThat(one(definition("id: k\npreset: purchase_frequency" + order), t, "2026-10").value())
        .isCloseTo(4.0 / 3, within(1e-12));
    assertThat(
            one(definition("id: k\npreset: purchase_frequency\norder: order_id"), t, "2026-10")
                .value())
        .isCloseTo(5.0 / 3, within(1e-12));
    assertThat(one(definition("id: k\npreset: aov" + order), t, "2026-10").value())
        .isEqualTo(170.0);
    assertThat(
            one(definition("id: k\npreset: aov\nreturns: exclude" + order), t, "2026-10").value())
        .isEqualTo(182.5);
    assertThat(one(definition("id: k\npreset: clv\nlifespan: 10" + order), t, "2026-10").value())
        .isCloseTo(170 * 4.0 / 3 * 10, within(1e-9));
    ResultRow clv = one(definition("id: k\npreset: clv\nwindow: 30 days" + order), t, "2026-10");
    assertThat(clv.value()).isCloseTo(170 * 4.0 / 3, within(1e-9));
    assertThat(clv.note())
        .contains("AOV 170.00 × frequency 1.3333 × lifespan 1.00 periods (1 ÷ churn 1/1)");
  }

  /**
   * Monthly cohorts, the last 3 up to October:
   *
   * <pre>
   * customer activity               first-time cohort
   * A        08-05, 09-10, 10-03    Aug
   * B        08-20                  Aug
   * C        08-25, 10-09           Aug
   * D        09-02, 09-20           Sep
   * E        09-15, 10-30           Sep
   * F        10-07                  Oct
   * </pre>
   *
   * First-time: Aug (3): age 0 3/3, age 1 (Sep: A) 1/3, age 2 (Oct: A, C) 2/3; Sep (2): 2/2, age 1
   * (Oct: E) 1/2; Oct (1): 1/1. Recurring (everyone active in the cohort's month): Sep = {A, D, E},
   * active in Oct A, E → 2/3. Run on 10-15, the cells resting on October (Aug age 2, Sep age 1, Oct
   * age 0) are flagged incomplete; the others are complete.
   */
  @Test
  void cohortMatrixFlagsTheUnfinishedPeriod() throws IOException {
    Table t =
        activity(
            "A 2026-08-05",
            "A 2026-09-10",
            "A 2026-10-03",
            "B 2026-08-20",
            "C 2026-08-25",
            "C 2026-10-09",
            "D 2026-09-02",
            "D 2026-09-20",
            "E 2026-09-15",
            "E 2026-10-30",
            "F 2026-10-07");
    List<ResultRow> rows =
        run(
            definition("id: k\npreset: cohort_retention\ncohorts: 3"),
            t,
            LocalDate.of(2026, 10, 15),
            "2026-10");
    assertThat(rows)
        .extracting(
            r ->
                r.dims().get("cohort")
                    + "+"
                    + r.dims().get("age")
                    + "="
                    + r.numerator()
                    + "/"
                    + r.denominator()
                    + (r.complete() ? "" : "*"))
        .containsExactly(
            "2026-08+0=3.0/3.0",
            "2026-08+1=1.0/3.0",
            "2026-08+2=2.0/3.0*",
            "2026-09+0=2.0/2.0",
            "2026-09+1=1.0/2.0*",
            "2026-10+0=1.0/1.0*");
    List<ResultRow> recurring =
        run(
            definition("id: k\npreset: cohorts\ncohorts: 3\ncohort_mode: recurring"),
            t,
            null,
            "2026-10");
    ResultRow sepAge1 =
        recurring.stream()
            .filter(
                r -> r.dims().get("cohort").equals("2026-09") && r.dims().get("age").equals("1"))
            .findFirst()
            .orElseThrow();
    assertThat(sepAge1.numerator()).isEqualTo(2.0);
    assertThat(sepAge1.denominator()).isEqualTo(3.0);
  }

  /**
   * Without a period (all time), customer KPIs say they need one, lifecycle and cohorts included:
   * never a crash or a 0.
   */
  @Test
  void allTimeAsksForAPeriod() throws IOException {
    for (String preset : List.of("lifecycle", "cohorts", "churn_rate")) {
      List<ResultRow> rows =
          new KindRunner(
                  new BusinessCalendar(definition("id: k\npreset: " + preset).calendar()),
                  java.time.ZoneOffset.UTC)
              .run(
                  definition("id: k\npreset: " + preset).kpis().get(0),
                  october(),
                  List.of(Period.ALL));
      assertThat(rows)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.value()).isNull();
                assertThat(r.note()).contains("customer KPIs need a period");
              });
    }
  }

  /** A breakdown recomputes each group from its own rows; the total is computed from all rows. */
  @Test
  void breakdownByRegion() throws IOException {
    Table t = october();
    t.addColumns(
        StringColumn.create(
            "region", "Bắc", "Bắc", "Nam", "Nam", "Bắc", "Bắc", "Nam", "Nam", "Nam", "Bắc"));
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          orders:
            file: none.csv
            columns: { customer_id: Customer, created_at: { column: Date, type: date }, region: Region }
        kpis:
          - { id: k, source: orders, preset: new_customers, by: [region] }
        """);
    Definition d = KpiKinds.load(List.of(f));
    // New in October: C (Nam), E (Nam) → Bắc 0, Nam 2, total 2.
    assertThat(run(d, t, null, "2026-10"))
        .extracting(r -> r.dims().get("region") + "=" + r.value())
        .containsExactly("Bắc=0.0", "Nam=2.0", "(total)=2.0");
  }
}
