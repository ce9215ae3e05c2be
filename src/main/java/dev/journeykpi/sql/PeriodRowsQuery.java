package dev.journeykpi.sql;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
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
 * One KPI of a type measured over the rows dated in each period, as one SQL query: the population
 * ({@code where:}) joined to a table of the periods, grouped by period and breakdown with the
 * period's total as a grouping set, each group's aggregates from the type's template. The rows are
 * then built by {@link KpiRunner#overMeasuredPeriods}, the Tablesaw path's own code for groups in
 * display order, declared groups, targets, notes and coverage.
 *
 * <p>Breakdowns by any columns but durations, several of them, with {@code rollup} (each upper
 * level a grouping set); a {@code time:} column or none.
 */
public final class PeriodRowsQuery implements KpiQuery {
  private final Dialect d;
  private final KpiDef kpi;
  private final PeriodRowsSql template;
  private final SqlColumns columns;
  private final String rows;
  private final List<PeriodRowsSql.Aggregate> aggregates;

  /**
   * @param rows the relation of the source's used rows ({@link SourceRelations#rows})
   * @throws SqlRefused for a part of the KPI not compiled yet
   */
  public PeriodRowsQuery(
      Dialect d, KpiDef kpi, SourceDef source, PeriodRowsSql template, String rows) {
    this(d, kpi, source, template, rows, null);
  }

  /**
   * @param calendar the definition's business calendar (null: business time is refused)
   */
  public PeriodRowsQuery(
      Dialect d,
      KpiDef kpi,
      SourceDef source,
      PeriodRowsSql template,
      String rows,
      dev.journeykpi.calc.BusinessCalendar calendar) {
    this.d = d;
    this.kpi = kpi;
    this.template = template;
    this.columns = new SqlColumns(d, source, calendar);
    this.rows = rows;
    if (kpi.groupsFrom() != null)
      throw new SqlRefused(
          "groups from another source's data (groups: { source: "
              + kpi.groupsFrom().source()
              + " })");
    for (String b : kpi.by())
      if (columns.type(b) == ValueType.DURATION)
        throw new SqlRefused("a breakdown by a duration column (" + b + ")");
    if (kpi.time() != null && !columns.type(kpi.time()).isTemporal())
      throw new SqlRefused("time column '" + kpi.time() + "' is not a date");
    this.aggregates = template.aggregates(columns);
    columns.where(kpi.where());
  }

  /** The query over the given periods (each period's index is its number in the result). */
  @Override
  public String sql(List<Period> periods) {
    List<List<String>> ps = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      boolean all = kpi.time() == null || p.grain() == Period.Grain.ALL;
      ps.add(
          List.of(
              String.valueOf(i),
              all ? "TRUE" : "FALSE",
              all ? "NULL::TIMESTAMP" : d.timestamp(p.startTime()),
              all ? "NULL::TIMESTAMP" : d.timestamp(p.endTime())));
    }
    String time = kpi.time() == null ? null : "CAST(" + columns.ref(kpi.time()) + " AS TIMESTAMP)";
    List<String> by = new ArrayList<>();
    for (String b : kpi.by()) by.add(columns.ref(b));
    List<String> select = new ArrayList<>();
    select.add("kpi_period");
    for (int i = 0; i < by.size(); i++)
      select.add(
          GroupLabels.value(d, columns.type(kpi.by().get(i)), by.get(i)) + " AS kpi_group_" + i);
    // A bit per breakdown column, set where the row is a total over it (the period's total: all).
    select.add(
        by.isEmpty() ? "0 AS kpi_level" : "GROUPING(" + String.join(", ", by) + ") AS kpi_level");
    for (PeriodRowsSql.Aggregate a : aggregates)
      select.add(a.sql() + " AS " + d.quoteIdent(a.name()));
    return "SELECT "
        + String.join(",\n  ", select)
        + "\nFROM (SELECT * FROM "
        + template.rows(rows, columns)
        + " WHERE "
        + columns.where(kpi.where())
        + ") AS kpi_population\nJOIN "
        + d.values("kpi_periods", List.of("kpi_period", "kpi_all", "kpi_from", "kpi_to"), ps)
        + "\n  ON kpi_all"
        + (time == null ? "" : " OR (" + time + " >= kpi_from AND " + time + " < kpi_to)")
        + "\nGROUP BY "
        + (by.isEmpty()
            ? "kpi_period"
            : "GROUPING SETS (" + String.join(", ", groupingSets(by)) + ")")
        + "\nORDER BY kpi_period";
  }

  /**
   * The groups measured: every breakdown column's combination, each upper level of a roll-up
   * (department, then department + team …), and the period's total.
   */
  private List<String> groupingSets(List<String> by) {
    List<String> sets = new ArrayList<>();
    for (int depth = kpi.rollup() ? 1 : by.size(); depth <= by.size(); depth++)
      sets.add("(kpi_period, " + String.join(", ", by.subList(0, depth)) + ")");
    sets.add("(kpi_period)");
    return sets;
  }

  /** The KPI's rows over the periods, from the engine. */
  @Override
  public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
      throws SQLException {
    Map<Integer, Map<List<String>, Measure>> groups = new HashMap<>();
    Map<Integer, Measure> totals = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql(periods))) {
      while (r.next()) {
        int period = r.getInt("kpi_period");
        Measure m = template.measure(values(r));
        int level = r.getInt("kpi_level");
        int n = kpi.by().size();
        if (level == (1 << n) - 1) {
          totals.put(period, m);
        } else {
          // A roll-up's subtotal names the columns it adds up as (total), as the default engine.
          List<String> key = new ArrayList<>(n);
          for (int i = 0; i < n; i++)
            key.add(
                (level & (1 << (n - 1 - i))) != 0
                    ? ResultRow.TOTAL
                    : GroupLabels.label(
                        columns.type(kpi.by().get(i)), r.getObject("kpi_group_" + i)));
          groups.computeIfAbsent(period, k -> new LinkedHashMap<>()).put(List.copyOf(key), m);
        }
      }
    }
    int untimed =
        kpi.time() == null
            ? 0
            : (int)
                SqlValues.count(
                    conn,
                    "SELECT count(*) FROM "
                        + rows
                        + " WHERE "
                        + columns.where(kpi.where())
                        + " AND "
                        + columns.ref(kpi.time())
                        + " IS NULL");
    LocalDate last = kpi.time() == null ? null : lastDay(conn);
    Measure empty = template.measure(NONE);
    List<Period> ps = periods;
    return runner.overMeasuredPeriods(
        kpi,
        periods,
        new KpiRunner.MeasuredPeriods() {
          @Override
          public Map<List<String>, Measure> groups(Period p) {
            return groups.getOrDefault(ps.indexOf(p), Map.of());
          }

          @Override
          public Measure total(Period p) {
            return totals.getOrDefault(ps.indexOf(p), empty);
          }

          @Override
          public Measure empty() {
            return empty;
          }

          @Override
          public int untimed() {
            return untimed;
          }

          @Override
          public LocalDate lastDataDay() {
            return last;
          }
        });
  }

  private LocalDate lastDay(Connection conn) throws SQLException {
    return SqlValues.day(
        conn, "SELECT CAST(max(" + columns.ref(kpi.time()) + ") AS DATE) FROM " + rows);
  }

  /** The values of no rows: every count 0, every number absent. */
  static final PeriodRowsSql.Values NONE =
      new PeriodRowsSql.Values() {
        @Override
        public long count(String name) {
          return 0;
        }

        @Override
        public Double number(String name) {
          return null;
        }

        @Override
        public List<String> texts(String name) {
          return List.of();
        }
      };

  static PeriodRowsSql.Values values(ResultSet r) throws SQLException {
    Map<String, Object> row = new HashMap<>();
    int n = r.getMetaData().getColumnCount();
    for (int i = 1; i <= n; i++) {
      Object v = r.getObject(i);
      if (v instanceof java.sql.Array a) {
        List<String> texts = new ArrayList<>();
        for (Object x : (Object[]) a.getArray()) texts.add(String.valueOf(x));
        v = texts;
      }
      row.put(r.getMetaData().getColumnLabel(i), v);
    }
    return new PeriodRowsSql.Values() {
      @Override
      public long count(String name) {
        Object v = row.get(name);
        return v == null ? 0 : ((Number) v).longValue();
      }

      @Override
      public Double number(String name) {
        Object v = row.get(name);
        return v == null ? null : ((Number) v).doubleValue();
      }

      @Override
      @SuppressWarnings("unchecked")
      public List<String> texts(String name) {
        Object v = row.get(name);
        return v == null ? List.of() : (List<String>) v;
      }
    };
  }
}
