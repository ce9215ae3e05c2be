package dev.journeykpi.calc;

import dev.journeykpi.config.CalendarDef;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Business-time arithmetic in one place: working time between two moments (work intervals, several
 * per day, lunch breaks, weekends, holidays, night shifts past midnight), and working-day counting.
 *
 * <p>A night shift {@code 22:00-06:00} belongs to the day it starts on: a holiday on that day
 * cancels the whole shift, a holiday on the next day does not. Times are wall-clock times of the
 * definition's time zone.
 */
public final class BusinessCalendar {
  /**
   * Per ISO day of week (index 1..7): pairs of start/end seconds from that day's midnight; end may
   * pass 86400.
   */
  private final long[][] intervals = new long[8][];

  private final Set<DayOfWeek> workdays;
  private final Set<LocalDate> holidays;

  /** Holidays as epoch days, for the allocation-free path used on every row. */
  private final java.util.BitSet holidayBits = new java.util.BitSet();

  private final long holidayBase;
  private final boolean[] workday = new boolean[8];

  public BusinessCalendar(CalendarDef def) {
    this.workdays = def.workdays();
    this.holidays = def.holidays();
    for (DayOfWeek d : DayOfWeek.values()) {
      List<CalendarDef.WorkInterval> list =
          workdays.contains(d) ? def.hours().getOrDefault(d, List.of()) : List.of();
      long[] a = new long[list.size() * 2];
      for (int i = 0; i < list.size(); i++) {
        CalendarDef.WorkInterval w = list.get(i);
        a[2 * i] = w.start().toSecondOfDay();
        a[2 * i + 1] = w.end().toSecondOfDay() + (w.crossesMidnight() ? 86400 : 0);
      }
      intervals[d.getValue()] = a;
      workday[d.getValue()] = workdays.contains(d);
    }
    holidayBase = holidays.stream().mapToLong(LocalDate::toEpochDay).min().orElse(0);
    holidays.forEach(h -> holidayBits.set((int) (h.toEpochDay() - holidayBase)));
  }

  private boolean isWorkingEpochDay(long day) {
    if (!workday[dayOfWeek(day)]) return false;
    long i = day - holidayBase;
    return i < 0 || i > Integer.MAX_VALUE || !holidayBits.get((int) i);
  }

  /** ISO day of week (Monday 1) of an epoch day; 1970-01-01 was a Thursday. */
  private static int dayOfWeek(long epochDay) {
    return (int) Math.floorMod(epochDay + 3, 7L) + 1;
  }

  /**
   * Working seconds between two wall-clock times given as seconds since 1970-01-01T00:00 of the
   * local calendar; negative when b is before a. The allocation-free form used for every row of a
   * duration KPI.
   */
  public long businessSeconds(long a, long b) {
    if (b < a) return -businessSeconds(b, a);
    long total = 0;
    long lastDay = Math.floorDiv(b, 86400L);
    // Start a day early: yesterday's night shift may run into a.
    for (long day = Math.floorDiv(a, 86400L) - 1; day <= lastDay; day++) {
      if (!isWorkingEpochDay(day)) continue;
      long midnight = day * 86400L;
      long[] iv = intervals[dayOfWeek(day)];
      for (int i = 0; i < iv.length; i += 2) {
        long s = Math.max(midnight + iv[i], a);
        long e = Math.min(midnight + iv[i + 1], b);
        if (e > s) total += e - s;
      }
    }
    return total;
  }

  /** Working seconds of a whole day's intervals (night shifts included in full), 0 on a day off. */
  private long dayTotal(long day) {
    if (!isWorkingEpochDay(day)) return 0;
    long[] iv = intervals[dayOfWeek(day)];
    long total = 0;
    for (int i = 0; i < iv.length; i += 2) total += iv[i + 1] - iv[i];
    return total;
  }

  /** A clock of working time for many durations in a row, e.g. every row of a duration KPI. */
  public Clock clock() {
    return new Clock();
  }

  /**
   * Working time counted from a fixed origin, so that the working seconds between a and b are
   * {@code upTo(b) - upTo(a)}, in constant time however many days apart: the same number as {@link
   * #businessSeconds(long, long)} (a test checks both agree), which walks day by day and dominated
   * durations of several days on a million rows. Keeps running totals per day over the days asked
   * about so far; not for use by several threads at once.
   */
  public final class Clock {
    private long first; // the day totals[0] starts at
    private long[] totals =
        new long[0]; // totals[i]: working seconds of the days first .. first + i - 1
    private long[][] hours =
        new long[0][]; // hours[i]: the work intervals of day first + i, null on a day off

