package dev.journeykpi.types.customers;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.GroupCopies;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlValues;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customers KPI compiled by {@link CustomersSql}: up to three statements (the groups and their
 * rows that are not activity; the period counts — states, or orders and revenue, or cohorts), whose
 * small results become each group's {@link CustomerCounts}, measured by the default engine's {@link
 * CustomerMeasurer#rows} and laid out by {@link KpiRunner#overWholeHistory}.
 */
final class CustomersQuery implements KpiQuery {
  private final CustomerDef def;
  private final KpiDef kpi;
  private final String rows;
  private final SqlColumns columns;
  private final CustomersSql sql;
  private final String with;
  private final GroupCopies groups;

  CustomersQuery(CustomerDef def, KpiDef kpi, String rows, SqlColumns columns, CustomersSql sql) {
    this.def = def;
    this.kpi = kpi;
    this.rows = rows;
    this.columns = columns;
    this.sql = sql;
    this.with = CustomersSql.with(kpi, def, rows, columns);
    this.groups = new GroupCopies(columns.dialect(), columns, kpi);
  }

  /** The periods counted: those with a grain (a customers KPI over all time needs a period). */
  private static List<Period> dated(List<Period> periods) {
    return periods.stream().filter(p -> p.grain() != Period.Grain.ALL).toList();
  }

  /** Every cohort period of the reported periods, in time order, once each. */
  private List<Period> cohortPeriods(List<Period> periods) {
    Set<Period> all =
        new TreeSet<>(
            java.util.Comparator.comparing(Period::start).thenComparing(Period::endExclusive));
    for (Period p : dated(periods)) all.addAll(p.lastN(def.cohorts()));
    return new ArrayList<>(all);
  }

  private static long day(LocalDate d) {
    return d.toEpochDay();
  }

  private String periodTable(List<Period> ps) {
    Dialect d = columns.dialect();
    List<List<String>> values = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Period p = ps.get(i);
      values.add(
          List.of(
              String.valueOf(i),
              String.valueOf(day(p.start())),
              String.valueOf(day(p.endExclusive()) - 1),
              String.valueOf(day(p.previous().start()))));
    }
    return d.values(
        "kpi_periods", List.of("kpi_period", "kpi_start", "kpi_last", "kpi_prev_start"), values);
  }

  private String cohortTable(List<Period> qs) {
    List<List<String>> values = new ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      Period q = qs.get(i);
      values.add(
          List.of(
              String.valueOf(i),
              String.valueOf(day(q.start())),
              String.valueOf(day(q.endExclusive()) - 1)));
    }
    return columns
        .dialect()
        .values("kpi_cohort_periods", List.of("kpi_q", "kpi_start", "kpi_last"), values);
  }

  /** The statements, each a query; the period counts only when a period has a grain. */
  private List<String> statements(List<Period> periods) {
    List<String> out = new ArrayList<>();
    out.add(CustomersSql.groups(with, groups));
    if (dated(periods).isEmpty()) return out;
    if (def.measure() == CustomerDef.Measure.COHORT) {
      out.add(sql.cohorts(with, cohortTable(cohortPeriods(periods)), groups));
    } else {
      String table = periodTable(dated(periods));
      out.add(sql.states().states(with, table, columns, groups));
      if (sql.countsOrders()) out.add(sql.orders(with, table, columns.dialect(), groups));
    }
    return out;
  }

  @Override
  public String sql(List<Period> periods) {
    return String.join(";\n\n", statements(periods));
  }

  /** A period's (or cohort pair's) counts of a group (its labels: {@link GroupCopies#key}). */
  private record At(int period, int later, List<String> group) {}

  @Override
  public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
      throws SQLException {
    List<String> st = statements(periods);
    Map<List<String>, int[]> leftOut = new HashMap<>();
    try (Statement s = conn.createStatement();
        ResultSet r = s.executeQuery(st.get(0))) {
      while (r.next()) {
        leftOut.put(
            groups.key(r), new int[] {r.getInt("kpi_no_customer"), r.getInt("kpi_no_date")});
      }
    }
    Map<At, Map<String, Number>> counts = new HashMap<>();
    for (int i = 1; i < st.size(); i++) {
      try (Statement s = conn.createStatement();
          ResultSet r = s.executeQuery(st.get(i))) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          At at =
              def.measure() == CustomerDef.Measure.COHORT
                  ? new At(
                      r.getInt("kpi_cohort"),
                      r.getObject("kpi_later") == null ? -1 : r.getInt("kpi_later"),
                      groups.key(r))
                  : new At(r.getInt("kpi_period"), -1, groups.key(r));
          Map<String, Number> values = counts.computeIfAbsent(at, x -> new HashMap<>());
          for (int c = 1; c <= n; c++) {
            Object v = r.getObject(c);
            if (v instanceof Number x) values.put(r.getMetaData().getColumnLabel(c), x);
          }
        }
      }
    }
    List<Period> dated = dated(periods);
    List<Period> cohorts = cohortPeriods(periods);
    List<List<String>> keys = runner.keysInDisplayOrder(kpi, leftOut.keySet());
    CustomerMeasurer measurer = new CustomerMeasurer(def, kpi.time(), runner.calendar());
    List<CustomerCounts> byGroup = new ArrayList<>();
    // A declared group without rows has no counts: 0 everywhere.
    for (List<String> key : keys) byGroup.add(counted(key, leftOut, counts, dated, cohorts));
    return runner.overWholeHistory(
        kpi,
        periods,
        measurer.dimensions(),
        keys,
        lastDay(conn),
        (g, p) -> measurer.rows(byGroup.get(g), p));
  }

  /** A group's counts from the query results (0 where the query had no row). */
  private static CustomerCounts counted(
      List<String> g,
      Map<List<String>, int[]> leftOut,
      Map<At, Map<String, Number>> counts,
      List<Period> dated,
      List<Period> cohorts) {
    int[] out = leftOut.getOrDefault(g, new int[2]);
    return new CustomerCounts() {
      private Map<String, Number> at(int period, int later) {
        return counts.getOrDefault(new At(period, later, g), Map.of());
      }

      private int n(Map<String, Number> v, String name) {
        Number x = v.get(name);
        return x == null ? 0 : x.intValue();
      }

      @Override
      public int noCustomer() {
        return out[0];
      }

      @Override
      public int noDate() {
        return out[1];
      }

      @Override
      public Single single(Period p) {
        Map<String, Number> v = at(dated.indexOf(p), -1);
        Number revenue = v.get("revenue");
        return new Single(
            n(v, "s"),
            n(v, "e"),
            n(v, "n"),
            n(v, "n_end"),
            n(v, "churned"),
            n(v, "dormant_start"),
            n(v, "reactivated_start"),
            n(v, "reactivations"),
            n(v, "dormant_end"),
            n(v, "buyers"),
            n(v, "repeaters"),
            n(v, "orders"),
            revenue == null ? 0.0 : revenue.doubleValue(),
            n(v, "blank_amounts"));
      }

      @Override
      public Lifecycle lifecycle(Period p) {
        Map<String, Number> v = at(dated.indexOf(p), -1);
        return new Lifecycle(
            n(v, "life_new"),
            n(v, "life_returning"),
            n(v, "life_resurrecting"),
            n(v, "life_dormant"));
      }

      @Override
      public int cohortSize(Period cohort) {
        return n(at(cohorts.indexOf(cohort), -1), "kpi_customers");
      }

      @Override
      public int retained(Period cohort, Period later) {
        return n(at(cohorts.indexOf(cohort), cohorts.indexOf(later)), "kpi_customers");
      }
    };
  }

  /** The last day of the KPI's time column over the source's rows, as the default engine's. */
  private LocalDate lastDay(Connection conn) throws SQLException {
    return SqlValues.day(
        conn,
        "SELECT "
            + columns.dialect().cast("max(" + columns.ref(kpi.time()) + ")", Dialect.SqlType.DATE)
            + " FROM "
            + rows);
  }
}
