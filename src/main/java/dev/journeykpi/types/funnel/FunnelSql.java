package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.sql.CalendarTable;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.OwnQuerySql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
import dev.journeykpi.sql.SqlSource;
import dev.journeykpi.sql.SqlValues;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A funnel or conversion KPI on an SQL engine. The engine does the heavy work: it types each row's
 * stage, reduces every lead to its path ({@link FunnelPathSql}: first entry per stage, time in each
 * stage, lost or not, the stages its path reached) and counts the paths per period and breakdown
 * group ({@link FunnelCountSql}); only those counts (a few numbers per stage) and the notes' counts
 * come back, and {@link FunnelMeasurer} builds the rows with the Tablesaw path's own code.
 *
 * <p>Business time between stages ({@code clock: business}) and {@code within:} windows of working
 * days go through the definition's calendar table ({@link CalendarTable}); times between stages in
 * a zone with daylight saving through the dialect's zone conversion. Breakdowns by several columns,
 * with {@code rollup}, by numbers, yes/no values and dates ({@link FunnelGroups}). Not compiled
 * yet, and refused by name: stage or lead columns that are not text, a breakdown by a duration
 * column.
 */
final class FunnelSql implements OwnQuerySql {
  private final FunnelDef def;
  private final boolean businessTime;
  private final double divisor;

  /**
   * @param divisor seconds in the unit of the times between stages
   */
  FunnelSql(FunnelDef def, boolean businessTime, double divisor) {
    this.def = def;
    this.businessTime = businessTime;
    this.divisor = divisor;
  }

  @Override
  public KpiQuery compile(SqlSource s) {
    KpiDef k = s.kpi();
    SqlColumns c = s.columns();
    // Null for a zone with daylight saving: every time between stages through the zone's rules.
    java.time.LocalDateTime wall = dev.journeykpi.calc.Elapsed.wallClockFrom(s.zone());
    boolean workingDays = def.window() != null && def.window().isWorkingDays();
    // A conversion has no times between stages: its calendar only for a window of working days.
    boolean times = businessTime && def.from() == null;
    CalendarTable calendar = times || workingDays ? c.calendarTable() : null;
    if (c.type(def.lead()) != ValueType.STRING)
      throw new SqlRefused("a lead column that is not text (" + def.lead() + ")");
    if (c.type(def.stageColumn()) != ValueType.STRING)
      throw new SqlRefused("a stage column that is not text (" + def.stageColumn() + ")");
    if (k.time() != null && !c.type(k.time()).isTemporal())
      throw new SqlRefused("time column '" + k.time() + "' is not a date");
    for (FunnelDef.Stage st : def.stages())
      if (st.entered() != null && !c.type(st.entered()).isTemporal())
        throw new SqlRefused("entered column '" + st.entered() + "' is not a date");
    c.where(k.where()); // refuses a filter not compiled yet
    FunnelPathSql path = new FunnelPathSql(def, s, wall, calendar, businessTime, divisor);
    Query q = new Query(s, new FunnelCountSql(def, s, path, divisor), path.groups());
    // Written once now, so that what a dialect's hook cannot write (a zone with daylight saving on
    // a warehouse dialect) refuses the KPI here, by name, not when it is run or printed.
    q.sql(List.of(Period.ALL));
    return q;
  }

  /** The compiled KPI: the counts query and the notes query, then the rows built in Java. */
  private final class Query implements KpiQuery {
    private final SqlSource s;
    private final FunnelCountSql paths;
    private final FunnelGroups groups;

    Query(SqlSource s, FunnelCountSql paths, FunnelGroups groups) {
      this.s = s;
      this.paths = paths;
      this.groups = groups;
    }

    @Override
    public String sql(List<Period> periods) {
      return paths.counts(periods) + ";\n\n" + paths.notes() + ";\n\n" + paths.unmapped() + ";\n";
    }

