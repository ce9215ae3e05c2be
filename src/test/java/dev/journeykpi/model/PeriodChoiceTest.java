package dev.journeykpi.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --period last}: the last period that has ended and whose last day the data reaches. Each
 * expectation is read off a calendar.
 */
class PeriodChoiceTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static List<String> last(Period.Grain grain, int n, String dataEnd, LocalDate today) {
    return PeriodChoice.last(grain, n).resolve(LocalDate.parse(dataEnd), today).stream()
        .map(Period::label)
        .toList();
  }

  @Test
  void aMonthWhoseLastDayHasRowsIsComplete() {
    // Data to Saturday 31 October: October's last day is in the data, so October is complete.
    assertThat(last(Period.Grain.MONTH, 1, "2026-10-31", TODAY)).containsExactly("2026-10");
  }

  @Test
  void aMonthTheDataStopsInsideIsNotTheLastOne() {
    // Data to 3 November: November is not complete (its last day, the 30th, is not in the data),
    // so the last complete month is October; data to 30 October leaves October incomplete too.
    assertThat(last(Period.Grain.MONTH, 1, "2026-11-03", TODAY)).containsExactly("2026-10");
    assertThat(last(Period.Grain.MONTH, 1, "2026-10-30", TODAY)).containsExactly("2026-09");
  }

  @Test
  void aMonthThatHasNotEndedIsNeverComplete() {
    // Today is 7 December: December has not ended, even if the data (wrongly) reaches the 20th;
    // the data is taken to end yesterday, the 6th, inside December, so November is the last.
    assertThat(last(Period.Grain.MONTH, 1, "2026-12-20", TODAY)).containsExactly("2026-11");
    assertThat(last(Period.Grain.MONTH, 1, "2026-12-06", TODAY)).containsExactly("2026-11");
    // On 31 December itself December is not over: data up to the 31st still gives November.
    assertThat(last(Period.Grain.MONTH, 1, "2026-12-31", LocalDate.of(2026, 12, 31)))
        .containsExactly("2026-11");
    // Without a today (tests, replays), only the data decides.
    assertThat(last(Period.Grain.MONTH, 1, "2026-12-31", null)).containsExactly("2026-12");
  }

  @Test
  void januaryStepsBackIntoTheYearBefore() {
    // Data to 15 January 2026: January incomplete, December 2025 is the last.
    assertThat(last(Period.Grain.MONTH, 1, "2026-01-15", TODAY)).containsExactly("2025-12");
  }

  @Test
  void quartersAndYearsFollowTheSameRule() {
    // Data to 31 October: Q4 (Oct-Dec) is incomplete, so Q3; the year 2026 is incomplete, so 2025.
    assertThat(last(Period.Grain.QUARTER, 1, "2026-10-31", TODAY)).containsExactly("2026-Q3");
    assertThat(last(Period.Grain.YEAR, 1, "2026-10-31", TODAY)).containsExactly("2025");
    // Data to 30 September: Q3's last day is in the data.
    assertThat(last(Period.Grain.QUARTER, 1, "2026-09-30", TODAY)).containsExactly("2026-Q3");
    assertThat(last(Period.Grain.QUARTER, 1, "2026-09-29", TODAY)).containsExactly("2026-Q2");
  }

  @Test
  void aTrendEndsAtTheLastCompletePeriod() {
    // --periods 3 with data to 31 October: August, September, October, oldest first.
    assertThat(last(Period.Grain.MONTH, 3, "2026-10-31", TODAY))
        .containsExactly("2026-08", "2026-09", "2026-10");
    // Two quarters ending at Q3 cross no year; two ending at Q1 2026 do.
    assertThat(last(Period.Grain.QUARTER, 2, "2026-03-31", TODAY))
        .containsExactly("2025-Q4", "2026-Q1");
  }

  @Test
  void theWordsForTheLastPeriod() {
    assertThat(PeriodChoice.lastGrain("last")).isEqualTo(Period.Grain.MONTH);
    assertThat(PeriodChoice.lastGrain(" LAST-Month ")).isEqualTo(Period.Grain.MONTH);
    assertThat(PeriodChoice.lastGrain("last-quarter")).isEqualTo(Period.Grain.QUARTER);
    assertThat(PeriodChoice.lastGrain("last-year")).isEqualTo(Period.Grain.YEAR);
    assertThat(PeriodChoice.lastGrain("2026-10")).isNull();
    assertThat(PeriodChoice.lastGrain("latest")).isNull();
  }

  @Test
  void namedPeriodsAreTheirOwnAnswer() {
    PeriodChoice named = PeriodChoice.of(Period.parse("2026-10"));
    assertThat(named.isLast()).isFalse();
    assertThat(named.resolve(LocalDate.parse("2020-01-01"), TODAY))
        .containsExactly(Period.parse("2026-10"));
  }
}
