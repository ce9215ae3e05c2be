package dev.journeykpi.types.customers;

import static dev.journeykpi.types.customers.CustomersSql.count;

import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.GroupCopies;
import dev.journeykpi.sql.SqlColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement of a customers KPI on an SQL engine that counts, per period and breakdown group,
 * the customers active at the period's start and end, new, churned, dormant, reactivated and in
 * each lifecycle state ({@link CustomersSql} holds the activity relations it starts from, the
 * orders and the cohorts statements). Spans in calendar days or working days, as {@link
 * ActivityRules}.
 */
final class CustomerStatesSql {
  private final CustomerDef def;

  CustomerStatesSql(CustomerDef def) {
    this.def = def;
  }

  /** The window the measure uses (null: none, or {@code window: period}). */
  private TimeSpan window() {
    return def.measure().needsWindow() ? def.window() : null;
  }

  /** The dormancy span the measure uses (null: none). */
  private TimeSpan dormancy() {
    return def.measure().needsDormancy() ? def.dormantAfter() : null;
  }

  /** Whether the window or the dormancy span is counted in working days. */
  boolean inWorkingDays() {
    return (window() != null && window().isWorkingDays())
        || (dormancy() != null && dormancy().isWorkingDays());
  }

  /** A span's length as ActivityRules counts it: whole days, or working days. */
  private static long days(TimeSpan span) {
    return span.isWorkingDays() ? span.workingDays() : span.seconds() / 86400;
  }

  /**
   * Days from a to b (a ≤ b) in the span's unit, as {@link ActivityRules#gap}: calendar days
   * between the days {@code a} and {@code b}, or working days in (a, b] from their working-day
   * numbers {@code aWdn} and {@code bWdn}.
   */
  private static String gap(String a, String b, String aWdn, String bWdn, TimeSpan span) {
    return span.isWorkingDays() ? "(" + bWdn + " - " + aWdn + ")" : b + " - " + a;
  }

  /** From the customer's last day before the period to the day before the period starts. */
  private static String gapAtStart(TimeSpan span) {
    return gap("kpi_before", "kpi_start - 1", "kpi_before_wdn", "kpi_start_1_wdn", span);
  }

  /** From the customer's last day up to the period's end to the period's last day. */
  private static String gapAtEnd(TimeSpan span) {
    return gap("kpi_end", "kpi_last", "kpi_end_wdn", "kpi_last_wdn", span);
  }

