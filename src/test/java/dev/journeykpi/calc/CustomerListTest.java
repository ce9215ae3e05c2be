package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.Period;
import dev.journeykpi.types.customers.CustomerList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code kpi leads} for customers KPIs: the customers behind the number, on the activity tables of
 * {@link CustomerKpisTest}, whose comments work out who is in which set; the statuses add up to the
 * KPI's value.
 */
class CustomerListTest {
  @TempDir Path dir;

  private List<String> list(String kpi, Table t, String period) throws IOException {
    Definition d =
        CustomerKpisTest.definition(
            dir, "customer: customer_id\ntime: created_at\ntype: customers\n" + kpi);
    return CustomerList.of(
            d.kpis().get(0),
            d.kpis().get(0).spec(dev.journeykpi.types.customers.CustomersSpec.class).customers(),
            t,
            Period.parse(period),
            new BusinessCalendar(d.calendar()))
        .stream()
        .map(
            e ->
                e.lead() + " " + e.status() + " " + e.entered().toLocalDate() + " " + e.daysThere())
        .toList();
  }

  /**
   * Window 30 days, October: S = {A, B, F}, E = {A, C, D, F}, N = {C, E}
   * (CustomerKpisTest.october). B churned (in S, not E); D returned (in E, not S, not new); C and E
   * new; A and F retained. Last activity up to 10-31 and the days to 10-31: A 10-20 (11), B 09-05
   * (56), C 10-10 (21), D 10-25 (6), E 10-01 (30), F 10-31 (0). Churn rate = churned ÷ (churned +
   * retained) = 1 ÷ 3, as the KPI. Within a status, the most recent activity first.
   */
  @Test
  void churnListsEachCustomersState() throws IOException {
    assertThat(
            list(
                "id: k\nmeasure: churn_rate\nwindow: 30 days",
                CustomerKpisTest.october(),
                "2026-10"))
        .containsExactly(
            "B churned 2026-09-05 56",
            "D returned 2026-10-25 6",
            "C new 2026-10-10 21",
            "E new 2026-10-01 30",
            "F retained 2026-10-31 0",
            "A retained 2026-10-20 11");
  }

  /**
   * Dormant after 30 days, October (CustomerKpisTest.reactivationOncePerDormancyEpisode): dormant
   * at the start M, Q, R, S; M and R active in October → reactivated, Q and S still dormant; P was
   * not dormant at the start but came back on 10-11 after 30 days without activity → lapsed and
   * back. Nobody went dormant in October. Days to 10-31: Q 07-01 → 30 + 31 + 30 + 31 = 122; S 06-20
   * → 10 + 122 = 133; M 10-20 → 11; R 10-03 → 28; P 10-11 → 20. Reactivation rate = reactivated ÷
   * (reactivated + still dormant) = 2 ÷ 4; reactivations = reactivated + lapsed and back = 3;
   * dormant at the end = still dormant + went dormant = 2: the KPIs' values.
   */
  @Test
  void reactivationListsDormantAndReactivatedCustomers() throws IOException {
    Table t =
        CustomerKpisTest.activity(
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
    assertThat(list("id: k\nmeasure: reactivation_rate\ndormant_after: 30 days", t, "2026-10"))
        .containsExactly(
            "Q still dormant 2026-07-01 122",
            "S still dormant 2026-06-20 133",
            "M reactivated 2026-10-20 11",
            "R reactivated 2026-10-03 28",
            "P lapsed and back 2026-10-11 20");
  }

  /**
   * Lifecycle of October (CustomerKpisTest.lifecycleCountsAddUp): B dormant, D resurrecting, C and
   * E new, A and F returning.
   */
  @Test
  void lifecycleListsTheFourStates() throws IOException {
    assertThat(list("id: k\npreset: lifecycle", CustomerKpisTest.october(), "2026-10"))
        .containsExactly(
            "B dormant 2026-09-05 56",
            "D resurrecting 2026-10-25 6",
            "C new 2026-10-10 21",
            "E new 2026-10-01 30",
            "F returning 2026-10-31 0",
            "A returning 2026-10-20 11");
  }

  /** Measures of orders rather than of customers' states have no list. */
  @Test
  void orderMeasuresHaveNoList() throws IOException {
    Definition d = CustomerKpisTest.definition(dir, "id: k\npreset: repeat_purchase_rate");
    assertThat(CustomerList.MEASURES)
        .doesNotContain(
            d.kpis()
                .get(0)
                .spec(dev.journeykpi.types.customers.CustomersSpec.class)
                .customers()
                .measure())
        .contains(dev.journeykpi.config.CustomerDef.Measure.CHURN_RATE);
  }
}
