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
  private final List<PeriodRowsSql.Quoted> quoted;

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
    this.quoted = template.quoted(columns);
    columns.where(kpi.where());
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
          .append(quotedSql(l, periods));
    return out.toString();
  }

  /** The aggregates of every group of every period. */
  String aggregatesSql(List<Period> periods) {
    List<String> by = by();
    List<String> select = new ArrayList<>();
    select.add("kpi_period");
    for (int i = 0; i < by.size(); i++)
      select.add(
          GroupLabels.value(d, columns.type(kpi.by().get(i)), by.get(i)) + " AS kpi_group_" + i);
    // A bit per breakdown column, set where the row is a total over it (the period's total: all).
    select.add(level(by) + " AS kpi_level");
    for (PeriodRowsSql.Aggregate a : aggregates)
      select.add(a.sql() + " AS " + d.quoteIdent(a.name()));
    return "SELECT "
        + String.join(",\n  ", select)
        + "\nFROM "
        + population(periods)
        + "\nGROUP BY "
        + (by.isEmpty()
            ? "kpi_period"
            : "GROUPING SETS (" + String.join(", ", groupingSets(by, List.of())) + ")")
        + "\nORDER BY kpi_period";
  }

  private List<String> by() {
    List<String> by = new ArrayList<>();
    for (String b : kpi.by()) by.add(columns.ref(b));
    return by;
  }

  /**
   * The bits of the breakdown columns a row is a total over, the first column's the highest: one
   * GROUPING per column, since not every engine's GROUPING takes several.
   */
  private static String level(List<String> by) {
    if (by.isEmpty()) return "0";
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < by.size(); i++) {
      int bit = 1 << (by.size() - 1 - i);
      bits.add("GROUPING(" + by.get(i) + ")" + (bit == 1 ? "" : " * " + bit));
    }
    return bits.size() == 1 ? bits.get(0) : "(" + String.join(" + ", bits) + ")";
  }

  /** The population's rows, each joined to every period it is dated in. */
  private String population(List<Period> periods) {
    List<List<String>> ps = new ArrayList<>();
    String none = d.cast("NULL", Dialect.SqlType.TIMESTAMP);
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      boolean all = kpi.time() == null || p.grain() == Period.Grain.ALL;
      ps.add(
          List.of(
              String.valueOf(i),
              all ? "TRUE" : "FALSE",
              all ? none : d.timestamp(p.startTime()),
              all ? none : d.timestamp(p.endTime())));
    }
    String time =
        kpi.time() == null ? null : d.cast(columns.ref(kpi.time()), Dialect.SqlType.TIMESTAMP);
    return "(SELECT * FROM "
        + template.rows(rows, columns)
        + " AS kpi_rows WHERE "
        + columns.where(kpi.where())
        + ") AS kpi_population\nJOIN "
        + d.values("kpi_periods", List.of("kpi_period", "kpi_all", "kpi_from", "kpi_to"), ps)
        + "\n  ON kpi_all"
        + (time == null ? "" : " OR (" + time + " >= kpi_from AND " + time + " < kpi_to)");
  }

  /**
   * The groups measured: every breakdown column's combination, each upper level of a roll-up
   * (department, then department + team …), and the period's total; each with the columns {@code
   * more} too.
   */
  private List<String> groupingSets(List<String> by, List<String> more) {
    List<String> sets = new ArrayList<>();
    for (int depth : depths()) {
      List<String> set = new ArrayList<>(List.of("kpi_period"));
      set.addAll(by.subList(0, depth));
      set.addAll(more);
      sets.add("(" + String.join(", ", set) + ")");
    }
    return sets;
  }

  /** The breakdown columns each grouping set keeps, deepest first; 0 for the period's total. */
  private List<Integer> depths() {
    int n = kpi.by().size();
    List<Integer> out = new ArrayList<>();
    if (n > 0) for (int depth = kpi.rollup() ? 1 : n; depth <= n; depth++) out.add(depth);
    out.add(0);
    return out;
  }

  /**
   * The query of texts quoted: the first rows of each group (ranked in each grouping set by the
   * export's order), or each group's distinct labels counted.
   */
  String quotedSql(PeriodRowsSql.Quoted l, List<Period> periods) {
    List<String> by = by();
    List<String> labelled = new ArrayList<>();
    for (int i = 0; i < l.columns().size(); i++) {
      String c = l.columns().get(i);
      labelled.add(GroupLabels.value(d, columns.type(c), columns.ref(c)) + " AS kpi_text_" + i);
    }
    if (l.first() == 0) {
      // Each group's distinct values: the values grouped inside each grouping set.
      String value = columns.ref(l.columns().get(0));
      List<String> inner = new ArrayList<>(List.of("kpi_period"));
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < by.size(); i++) {
        inner.add(by.get(i) + " AS kpi_by_" + i);
        keys.add("kpi_by_" + i);
      }
      inner.add(value + " AS kpi_value");
      List<String> select = new ArrayList<>(List.of("kpi_period"));
      for (int i = 0; i < by.size(); i++)
        select.add(
            GroupLabels.value(d, columns.type(kpi.by().get(i)), keys.get(i))
                + " AS kpi_group_"
                + i);
      select.add(level(keys) + " AS kpi_level");
      select.add(
          GroupLabels.value(d, columns.type(l.columns().get(0)), "kpi_value") + " AS kpi_text_0");
      select.add("count(*) AS kpi_count");
      return "SELECT "
          + String.join(", ", select)
          + "\nFROM (SELECT "
          + String.join(", ", inner)
          + "\n  FROM "
          + population(periods)
          + "\n  WHERE "
          + l.condition()
          + ") AS kpi_listed\nGROUP BY "
          + (by.isEmpty()
              ? "kpi_period, kpi_value"
              : "GROUPING SETS ("
                  + String.join(", ", groupingSets(keys, List.of("kpi_value")))
                  + ")");
    }
    List<String> inner = new ArrayList<>(List.of("kpi_period", "kpi_record"));
    for (int i = 0; i < by.size(); i++)
      inner.add(
          GroupLabels.value(d, columns.type(kpi.by().get(i)), by.get(i)) + " AS kpi_group_" + i);
    inner.addAll(labelled);
    List<String> ranked = new ArrayList<>();
    // What comes back: not the record numbers (each engine numbers its rows its own way), only
    // their order.
    List<String> shown = new ArrayList<>(List.of("kpi_period"));
    for (int i = 0; i < by.size(); i++) shown.add("kpi_group_" + i);
    for (int i = 0; i < labelled.size(); i++) shown.add("kpi_text_" + i);
    List<Integer> depths = depths();
    for (int j = 0; j < depths.size(); j++) {
      List<String> partition = new ArrayList<>(List.of("kpi_period"));
      partition.addAll(by.subList(0, depths.get(j)));
      inner.add(
          "row_number() OVER (PARTITION BY "
              + String.join(", ", partition)
              + " ORDER BY kpi_record) AS kpi_rank_"
              + j);
      ranked.add("kpi_rank_" + j + " <= " + l.first());
      shown.add("kpi_rank_" + j);
    }
    return "SELECT "
        + String.join(", ", shown)
        + "\nFROM (SELECT "
        + String.join(", ", inner)
        + "\n  FROM "
        + population(periods)
        + "\n  WHERE "
        + l.condition()
        + ") AS kpi_listed\nWHERE "
        + String.join(" OR ", ranked)
        + "\nORDER BY kpi_period, kpi_record";
  }

  /** The KPI's rows over the periods, from the engine. */
  @Override
  public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
      throws SQLException {
    int n = kpi.by().size();
    // Each period's groups (a total's key names every column it adds up as (total)), with the
    // values of their aggregates.
    Map<Integer, Map<Group, Map<String, Object>>> read = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(aggregatesSql(periods))) {
      while (r.next()) {
        read.computeIfAbsent(r.getInt("kpi_period"), k -> new LinkedHashMap<>())
            .put(group(r, r.getInt("kpi_level"), n), row(r));
      }
    }
    Map<Integer, Map<Group, Map<String, List<String>>>> listed = new HashMap<>();
    for (PeriodRowsSql.Quoted l : quoted) {
      boolean any = false;
      for (var g : read.values())
        for (var row : g.values())
          any |= row.get(l.when()) instanceof Number c && c.longValue() > 0;
      if (any) list(conn, l, periods, listed);
    }
    Map<Integer, Map<List<String>, Measure>> groups = new HashMap<>();
    Map<Integer, Measure> totals = new HashMap<>();
    read.forEach(
        (period, g) ->
            g.forEach(
                (key, row) -> {
                  Map<String, List<String>> texts =
                      listed.getOrDefault(period, Map.of()).getOrDefault(key, Map.of());
                  Measure m = template.measure(values(row, texts));
                  if (key.level() == (1 << n) - 1) totals.put(period, m);
                  else
                    groups.computeIfAbsent(period, k -> new LinkedHashMap<>()).put(key.labels(), m);
                }));
    int noTime = 0;
    LocalDate lastSeen = null;
    if (kpi.time() != null) {
      // One scan for both, the time test first: the KPI's filter (a status typed and lower-cased)
      // is then computed only on the rows without a time, not on every row again (issue 17).
      String time = columns.ref(kpi.time());
      try (Statement st = conn.createStatement();
          ResultSet r =
              st.executeQuery(
                  "SELECT count(CASE WHEN "
                      + time
                      + " IS NULL AND ("
                      + columns.where(kpi.where())
                      + ") THEN 1 END), "
                      + d.cast("max(" + time + ")", Dialect.SqlType.DATE)
                      + " FROM "
                      + rows
                      + " AS kpi_rows")) {
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

  /** A group of a period's result: the bits of the columns it is a total over, and its labels. */
  private record Group(int level, List<String> labels) {}

  /** A result row's group: its breakdown labels, (total) for each column it adds up. */
  private Group group(ResultSet r, int level, int n) throws SQLException {
    List<String> key = new ArrayList<>(n);
    for (int i = 0; i < n; i++)
      key.add(
          (level & (1 << (n - 1 - i))) != 0
              ? ResultRow.TOTAL
              : GroupLabels.label(columns.type(kpi.by().get(i)), r.getObject("kpi_group_" + i)));
    return new Group(level, List.copyOf(key));
  }

  /** Quoted texts, added to each group's ({@code listed}: by period, then group). */
  private void list(
      Connection conn,
      PeriodRowsSql.Quoted l,
      List<Period> periods,
      Map<Integer, Map<Group, Map<String, List<String>>>> listed)
      throws SQLException {
    int n = kpi.by().size();
    List<Integer> depths = depths();
    // A tally's counts per label: two values can have one label (a NULL and an empty text).
    Map<Integer, Map<Group, Map<String, Long>>> counts = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(quotedSql(l, periods))) {
      while (r.next()) {
        int period = r.getInt("kpi_period");
        if (l.first() == 0) {
          String label =
              GroupLabels.label(columns.type(l.columns().get(0)), r.getObject("kpi_text_0"));
          counts
              .computeIfAbsent(period, k -> new HashMap<>())
              .computeIfAbsent(group(r, r.getInt("kpi_level"), n), k -> new LinkedHashMap<>())
              .merge(label, r.getLong("kpi_count"), Long::sum);
          continue;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < l.columns().size(); i++)
          labels.add(
              GroupLabels.label(columns.type(l.columns().get(i)), r.getObject("kpi_text_" + i)));
        String text = String.join("\u0000", labels);
        // The row is among the first of each grouping set's group where its rank is small enough.
        for (int j = 0; j < depths.size(); j++) {
          if (r.getLong("kpi_rank_" + j) > l.first()) continue;
          int level = (1 << (n - depths.get(j))) - 1;
          listed
              .computeIfAbsent(period, k -> new HashMap<>())
              .computeIfAbsent(group(r, level, n), k -> new HashMap<>())
              .computeIfAbsent(l.name(), k -> new ArrayList<>())
              .add(text);
        }
      }
    }
    counts.forEach(
        (period, g) ->
            g.forEach(
                (group, c) -> {
                  List<String> texts =
                      listed
                          .computeIfAbsent(period, k -> new HashMap<>())
                          .computeIfAbsent(group, k -> new HashMap<>())
                          .computeIfAbsent(l.name(), k -> new ArrayList<>());
                  c.forEach((label, count) -> texts.add(label + "\u0000" + count));
                }));
  }

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
