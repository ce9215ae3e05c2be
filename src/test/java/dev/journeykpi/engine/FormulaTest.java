package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: formula} over two sources (issue 16): KPIs computed from other KPIs' values of the
 * same period. Six tickets and six orders:
 *
 * <pre>
 * tickets                                   orders
 * T1 2026-01-05 web  complaint              O1 2026-01-02 C1 web  100
 * T2 2026-01-06 web  question               O2 2026-01-03 C2 web  300
 * T3 2026-01-10 shop complaint              O3 2026-01-15 C1 shop 600
 * T4 2026-01-20 web  complaint              O4 2026-01-28 C3 shop 200
 * T5 2026-02-03 shop complaint              O5 2026-02-10 C2 web  250
 * T6 2026-03-04 web  complaint              O6 2026-02-11 C4 web  250
 * </pre>
 *
 * By hand, per month (complaints: kind = complaint; active customers: distinct customers with an
 * order; revenue: sum of amounts):
 *
 * <pre>
 *          complaints  active  revenue  web  shop  aov (mean order)
 * 2026-01  3           3       1200     400  800   1200 / 4 = 300
 * 2026-02  1           2        500     500  -      500 / 2 = 250
 * 2026-03  1           0       (none)   -    -     (none: no orders)
 * </pre>
 */
class FormulaTest {
  @TempDir Path dir;
  Path definition;

  @BeforeEach
  void write() throws IOException {
    Files.writeString(
        dir.resolve("tickets.csv"),
        """
        Ticket,Created,Channel,Kind
        T1,2026-01-05 09:00,web,complaint
        T2,2026-01-06 10:00,web,question
        T3,2026-01-10 11:00,shop,complaint
        T4,2026-01-20 12:00,web,complaint
        T5,2026-02-03 09:00,shop,complaint
        T6,2026-03-04 09:00,web,complaint
        """);
    Files.writeString(
        dir.resolve("orders.csv"),
        """
        Order,Date,Customer,Channel,Amount
        O1,2026-01-02,C1,web,100
        O2,2026-01-03,C2,web,300
        O3,2026-01-15,C1,shop,600
        O4,2026-01-28,C3,shop,200
        O5,2026-02-10,C2,web,250
        O6,2026-02-11,C4,web,250
        """);
    definition = dir.resolve("k.yaml");
    Files.writeString(
        definition,
        """
        version: 1
        sources:
          tickets:
            file: tickets.csv
            columns:
              created: { column: Created, type: datetime, format: yyyy-MM-dd HH:mm }
              channel: Channel
              kind: Kind
          orders:
            file: orders.csv
            columns:
              date: { column: Date, type: date, format: yyyy-MM-dd }
              customer: Customer
              channel: Channel
              amount: { column: Amount, type: number }
        kpis:
          - { id: complaints, label: Complaints, type: count, source: tickets, time: created,
              where: { kind: complaint } }
          - { id: active_customers, label: Active customers, type: count, distinct: customer,
              source: orders, time: date }
          - { id: revenue, label: Revenue, type: sum, column: amount, unit: VND, source: orders,
              time: date }
          - { id: revenue_by_channel, label: Revenue by channel, type: sum, column: amount,
              unit: VND, source: orders, time: date, by: [channel] }
          - { id: aov, label: Average order, type: mean, column: amount, unit: VND, source: orders,
              time: date }
          - { id: per_customer, label: Complaints per active customer, type: formula,
              expr: "complaints / active_customers", target: { max: 0.8 } }
          - { id: share, label: Share of revenue, type: formula,
              expr: "revenue_by_channel / revenue", by: [channel], unit: "%" }
          - { id: per_100, label: Complaints per 100 customers, type: formula,
              expr: "per_customer * 100" }
          - { id: per_customer_value, label: Revenue per customer, type: formula,
              expr: "revenue / active_customers", unit: VND }
          - { id: gap, label: Revenue per customer above the average order, type: formula,
              expr: "per_customer_value - aov", unit: VND }
          - { id: kept, type: formula, expr: "coalesce(revenue, 0)" }
          - { id: active_90_days, type: customers, measure: active, customer: customer,
              window: 90 days, source: orders, time: date }
          - { id: lifecycle, type: customers, measure: lifecycle, customer: customer,
              source: orders, time: date }
          - { id: per_active, type: formula, expr: "complaints / active_90_days" }
          - { id: per_state, type: formula, expr: "complaints / lifecycle" }
        """);
  }

