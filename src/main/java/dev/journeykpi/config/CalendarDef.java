package dev.journeykpi.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business calendar: which days are worked, the work intervals of each, and holidays.
 *
 * @param workdays days of the week that are working days (holidays excepted)
 * @param hours work intervals per weekday; an interval whose end is not after its start runs past
 *     midnight
 * @param holidays non-working dates, ranges already expanded
 */
public record CalendarDef(
    Set<DayOfWeek> workdays, Map<DayOfWeek, List<WorkInterval>> hours, Set<LocalDate> holidays) {

  /**
   * Monday to Friday, 08:00–17:00, no holidays: the default when a definition declares no calendar.
   */
  public static CalendarDef standard() {
    List<WorkInterval> day = List.of(new WorkInterval(LocalTime.of(8, 0), LocalTime.of(17, 0)));
    Set<DayOfWeek> days =
        Set.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    Map<DayOfWeek, List<WorkInterval>> hours = new java.util.EnumMap<>(DayOfWeek.class);
    days.forEach(d -> hours.put(d, day));
    return new CalendarDef(days, hours, Set.of());
  }

  /** A work interval; {@code end <= start} means it ends the next day (a night shift). */
  public record WorkInterval(LocalTime start, LocalTime end) {
    public boolean crossesMidnight() {
      return !end.isAfter(start);
    }

    @Override
    public String toString() {
      return start + "-" + end;
    }
  }
}
