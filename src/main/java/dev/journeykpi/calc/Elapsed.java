package dev.journeykpi.calc;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import tech.tablesaw.columns.Column;

/**
 * Elapsed time between two timestamps, in calendar time or the business calendar's working time.
 */
public final class Elapsed {
  /** Codes in a per-row array of seconds: no end yet, no start, end before start. */
  public static final double OPEN = -1;

  public static final double NO_START = -2;
  public static final double NEGATIVE = -3;

  private Elapsed() {}

  /** Seconds from start to end for every row of the columns, or one of the codes above. */
  public static double[] perRow(Column<?> s, Column<?> e, BusinessCalendar calendar, ZoneId zone) {
    double[] out = new double[s.size()];
    BusinessCalendar.Clock clock = calendar == null ? null : calendar.clock();
    long steady = steadyFrom(zone);
    for (int row = 0; row < out.length; row++) {
      long a = Cells.packedTime(s, row);
      long b = a == Cells.MISSING_TIME ? 0 : Cells.packedTime(e, row);
      if (a == Cells.MISSING_TIME) {
        out[row] = NO_START;
      } else if (b == Cells.MISSING_TIME) {
        out[row] = OPEN;
      } else if (b < a) {
        // Judge the order on the clock, not in business time: an end before the start is a data
        // error even when
        // both fall outside working hours, where the business duration would be a harmless-looking
        // 0.
        out[row] = NEGATIVE;
      } else if (clock != null) {
        out[row] = clock.between(Cells.localEpochSecond(a), Cells.localEpochSecond(b));
      } else if (a >= steady) {
        out[row] = (Cells.localEpochMillis(b) - Cells.localEpochMillis(a)) / 1000.0;
      } else {
        out[row] = between(a, b, null, zone);
      }
    }
    return out;
  }

  /**
   * Seconds from packed time a to packed time b (a ≤ b); business seconds when a calendar is given.
   */
  public static double between(long a, long b, BusinessCalendar calendar, ZoneId zone) {
    if (calendar != null)
      return calendar.businessSeconds(Cells.localEpochSecond(a), Cells.localEpochSecond(b));
    if (a >= steadyFrom(zone))
      return (Cells.localEpochMillis(b) - Cells.localEpochMillis(a)) / 1000.0;
    // Real elapsed time across daylight-saving changes.
    return Duration.between(Cells.time(a).atZone(zone), Cells.time(b).atZone(zone)).toMillis()
        / 1000.0;
  }

  /**
   * The local time from which wall-clock differences in the zone are real elapsed time (see {@link
   * #steadyFrom}): {@link java.time.LocalDateTime#MIN} for a zone that never changed, null for one
   * that keeps changing (daylight saving).
   */
  public static java.time.LocalDateTime wallClockFrom(ZoneId zone) {
    long steady = steadyFrom(zone);
    if (steady == Long.MAX_VALUE) return null;
    return steady == Long.MIN_VALUE ? java.time.LocalDateTime.MIN : Cells.time(steady);
  }

  private static final java.util.Map<ZoneId, Long> STEADY =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The packed local time after which the zone's offset never changes again (its last transition),
   * or MAX_VALUE when it keeps changing (daylight saving rules). From then on, wall-clock
   * differences are real elapsed time, and the cheap subtraction replaces a zoned-time computation
   * per row: Asia/Ho_Chi_Minh's last change was in 1975.
   */
  private static long steadyFrom(ZoneId zone) {
    return STEADY.computeIfAbsent(
        zone,
        z -> {
          java.time.zone.ZoneRules rules = z.getRules();
          if (rules.isFixedOffset()) return Long.MIN_VALUE;
          if (!rules.getTransitionRules().isEmpty()) return Long.MAX_VALUE;
          List<java.time.zone.ZoneOffsetTransition> ts = rules.getTransitions();
          if (ts.isEmpty()) return Long.MIN_VALUE;
          java.time.zone.ZoneOffsetTransition last = ts.get(ts.size() - 1);
          java.time.LocalDateTime after =
              last.getDateTimeAfter().isAfter(last.getDateTimeBefore())
                  ? last.getDateTimeAfter()
                  : last.getDateTimeBefore();
          return Cells.packed(after);
        });
  }

  /**
   * The latest timestamp in any of the columns, or MISSING_TIME: where an export ends, the moment
   * open rows are judged at.
   */
  public static long latest(Column<?>... columns) {
    long max = Cells.MISSING_TIME;
    for (Column<?> c : columns) {
      for (int row = 0, n = c.size(); row < n; row++) max = Math.max(max, Cells.packedTime(c, row));
    }
    return max;
  }
}
