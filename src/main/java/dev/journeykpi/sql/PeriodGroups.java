package dev.journeykpi.sql;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period × breakdown part shared by the queries that measure a KPI per period and group ({@link
 * PeriodRowsQuery}, {@link PointInTimeQuery}, the score type's query): the table of the periods and
 * how the population meets it, the breakdown columns' values and level as returned, and the GROUP
 * BY — the period alone without a breakdown, else GROUPING SETS: every combination of the {@code
 * by:} columns, each upper level of a roll-up (department, then department + team …), and the
 * period's total. GROUPING SETS and GROUPING (one column per call) are spelled alike on every
 * dialect kpi prints.
 *
 * <p>The level of a row is a bit per breakdown column, the first column's the highest, set where
 * the row is a total over that column: a NULL the data has and the NULL of a total are told apart
 * by it, never by the value. Each group's label is the default engine's ({@link GroupLabels}), so
 * that a blank is {@link ResultRow#BLANK} and a number, a date or a yes/no reads as on Tablesaw.
 */
public final class PeriodGroups {
  private final Dialect d;
  private final SqlColumns columns;
  private final KpiDef kpi;
  private final List<String> by;
  private final boolean oneColumnNames;

  private PeriodGroups(Dialect d, SqlColumns columns, KpiDef kpi, boolean oneColumnNames) {
    this.d = d;
    this.columns = columns;
    this.kpi = kpi;
    List<String> refs = new ArrayList<>();
    for (String b : kpi.by()) refs.add(columns.ref(b));
    this.by = List.copyOf(refs);
    this.oneColumnNames = oneColumnNames && !kpi.rollup() && kpi.by().size() <= 1;
  }

  /** The groups of a KPI, returned as {@code kpi_group_0 …} with their {@code kpi_level}. */
  public static PeriodGroups of(Dialect d, SqlColumns columns, KpiDef kpi) {
    return new PeriodGroups(d, columns, kpi, false);
  }

  /**
   * The same groups, a KPI with one breakdown column or none (without roll-up) returning its group
   * as {@code kpi_group} and whether the row is the period's total as {@code kpi_total}: the names
   * backlog, turnover and score printed before they took several columns, kept so that the SQL of a
   * definition a team already schedules stays the same bytes.
   */
  public static PeriodGroups withOneColumnNames(Dialect d, SqlColumns columns, KpiDef kpi) {
    return new PeriodGroups(d, columns, kpi, true);
  }

  /** The breakdown columns' references. */
  public List<String> columns() {
    return by;
  }

  /**
   * The population: the KPI's {@code where:} over the relation {@code rows}, as {@code
   * kpi_population}.
   */
  public String population(String rows) {
    return "(SELECT * FROM "
        + rows
        + " AS kpi_rows WHERE "
        + columns.where(kpi.where())
        + ") AS kpi_population";
  }

  /**
   * The table of the periods: {@code kpi_period} (the period's index), {@code kpi_all} (TRUE for
   * all time, or for every period when {@code dated} is false), {@code kpi_from} and {@code kpi_to}
   * (TIMESTAMPs; NULL when {@code kpi_all}).
   */
  public String periods(List<Period> periods, boolean dated) {
    List<List<String>> ps = new ArrayList<>();
    String none = d.cast("NULL", Dialect.SqlType.TIMESTAMP);
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      boolean all = !dated || p.grain() == Period.Grain.ALL;
      ps.add(
          List.of(
              String.valueOf(i),
              all ? "TRUE" : "FALSE",
              all ? none : d.timestamp(p.startTime()),
              all ? none : d.timestamp(p.endTime())));
    }
    return d.values("kpi_periods", List.of("kpi_period", "kpi_all", "kpi_from", "kpi_to"), ps);
  }

  /**
   * The population's rows each joined to every period its {@code time:} column dates it in (every
   * period without a time column).
   */
  public String datedIn(String rows, List<Period> periods) {
    String time =
        kpi.time() == null ? null : d.cast(columns.ref(kpi.time()), Dialect.SqlType.TIMESTAMP);
    return population(rows)
        + "\nJOIN "
        + periods(periods, kpi.time() != null)
        + "\n  ON kpi_all"
        + (time == null ? "" : " OR (" + time + " >= kpi_from AND " + time + " < kpi_to)");
  }

  /** The population's rows each in every period (judged at the period's edges). */
  public String inEvery(String rows, List<Period> periods) {
    return population(rows) + "\nCROSS JOIN " + periods(periods, true);
  }

  /** The SELECT items of a row's group: each column's value as returned, and the row's level. */
  public List<String> select() {
    List<String> out = new ArrayList<>();
    if (oneColumnNames) {
      out.add(by.isEmpty() ? "NULL AS kpi_group" : value(0, by.get(0)) + " AS kpi_group");
      out.add(by.isEmpty() ? "1 AS kpi_total" : "GROUPING(" + by.get(0) + ") AS kpi_total");
      return out;
    }
    for (int i = 0; i < by.size(); i++) out.add(value(i, by.get(i)) + " AS kpi_group_" + i);
    out.add(level(by) + " AS kpi_level");
    return out;
  }

  /** Breakdown column i's value in {@code expr}, as it is returned to be labelled. */
  public String value(int i, String expr) {
    return GroupLabels.value(d, columns.type(kpi.by().get(i)), expr);
  }

  /**
   * The bits of the breakdown columns ({@code cols}: the columns as grouped) a row is a total over:
   * one GROUPING per column, since not every engine's GROUPING takes several.
   */
  public static String level(List<String> cols) {
    if (cols.isEmpty()) return "0";
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      int bit = 1 << (cols.size() - 1 - i);
      bits.add("GROUPING(" + cols.get(i) + ")" + (bit == 1 ? "" : " * " + bit));
    }
    return bits.size() == 1 ? bits.get(0) : "(" + String.join(" + ", bits) + ")";
  }

  /**
   * The GROUP BY's list (without the keywords) over the breakdown columns, each with {@code more}.
   */
  public String groupBy(List<String> more) {
    return groupBy(by, more);
  }

  /**
   * The GROUP BY's list over {@code cols} (the breakdown columns as a subquery names them), each
   * group with the columns {@code more} too.
   */
  public String groupBy(List<String> cols, List<String> more) {
    if (cols.isEmpty()) {
      List<String> all = new ArrayList<>(List.of("kpi_period"));
      all.addAll(more);
      return String.join(", ", all);
    }
    List<String> sets = new ArrayList<>();
    for (int depth : depths()) {
      List<String> set = new ArrayList<>(List.of("kpi_period"));
      set.addAll(cols.subList(0, depth));
      set.addAll(more);
      sets.add("(" + String.join(", ", set) + ")");
    }
    return "GROUPING SETS (" + String.join(", ", sets) + ")";
  }

  /** The breakdown columns each grouping set keeps, deepest first; 0 for the period's total. */
  public List<Integer> depths() {
    int n = kpi.by().size();
    List<Integer> out = new ArrayList<>();
    if (n > 0) for (int depth = kpi.rollup() ? 1 : n; depth <= n; depth++) out.add(depth);
    out.add(0);
    return out;
  }

  /** The level of a grouping set that keeps the first {@code depth} columns. */
  public int levelOf(int depth) {
    return (1 << (kpi.by().size() - depth)) - 1;
  }

  /** A group of a period's result: the bits of the columns it is a total over, and its labels. */
  public record Key(int level, List<String> labels, boolean total) {}

  /** The group of a result row, by the level it returned ({@link #select}). */
  public Key key(ResultSet r) throws SQLException {
    if (oneColumnNames) return key(r, by.isEmpty() || r.getInt("kpi_total") == 1 ? levelOf(0) : 0);
    return key(r, r.getInt("kpi_level"));
  }

  /** The group of a result row at a level: its labels, (total) for each column it adds up. */
  public Key key(ResultSet r, int level) throws SQLException {
    int n = by.size();
    List<String> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++)
      labels.add(
          (level & (1 << (n - 1 - i))) != 0
              ? ResultRow.TOTAL
              : GroupLabels.group(
                  columns.type(kpi.by().get(i)),
                  r.getObject(oneColumnNames ? "kpi_group" : "kpi_group_" + i)));
    return new Key(level, List.copyOf(labels), level == levelOf(0));
  }
}
