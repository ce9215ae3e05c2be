package dev.journeykpi.types.backlog;

import dev.journeykpi.calc.Measure;
import dev.journeykpi.model.Period;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.OwnQuerySql;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.PointInTimeQuery;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlSource;
import java.util.List;

/**
 * {@code backlog} on the SQL engines: each row of the population judged at each period's end, as
 * {@link BacklogMeasurer} judges it — a row without a start is not counted; a row ending before it
 * starts is left out and counted; a row is open when it started before the period's end and has no
 * end or ends at or after it; for all time, open when it has no end. The measure is the measurer's.
 */
final class BacklogSql implements OwnQuerySql {
  private final BacklogSpec spec;

  BacklogSql(BacklogSpec spec) {
    this.spec = spec;
  }

  @Override
  public KpiQuery compile(SqlSource source) {
    BacklogMeasurer measurer = new BacklogMeasurer(spec.start(), spec.end());
    return new PointInTimeQuery(
        source,
        List.of(spec.start(), spec.end()),
        new PointInTimeQuery.Template() {
          @Override
          public List<PeriodRowsSql.Aggregate> aggregates(SqlColumns c) {
            String a = PointInTimeQuery.time(c, spec.start());
            String b = PointInTimeQuery.time(c, spec.end());
            String bad = a + " IS NOT NULL AND " + b + " IS NOT NULL AND " + b + " < " + a;
            String open =
                a
                    + " IS NOT NULL AND NOT coalesce("
                    + b
                    + " < "
                    + a
                    + ", FALSE) AND CASE WHEN kpi_all THEN "
                    + b
                    + " IS NULL ELSE "
                    + a
                    + " < kpi_to AND ("
                    + b
                    + " IS NULL OR "
                    + b
                    + " >= kpi_to) END";
            return List.of(
                new PeriodRowsSql.Aggregate("open", Aggregates.countWhere(open)),
                new PeriodRowsSql.Aggregate("end_before_start", Aggregates.countWhere(bad)));
          }

          @Override
          public Measure measure(PeriodRowsSql.Values v, Period p) {
            return measurer.result(v.count("open"), v.count("end_before_start"));
          }
        });
  }
}
