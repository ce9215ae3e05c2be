package dev.journeykpi.types.stalled;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.StalledDef;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.sql.Dialect;
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
 * <p>Compiled: a text lead column, a date or date-time time column, one text breakdown column at
 * most.
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
    source.requireOneTextBreakdown();
    if (k.time() == null || !c.type(k.time()).isTemporal())
      throw new SqlRefused("time column '" + k.time() + "' is not a date");
    if (c.type(def.lead()) != ValueType.STRING)
      throw new SqlRefused("a lead column that is not text (" + def.lead() + ")");
    if (def.idle().isWorkingDays()) c.calendarTable(); // refused here without a calendar
    return new StalledQuery(k, source.rows(), c, this);
  }

  /**
   * The touches every statement starts from: the population's rows with their group (each row twice
   * with a breakdown: in its group, and in the total), day (NULL without a time), lead (NULL when
   * blank) and whether the row closes the lead.
   */
  String with(KpiDef k, String rows, SqlColumns c) {
    Dialect d = c.dialect();
    String lead = c.ref(def.lead());
    String closed =
        def.closed().isEmpty() ? "FALSE" : "coalesce(" + c.where(def.closed()) + ", FALSE)";
    String grouped =
        "SELECT 1 AS kpi_total, CAST(NULL AS VARCHAR) AS kpi_group, * EXCLUDE (kpi_g)"
            + " FROM kpi_population"
            + (k.by().isEmpty()
                ? ""
                : "\n  UNION ALL SELECT 0, kpi_g, * EXCLUDE (kpi_g) FROM kpi_population");
    return "WITH kpi_population AS (SELECT "
        + (k.by().isEmpty() ? "CAST(NULL AS VARCHAR)" : c.ref(k.by().get(0)))
        + " AS kpi_g, CAST("
        + c.ref(k.time())
        + " AS DATE) - DATE '1970-01-01' AS kpi_day, CASE WHEN "
        + d.isBlank(lead)
        + " THEN NULL ELSE "
        + lead
        + " END AS kpi_lead, "
        + closed
        + " AS kpi_closed\n  FROM "
        + rows
        + " WHERE "
        + c.where(k.where())
        + "),\nkpi_grouped AS ("
        + grouped
        + "),\nkpi_touches AS (SELECT * FROM kpi_grouped"
        + " WHERE kpi_day IS NOT NULL AND kpi_lead IS NOT NULL)";
  }

  /** The groups of the population's rows. */
  static String groups(String with) {
    return with + "\nSELECT kpi_total, kpi_group FROM kpi_grouped GROUP BY kpi_total, kpi_group";
  }

  /**
   * Per period and group: the leads stalled at its start ({@code stalled}), those of them touched
   * in it ({@code touched}), and the leads closed before it ({@code closed}).
   *
   * @param periods the relation of the periods: kpi_period, kpi_start, kpi_last (days)
   */
  String counts(String with, String periods, SqlColumns c) {
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
                + ") AS p LEFT JOIN kpi_wd AS s ON s.kpi_d = p.kpi_start - 1)"
            : periods;
    String calendar = "";
    if (wd) {
      String first = "(SELECT min(kpi_start) - 1 FROM " + periods + ")";
      String last = "(SELECT max(kpi_last) FROM " + periods + ")";
      calendar =
          ",\nkpi_wd AS "
              + c.calendarTable()
                  .byEpochDay(
                      "least(coalesce((SELECT min(kpi_day) FROM kpi_touches), "
                          + first
                          + "), "
                          + first
                          + ")",
                      "greatest(coalesce((SELECT max(kpi_day) FROM kpi_touches), "
                          + last
                          + "), "
                          + last
                          + ")");
    }
    return with
        + calendar
        + ",\nkpi_leads AS (SELECT kpi_period, kpi_start, kpi_total, kpi_group, kpi_lead,"
        + " max(kpi_day) FILTER (WHERE kpi_day < kpi_start) AS kpi_before,"
        + (wd
            ? " max(kpi_wdn) FILTER (WHERE kpi_day < kpi_start) AS kpi_before_wdn,"
                + " kpi_start_1_wdn,"
            : "")
        + " coalesce(bool_or(kpi_closed AND kpi_day < kpi_start), FALSE) AS kpi_was_closed,"
        + " coalesce(bool_or(kpi_day >= kpi_start), FALSE) AS kpi_touched"
        + "\n  FROM ("
        + touches
        + ") JOIN "
        + edges
        + " ON kpi_day <= kpi_last"
        + "\n  GROUP BY kpi_period, kpi_start,"
        + (wd ? " kpi_start_1_wdn," : "")
        + " kpi_total, kpi_group, kpi_lead)"
        + "\nSELECT kpi_period, kpi_total, kpi_group,"
        + " count(*) FILTER (WHERE "
        + stalled
        + ") AS stalled,"
        + " count(*) FILTER (WHERE "
        + stalled
        + " AND kpi_touched) AS touched,"
        + " count(*) FILTER (WHERE kpi_was_closed) AS closed"
        + "\nFROM kpi_leads GROUP BY kpi_period, kpi_total, kpi_group";
  }
}
