package dev.journeykpi.types.funnel;

import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.sql.CalendarTable;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialect.SqlType;
import dev.journeykpi.sql.NullSkipping;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar's part of a funnel's SQL ({@link FunnelPathSql}): the calendar table over the days
 * the stage times reach, each day's window end for a {@code within:} of working days, and on the
 * business clock each lead's working seconds before its entry into each stage — the relations that
 * turn business time and working-day windows into joins and differences of columns.
 */
final class FunnelCalendarSql {
  private final FunnelDef def;
  private final Dialect d;
  private final int n;

  /** The definition's calendar, or null when neither business time nor working days are needed. */
  private final CalendarTable calendar;

  /** Times between stages on the business clock. */
  private final boolean business;

  FunnelCalendarSql(FunnelDef def, Dialect d, CalendarTable calendar, boolean business) {
    this.def = def;
    this.d = d;
    this.n = def.stages().size();
    this.calendar = calendar;
    this.business = business;
  }

  static boolean workingDayWindow(FunnelDef def) {
    return def.window() != null && def.window().isWorkingDays();
  }

  /**
   * The calendar table ({@code kpi_calendar}) over the days the stage times reach, when business
   * time or a window of working days needs it; for such a window it reaches far enough after the
   * last time ({@link CalendarTable#daysToReach}), and {@code kpi_window_ends} gives each day's
   * window end: the N-th working day after it (the day itself not counted, worked or not), as
   * {@link dev.journeykpi.calc.BusinessCalendar#plusWorkingDays} finds it.
   */
  String calendar() {
    if (calendar == null) return "";
    List<String> times = new ArrayList<>();
    if (def.history()) times.add("t");
    else for (int k = 0; k < n; k++) times.add("e" + k);
    List<String> mins = new ArrayList<>(), maxs = new ArrayList<>(), names = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      String day = d.cast(times.get(i), SqlType.DATE);
      mins.add("min(" + day + ") AS kpi_m" + i);
      maxs.add("max(" + day + ") AS kpi_m" + i);
      names.add("kpi_m" + i);
    }
    String from =
        "(SELECT "
            + NullSkipping.least(names)
            + " FROM (SELECT "
            + String.join(", ", mins)
            + " FROM kpi_typed) AS kpi_first)";
    String last = NullSkipping.greatest(names);
    if (workingDayWindow(def))
      last = d.plusDays(last, String.valueOf(calendar.daysToReach(def.window().workingDays())));
    String to =
        "(SELECT "
            + last
            + " FROM (SELECT "
            + String.join(", ", maxs)
            + " FROM kpi_typed) AS kpi_last)";
    String out = ",\nkpi_calendar AS " + calendar.relation(from, to);
    if (workingDayWindow(def))
      out +=
          ",\nkpi_window_ends AS (\n  SELECT kpi_from.kpi_day, kpi_end.kpi_day AS kpi_end_day FROM"
              + " kpi_calendar AS kpi_from JOIN kpi_calendar AS kpi_end ON "
              + calendar.workingDaysAfter("kpi_from", def.window().workingDays(), "kpi_end")
              + "\n)";
    return out;
  }

  /**
   * On the business clock, each lead with {@code bu<k>}: the working seconds before its first entry
   * into stage k ({@link CalendarTable#upTo}, the calendar table joined at that entry's date), so
   * that the business time between two stages is a difference of two columns, as {@link
   * dev.journeykpi.calc.BusinessCalendar#businessSeconds} counts it (whole seconds).
   */
  String businessTimes() {
    if (!business) return "";
    StringBuilder cols = new StringBuilder("kpi_lead.*");
    StringBuilder joins = new StringBuilder();
    for (int k = 0; k < n; k++) {
      String f = "kpi_lead.f" + k, day = "kpi_b" + k;
      cols.append(", ").append(calendar.upTo(day, f)).append(" AS bu").append(k);
      joins
          .append("\n    LEFT JOIN kpi_calendar AS ")
          .append(day)
          .append(" ON ")
          .append(day)
          .append(".kpi_day = ")
          .append(d.cast(f, SqlType.DATE));
    }
    return ",\nkpi_lead_hours AS (\n  SELECT " + cols + "\n  FROM kpi_lead" + joins + "\n)";
  }

  /**
   * The leads as {@link FunnelPathSql} reads them: with their working seconds on the business
   * clock.
   */
  String leadRelation() {
    return business ? "kpi_lead_hours" : "kpi_lead";
  }

  /**
   * For a window of working days, the filled-in paths with {@code we<k>}: where the window from
   * stage k's time ends, its time of day on the N-th working day after its date ({@link
   * dev.journeykpi.calc.BusinessCalendar#plusWorkingDays}), as FunnelPaths.step has it.
   */
  String windowEnds() {
    StringBuilder cols = new StringBuilder("kpi_filled.*");
    StringBuilder joins = new StringBuilder();
    for (int k = 0; k < n; k++) {
      String at = "kpi_filled.at" + k, w = "kpi_w" + k;
      String date = d.cast(at, SqlType.DATE);
      cols.append(", ")
          .append(d.timestampPlusDays(at, d.daysBetween(date, w + ".kpi_end_day")))
          .append(" AS we")
          .append(k);
      joins
          .append("\n    LEFT JOIN kpi_window_ends AS ")
          .append(w)
          .append(" ON ")
          .append(w)
          .append(".kpi_day = ")
          .append(date);
    }
    return ", kpi_windows AS (\n  SELECT " + cols + "\n  FROM kpi_filled" + joins + "\n)";
  }
}
