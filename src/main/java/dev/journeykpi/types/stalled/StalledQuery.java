package dev.journeykpi.types.stalled;

import dev.journeykpi.calc.HistoryRow;
import dev.journeykpi.calc.KpiRunner;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code stalled} KPI compiled by {@link StalledSql}: the groups, then (when a period has a
 * grain) the counts per period and group, each measured by {@link StalledMeasurer#result} and laid
 * out by {@link KpiRunner#overWholeHistory}, as the default engine lays out its rows.
 */
final class StalledQuery implements KpiQuery {
  private final KpiDef kpi;
  private final String rows;
  private final SqlColumns columns;
  private final StalledSql sql;
  private final String with;
  private final GroupCopies groups;

  StalledQuery(KpiDef kpi, String rows, SqlColumns columns, StalledSql sql) {
    this.kpi = kpi;
    this.rows = rows;
    this.columns = columns;
    this.sql = sql;
    this.with = sql.with(kpi, rows, columns);
    this.groups = new GroupCopies(columns.dialect(), columns, kpi);
  }

  /** The periods counted: those with a grain (over all time nothing is "before the period"). */
  private static List<Period> dated(List<Period> periods) {
    return periods.stream().filter(p -> p.grain() != Period.Grain.ALL).toList();
  }

  private String periodTable(List<Period> ps) {
    List<List<String>> values = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Period p = ps.get(i);
      values.add(
          List.of(
              String.valueOf(i),
              String.valueOf(p.start().toEpochDay()),
              String.valueOf(p.endExclusive().toEpochDay() - 1)));
    }
    return columns
        .dialect()
        .values("kpi_periods", List.of("kpi_period", "kpi_start", "kpi_last"), values);
  }

  private List<String> statements(List<Period> periods) {
    List<String> out = new ArrayList<>();
    out.add(StalledSql.groups(with, groups));
    if (!dated(periods).isEmpty())
      out.add(sql.counts(with, periodTable(dated(periods)), columns, groups));
    return out;
  }

  @Override
  public String sql(List<Period> periods) {
    return String.join(";\n\n", statements(periods));
  }

  /** A period's group, by its labels ({@link GroupCopies#key}). */
  private record At(int period, List<String> group) {}

  @Override
  public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
      throws SQLException {
    List<String> st = statements(periods);
    Set<List<String>> found = new LinkedHashSet<>();
    try (Statement s = conn.createStatement();
        ResultSet r = s.executeQuery(st.get(0))) {
      while (r.next()) found.add(groups.key(r));
    }
    Map<At, long[]> counts = new HashMap<>();
    if (st.size() > 1) {
      try (Statement s = conn.createStatement();
          ResultSet r = s.executeQuery(st.get(1))) {
        while (r.next())
          counts.put(
              new At(r.getInt("kpi_period"), groups.key(r)),
              new long[] {r.getLong("touched"), r.getLong("stalled"), r.getLong("closed")});
      }
    }
    List<Period> dated = dated(periods);
    List<List<String>> keys = runner.keysInDisplayOrder(kpi, found);
    return runner.overWholeHistory(
        kpi,
        periods,
        List.of(),
        keys,
        lastDay(conn),
        (g, p) -> {
          // A declared group without rows has no counts: none stalled.
          long[] c = counts.getOrDefault(new At(dated.indexOf(p), keys.get(g)), new long[3]);
          return List.of(new HistoryRow(List.of(), StalledMeasurer.result(p, c[0], c[1], c[2]), p));
        });
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
