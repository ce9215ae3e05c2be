package dev.journeykpi.types.stalled;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.StalledDef;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialect.SqlType;
import dev.journeykpi.sql.GroupCopies;
import dev.journeykpi.sql.IdKey;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.OwnQuerySql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
import dev.journeykpi.sql.SqlSource;

/**
 * {@code stalled} on the SQL engines: per period, group and lead, its last touch before the period,
 * whether a {@code closed} row came before the period, and whether it was touched in the period;
 * then per period and group the leads stalled at the start (last touch more than {@code idle} days,
 * or working days counted in (last touch, day before the period], before it; not closed), those of
 * them touched, and the closed leads — the counts {@link StalledMeasurer#result} turns into the
 * measure, as {@link StalledMeasurer} decides them. Days are whole numbers (days since 1970-01-01);
 * working days are differences of the calendar table's working-day numbers (the number only grows
 * with the day, so the last touch's number is the largest of the touches' numbers). Only each
 * period's counts per group come back.
 *
 * <p>Compiled: a text lead column, a date or date-time time column; breakdowns by several columns,
 * with {@code rollup}, by any column but durations ({@link GroupCopies}).
 */
final class StalledSql implements OwnQuerySql {
  private final StalledDef def;

  StalledSql(StalledDef def) {
    this.def = def;
  }

  @Override
  public KpiQuery compile(SqlSource source) {
    KpiDef k = source.kpi();
    SqlColumns c = source.columns();
    if (k.time() == null || !c.type(k.time()).isTemporal())
      throw new SqlRefused("time column '" + k.time() + "' is not a date");
    if (def.idle().isWorkingDays()) c.calendarTable(); // refused here without a calendar
    return new StalledQuery(k, source.rows(), c, this);
  }

  /**
   * The touches every statement starts from: the population's rows with their group (each row
   * copied into the total and each of its groups: {@link GroupCopies}), day (NULL without a time),
   * lead (NULL when blank) and whether the row closes the lead.
   */
  String with(KpiDef k, String rows, SqlColumns c) {
    Dialect d = c.dialect();
    // A lead id of any type, keyed as the default engine keys it (a number's 12.0 is 12).
    String lead = IdKey.of(d, c.type(def.lead()), c.ref(def.lead()));
    String closed =
        def.closed().isEmpty() ? "FALSE" : "coalesce(" + c.where(def.closed()) + ", FALSE)";
    GroupCopies g = new GroupCopies(d, c, k);
    // The columns named, not * EXCLUDE (kpi_g) (DuckDB's, Snowflake's and BigQuery's only).
    String rest = "kpi_day, kpi_lead, kpi_closed";
    return "WITH kpi_population AS (SELECT "
        + g.values()
        + ", "
        + d.epochDay(d.cast(c.ref(k.time()), SqlType.DATE))
        + " AS kpi_day, "
        + lead
        + " AS kpi_lead, "
        + closed
        + " AS kpi_closed\n  FROM "
        + rows
        + " WHERE "
        + c.where(k.where())
        + "),\nkpi_grouped AS ("
        + g.union(rest, "kpi_population")
        + "),\nkpi_touches AS (SELECT * FROM kpi_grouped"
        + " WHERE kpi_day IS NOT NULL AND kpi_lead IS NOT NULL)";
  }

  /**
   * The earliest ({@code min}) or latest ({@code max}) of the touch days and a period edge: one
   * aggregate over both, which skips the touches' NULL when there are none (least and greatest are
   * not one spelling: some engines return NULL on a NULL).
   */
  private static String edge(String fn, String periodEdge, String periods) {
    return "(SELECT "
        + fn
        + "(kpi_x) FROM (SELECT "
        + fn
        + "(kpi_day) AS kpi_x FROM kpi_touches UNION ALL SELECT "
        + fn
        + "("
        + periodEdge
        + ") FROM "
        + periods
        + ") AS kpi_edge)";
  }

  /** The groups of the population's rows. */
  static String groups(String with, GroupCopies g) {
    return with + "\nSELECT " + g.keys() + " FROM kpi_grouped GROUP BY " + g.keys();
  }

  /**
   * Per period and group: the leads stalled at its start ({@code stalled}), those of them touched
   * in it ({@code touched}), and the leads closed before it ({@code closed}).
   *
   * @param periods the relation of the periods: kpi_period, kpi_start, kpi_last (days)
   */
  String counts(String with, String periods, SqlColumns c, GroupCopies g) {
    TimeSpan idle = def.idle();
    boolean wd = idle.isWorkingDays();
    long limit = wd ? idle.workingDays() : idle.seconds() / 86400;
    String gap = wd ? "(kpi_start_1_wdn - kpi_before_wdn)" : "kpi_start - 1 - kpi_before";
    String stalled = "NOT kpi_was_closed AND kpi_before IS NOT NULL AND " + gap + " > " + limit;
    String touches =
        wd
            ? "SELECT t.*, w.kpi_wdn FROM kpi_touches AS t JOIN kpi_wd AS w ON w.kpi_d = t.kpi_day"
            : "SELECT * FROM kpi_touches";
    String edges =
        wd
            ? "(SELECT p.*, s.kpi_wdn AS kpi_start_1_wdn FROM (SELECT * FROM "
                + periods
                + ") AS p LEFT JOIN kpi_wd AS s ON s.kpi_d = p.kpi_start - 1) AS kpi_edges"
            : periods;
    String calendar =
        wd
            ? ",\nkpi_wd AS "
                + c.calendarTable()
                    .byEpochDay(
                        edge("min", "kpi_start - 1", periods), edge("max", "kpi_last", periods))
            : "";
    return with
        + calendar
        + ",\nkpi_leads AS (SELECT kpi_period, kpi_start, "
        + g.keys()
        + ", kpi_lead,"
        + " "
        + Aggregates.where("max", "kpi_day", "kpi_day < kpi_start")
        + " AS kpi_before,"
        + (wd
            ? " "
                + Aggregates.where("max", "kpi_wdn", "kpi_day < kpi_start")
                + " AS kpi_before_wdn, kpi_start_1_wdn,"
            : "")
        // Whether any row is: a count, not bool_or (BigQuery's and Snowflake's have other names).
        + " "
        + Aggregates.countWhere("kpi_closed AND kpi_day < kpi_start")
        + " > 0 AS kpi_was_closed, "
        + Aggregates.countWhere("kpi_day >= kpi_start")
        + " > 0 AS kpi_touched"
        + "\n  FROM ("
        + touches
        + ") AS kpi_t JOIN "
        + edges
        + " ON kpi_day <= kpi_last"
        + "\n  GROUP BY kpi_period, kpi_start,"
        + (wd ? " kpi_start_1_wdn," : "")
        + " "
        + g.keys()
        + ", kpi_lead)"
        + "\nSELECT kpi_period, "
        + g.keys()
        + ","
        + " "
        + Aggregates.countWhere(stalled)
        + " AS stalled, "
        + Aggregates.countWhere(stalled + " AND kpi_touched")
        + " AS touched, "
        + Aggregates.countWhere("kpi_was_closed")
        + " AS closed"
        + "\nFROM kpi_leads GROUP BY kpi_period, "
        + g.keys();
  }
}
