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
 * <p>Breakdowns by any columns but durations, several of them, with {@code rollup} ({@link
 * PeriodGroups}); groups from another source as declared groups, read by the engine.
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
  private final PeriodGroups groups;

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
    for (String e : edges)
      if (!columns.type(e).isTemporal()) throw new SqlRefused("column '" + e + "' is not a date");
    this.aggregates = template.aggregates(columns);
    columns.where(kpi.where());
    this.groups = PeriodGroups.withOneColumnNames(d, columns, kpi);
  }

  /** A column of the rows as a TIMESTAMP (a date at its midnight), to compare with the edges. */
  public static String time(SqlColumns c, String column) {
    return c.type(column) == ValueType.DATE
        ? c.dialect().cast(c.ref(column), Dialect.SqlType.TIMESTAMP)
        : c.ref(column);
  }

  @Override
  public String sql(List<Period> periods) {
    List<String> select = new ArrayList<>();
    select.add("kpi_period");
    select.addAll(groups.select());
    for (PeriodRowsSql.Aggregate a : aggregates)
      select.add(a.sql() + " AS " + d.quoteIdent(a.name()));
    return "SELECT "
        + String.join(",\n  ", select)
        + "\nFROM "
        + groups.inEvery(rows, periods)
        + "\nGROUP BY "
        + groups.groupBy(List.of())
        + "\nORDER BY kpi_period";
  }

  @Override
  public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
      throws SQLException {
    Map<Integer, Map<List<String>, Measure>> measured = new HashMap<>();
    Map<Integer, Measure> totals = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql(periods))) {
      while (r.next()) {
        int period = r.getInt("kpi_period");
        Measure m = template.measure(PeriodRowsQuery.values(r), periods.get(period));
        PeriodGroups.Key key = groups.key(r);
        if (key.total()) totals.put(period, m);
        else measured.computeIfAbsent(period, k -> new LinkedHashMap<>()).put(key.labels(), m);
      }
    }
    LocalDate last = lastDay(conn);
    return runner.atMeasuredEdges(
        kpi,
        periods,
        new KpiRunner.MeasuredEdges() {
          @Override
          public Map<List<String>, Measure> groups(Period p) {
            return measured.getOrDefault(periods.indexOf(p), Map.of());
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
