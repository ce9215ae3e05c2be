package dev.journeykpi.types.turnover;

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
 * {@code turnover} on the SQL engines: the heads at each period's start and end and its leavers,
 * counted over the whole population as {@link TurnoverMeasurer} counts them — a row without a hire
 * date is left out and counted; a person is in the headcount at an instant when hired before it and
 * not left before it; a leaver left in the period and matches the {@code numerator:} filter. The
 * measure is the measurer's.
 */
final class TurnoverSql implements OwnQuerySql {
  private final TurnoverSpec spec;

  TurnoverSql(TurnoverSpec spec) {
    this.spec = spec;
  }

  @Override
  public KpiQuery compile(SqlSource source) {
    TurnoverMeasurer measurer = new TurnoverMeasurer(spec.start(), spec.end(), spec.leavers());
    return new PointInTimeQuery(
        source,
        List.of(spec.start(), spec.end()),
        new PointInTimeQuery.Template() {
          @Override
          public List<PeriodRowsSql.Aggregate> aggregates(SqlColumns c) {
            String a = PointInTimeQuery.time(c, spec.start());
            String b = PointInTimeQuery.time(c, spec.end());
            String leavers = c.where(spec.leavers());
            return List.of(
                count("at_start", a + " IS NOT NULL AND " + in(a, b, "kpi_from")),
                count("at_end", a + " IS NOT NULL AND " + in(a, b, "kpi_to")),
                count(
                    "leavers",
                    a
                        + " IS NOT NULL AND "
                        + b
                        + " >= kpi_from AND "
                        + b
                        + " < kpi_to AND ("
                        + leavers
                        + ")"),
                count("without_hire", a + " IS NULL"));
          }

          @Override
          public Measure measure(PeriodRowsSql.Values v, Period p) {
            if (p.grain() == Period.Grain.ALL) return TurnoverMeasurer.allTime();
            return measurer.result(
                v.count("at_start"),
                v.count("at_end"),
                v.count("leavers"),
                v.count("without_hire"));
          }
        });
  }

  /** Hired before the instant and not left before it. */
  private static String in(String hired, String left, String instant) {
    return hired
        + " < "
        + instant
        + " AND ("
        + left
        + " IS NULL OR "
        + left
        + " >= "
        + instant
        + ")";
  }

  private static PeriodRowsSql.Aggregate count(String name, String condition) {
    return new PeriodRowsSql.Aggregate(name, Aggregates.countWhere(condition));
  }
}
