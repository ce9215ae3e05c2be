package dev.journeykpi.sql;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
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
  private final List<PeriodRowsSql.Quoted> quoted;
  private final PeriodGroups groups;
  private final SourceReach reach;

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
    if (kpi.time() != null && !columns.type(kpi.time()).isTemporal())
      throw new SqlRefused("time column '" + kpi.time() + "' is not a date");
    this.aggregates = template.aggregates(columns);
    this.quoted = template.quoted(columns);
    columns.where(kpi.where());
    this.groups = PeriodGroups.of(d, columns, kpi);
    this.reach = null;
  }

  private PeriodRowsQuery(PeriodRowsQuery q, SourceReach reach) {
    this.d = q.d;
    this.kpi = q.kpi;
    this.template = q.template;
    this.columns = q.columns;
    this.rows = q.rows;
    this.aggregates = q.aggregates;
    this.quoted = q.quoted;
    this.groups = q.groups;
    this.reach = reach;
  }

  /**
   * The same query, its rows without a time and last data day read from the source's reach,
   * measured once for all the run's KPIs ({@link SourceReach}), where it covers this KPI's rows and
   * time column; with a {@code where:}, the rows without a time are still counted by a query of
   * their own ({@link #untimedSql}).
   */
  public PeriodRowsQuery knowing(SourceReach reach) {
    return new PeriodRowsQuery(this, reach);
  }

  /**
   * The query over the given periods (each period's index is its number in the result), then the
   * queries of the texts the template's notes quote, each run only when a group has rows to quote.
   */
  @Override
  public String sql(List<Period> periods) {
    StringBuilder out = new StringBuilder(aggregatesSql(periods));
    for (PeriodRowsSql.Quoted l : quoted)
      out.append(";\n\n-- ")
          .append(l.name())
          .append(": run only when some group's ")
          .append(l.when())
          .append(" is above 0\n")
          .append(new QuotedTexts(d, columns, groups, l).sql(population(periods)));
    return out.toString();
  }

  /** The aggregates of every group of every period. */
  String aggregatesSql(List<Period> periods) {
    List<String> select = new ArrayList<>();
    select.add("kpi_period");
    select.addAll(groups.select());
    for (PeriodRowsSql.Aggregate a : aggregates)
      select.add(a.sql() + " AS " + d.quoteIdent(a.name()));
    return "SELECT "
        + String.join(",\n  ", select)
        + "\nFROM "
        + population(periods)
        + "\nGROUP BY "
        + groups.groupBy(List.of())
        + "\nORDER BY kpi_period";
  }

  /** The population's rows, each joined to every period it is dated in. */
  private String population(List<Period> periods) {
    return groups.datedIn(template.rows(rows, columns), periods);
  }

  /** The KPI's rows over the periods, from the engine. */
  @Override
  public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
      throws SQLException {
    // Each period's groups (a total's key names every column it adds up as (total)), with the
    // values of their aggregates.
    Map<Integer, Map<PeriodGroups.Key, Map<String, Object>>> read = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(aggregatesSql(periods))) {
      while (r.next()) {
        read.computeIfAbsent(r.getInt("kpi_period"), k -> new LinkedHashMap<>())
            .put(groups.key(r), row(r));
      }
    }
    Map<Integer, Map<PeriodGroups.Key, Map<String, List<String>>>> listed = new HashMap<>();
    for (PeriodRowsSql.Quoted l : quoted) {
      boolean any = false;
      for (var g : read.values())
        for (var row : g.values())
          any |= row.get(l.when()) instanceof Number c && c.longValue() > 0;
      if (any) new QuotedTexts(d, columns, groups, l).read(conn, population(periods), listed);
    }
    Map<Integer, Map<List<String>, Measure>> measured = new HashMap<>();
    Map<Integer, Measure> totals = new HashMap<>();
    read.forEach(
        (period, g) ->
            g.forEach(
                (key, row) -> {
                  Map<String, List<String>> texts =
                      listed.getOrDefault(period, Map.of()).getOrDefault(key, Map.of());
                  Measure m = template.measure(values(row, texts));
                  if (key.total()) totals.put(period, m);
                  else
                    measured
                        .computeIfAbsent(period, k -> new LinkedHashMap<>())
                        .put(key.labels(), m);
                }));
    int noTime = 0;
    LocalDate lastSeen = null;
    SourceReach.Column known =
        kpi.time() == null || reach == null || !reach.rows().equals(rows)
            ? null
            : reach.columns().get(kpi.time());
    if (known != null) {
      String where = columns.where(kpi.where());
      noTime =
          (int)
              (where.equals("TRUE")
                  ? known.blank()
                  : known.blank() == 0 ? 0 : SqlValues.count(conn, untimedCountSql(where)));
      lastSeen = known.last();
    } else if (kpi.time() != null) {
      try (Statement st = conn.createStatement();
          ResultSet r = st.executeQuery(untimedSql())) {
        r.next();
        noTime = (int) r.getLong(1);
        java.sql.Date day = r.getDate(2);
        lastSeen = day == null ? null : day.toLocalDate();
      }
    }
    int untimed = noTime;
    LocalDate last = lastSeen;
    Measure empty = template.measure(NONE);
    List<Period> ps = periods;
    return runner.overMeasuredPeriods(
        kpi,
        periods,
        new KpiRunner.MeasuredPeriods() {
          @Override
          public Map<List<String>, Measure> groups(Period p) {
            return measured.getOrDefault(ps.indexOf(p), Map.of());
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

  /**
   * The count of the population's rows without a time and the last day a row is dated on. Without a
   * {@code where:}, one scan. With one, two: the population's rows without a time are counted
   * apart, so that the engine can take the time test first (DuckDB pushes it to the scan) and types
   * the filter's columns only for those rows, not for every row: in one scan every row's status was
   * typed and lower-cased for a count of none (10M Parquet rows: 1.4 s → 0.6 s of CPU, issue 17).
   */
  String untimedSql() {
    String time = columns.ref(kpi.time());
    String last = d.cast("max(" + time + ")", Dialect.SqlType.DATE);
    String where = columns.where(kpi.where());
    if (where.equals("TRUE"))
      return "SELECT count(CASE WHEN "
          + time
          + " IS NULL THEN 1 END), "
          + last
          + " FROM "
          + rows
          + " AS kpi_rows";
    return "SELECT (SELECT count(*) FROM "
        + rows
        + " AS kpi_rows WHERE "
        + time
        + " IS NULL AND ("
        + where
        + ")), (SELECT "
        + last
        + " FROM "
        + rows
        + " AS kpi_rows)";
  }

  /**
   * The count of the population's rows without a time, the time test first (see {@link
   * #untimedSql}).
   */
  private String untimedCountSql(String where) {
    return "SELECT count(*) FROM "
        + rows
        + " AS kpi_rows WHERE "
        + columns.ref(kpi.time())
        + " IS NULL AND ("
        + where
        + ")";
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

  /** A result row's values by column label. */
  private static Map<String, Object> row(ResultSet r) throws SQLException {
    Map<String, Object> row = new HashMap<>();
    int n = r.getMetaData().getColumnCount();
    for (int i = 1; i <= n; i++) row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
    return row;
  }

  static PeriodRowsSql.Values values(ResultSet r) throws SQLException {
    return values(row(r), Map.of());
  }

  private static PeriodRowsSql.Values values(
      Map<String, Object> row, Map<String, List<String>> texts) {
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
      public List<String> texts(String name) {
        return texts.getOrDefault(name, List.of());
      }
    };
  }
}
