package dev.journeykpi.types.customers;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.ConfigException;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.sql.SqlTemplate;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.KpiKind;
import dev.journeykpi.types.Listing;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Customers in an activity export: active, new, churn, retention, reactivation, lifecycle, repeat
 * rate, AOV, CLV, cohorts.
 */
public final class CustomersKind extends KpiKind<CustomersSpec> {
  public CustomersKind() {
    super("customers", CustomersSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of(
        "measure",
        "customer",
        "window",
        "dormant_after",
        "order",
        "value",
        "returns",
        "lifespan",
        "cohorts",
        "cohort_mode");
  }

  @Override
  public Placement placement() {
    return Placement.BY_TIME;
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    if (r.time() == null && r.has("time")) {
      r.error(
          r.at("time"),
          r.ctx() + ": customers KPIs need a 'time' column: the date of each activity");
    }
    CustomerDef customers = r.customers();
    String unit = r.declaredUnit();
    if (customers == null) return new SpecReader.Bound(null, unit);
    if (customers.measure().isRate() && unit != null && !unit.equals("%")) {
      r.error(
          r.at("unit"), r.ctx() + ": the unit of " + customers.measure().yamlName() + " is '%'");
    }
    // Counts of customers and orders per customer carry no unit word, so the views stay in the
    // reader's language.
    String natural =
        customers.measure().isRate()
            ? "%"
            : switch (customers.measure()) {
              case AOV, CLV -> unit == null ? "" : unit;
              default -> "";
            };
    return new SpecReader.Bound(new CustomersSpec(customers), natural);
  }

  @Override
  public List<ResultRow> run(
      KpiDef k, CustomersSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    CustomerMeasurer m =
        new CustomerMeasurer(spec.customers(), k.time(), runner.calendar(), runner.shared());
    return runner.wholeHistory(k, table, periods, m.dimensions(), m::measure);
  }

  /** Counted by the SQL engine, measured by the same code ({@link CustomersSql}). */
  @Override
  public SqlTemplate sql(KpiDef k, CustomersSpec spec) {
    return new CustomersSql(spec.customers());
  }

  @Override
  public List<String> datedBy(KpiDef k, CustomersSpec spec) {
    return timeColumn(k);
  }

  /** A retention rate, (E − N) ÷ S, is no share: above 100 % when lapsed customers return. */
  @Override
  public boolean ratesAreShares(KpiDef k) {
    return spec(k).customers().measure() != CustomerDef.Measure.RETENTION_RATE;
  }

  @Override
  public boolean cohortTriangle(KpiDef k) {
    return spec(k).customers().measure() == CustomerDef.Measure.COHORT;
  }

  @Override
  public String customerColumn(KpiDef k) {
    return spec(k).customers().customer();
  }

  @Override
  public Listing<CustomersSpec> listing() {
    return LEADS;
  }

  /** Customers are listed for the measures that count customers, in a period. */
  private static final Listing<CustomersSpec> LEADS =
      new Listing<>(LeadList.Kind.CUSTOMERS) {
        @Override
        public void check(KpiDef k, CustomersSpec spec, String stage, Period period) {
          if (!CustomerList.MEASURES.contains(spec.customers().measure())) {
            throw new ConfigException(
                "kpi '"
                    + k.id()
                    + "' measures "
                    + spec.customers().measure().yamlName()
                    + "; kpi leads lists the"
                    + " customers of "
                    + String.join(
                        ", ",
                        CustomerList.MEASURES.stream().map(CustomerDef.Measure::yamlName).toList())
                    + " KPIs");
          }
          if (period.grain() == Period.Grain.ALL) {
            throw new ConfigException(
                "kpi leads needs a period for customers KPI '"
                    + k.id()
                    + "' (--period, --from/--to)");
          }
        }

        @Override
        public List<LeadList.Entry> list(
            KpiDef k,
            CustomersSpec spec,
            Table table,
            Period period,
            String stage,
            KpiRunner runner) {
          return CustomerList.of(k, spec.customers(), table, period, runner.calendar());
        }
      };

  @Override
  public boolean judgesWholeHistory() {
    return true;
  }

  @Override
  public void expectedValues(KpiDef k, CustomersSpec spec, ExpectedValues out) {}

  @Override
  public Explained explain(KpiDef k, CustomersSpec spec, Phrases p) {
    CustomerDef c = spec.customers();
    String window =
        c.window() == null
            ? p.t(
                "active in a period = activity in it; at the start = activity in the period before")
            : p.t("active at the end of a day = last activity less than %s before it", c.window());
    return new Explained(
        what(c, p),
        List.of(),
        p.t("each customer's whole history counts, activities dated by %s", k.time())
            + "; "
            + window,
        null,
        null,
        p.t(
            "rows without a customer id (%s) or without a date (%s): not activity, counted in the note",
            c.customer(), k.time()),
        null,
        formula(c, p) + p.overRows(k.where()));
  }

  private static String what(CustomerDef c, Phrases p) {
    return switch (c.measure()) {
          case ACTIVE -> p.t("customers active at the end of the period");
          case NEW -> p.t("customers whose first activity ever is in the period");
          case CHURNED -> p.t("customers active at the start of the period and not at its end");
          case CHURN_RATE ->
              p.t(
                  "churned customers ÷ customers active at the start (new customers are not in the denominator)");
          case RETENTION_RATE ->
              p.t(
                  "customer retention rate (E − N) ÷ S: active at the end E, new in the period N, active at the start S");
          case DORMANT ->
              p.t(
                  "customers dormant at the end of the period (%s without activity)",
                  c.dormantAfter());
          case REACTIVATED ->
              p.t(
                  "reactivations in the period: an activity after %s without one, once per dormancy episode",
                  c.dormantAfter());
          case REACTIVATION_RATE ->
              p.t(
                  "customers dormant at the start (%s without activity) who were active in the period ÷ dormant at the start",
                  c.dormantAfter());
          case LIFECYCLE ->
              p.t(
                  "customers by state: new, returning (active in this and the previous period), resurrecting"
                      + " (active now, not in the previous period, not new), dormant (active in the previous period, not now)");
          case REPEAT_RATE ->
              p.t("customers with 2 or more orders in the period ÷ customers with 1 or more");
          case FREQUENCY -> p.t("orders in the period ÷ customers with an order");
          case AOV -> p.t("revenue (%s) in the period ÷ orders", c.value());
          case CLV ->
              p.t(
                  "simple customer lifetime value: AOV × purchase frequency × expected lifespan in periods");
          case COHORT ->
              p.t(
                  "cohort retention: customers grouped by the period of their %s, share active k periods later",
                  c.recurring()
                      ? p.t("activity (recurring: a customer is in every period it is active)")
                      : p.t("first activity"));
        }
        + (c.order() == null ? "" : "; " + p.t("one order per %s", c.order()));
  }

  private static String formula(CustomerDef c, Phrases p) {
    return switch (c.measure()) {
      case ACTIVE -> "E";
      case NEW -> "N";
      case CHURNED -> "|S \\ E|";
      case CHURN_RATE -> "|S \\ E| ÷ S";
      case RETENTION_RATE ->
          p.t(
              "(E − N) ÷ S, above 100% when customers inactive at the start come back (in E, not in N);"
                  + " S = 0 is not computable");
      case DORMANT, REACTIVATED -> p.t("count of customers");
      case REACTIVATION_RATE ->
          p.t("reactivated from dormancy at the start ÷ dormant at the start");
      case LIFECYCLE ->
          p.t(
              "new + returning + resurrecting = customers active in the period; returning + dormant = active in the period before");
      case REPEAT_RATE -> p.t("customers with ≥ 2 orders ÷ customers with ≥ 1");
      case FREQUENCY ->
          p.t(
              "orders ÷ customers with an order (orders: distinct ids among rows with a positive amount)");
      case AOV ->
          (c.returns() == CustomerDef.Returns.NET
                  ? p.t("revenue net of returns (negative amounts)")
                  : p.t("revenue of positive amounts only"))
              + " ÷ "
              + p.t("orders");
      case CLV ->
          p.t(
              "AOV × frequency × lifespan; lifespan %s",
              c.lifespan() == null
                  ? p.t("= 1 ÷ churn rate (S ÷ churned)")
                  : p.plain(c.lifespan()) + " " + p.t("periods (given)"));
      case COHORT ->
          p.t(
              "retained(cohort, k) ÷ cohort size, for the last %s cohorts; a cell resting on an unfinished period is flagged",
              c.cohorts());
    };
  }
}