  private List<ResultRow> rows(String kpi, RunRequest.Compare compare, String... kpis) {
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(definition)),
            new RunRequest(
                List.of(Period.parse("2026-01"), Period.parse("2026-02"), Period.parse("2026-03")),
                Map.of(),
                List.of(kpis),
                compare));
    return card.rows().stream().filter(r -> r.kpi().equals(kpi)).toList();
  }

  private List<ResultRow> rows(String kpi) {
    return rows(kpi, RunRequest.Compare.NONE);
  }

  private static String line(ResultRow r) {
    return r.period()
        + " "
        + (r.dims().isEmpty() ? "" : r.dims().get("channel") + " ")
        + r.value()
        + " "
        + r.numerator()
        + "/"
        + r.denominator()
        + " "
        + r.note();
  }

  /**
   * Complaints (tickets) per active customer (orders): 3 / 3 = 1 in January, 1 / 2 = 0.5 in
   * February; in March no customer ordered, so 1 / 0 has no value, with its reason, never 0 or an
   * infinity. Numerator and denominator are the two KPIs' values. The target (at most 0.8) judges
   * it as any KPI: January red, February green. The coverage notes come from the operands: the
   * orders end 2026-02-11, the tickets 2026-03-04.
   */
  @Test
  void aRatioOfTwoSourcesKpis() {
    assertThat(rows("per_customer").stream().map(FormulaTest::line))
        .containsExactly(
            "2026-01 1.0 3.0/3.0 ",
            "2026-02 0.5 1.0/2.0 incomplete: data ends 2026-02-11",
            "2026-03 null 1.0/0.0 incomplete: data ends 2026-03-04; no value: active_customers is"
                + " 0 (a division by zero)");
    assertThat(rows("per_customer").stream().map(ResultRow::status))
        .containsExactly(Status.RED, Status.GREEN, null);
    // A division of two KPIs has no unit unless the formula declares one.
    assertThat(rows("per_customer").get(0).unit()).isEmpty();
  }

  /**
   * A channel's share of revenue: revenue_by_channel per channel over the one revenue, which counts
   * for every group. January: shop 800 / 1200 = 0.666…, web 400 / 1200 = 0.333…; the total row is
   * the formula over the totals, 1200 / 1200 = 1. February has only web: 500 / 500 = 1, and total
   * 1. March has no orders: only a total row, with no value (both sums have none).
   */
  @Test
  void aShareOfEachGroupAgainstAnUnbrokenTotal() {
    assertThat(rows("share").stream().map(FormulaTest::line))
        .containsExactly(
            "2026-01 shop " + 800.0 / 1200 + " 800.0/1200.0 ",
            "2026-01 web " + 400.0 / 1200 + " 400.0/1200.0 ",
            "2026-01 (total) 1.0 1200.0/1200.0 ",
            "2026-02 web 1.0 500.0/500.0 incomplete: data ends 2026-02-11",
            "2026-02 (total) 1.0 500.0/500.0 incomplete: data ends 2026-02-11",
            "2026-03 (total) null null/null incomplete: data ends 2026-02-11; no value:"
                + " revenue_by_channel, revenue gave none for this period and group");
    assertThat(rows("share").get(0).unit()).isEqualTo("%");
  }

  /**
   * A formula over a formula, computed after it: per_customer × 100 = 100 in January, 50 in
   * February; in March per_customer has no value, so neither has this. A number written in the
   * formula keeps the unit (here none); there is no top-level division, so no numerator.
   */
  @Test
  void aFormulaOfAFormula() {
    assertThat(rows("per_100").stream().map(FormulaTest::line))
        .containsExactly(
            "2026-01 100.0 null/null ",
            "2026-02 50.0 null/null incomplete: data ends 2026-02-11",
            "2026-03 null null/null incomplete: data ends 2026-03-04; no value: per_customer gave"
                + " none for this period and group");
  }

  /**
   * Revenue per customer minus the average order: January 1200 / 3 = 400, 400 - 300 = 100; February
   * 500 / 2 = 250, 250 - 250 = 0 (a real 0, shown); March: the mean of no orders has no value, and
   * neither has revenue per customer (no revenue): both are named.
   */
  @Test
  void anEmptyOperandGivesNoValueAndNamesIt() {
    assertThat(rows("gap").stream().map(FormulaTest::line))
        .containsExactly(
            "2026-01 100.0 null/null ",
            "2026-02 0.0 null/null incomplete: data ends 2026-02-11",
            "2026-03 null null/null incomplete: data ends 2026-02-11; no value: per_customer_value,"
                + " aov gave none for this period and group");
  }

  /** coalesce gives a value where an operand has none: March's revenue counts as 0. */
  @Test
  void coalesceStandsInForAMissingValue() {
    assertThat(rows("kept").stream().map(ResultRow::value)).containsExactly(1200.0, 500.0, 0.0);
    // coalesce keeps the unit of its arguments (a number written in it goes with any).
    assertThat(rows("kept").get(0).unit()).isEqualTo("VND");
  }

  /**
   * A KPI that places its rows otherwise (customers active at the end of each period, over their
   * whole history) is read as it stands in each period. Active at the end of January (last order
   * less than 90 days before 1 February): C1 (15/01), C2 (03/01), C3 (28/01) = 3, so 3 / 3 = 1; end
   * of February: C1, C2 (10/02), C3, C4 (11/02) = 4, so 1 / 4 = 0.25; end of March: the same four
   * (C1's 15/01 is 75 days before 1 April), 1 / 4 = 0.25.
   */
  @Test
  void aCustomersKpiIsReadAtEachPeriod() {
    assertThat(rows("per_active").stream().map(r -> r.period() + " " + r.value()))
        .containsExactly("2026-01 1.0", "2026-02 0.25", "2026-03 0.25");
  }

  /** A KPI with a row per state has no one value to read: said so, not "gave none". */
  @Test
  void aKpiWithARowPerStateHasNoValueToRead() {
    assertThat(rows("per_state"))
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.value()).isNull();
              assertThat(r.note())
                  .endsWith(
                      "no value: lifecycle has a row per state, stage or cohort, not one value to"
                          + " read");
            });
  }

  /**
   * With --compare previous each row has the formula's value in the period before, computed from
   * the operands' earlier values: February's previous is January's 3 / 3 = 1, delta 0.5 - 1 = -0.5;
   * March's previous is 0.5 and, without a value now, no delta. December 2025 has no orders (active
   * customers 0): January has no previous.
   */
  @Test
  void theComparisonIsTheFormulaOverTheEarlierValues() {
    List<ResultRow> r = rows("per_customer", RunRequest.Compare.PREVIOUS);
    assertThat(r.stream().map(x -> x.period() + " " + x.previous() + " " + x.delta()))
        .containsExactly("2026-01 null null", "2026-02 1.0 -0.5", "2026-03 0.5 null");
  }

  /**
   * {@code --kpi share} reports only the formula, though the KPIs it reads are measured for it;
   * asking for a formula of a formula measures what both read.
   */
  @Test
  void askingForAFormulaMeasuresWhatItReads() {
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(definition)),
            new RunRequest(List.of(Period.parse("2026-01")), Map.of(), List.of("per_100")));
    assertThat(card.rows().stream().map(r -> r.kpi() + " " + r.value()))
        .containsExactly("per_100 100.0");
    assertThat(card.quality().stream().map(q -> q.source()))
        .containsExactlyInAnyOrder("tickets", "orders");
  }
}