    /** Working seconds from a to b, both seconds since 1970-01-01T00:00 of the local calendar. */
    public long between(long a, long b) {
      long dayA = Math.floorDiv(a, 86400L);
      long dayB = Math.floorDiv(b, 86400L);
      cover(Math.min(dayA, dayB) - 2, Math.max(dayA, dayB));
      return upTo(b, dayB) - upTo(a, dayA);
    }

    /** Working seconds before moment t, in day, from the origin; the day must be covered. */
    private long upTo(long t, long day) {
      // Intervals of days up to day - 2 are over by day's midnight (a shift ends at most a day
      // after its own); days after day have not begun.
      int i = (int) (day - first);
      return totals[i - 1]
          + before(hours[i - 1], (day - 1) * 86400L, t)
          + before(hours[i], day * 86400L, t);
    }

    private void cover(long from, long to) {
      if (totals.length > 0 && from >= first && to - first < totals.length) return;
      long lo = totals.length == 0 ? from - 31 : Math.min(first, from - (totals.length + 31));
      long hi =
          totals.length == 0
              ? to + 31
              : Math.max(first + totals.length - 1, to + totals.length + 31);
      long[] t = new long[(int) (hi - lo + 1)];
      long[][] h = new long[t.length][];
      for (int i = 0; i < t.length; i++) {
        long day = lo + i;
        h[i] = isWorkingEpochDay(day) ? intervals[dayOfWeek(day)] : null;
        if (i > 0) t[i] = t[i - 1] + dayTotal(day - 1);
      }
      first = lo;
      totals = t;
      hours = h;
    }
  }

  /** Working seconds of a day's intervals ({@code null} on a day off) that lie before moment t. */
  private static long before(long[] iv, long midnight, long t) {
    if (iv == null) return 0;
    long total = 0;
    for (int i = 0; i < iv.length; i += 2) {
      long e = Math.min(midnight + iv[i + 1], t);
      long s = midnight + iv[i];
      if (e > s) total += e - s;
    }
    return total;
  }

  /**
   * The work intervals of a day of the week as start/end pairs of seconds from its midnight (an end
   * past 86400 runs into the next day); empty on a day that is not worked. A copy, for the SQL
   * engines' calendar table ({@code sql.CalendarTable}).
   */
  public long[] intervals(DayOfWeek d) {
    return intervals[d.getValue()].clone();
  }

  /** Whether the day of the week is worked (holidays aside). */
  public boolean isWorkday(DayOfWeek d) {
    return workday[d.getValue()];
  }

  /** The holidays, in date order. */
  public List<LocalDate> holidays() {
    return holidays.stream().sorted().toList();
  }

  public boolean isWorkingDay(LocalDate d) {
    return workdays.contains(d.getDayOfWeek()) && !holidays.contains(d);
  }

  /** Working seconds in [a, b); negative when b is before a. */
  public long businessSeconds(LocalDateTime a, LocalDateTime b) {
    return businessSeconds(a.toEpochSecond(ZoneOffset.UTC), b.toEpochSecond(ZoneOffset.UTC));
  }

  /** The date n working days before d (d itself not counted); n = 0 gives d. */
  public LocalDate minusWorkingDays(LocalDate d, int n) {
    LocalDate x = d;
    for (int left = n; left > 0; ) {
      x = x.minusDays(1);
      if (isWorkingDay(x)) left--;
    }
    return x;
  }

  /** The date n working days after d (d itself not counted). */
  public LocalDate plusWorkingDays(LocalDate d, int n) {
    LocalDate x = d;
    for (int left = n; left > 0; ) {
      x = x.plusDays(1);
      if (isWorkingDay(x)) left--;
    }
    return x;
  }

  /**
   * Working days in (a, b]: from Friday to the next Monday is 1 (Monday) in a Monday–Friday
   * calendar.
   */
  public long workingDaysBetween(LocalDate a, LocalDate b) {
    if (b.isBefore(a)) return -workingDaysBetween(b, a);
    long n = 0;
    for (LocalDate x = a.plusDays(1); !x.isAfter(b); x = x.plusDays(1)) {
      if (isWorkingDay(x)) n++;
    }
    return n;
  }
}
