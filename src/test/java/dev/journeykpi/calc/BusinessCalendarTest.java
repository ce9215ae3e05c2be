package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.CalendarDef;
import dev.journeykpi.config.CalendarDef.WorkInterval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calendar used unless said otherwise: Monday–Friday 08:00–12:00 and 13:30–17:30 (a lunch break),
 * Saturday 08:00–12:00, Sunday off, holiday Wednesday 2026-09-02. Friday is 2026-10-30, Monday
 * 2026-11-02.
 */
class BusinessCalendarTest {
  static final LocalDate HOLIDAY = LocalDate.of(2026, 9, 2);

  static BusinessCalendar vietnameseOffice() {
    Map<DayOfWeek, List<WorkInterval>> hours = new EnumMap<>(DayOfWeek.class);
    List<WorkInterval> weekday = List.of(iv("08:00", "12:00"), iv("13:30", "17:30"));
    for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) hours.put(d, weekday);
    hours.put(DayOfWeek.SATURDAY, List.of(iv("08:00", "12:00")));
    return new BusinessCalendar(new CalendarDef(hours.keySet(), hours, Set.of(HOLIDAY)));
  }

  static WorkInterval iv(String a, String b) {
    return new WorkInterval(LocalTime.parse(a), LocalTime.parse(b));
  }

  static LocalDateTime t(String s) {
    return LocalDateTime.parse(s);
  }

  static long minutes(BusinessCalendar c, String a, String b) {
    long seconds = c.businessSeconds(t(a), t(b));
    // The running-totals clock used for whole columns gives the same number, fresh and after other,
    // far days.
    assertThat(c.clock().between(epoch(a), epoch(b))).isEqualTo(seconds);
    BusinessCalendar.Clock used = c.clock();
    used.between(epoch("2031-05-01T10:00"), epoch("2031-05-03T10:00"));
    assertThat(used.between(epoch(a), epoch(b))).isEqualTo(seconds);
    return seconds / 60;
  }

  static long epoch(String s) {
    return t(s).toEpochSecond(java.time.ZoneOffset.UTC);
  }

  /**
   * One clock over thousands of random spans, growing its totals both ways, agrees with the
   * day-by-day walk.
   */
  @Test
  void clockAgreesWithTheDayByDayWalk() {
    java.util.Random rnd = new java.util.Random(7);
    for (BusinessCalendar c :
        List.of(vietnameseOffice(), nightShift(Set.of(LocalDate.of(2026, 11, 2))))) {
      BusinessCalendar.Clock clock = c.clock();
      long base = epoch("2026-06-01T00:00");
      for (int i = 0; i < 5000; i++) {
        long a = base + (long) (rnd.nextGaussian() * 200 * 86400);
        long b = a + rnd.nextInt(40 * 86400);
        assertThat(clock.between(a, b)).as("%d → %d", a, b).isEqualTo(c.businessSeconds(a, b));
      }
    }
  }

  @Test
  void sameMorning() {
    // Fri 09:00 → 10:30, all inside 08:00–12:00 = 90 min.
    assertThat(minutes(vietnameseOffice(), "2026-10-30T09:00", "2026-10-30T10:30")).isEqualTo(90);
  }

  @Test
  void lunchBreakIsNotWorkingTime() {
    // Fri 11:30 → 14:00: 11:30–12:00 (30) + 13:30–14:00 (30) = 60 min; 12:00–13:30 is lunch.
    assertThat(minutes(vietnameseOffice(), "2026-10-30T11:30", "2026-10-30T14:00")).isEqualTo(60);
  }

  @Test
  void acrossTheWeekend() {
    // Fri 17:00 → Mon 09:00: Fri 17:00–17:30 (30) + Sat 08:00–12:00 (240) + Sun (0) + Mon
    // 08:00–09:00 (60) = 330.
    assertThat(minutes(vietnameseOffice(), "2026-10-30T17:00", "2026-11-02T09:00")).isEqualTo(330);
  }

  @Test
  void acrossAHoliday() {
    // Tue 2026-09-01 17:00 → Thu 09-03 08:30: Tue 17:00–17:30 (30) + Wed holiday (0) + Thu
    // 08:00–08:30 (30) = 60.
    assertThat(minutes(vietnameseOffice(), "2026-09-01T17:00", "2026-09-03T08:30")).isEqualTo(60);
  }

  @Test
  void startOutsideHoursCountsFromTheNextOpening() {
    // Sat 13:00 (after Saturday's 12:00 close) → Mon 08:15: only Mon 08:00–08:15 = 15.
    assertThat(minutes(vietnameseOffice(), "2026-10-31T13:00", "2026-11-02T08:15")).isEqualTo(15);
  }

  @Test
  void entirelyOutsideHoursIsZero() {
    // Sun 10:00 → Sun 16:00: Sunday is not a working day.
    assertThat(minutes(vietnameseOffice(), "2026-11-01T10:00", "2026-11-01T16:00")).isZero();
  }

  @Test
  void endBeforeStartIsNegative() {
    assertThat(minutes(vietnameseOffice(), "2026-10-30T10:30", "2026-10-30T09:00")).isEqualTo(-90);
  }

  /** Night shift 22:00–06:00 Monday to Friday; a shift belongs to the day it starts. */
  static BusinessCalendar nightShift(Set<LocalDate> holidays) {
    Map<DayOfWeek, List<WorkInterval>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
      hours.put(d, List.of(iv("22:00", "06:00")));
    return new BusinessCalendar(new CalendarDef(hours.keySet(), hours, holidays));
  }

  @Test
  void nightShiftAcrossMidnight() {
    BusinessCalendar c = nightShift(Set.of());
    // Mon 23:00 → Tue 01:00: inside Monday's shift = 120.
    assertThat(minutes(c, "2026-11-02T23:00", "2026-11-03T01:00")).isEqualTo(120);
    // Fri 23:00 → Sat 05:00: Friday's shift runs into Saturday = 360, though Saturday is no work
    // day.
    assertThat(minutes(c, "2026-10-30T23:00", "2026-10-31T05:00")).isEqualTo(360);
    // Sat 22:00 → Sun 02:00: Saturday has no shift = 0.
    assertThat(minutes(c, "2026-10-31T22:00", "2026-11-01T02:00")).isZero();
    // Mon 05:00 → Mon 23:00: Sunday has no shift, so 05:00–06:00 is not worked; Mon 22:00–23:00 =
    // 60.
    assertThat(minutes(c, "2026-11-02T05:00", "2026-11-02T23:00")).isEqualTo(60);
  }

  @Test
  void holidayCancelsTheShiftThatStartsOnIt() {
    BusinessCalendar c = nightShift(Set.of(LocalDate.of(2026, 11, 2)));
    // Monday 2026-11-02 is a holiday: its 22:00 shift is not worked.
    assertThat(minutes(c, "2026-11-02T23:00", "2026-11-03T01:00")).isZero();
    // Tuesday's shift is: Tue 22:00 → Wed 06:00 = 480.
    assertThat(minutes(c, "2026-11-03T20:00", "2026-11-04T08:00")).isEqualTo(480);
  }

  @Test
  void workingDaysBetween() {
    BusinessCalendar c = vietnameseOffice();
    // (Fri 10-30, Mon 11-02]: Sat (a working day here) and Mon = 2.
    assertThat(c.workingDaysBetween(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 2)))
        .isEqualTo(2);
    // (Tue 09-01, Thu 09-03]: Wed is a holiday, Thu counts = 1.
    assertThat(c.workingDaysBetween(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 3)))
        .isEqualTo(1);
    assertThat(c.workingDaysBetween(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 1)))
        .isEqualTo(-1);
  }

  @Test
  void workingDaysBefore() {
    BusinessCalendar c = vietnameseOffice();
    // 2 working days before Thu 09-03: Wed 09-02 is a holiday, Tue 09-01 is 1, Mon 08-31 is 2.
    assertThat(c.minusWorkingDays(LocalDate.of(2026, 9, 3), 2))
        .isEqualTo(LocalDate.of(2026, 8, 31));
    assertThat(c.minusWorkingDays(LocalDate.of(2026, 9, 3), 0)).isEqualTo(LocalDate.of(2026, 9, 3));
    // Monday–Friday calendar: 30 working days = 6 whole weeks, so 30 before Mon 11-02 is Mon 09-21.
    BusinessCalendar weekdays = new BusinessCalendar(CalendarDef.standard());
    assertThat(weekdays.minusWorkingDays(LocalDate.of(2026, 11, 2), 30))
        .isEqualTo(LocalDate.of(2026, 9, 21));
    // 3 working days after Fri 10-30 in the office calendar: Sat 10-31, Mon 11-02, Tue 11-03.
    assertThat(c.plusWorkingDays(LocalDate.of(2026, 10, 30), 3))
        .isEqualTo(LocalDate.of(2026, 11, 3));
  }
}
