package dev.journeykpi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * ISO 8601 weeks as periods (issue 19). Worked on a calendar: 1 January 2026 is a Thursday (1
 * January 2025 was a Wednesday, and 2025 has 365 days = 52 weeks + 1 day), so week 1 of 2026 is the
 * week of that Thursday, Monday 29 December 2025 to Sunday 4 January 2026; a year starting on a
 * Thursday has 53 weeks. 2025 starts on a Wednesday and is not a leap year: 52 weeks, its week 1
 * starting Monday 30 December 2024.
 */
class WeekPeriodTest {
  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void aWeekRunsMondayToSunday() {
    // Week 45 starts 44 weeks (308 days) after Monday 2025-12-29: 3 days to 1 January, then day
    // 306 of 2026 = 2 November (Jan..Oct have 304 days). 305 days after a Thursday is a Monday.
    Period w = Period.parse("2026-W45");
    assertThat(w.label()).isEqualTo("2026-W45");
    assertThat(w.grain()).isEqualTo(Period.Grain.WEEK);
    assertThat(w.start()).isEqualTo(d("2026-11-02"));
    assertThat(w.endExclusive()).isEqualTo(d("2026-11-09"));
    // The edges to the minute: Sunday 23:59 is in the week, the next Monday 00:00 is not.
    assertThat(w.contains(LocalDateTime.parse("2026-11-02T00:00"))).isTrue();
    assertThat(w.contains(LocalDateTime.parse("2026-11-08T23:59"))).isTrue();
    assertThat(w.contains(LocalDateTime.parse("2026-11-09T00:00"))).isFalse();
    assertThat(w.contains(LocalDateTime.parse("2026-11-01T23:59"))).isFalse();
    // Lower case and one digit are read; the label is ISO's, two digits.
    assertThat(Period.parse("2026-w5").label()).isEqualTo("2026-W05");
  }

  @Test
  void weeksAcrossTheNewYearBelongToTheirWeekBasedYear() {
    Period first = Period.parse("2026-W01");
    assertThat(first.start()).isEqualTo(d("2025-12-29"));
    assertThat(first.endExclusive()).isEqualTo(d("2026-01-05"));
    assertThat(Period.parse("2025-W01").start()).isEqualTo(d("2024-12-30"));
    // 2026 starts on a Thursday: it has a week 53, Monday 28 December to Sunday 3 January 2027.
    Period w53 = Period.parse("2026-W53");
    assertThat(w53.start()).isEqualTo(d("2026-12-28"));
    assertThat(w53.endExclusive()).isEqualTo(d("2027-01-04"));
    assertThat(Period.parse("2027-W01").start()).isEqualTo(d("2027-01-04"));
    // Which week holds a day: 1 January 2026 is in 2026-W01, 3 January 2027 in 2026-W53,
    // 31 December 2024 in 2025-W01.
    assertThat(Period.weekOf(d("2026-01-01")).label()).isEqualTo("2026-W01");
    assertThat(Period.weekOf(d("2027-01-03")).label()).isEqualTo("2026-W53");
    assertThat(Period.weekOf(d("2027-01-04")).label()).isEqualTo("2027-W01");
    assertThat(Period.weekOf(d("2024-12-31")).label()).isEqualTo("2025-W01");
  }

  @Test
  void weeksThatDoNotExistAreRefused() {
    assertThatThrownBy(() -> Period.parse("2026-W54"))
        .isInstanceOf(UsageException.class)
        .hasMessage("period '2026-W54': 2026 has 53 ISO weeks (2026-W01 to 2026-W53)");
    // 2025 starts on a Wednesday and is not a leap year: 52 weeks.
    assertThatThrownBy(() -> Period.parse("2025-W53"))
        .hasMessage("period '2025-W53': 2025 has 52 ISO weeks (2025-W01 to 2025-W52)");
    assertThatThrownBy(() -> Period.parse("2026-W0"))
        .hasMessage("period '2026-W0': ISO weeks are numbered from 1 (2026-W01 to 2026-W53)");
    assertThatThrownBy(() -> Period.parse("2026-W"))
        .hasMessageContaining("or an ISO week (2026-W45)");
  }

  @Test
  void trendsAndThePreviousWeekCrossTheNewYear() {
    assertThat(Period.parse("2027-W01").lastN(3))
        .extracting(Period::label)
        .containsExactly("2026-W52", "2026-W53", "2027-W01");
    // 2025 has 52 weeks: the week before 2026-W01 (Monday 2025-12-29) starts Monday 2025-12-22.
    Period before = Period.parse("2026-W01").previous();
    assertThat(before.label()).isEqualTo("2025-W52");
    assertThat(before.start()).isEqualTo(d("2025-12-22"));
  }

  @Test
  void theSameWeekAYearEarlier() {
    // 2025-W01 starts Monday 2024-12-30; 44 weeks later = 308 days: 2 days to 1 January 2025,
    // then day 307 of 2025 = 3 November.
    Period y = Period.parse("2026-W45").yearBefore();
    assertThat(y.label()).isEqualTo("2025-W45");
    assertThat(y.start()).isEqualTo(d("2025-11-03"));
    assertThat(y.endExclusive()).isEqualTo(d("2025-11-10"));
    assertThat(Period.parse("2026-W01").yearBefore().start()).isEqualTo(d("2024-12-30"));
    // 2026-W53 has none: 2025 has 52 weeks. 2020 (a leap year starting on a Wednesday) has 53.
    assertThatThrownBy(() -> Period.parse("2026-W53").yearBefore())
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--compare year: 2026-W53 has no week a year earlier (2025 has 52 ISO weeks); compare"
                + " with the week before (--compare previous)");
    // 2020's week 1 starts Monday 2019-12-30; 52 weeks (364 days) later is 28 December 2020.
    assertThat(Period.parse("2020-W53").start()).isEqualTo(d("2020-12-28"));
    assertThatThrownBy(() -> Period.parse("2021-W53"))
        .hasMessageContaining("2021 has 52 ISO weeks");
  }

  @Test
  void theLastCompleteWeek() {
    // Data to Sunday 8 November: 2026-W45 (2 to 8 November) is complete. Data to Saturday the
    // 7th: W45 lacks its Sunday, so W44 (26 October to 1 November) is the last complete week.
    LocalDate today = d("2026-12-07");
    assertThat(PeriodChoice.lastGrain("Last-Week")).isEqualTo(Period.Grain.WEEK);
    assertThat(PeriodChoice.last(Period.Grain.WEEK, 2).resolve(d("2026-11-08"), today))
        .extracting(Period::label)
        .containsExactly("2026-W44", "2026-W45");
    assertThat(PeriodChoice.last(Period.Grain.WEEK, 1).resolve(d("2026-11-07"), today))
        .extracting(Period::label)
        .containsExactly("2026-W44");
    // Today Monday 7 December (2026-W50 has just begun): data to the 20th is taken to end
    // yesterday, Sunday 6 December, the last day of W49.
    assertThat(PeriodChoice.last(Period.Grain.WEEK, 1).resolve(d("2026-12-20"), today))
        .extracting(Period::label)
        .containsExactly("2026-W49");
  }
}
