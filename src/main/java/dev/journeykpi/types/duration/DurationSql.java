package dev.journeykpi.types.duration;

import dev.journeykpi.calc.Measure;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.ElapsedSql;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.SqlColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * A duration in SQL: each row's seconds from start to end ({@link ElapsedSql}: the calendar clock
 * in the definition's zone, daylight saving included, or the business clock through the calendar
 * table), open rows, rows without a start and rows ending before they start counted, the first of
 * those shown; the measure is {@link DurationMeasurer}'s.
 */
final class DurationSql implements PeriodRowsSql {
  private final DurationSpec spec;
  private final double divisor;

  DurationSql(DurationSpec spec, double divisor) {
    this.spec = spec;
    this.divisor = divisor;
  }

  /**
   * The column of each row's seconds ({@link ElapsedSql#seconds}), computed in the rows' subquery:
   * once per row, not once per grouping set and per aggregate that reads it (DuckDB computes an
   * aggregate's argument again for each grouping set: a p90 by team did it twice per row, issue
   * 17).
   */
  private static final String SECONDS = "kpi_duration_seconds";

  @Override
  public String rows(String rows, SqlColumns c) {
    ElapsedSql e = elapsed(c);
    return "(SELECT *, "
        + e.seconds()
        + " AS "
        + SECONDS
        + " FROM "
        + e.rows(rows)
        + " AS kpi_duration_rows)";
  }

  private ElapsedSql elapsed(SqlColumns c) {
    return new ElapsedSql(c, spec.start(), spec.end(), spec.businessTime());
  }

  @Override
  public List<Aggregate> aggregates(SqlColumns c) {
    var d = c.dialect();
    ElapsedSql e = elapsed(c);
    String a = e.a();
    String b = e.b();
    // The default engine measures only durations of zero or more seconds and counts the others
    // (a start in a daylight-saving gap, read an hour later, can run past its end) with the rows
    // ending before they start.
    String seconds =
        e.mayRunBackwards() ? "CASE WHEN " + SECONDS + " >= 0 THEN " + SECONDS + " END" : SECONDS;
    String negative = negative(e);
    String stat =
        switch (spec.stat().kind()) {
          // DOUBLE over DOUBLE: no engine divides it as integers or decimals.
          case MEAN ->
              d.sumExact(seconds)
                  + " / "
                  + d.cast("count(" + seconds + ")", Dialect.SqlType.DOUBLE);
          case MIN -> "min(" + seconds + ")";
          case MAX -> "max(" + seconds + ")";
          default -> d.percentile(seconds, spec.stat().percentile());
        };
    return List.of(
        new Aggregate("rows", "count(*)"),
        new Aggregate("n", "count(" + seconds + ")"),
        new Aggregate("open", Aggregates.countWhere(a + " IS NOT NULL AND " + b + " IS NULL")),
        new Aggregate("no_start", Aggregates.countWhere(a + " IS NULL")),
        new Aggregate("negative", Aggregates.countWhere(negative)),
        new Aggregate("value", stat));
  }

  /**
   * The first two rows ending before they start, in the export's order, for the note (read only
   * when a group has one): the rows the aggregate {@code negative} counts, a start in a
   * daylight-saving gap that runs past its end among them.
   */
  @Override
  public List<Quoted> quoted(SqlColumns c) {
    ElapsedSql e = elapsed(c);
    return List.of(
        Quoted.firstRows(
            "examples", "negative", negative(e), List.of(spec.start(), spec.end()), 2));
  }

  /** Whether a row ends before it starts, on the clock or (a daylight-saving gap) in seconds. */
  private static String negative(ElapsedSql e) {
    return e.mayRunBackwards()
        ? e.b() + " < " + e.a() + " OR " + SECONDS + " < 0"
        : e.b() + " < " + e.a();
  }

  @Override
  public Measure measure(Values v) {
    int negative = Math.toIntExact(v.count("negative"));
    return DurationMeasurer.result(
        Math.toIntExact(v.count("rows")),
        Math.toIntExact(v.count("n")),
        Math.toIntExact(v.count("open")),
        Math.toIntExact(v.count("no_start")),
        negative,
        spec.start(),
        spec.end(),
        () -> {
          List<String> shown = new ArrayList<>();
          for (String pair : v.texts("examples")) {
            String[] ab = pair.split("\u0000", 2);
            shown.add(DurationMeasurer.example(spec.start(), ab[0], spec.end(), ab[1]));
          }
          return DurationMeasurer.examples(shown, negative);
        },
        () -> v.number("value"),
        divisor);
  }
}