  /**
   * Per period and group, the customers active at the start and end, new, churned, dormant,
   * reactivated, and in each lifecycle state.
   *
   * @param periods the relation of the periods: kpi_period, kpi_start, kpi_last, kpi_prev_start
   *     (days)
   */
  String states(String with, String periods, SqlColumns c, GroupCopies g) {
    // window: period — active at the start is activity in the period before, at the end activity
    // in the period; a window of W days — the last activity less than W days before the day.
    TimeSpan w = window();
    String atStart = w == null ? "kpi_before >= kpi_prev_start" : gapAtStart(w) + " < " + days(w);
    String atEnd = w == null ? "kpi_end >= kpi_start" : gapAtEnd(w) + " < " + days(w);
    String isNew = "kpi_first >= kpi_start";
    String now = "kpi_end >= kpi_start";
    String prev = "coalesce(kpi_before >= kpi_prev_start, FALSE)";
    TimeSpan d = dormancy();
    boolean dormancy = d != null;
    String dormantAtStart = dormancy ? gapAtStart(d) + " >= " + days(d) : "";
    List<String> counts = new ArrayList<>();
    counts.add(count("s", atStart));
    counts.add(count("e", atEnd));
    counts.add(count("n", isNew));
    counts.add(count("n_end", "(" + isNew + ") AND (" + atEnd + ")"));
    counts.add(count("churned", "(" + atStart + ") AND NOT (" + atEnd + ")"));
    counts.add(dormancy ? count("dormant_start", dormantAtStart) : "0 AS dormant_start");
    counts.add(
        dormancy
            ? count("reactivated_start", "(" + dormantAtStart + ") AND " + now)
            : "0 AS reactivated_start");
    counts.add(dormancy ? "sum(kpi_back) AS reactivations" : "0 AS reactivations");
    counts.add(
        dormancy ? count("dormant_end", gapAtEnd(d) + " >= " + days(d)) : "0 AS dormant_end");
    counts.add(count("life_new", isNew));
    counts.add(count("life_returning", "NOT (" + isNew + ") AND " + now + " AND " + prev));
    counts.add(count("life_resurrecting", "NOT (" + isNew + ") AND " + now + " AND NOT " + prev));
    counts.add(count("life_dormant", "NOT (" + isNew + ") AND NOT " + now + " AND " + prev));
    boolean wd = inWorkingDays();
    // Each activity day (and period edge) with its working-day number when a span counts working
    // days; wdn(b − 1) is wdn(b), less one when b is itself a working day.
    String distinctDays =
        "SELECT DISTINCT " + g.keys() + ", kpi_customer, kpi_day FROM kpi_activity";
    String source =
        wd
            ? "SELECT a.*, w.kpi_wdn, w.kpi_working FROM ("
                + (dormancy
                    ? distinctDays
                    : "SELECT " + g.keys() + ", kpi_customer, kpi_day FROM kpi_activity")
                + ") AS a JOIN kpi_wd AS w ON w.kpi_d = a.kpi_day"
            : (dormancy
                ? distinctDays
                : "SELECT " + g.keys() + ", kpi_customer, kpi_day FROM kpi_activity");
    // The gap before each activity day only for dormancy (distinct days, in order); the other
    // states need only the first and last days, which repeated days do not change. Calendar days:
    // b − prev ≥ D + 1 is "dormant at the end of b − 1"; working days: those in (prev, b − 1].
    boolean wdDormancy = dormancy && d.isWorkingDays();
    String before =
        wdDormancy
            ? "kpi_wdn - CASE WHEN kpi_working THEN 1 ELSE 0 END - lag(kpi_wdn)"
            : "kpi_day - lag(kpi_day)";
    String days =
        dormancy
            ? "SELECT *, "
                + before
                + " OVER (PARTITION BY "
                + g.keys()
                + ","
                + " kpi_customer ORDER BY kpi_day) AS kpi_gap\n  FROM ("
                + source
                + ") AS kpi_active"
            : source;
    String edges =
        wd
            ? "(SELECT p.*, s.kpi_wdn AS kpi_start_1_wdn,"
                + " l.kpi_wdn AS kpi_last_wdn FROM (SELECT * FROM "
                + periods
                + ") AS p LEFT JOIN kpi_wd AS s ON s.kpi_d = p.kpi_start - 1"
                + " LEFT JOIN kpi_wd AS l ON l.kpi_d = p.kpi_last) AS kpi_edges"
            : periods;
    String wdn =
        wd
            ? " "
                + Aggregates.where("max", "kpi_wdn", "kpi_day < kpi_start")
                + " AS kpi_before_wdn,"
                + " max(kpi_wdn) AS kpi_end_wdn, kpi_start_1_wdn, kpi_last_wdn,"
            : "";
    // Each customer's days up to the period's end: the least is its first activity ever (one
    // without such a day is in no count of the period).
    return with
        + (wd ? workingDayNumbers(periods, c) : "")
        + ",\nkpi_days AS ("
        + days
        + "),"
        + "\nkpi_states AS (SELECT kpi_period, kpi_start, kpi_last, kpi_prev_start, "
        + g.keys()
        + ", kpi_customer, min(kpi_day) AS kpi_first,"
        + " "
        + Aggregates.where("max", "kpi_day", "kpi_day < kpi_start")
        + " AS kpi_before,"
        + " max(kpi_day) AS kpi_end,"
        + wdn
        + (dormancy
            ? " "
                + Aggregates.countWhere(
                    "kpi_day >= kpi_start AND kpi_gap " + (wdDormancy ? ">= " : "> ") + days(d))
                + " AS kpi_back"
            : " 0 AS kpi_back")
        + "\n  FROM kpi_days JOIN "
        + edges
        + " ON kpi_day <= kpi_last"
        + "\n  GROUP BY kpi_period, kpi_start, kpi_last, kpi_prev_start, "
        + g.keys()
        + ","
        + (wd ? " kpi_start_1_wdn, kpi_last_wdn," : "")
        + " kpi_customer)"
        + "\nSELECT kpi_period, "
        + g.keys()
        + ",\n  "
        + String.join(",\n  ", counts)
        + "\nFROM kpi_states GROUP BY kpi_period, "
        + g.keys();
  }

  /**
   * The calendar table as {@code kpi_wd}: each day (days since 1970-01-01, {@code kpi_d}) with its
   * working-day number and whether it is worked, over the days from the first activity or the day
   * before the first period, whichever is earlier, to the last activity or the last period's last
   * day, whichever is later.
   */
  private static String workingDayNumbers(String periods, SqlColumns c) {
    return ",\nkpi_wd AS "
        + c.calendarTable()
            .byEpochDay(edge("min", "kpi_start - 1", periods), edge("max", "kpi_last", periods));
  }

  /**
   * The earliest ({@code min}) or latest ({@code max}) of the activity days and a period edge: one
   * aggregate over both, which skips the activity's NULL when there is none (least and greatest are
   * not one spelling: some engines return NULL on a NULL).
   */
  private static String edge(String fn, String periodEdge, String periods) {
    return "(SELECT "
        + fn
        + "(kpi_x) FROM (SELECT "
        + fn
        + "(kpi_day) AS kpi_x FROM kpi_activity UNION ALL SELECT "
        + fn
        + "("
        + periodEdge
        + ") FROM "
        + periods
        + ") AS kpi_edge)";
  }
}
