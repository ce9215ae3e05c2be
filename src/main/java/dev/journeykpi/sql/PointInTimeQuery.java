package dev.journeykpi.sql;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One KPI judged at the edges of each period over every row of its population (backlog, turnover),
 * as one SQL query: the population ({@code where:}) crossed with a table of the periods, so that
 * every row takes part in every period and every breakdown group of the population is in every
 * period (as {@link KpiRunner#atPointInTime} groups them), grouped by period and breakdown with the
 * period's total as a grouping set. The type's aggregates read the period's edges as {@code
 * kpi_from} and {@code kpi_to} (TIMESTAMPs; NULL for all time, when {@code kpi_all} is TRUE). The
 * rows are built by {@link KpiRunner#atMeasuredEdges}, the Tablesaw path's own code.
 *
 * <p>Compiled so far: one breakdown column of text at most, without {@code rollup}.
 */
public final class PointInTimeQuery implements KpiQuery {
  /** What a point-in-time type compiles: its aggregates and the measure they make. */
  public interface Template {
    /** The aggregates over a group's rows, each named; may throw {@link SqlRefused}. */
    List<PeriodRowsSql.Aggregate> aggregates(SqlColumns c);

    /** The group's measure in the period from the aggregates' values. */
    Measure measure(PeriodRowsSql.Values v, Period p);
  }

  private final Dialect d;
  private final KpiDef kpi;
  private final Template template;
  private final SqlColumns columns;
  private final String rows;
  private final List<String> edges;
  private final List<PeriodRowsSql.Aggregate> aggregates;

  /**
   * @param edges the columns whose latest value flags a period as incomplete (start and end)
   * @throws SqlRefused for a part of the KPI not compiled yet
   */
  public PointInTimeQuery(SqlSource source, List<String> edges, Template template) {
    this.d = source.dialect();
    this.kpi = source.kpi();
    this.template = template;
    this.columns = source.columns();
    this.rows = source.rows();
    this.edges = edges;
    source.requireOneTextBreakdown();
    for (String e : edges)
      if (!columns.type(e).isTemporal()) throw new SqlRefused("column '" + e + "' is not a date");
    this.aggregates = template.aggregates(columns);
    columns.where(kpi.where());
  }

  /** A column of the rows as a TIMESTAMP (a date at its midnight), to compare with the edges. */
  public static String time(SqlColumns c, String column) {
    return c.type(column) == ValueType.DATE
        ? c.dialect().cast(c.ref(column), Dialect.SqlType.TIMESTAMP)
        : c.ref(column);
  }

  @Override
  public String sql(List<Period> periods) {
    List<List<String>> ps = new ArrayList<>();
    String none = d.cast("NULL", Dialect.SqlType.TIMESTAMP);
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      boolean all = p.grain() == Period.Grain.ALL;
      ps.add(
          List.of(
              String.valueOf(i),
              all ? "TRUE" : "FALSE",
              all ? none : d.timestamp(p.startTime()),
              all ? none : d.timestamp(p.endTime())));
    }
    String by = kpi.by().isEmpty() ? null : columns.ref(kpi.by().get(0));
    List<String> select = new ArrayList<>();
    select.add("kpi_period");
    select.add(by == null ? "NULL AS kpi_group" : by + " AS kpi_group");
    select.add(by == null ? "1 AS kpi_total" : "GROUPING(" + by + ") AS kpi_total");
    for (PeriodRowsSql.Aggregate a : aggregates)
      select.add(a.sql() + " AS " + d.quoteIdent(a.name()));
    return "SELECT "
        + String.join(",\n  ", select)
        + "\nFROM (SELECT * FROM "
        + rows
        + " AS kpi_rows WHERE "
        + columns.where(kpi.where())
        + ") AS kpi_population\nCROSS JOIN "
        + d.values("kpi_periods", List.of("kpi_period", "kpi_all", "kpi_from", "kpi_to"), ps)
        + "\nGROUP BY "
        + (by == null ? "kpi_period" : "GROUPING SETS ((kpi_period, " + by + "), (kpi_period))")
        + "\nORDER BY kpi_period";
  }

  @Override
  public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
      throws SQLException {
    Map<Integer, Map<List<String>, Measure>> groups = new HashMap<>();
    Map<Integer, Measure> totals = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql(periods))) {
      while (r.next()) {
        int period = r.getInt("kpi_period");
        Measure m = template.measure(PeriodRowsQuery.values(r), periods.get(period));
        if (r.getInt("kpi_total") == 1) {
          totals.put(period, m);
        } else {
          String label = r.getString("kpi_group");
          groups
              .computeIfAbsent(period, k -> new LinkedHashMap<>())
              .put(List.of(label == null ? ResultRow.BLANK : label), m);
        }
      }
    }
    LocalDate last = lastDay(conn);
    return runner.atMeasuredEdges(
        kpi,
        periods,
        new KpiRunner.MeasuredEdges() {
          @Override
          public Map<List<String>, Measure> groups(Period p) {
            return groups.getOrDefault(periods.indexOf(p), Map.of());
          }

          @Override
          public Measure total(Period p) {
            Measure m = totals.get(periods.indexOf(p));
            return m == null ? empty(p) : m;
          }

          @Override
          public Measure empty(Period p) {
            return template.measure(PeriodRowsQuery.NONE, p);
          }

          @Override
          public LocalDate lastDataDay() {
            return last;
          }
        });
  }

  /** The day of the latest value in any of the edge columns over the source's rows, or null. */
  private LocalDate lastDay(Connection conn) throws SQLException {
    List<String> each = new ArrayList<>();
    for (String e : edges)
      each.add("SELECT max(" + time(columns, e) + ") AS kpi_t FROM " + rows + " AS kpi_rows");
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + d.cast("max(kpi_t)", Dialect.SqlType.DATE)
                    + " FROM ("
                    + String.join(" UNION ALL ", each)
                    + ") AS kpi_edges")) {
      r.next();
      java.sql.Date day = r.getDate(1);
      return day == null ? null : day.toLocalDate();
    }
  }
}
