package dev.journeykpi.sql;

import dev.journeykpi.calc.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition's {@link BusinessCalendar} as a relation the SQL engines join by date, so that
 * business time is a join and arithmetic on every row rather than a walk over days (issue 17).
 *
 * <p>One row per day, {@code kpi_day}, with:
 *
 * <ul>
 *   <li>{@code kpi_cum}: working seconds before the day's midnight, counted from the table's first
 *       day (only differences mean anything);
 *   <li>{@code kpi_s1, kpi_e1 … kpi_sK, kpi_eK}: the day's working pieces, as seconds from its
 *       midnight within 0..86400 ({@code 0, 0} when unused): the tail of yesterday's night shift,
 *       then the day's own intervals cut at midnight (the rest runs into tomorrow's row);
 *   <li>{@code kpi_working}: whether the day is a working day (a worked weekday, not a holiday);
 *   <li>{@code kpi_wdn}: the working-day number, working days up to and including the day.
 * </ul>
 *
 * The working seconds before a moment t are then {@code kpi_cum} of t's day plus the parts of the
 * day's pieces before t's second of the day ({@link #upTo}); the business seconds from a to b are
 * {@code upTo(b) − upTo(a)}, BusinessCalendar.Clock's rule, which a test checks on 100,000 random
 * pairs per shipped calendar.
 *
 * <p>How it is made: what a day's pieces are depends only on its day of the week, whether it is
 * worked and whether the day before was (a holiday cancels the shift that starts on it, including
 * its hours after midnight; a holiday the next day does not), so those at most 28 kinds of day are
 * sent as a small {@code VALUES} list; the days themselves are a series over the dates the data
 * needs, generated in SQL, the holidays an {@code IN} list. The SQL is the same size for 1,000 or
 * 100 million rows, and {@code kpi sql} prints it whole.
 */
public final class CalendarTable {
  private final Dialect d;
  private final BusinessCalendar calendar;

  /** The most working pieces any day has: the columns kpi_s1 … kpi_sK. */
  private final int pieces;

  public CalendarTable(Dialect d, BusinessCalendar calendar) {
    this.d = d;
    this.calendar = calendar;
    int most = 1;
    for (DayOfWeek day : DayOfWeek.values()) most = Math.max(most, pieces(day, true, true).size());
    this.pieces = most;
  }

  /**
   * The relation over the days from {@code fromDate} to {@code toDate} (SQL expressions of dates,
   * both included; a day is added before the first, whose night shift may run into it).
   */
  public String relation(String fromDate, String toDate) {
    List<String> columns = new ArrayList<>(List.of("kpi_dow", "kpi_working", "kpi_prev_working"));
    columns.add("kpi_day_seconds");
    for (int i = 1; i <= pieces; i++) {
      columns.add("kpi_s" + i);
      columns.add("kpi_e" + i);
    }
    List<List<String>> kinds = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (boolean working : new boolean[] {true, false}) {
        for (boolean prev : new boolean[] {true, false}) {
          List<long[]> ps = pieces(day, working, prev);
          List<String> row = new ArrayList<>();
          row.add(String.valueOf(day.getValue()));
          row.add(String.valueOf(working).toUpperCase(java.util.Locale.ROOT));
          row.add(String.valueOf(prev).toUpperCase(java.util.Locale.ROOT));
          long total = 0;
          for (long[] p : ps) total += p[1] - p[0];
          row.add(String.valueOf(total));
          for (int i = 0; i < pieces; i++) {
            row.add(i < ps.size() ? String.valueOf(ps.get(i)[0]) : "0");
            row.add(i < ps.size() ? String.valueOf(ps.get(i)[1]) : "0");
          }
          kinds.add(row);
        }
      }
    }
    List<String> select = new ArrayList<>();
    select.add("kpi_day");
    // Whole days' totals before this day; the sum of integers is exact in any order.
    select.add(
        d.cast(
                "coalesce(sum(kpi_day_seconds) OVER (ORDER BY kpi_day ROWS BETWEEN UNBOUNDED"
                    + " PRECEDING AND 1 PRECEDING), 0)",
                Dialect.SqlType.BIGINT)
            + " AS kpi_cum");
    for (int i = 1; i <= pieces; i++) select.add("kpi_s" + i + ", kpi_e" + i);
    select.add("kpi_working");
    select.add(
        d.cast(
                "sum(CASE WHEN kpi_working THEN 1 ELSE 0 END) OVER (ORDER BY kpi_day ROWS BETWEEN"
                    + " UNBOUNDED PRECEDING AND CURRENT ROW)",
                Dialect.SqlType.BIGINT)
            + " AS kpi_wdn");
    return "(SELECT "
        + String.join(", ", select)
        + "\n  FROM (SELECT kpi_day, kpi_dow, kpi_working,"
        + " coalesce(lag(kpi_working) OVER (ORDER BY kpi_day), FALSE) AS kpi_prev_working"
        + "\n    FROM (SELECT kpi_day, "
        + d.isoDayOfWeek("kpi_day")
        + " AS kpi_dow, "
        + working("kpi_day")
        + " AS kpi_working\n      FROM "
        + d.daySeries(
            d.plusDays(d.cast(fromDate, Dialect.SqlType.DATE), "-1"), // the day before: its night
            toDate)
        + " AS kpi_series) AS kpi_days) AS kpi_days\n  JOIN "
        + d.values("kpi_day_kinds", columns, kinds)
        + " USING (kpi_dow, kpi_working, kpi_prev_working))";
  }

  /** Whether a date is a working day: a worked weekday, not a holiday. */
  private String working(String date) {
    List<String> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values())
      if (calendar.isWorkday(day)) days.add(String.valueOf(day.getValue()));
    if (days.isEmpty()) return "FALSE";
    String out = d.isoDayOfWeek(date) + " IN (" + String.join(", ", days) + ")";
    List<String> holidays = new ArrayList<>();
    for (LocalDate h : calendar.holidays()) holidays.add("DATE '" + h + "'");
    if (!holidays.isEmpty())
      out += " AND " + date + " NOT IN (" + String.join(", ", holidays) + ")";
    return "(" + out + ")";
  }

  /**
   * The working pieces of a day, as seconds from its midnight within 0..86400: the part after
   * midnight of the previous day's night shifts when that day was worked, then the day's own
   * intervals cut at midnight when it is worked.
   */
  private List<long[]> pieces(DayOfWeek day, boolean working, boolean prevWorking) {
    List<long[]> out = new ArrayList<>();
    if (prevWorking) {
      long[] iv = calendar.intervals(day.minus(1));
      for (int i = 0; i < iv.length; i += 2)
        if (iv[i + 1] > 86400) out.add(new long[] {Math.max(0, iv[i] - 86400), iv[i + 1] - 86400});
    }
    if (working) {
      long[] iv = calendar.intervals(day);
      for (int i = 0; i < iv.length; i += 2)
        if (iv[i] < 86400) out.add(new long[] {iv[i], Math.min(86400, iv[i + 1])});
    }
    out.removeIf(p -> p[1] <= p[0]);
    return out;
  }

  /**
   * The working seconds before moment {@code t} (an SQL date-time), from the calendar table's
   * origin; {@code day} is the alias of the table's row for t's date.
   */
  public String upTo(String day, String t) {
    String second = d.secondOfDay(t);
    StringBuilder out = new StringBuilder("(").append(day).append(".kpi_cum");
    for (int i = 1; i <= pieces; i++) {
      // The piece's part before the second: none before its start, all of it after its end (a
      // piece's start is never after its end; an unused piece is 0 to 0), else up to the second.
      String s = day + ".kpi_s" + i;
      String e = day + ".kpi_e" + i;
      out.append(" + CASE WHEN ")
          .append(second)
          .append(" <= ")
          .append(s)
          .append(" THEN 0 WHEN ")
          .append(second)
          .append(" >= ")
          .append(e)
          .append(" THEN ")
          .append(e)
          .append(" - ")
          .append(s)
          .append(" ELSE ")
          .append(second)
          .append(" - ")
          .append(s)
          .append(" END");
    }
    return out.append(")").toString();
  }

  /**
   * Working days in (a, b], as {@link BusinessCalendar#workingDaysBetween}: {@code dayA} and {@code
   * dayB} are the aliases of the table's rows for the two dates. For "untouched for more than N
   * working days" windows (stalled leads, dormancy).
   */
  public String workingDaysBetween(String dayA, String dayB) {
    return "(" + dayB + ".kpi_wdn - " + dayA + ".kpi_wdn)";
  }

  /**
   * The join condition that makes {@code target} the table's row of the date n ≥ 1 working days
   * after the date of row {@code day} (that day not counted), as {@link
   * BusinessCalendar#plusWorkingDays}; the table must reach that far (widen {@link #relation}'s
   * last date).
   */
  public String workingDaysAfter(String day, int n, String target) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1: " + n);
    return target + ".kpi_working AND " + target + ".kpi_wdn = " + day + ".kpi_wdn + " + n;
  }

  /**
   * The table keyed by whole days, for rules that count days as integers (days since 1970-01-01, as
   * {@code LocalDate.toEpochDay}): {@code kpi_d}, {@code kpi_wdn} and {@code kpi_working}, over the
   * days {@code fromDay} to {@code toDay} (SQL integer expressions, both included). The working
   * days in (a, b] are then the difference of b's and a's {@code kpi_wdn}.
   */
  public String byEpochDay(String fromDay, String toDay) {
    String epoch = "DATE '1970-01-01'";
    return "(SELECT "
        + d.daysBetween(epoch, "kpi_day")
        + " AS kpi_d, kpi_wdn, kpi_working FROM "
        + relation(
            d.plusDays(epoch, d.cast(fromDay, Dialect.SqlType.INTEGER)),
            d.plusDays(epoch, d.cast(toDay, Dialect.SqlType.INTEGER)))
        + " AS kpi_days)";
  }

  /**
   * How many days after a date the table must reach for the date n working days later: at most 7
   * days per working day, and 7 more per holiday, since a week has a working day whenever any
   * weekday is worked (and a holiday removes one). A bound, not the exact reach: the table is
   * generated in SQL, so a few hundred spare days cost nothing.
   */
  public int daysToReach(int n) {
    return 7 * (n + calendar.holidays().size() + 1);
  }

  /**
   * The rows of a relation with one more column, {@code as}: the business seconds from date-time
   * {@code a} to date-time {@code b} (SQL expressions over the relation's columns; negative when b
   * is before a, NULL when either is), through the calendar table over the dates the relation's a
   * and b reach, joined by date.
   */
  public String withBusinessSeconds(String rows, String a, String b, String as) {
    return withBusinessSeconds(rows, List.of(new Span(a, b, as)));
  }

  /** Business seconds from {@code from} to {@code to}, as column {@code as}. */
  public record Span(String from, String to, String as) {}

  /**
   * The rows of a relation with a column of business seconds per span, the calendar table joined
   * once per moment the spans name (by its date), over the dates those moments reach.
   */
  public String withBusinessSeconds(String rows, List<Span> spans) {
    List<String> moments = new ArrayList<>();
    for (Span s : spans) {
      if (!moments.contains(s.from())) moments.add(s.from());
      if (!moments.contains(s.to())) moments.add(s.to());
    }
    List<String> reach = new ArrayList<>();
    List<String> lows = new ArrayList<>();
    List<String> highs = new ArrayList<>();
    StringBuilder joins = new StringBuilder();
    for (int i = 0; i < moments.size(); i++) {
      String day = d.cast(moments.get(i), Dialect.SqlType.DATE);
      reach.add("min(" + day + ") AS kpi_m" + i);
      reach.add("max(" + day + ") AS kpi_n" + i);
      lows.add("kpi_m" + i);
      highs.add("kpi_n" + i);
      joins
          .append("\n  LEFT JOIN kpi_calendar AS kpi_cal_")
          .append(i)
          .append(" ON kpi_cal_")
          .append(i)
          .append(".kpi_day = ")
          .append(day);
    }
    // The first and last dates any moment reaches, NULLs skipped: both from one scan of the rows
    // (two subqueries, one for each end, read every row's moments twice: on 10M Parquet rows
    // about 0.7 s of CPU, issue 17).
    String bounds =
        "kpi_bounds AS (SELECT "
            + NullSkipping.least(lows)
            + " AS kpi_first, "
            + NullSkipping.greatest(highs)
            + " AS kpi_last FROM (SELECT "
            + String.join(", ", reach)
            + " FROM "
            + rows
            + " AS kpi_all_rows) AS kpi_reach)";
    String from = "(SELECT kpi_first FROM kpi_bounds)";
    String to = "(SELECT kpi_last FROM kpi_bounds)";
    List<String> select = new ArrayList<>(List.of("kpi_rows.*"));
    for (Span s : spans) {
      String a = "kpi_cal_" + moments.indexOf(s.from());
      String b = "kpi_cal_" + moments.indexOf(s.to());
      select.add(upTo(b, s.to()) + " - " + upTo(a, s.from()) + " AS " + s.as());
    }
    return "(WITH kpi_calendar AS (WITH "
        + bounds
        + " SELECT * FROM "
        + relation(from, to)
        + " AS kpi_days_reached)"
        + "\nSELECT "
        + String.join(", ", select)
        + "\nFROM "
        + rows
        + " AS kpi_rows"
        + joins
        + ")";
  }
}
