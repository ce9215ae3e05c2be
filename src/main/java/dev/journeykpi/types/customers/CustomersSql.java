package dev.journeykpi.types.customers;

import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialect.SqlType;
import dev.journeykpi.sql.GroupCopies;
import dev.journeykpi.sql.IdKey;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.OwnQuerySql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
import dev.journeykpi.sql.SqlSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A customers KPI on an SQL engine: the engine reduces every customer's activity to what each
 * period's state needs, and counts the customers per period and breakdown group; {@link
 * CustomersQuery} reads the counts and {@link CustomerMeasurer#rows} makes the rows, as on the
 * default engine. The states statement stands in {@link CustomerStatesSql}; the activity relations,
 * the orders and the cohorts statements here.
 *
 * <p>Days are whole numbers (days since 1970-01-01) as in {@link ActivityRules}. Per customer (of a
 * group) and period: its first activity day, its last activity before the period, its last on or
 * before the period's last day, and its returns after a dormant spell in the period (an activity
 * day whose gap to the day before it with activity exceeds the dormancy span: {@code b − prev ≥ D +
 * 1} is "dormant at the end of b − 1"). Only each period's counts per group come back.
 *
 * <p>Windows and dormancy in working days ({@code 60 working days}) count, as {@link
 * ActivityRules#gap}, the working days in (a, b]: the difference of the two days' working-day
 * numbers from the calendar table ({@link CalendarTable}), joined to each activity day and to each
 * period's edges. The working-day number only grows with the day, so the largest of a customer's
 * days and the largest of their numbers belong together.
 *
 * <p>Compiled: windows and dormancy in calendar days ({@code 90 days}, {@code window: period}) or
 * working days; breakdowns by several columns, with {@code rollup}, by any column but durations
 * ({@link GroupCopies}).
 */
final class CustomersSql implements OwnQuerySql {
  private final CustomerDef def;
  private final CustomerStatesSql states;

  CustomersSql(CustomerDef def) {
    this.def = def;
    this.states = new CustomerStatesSql(def);
  }

  /** The customers' states per period and group ({@link CustomerStatesSql}). */
  CustomerStatesSql states() {
    return states;
  }

  @Override
  public KpiQuery compile(SqlSource source) {
    KpiDef k = source.kpi();
    SqlColumns c = source.columns();
    if (states.inWorkingDays()) c.calendarTable(); // refused here when there is no calendar
    if (!c.type(k.time()).isTemporal())
      throw new SqlRefused("time column '" + k.time() + "' is not a date");
    if (def.value() != null && c.type(def.value()) != ValueType.NUMBER)
      throw new SqlRefused("an amount column that is not a number (" + def.value() + ")");
    return new CustomersQuery(def, k, source.rows(), c, this);
  }

  /** Whether the measure counts orders and revenue (a query of its own). */
  boolean countsOrders() {
    return def.measure().countsOrders();
  }

  /**
   * The activity relations every statement starts from: the population's rows with their group
   * (each row copied into the total and each of its groups: {@link GroupCopies}), day, customer
   * (NULL when blank), order (NULL when blank: the row is its own order) and amount.
   */
  static String with(KpiDef k, CustomerDef def, String rows, SqlColumns c) {
    Dialect d = c.dialect();
    // Ids of any type, keyed as the default engine keys them (a number's 12.0 is 12).
    String customer = IdKey.of(d, c.type(def.customer()), c.ref(def.customer()));
    String order =
        def.order() == null ? null : IdKey.of(d, c.type(def.order()), c.ref(def.order()));
    List<String> cols = new ArrayList<>();
    String noText = d.cast("NULL", SqlType.TEXT);
    GroupCopies g = new GroupCopies(d, c, k);
    cols.add(g.values());
    cols.add(d.epochDay(d.cast(c.ref(k.time()), SqlType.DATE)) + " AS kpi_day");
    cols.add(customer + " AS kpi_customer");
    cols.add((order == null ? noText : order) + " AS kpi_order");
    cols.add(
        (def.value() == null ? d.cast("NULL", SqlType.DOUBLE) : c.ref(def.value()))
            + " AS kpi_value");
    // The columns named, not * EXCLUDE (kpi_g) (DuckDB's, Snowflake's and BigQuery's only).
    String rest = "kpi_day, kpi_customer, kpi_order, kpi_value";
    return "WITH kpi_population AS (SELECT "
        + String.join(", ", cols)
        + "\n  FROM "
        + rows
        + " WHERE "
        + c.where(k.where())
        + "),\nkpi_grouped AS ("
        + g.union(rest, "kpi_population")
        + "),\nkpi_activity AS (SELECT * FROM kpi_grouped"
        + " WHERE kpi_day IS NOT NULL AND kpi_customer IS NOT NULL)";
  }

  /** The groups with the population's rows that are not activity: no date, or no customer. */
  static String groups(String with, GroupCopies g) {
    return with
        + "\nSELECT "
        + g.keys()
        + ","
        + " "
        + Aggregates.countWhere("kpi_day IS NULL")
        + " AS kpi_no_date, "
        + Aggregates.countWhere("kpi_day IS NOT NULL AND kpi_customer IS NULL")
        + " AS kpi_no_customer"
        + "\nFROM kpi_grouped GROUP BY "
        + g.keys();
  }

  static String count(String name, String condition) {
    return Aggregates.countWhere(condition) + " AS " + name;
  }

  /**
   * Per period and group, the customers with an order, with two or more, the orders (distinct ids
   * among the customer's rows with a positive amount, or every row's without an amount column; a
   * row without an id is its own order), the revenue (an exact sum), and the rows whose amount is
   * blank (not orders: a cancelled order's, in many exports).
   */
  String orders(String with, String periods, Dialect d, GroupCopies g) {
    boolean amounts = def.value() != null;
    String ordered = amounts ? "kpi_value > 0" : "TRUE";
    String earning =
        def.returns() == CustomerDef.Returns.NET ? "kpi_value IS NOT NULL" : "kpi_value > 0";
    return with
        + ",\nkpi_lines AS (SELECT kpi_period, "
        + g.keys()
        + ", kpi_customer, kpi_order,"
        + " kpi_value FROM kpi_activity JOIN "
        + periods
        + " ON kpi_day BETWEEN kpi_start AND kpi_last),"
        + "\nkpi_buyers AS (SELECT kpi_period, "
        + g.keys()
        + ","
        + " count(DISTINCT CASE WHEN "
        + ordered
        + " THEN kpi_order END) + "
        + Aggregates.countWhere("kpi_order IS NULL AND " + ordered)
        + " AS kpi_orders,"
        + " "
        + d.sumExact("CASE WHEN " + earning + " THEN kpi_value END")
        + " AS kpi_revenue, "
        + (amounts ? Aggregates.countWhere("kpi_value IS NULL") : "0")
        + " AS kpi_blank"
        + "\n  FROM kpi_lines GROUP BY kpi_period, "
        + g.keys()
        + ", kpi_customer)"
        + "\nSELECT kpi_period, "
        + g.keys()
        + ","
        + " "
        + count("buyers", "kpi_orders >= 1")
        + ", "
        + count("repeaters", "kpi_orders >= 2")
        + ","
        + " sum(kpi_orders) AS orders,"
        + " "
        + d.sumExact("kpi_revenue")
        + " AS revenue, sum(kpi_blank) AS blank_amounts"
        + "\nFROM kpi_buyers GROUP BY kpi_period, "
        + g.keys();
  }

  /**
   * Per cohort period and group: the cohort's customers (kpi_later NULL) and those of them active
   * in each later period (or the cohort's own).
   *
   * @param periods the relation of the cohort periods in time order: kpi_q, kpi_start, kpi_last
   */
  String cohorts(String with, String periods, GroupCopies g) {
    String members =
        def.recurring()
            ? "SELECT * FROM kpi_in"
            : "SELECT "
                + g.keys()
                + ", kpi_customer, kpi_q FROM (SELECT "
                + g.keys()
                + ","
                + " kpi_customer, min(kpi_day) AS kpi_first FROM kpi_activity"
                + " GROUP BY "
                + g.keys()
                + ", kpi_customer) AS kpi_firsts JOIN "
                + periods
                + " ON kpi_first BETWEEN kpi_start AND kpi_last";
    return with
        + ",\nkpi_in AS (SELECT DISTINCT "
        + g.keys()
        + ", kpi_customer, kpi_q FROM kpi_activity"
        + " JOIN "
        + periods
        + " ON kpi_day BETWEEN kpi_start AND kpi_last),"
        + "\nkpi_members AS ("
        + members
        + ")"
        + "\nSELECT m.kpi_q AS kpi_cohort, a.kpi_q AS kpi_later, "
        + g.keys("m")
        + ","
        + " count(*) AS kpi_customers"
        + "\nFROM kpi_members AS m JOIN kpi_in AS a ON "
        + g.sameGroup("a", "m")
        + " AND a.kpi_customer = m.kpi_customer"
        + " AND a.kpi_q >= m.kpi_q"
        + "\nGROUP BY m.kpi_q, a.kpi_q, "
        + g.keys("m")
        + "\nUNION ALL SELECT kpi_q, NULL, "
        + g.keys()
        + ", count(*) FROM kpi_members"
        + " GROUP BY kpi_q, "
        + g.keys();
  }
}
