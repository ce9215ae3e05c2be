package dev.journeykpi.types.score;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.OwnQuerySql;
import dev.journeykpi.sql.PeriodGroups;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
import dev.journeykpi.sql.SqlSource;
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
 * {@code score} on the SQL engines. The engine counts each period's and breakdown group's answers
 * per distinct answer (with the answer's first row); kpi reads each distinct answer with {@link
 * ScoreMeasurer}'s own rules (text labels, numbers written with a comma, the scale, what is blank,
 * off the scale or not recognised) and adds them up in the order of their first row with the
 * measurer's {@link ScoreMeasurer.Tally}, so that the value, the counts and the examples of strange
 * answers are the default engine's. A survey column holds a handful of distinct answers: what comes
 * back from the engine is a few rows per group, whatever the number of answers.
 *
 * <p>Why not a condition per class in SQL: reading an answer is Java's {@code Double.parseDouble}
 * after the text key, whose grammar (exponents, {@code d}/{@code f} suffixes, hexadecimal) an SQL
 * copy would only approximate.
 */
final class ScoreSql implements OwnQuerySql {
  private final KpiDef kpi;
  private final ScoreSpec spec;

  ScoreSql(KpiDef kpi, ScoreSpec spec) {
    this.kpi = kpi;
    this.spec = spec;
  }

  @Override
  public KpiQuery compile(SqlSource source) {
    SqlColumns c = source.columns();
    if (kpi.time() != null && !c.type(kpi.time()).isTemporal())
      throw new SqlRefused("time column '" + kpi.time() + "' is not a date");
    ValueType type = c.type(spec.column());
    if (type != ValueType.STRING && type != ValueType.NUMBER && type != ValueType.BOOLEAN)
      throw new SqlRefused(
          "answers in a column that is neither text, a number nor yes/no (" + spec.column() + ")");
    c.where(kpi.where());
    return new Query(source, type == ValueType.NUMBER);
  }

  private final class Query implements KpiQuery {
    private final Dialect d;
    private final SqlColumns c;
    private final String rows;
    private final boolean numbers;
    private final PeriodGroups groups;

    Query(SqlSource source, boolean numbers) {
      this.d = source.dialect();
      this.c = source.columns();
      this.rows = source.rows();
      this.numbers = numbers;
      this.groups = PeriodGroups.withOneColumnNames(d, c, kpi);
    }

    @Override
    public String sql(List<Period> periods) {
      String answer = c.ref(spec.column());
      // A number answer of -0 is not 0 to the measurer (its text, whether it is listed as
      // positive), but one group to the engine: its sign is kept beside it.
      String sign = numbers ? d.signBit(answer) : "FALSE";
      List<String> select = new ArrayList<>(groups.select());
      select.add(answer + " AS kpi_answer");
      select.add(sign + " AS kpi_negative");
      select.add("count(*) AS kpi_rows");
      select.add("min(kpi_record) AS kpi_first");
      return "SELECT kpi_period,\n  "
          + String.join(",\n  ", select)
          + "\nFROM "
          + groups.datedIn(rows, periods)
          + "\nGROUP BY "
          + groups.groupBy(numbers ? List.of(answer, sign) : List.of(answer))
          + "\nORDER BY kpi_period, kpi_first";
    }

    @Override
    public List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner)
        throws SQLException {
      ScoreMeasurer measurer = new ScoreMeasurer(spec.column(), spec.score());
      Map<Integer, Map<List<String>, ScoreMeasurer.Tally>> tallies = new HashMap<>();
      Map<Integer, ScoreMeasurer.Tally> totals = new HashMap<>();
      try (Statement st = conn.createStatement();
          ResultSet r = st.executeQuery(sql(periods))) {
        while (r.next()) {
          int period = r.getInt("kpi_period");
          PeriodGroups.Key key = groups.key(r);
          ScoreMeasurer.Tally t =
              key.total()
                  ? totals.computeIfAbsent(period, k -> measurer.tally())
                  : tallies
                      .computeIfAbsent(period, k -> new LinkedHashMap<>())
                      .computeIfAbsent(key.labels(), k -> measurer.tally());
          long count = r.getLong("kpi_rows");
          Object a = r.getObject("kpi_answer");
          if (a == null) {
            t.add(ScoreMeasurer.blank(), count);
          } else if (numbers) {
            double raw = ((Number) a).doubleValue();
            if (raw == 0) raw = r.getBoolean("kpi_negative") ? -0.0 : 0.0;
            if (t.add(measurer.ofNumber(raw), count)) t.strange(shown(raw), count);
          } else if (a instanceof Boolean yes) {
            // A yes/no answer is the text the default engine's column gives (true, false), read
            // as a text answer: a value of values: or unrecognised.
            String text = shown(yes);
            if (t.add(measurer.ofText(text), count)) t.strange(text, count);
          } else {
            String text = (String) a;
            if (t.add(measurer.ofText(text), count)) t.strange(text, count);
          }
        }
      }
      Map<Integer, Map<List<String>, Measure>> measured = new HashMap<>();
      tallies.forEach(
          (p, g) -> {
            Map<List<String>, Measure> m = new LinkedHashMap<>();
            g.forEach((k, t) -> m.put(k, measurer.result(t)));
            measured.put(p, m);
          });
      Measure empty = measurer.result(measurer.tally());
      int untimed = kpi.time() == null ? 0 : (int) untimed(conn);
      LocalDate last = kpi.time() == null ? null : lastDay(conn);
      return runner.overMeasuredPeriods(
          kpi,
          periods,
          new KpiRunner.MeasuredPeriods() {
            @Override
            public Map<List<String>, Measure> groups(Period p) {
              return measured.getOrDefault(periods.indexOf(p), Map.of());
            }

            @Override
            public Measure total(Period p) {
              ScoreMeasurer.Tally t = totals.get(periods.indexOf(p));
              return t == null ? empty : measurer.result(t);
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

    /** The population's rows without a time (in no period). */
    private long untimed(Connection conn) throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet r =
              st.executeQuery(
                  "SELECT count(*) FROM "
                      + rows
                      + " AS kpi_rows WHERE "
                      + c.where(kpi.where())
                      + " AND "
                      + c.ref(kpi.time())
                      + " IS NULL")) {
        r.next();
        return r.getLong(1);
      }
    }

    /** The last day of the time column over the source's rows, or null. */
    private LocalDate lastDay(Connection conn) throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet r =
              st.executeQuery(
                  "SELECT "
                      + d.cast("max(" + c.ref(kpi.time()) + ")", Dialect.SqlType.DATE)
                      + " FROM "
                      + rows
                      + " AS kpi_rows")) {
        r.next();
        java.sql.Date day = r.getDate(1);
        return day == null ? null : day.toLocalDate();
      }
    }
  }

  /**
   * A number answer as the default engine's number column writes it (the examples of strange
   * answers quote the cell): Tablesaw's own formatting of a double.
   */
  private static String shown(double v) {
    return tech.tablesaw.api.DoubleColumn.create("answer", new double[] {v}).getString(0);
  }

  /** A yes/no answer as the default engine's yes/no column writes it: Tablesaw's own text. */
  private static String shown(boolean v) {
    return tech.tablesaw.api.BooleanColumn.create("answer", new boolean[] {v}).getString(0);
  }
}