    @Override
    public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
        throws SQLException {
      KpiDef k = s.kpi();
      int n = def.stages().size();
      FunnelMeasurer m =
          new FunnelMeasurer(def, k.time(), null, runner.calendar(), runner.zone(), divisor);
      // Per group (null: the total) and period, the counts.
      Map<List<String>, Map<Integer, Counts>> counts = new HashMap<>();
      try (Statement st = conn.createStatement();
          ResultSet r = st.executeQuery(paths.counts(periods))) {
        while (r.next()) {
          Counts x = new Counts(n);
          if (def.from() != null) {
            x.num = r.getInt("num");
            x.den = r.getInt("den");
          }
          for (int i = 0; i < n && def.from() == null; i++) {
            x.entered[i] = r.getInt("e" + i);
            x.converted[i] = r.getInt("cv" + i);
            x.lost[i] = r.getInt("ls" + i);
            x.fromFirst[i] = r.getInt("ff" + i);
            x.toNextMedian[i] = StageCounts.stat(number(r, "tnm" + i), r.getInt("tnn" + i));
            x.toNextP90[i] = StageCounts.stat(number(r, "tnp" + i), r.getInt("tnn" + i));
            x.timeInMedian[i] = StageCounts.stat(number(r, "tim" + i), r.getInt("tin" + i));
          }
          if (def.from() == null) x.midway = r.getInt("mw");
          counts
              .computeIfAbsent(groups.key(r), g -> new HashMap<>())
              .put(r.getInt("kpi_period"), x);
        }
      }
      // Per group, the notes' counts; the groups of the population.
      Map<List<String>, int[]> noteCounts = new HashMap<>();
      List<List<String>> found = new ArrayList<>();
      try (Statement st = conn.createStatement();
          ResultSet r = st.executeQuery(paths.notes())) {
        while (r.next()) {
          List<String> g = groups.key(r);
          noteCounts.put(
              g, new int[] {r.getInt("unmapped"), r.getInt("no_lead"), r.getInt("no_time")});
          found.add(g);
        }
      }
      Map<List<String>, List<Map.Entry<String, Integer>>> shown = new HashMap<>();
      try (Statement st = conn.createStatement();
          ResultSet r = st.executeQuery(paths.unmapped())) {
        while (r.next())
          shown
              .computeIfAbsent(groups.key(r), g -> new ArrayList<>())
              .add(Map.entry(r.getString("raw"), r.getInt("kpi_rows")));
      }
      Map<List<String>, Notes> notes = new HashMap<>();
      noteCounts.forEach(
          (g, x) -> notes.put(g, m.notes(x[0], shown.getOrDefault(g, List.of()), x[1], x[2])));
      java.time.LocalDate last = k.time() == null ? null : lastDay(conn);
      // In the default engine's order (a roll-up's subtotal before the groups under it, the
      // declared groups no row has, the total last).
      List<List<String>> keys = runner.keysInDisplayOrder(k, found);
      return runner.overWholeHistory(
          k,
          periods,
          m.dimensions(),
          keys,
          last,
          (gi, p) -> {
            List<String> g = keys.get(gi);
            Counts x =
                counts.getOrDefault(g, Map.of()).getOrDefault(periods.indexOf(p), new Counts(n));
            if (def.from() != null)
              return FunnelMeasurer.conversionRows(FunnelMeasurer.rate(x.num, x.den), p);
            return m.rows(x.tally(), p, notes.getOrDefault(g, Notes.of(List.of())));
          });
    }

    private java.time.LocalDate lastDay(Connection conn) throws SQLException {
      String max = "max(" + s.columns().ref(s.kpi().time()) + ")";
      return SqlValues.day(
          conn, "SELECT " + s.dialect().cast(max, Dialect.SqlType.DATE) + " FROM " + s.rows());
    }
  }

  private static Double number(ResultSet r, String column) throws SQLException {
    Object v = r.getObject(column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  /** One period's counts of one group, as the query returns them. */
  private static final class Counts {
    final int[] entered, converted, lost, fromFirst;
    final Measure[] toNextMedian, toNextP90, timeInMedian;
    int midway, num, den;

    Counts(int n) {
      entered = new int[n];
      converted = new int[n];
      lost = new int[n];
      fromFirst = new int[n];
      toNextMedian = new Measure[n];
      toNextP90 = new Measure[n];
      timeInMedian = new Measure[n];
      for (int i = 0; i < n; i++) {
        toNextMedian[i] = StageCounts.stat(null, 0);
        toNextP90[i] = StageCounts.stat(null, 0);
        timeInMedian[i] = StageCounts.stat(null, 0);
      }
    }

    StageCounts.Tally tally() {
      return new StageCounts.Tally(
          entered, converted, lost, fromFirst, midway, toNextMedian, toNextP90, timeInMedian);
    }
  }
}
