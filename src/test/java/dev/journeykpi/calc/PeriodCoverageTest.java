package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodCoverageTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void completeWhenOverAndCovered() {
    assertThat(
            PeriodCoverage.incomplete(Period.parse("2026-10"), LocalDate.of(2026, 10, 31), TODAY))
        .isNull();
    assertThat(PeriodCoverage.incomplete(Period.parse("2026-10"), LocalDate.of(2026, 11, 3), TODAY))
        .isNull();
  }

  @Test
  void dataEndingEarlyIsFlagged() {
    assertThat(
            PeriodCoverage.incomplete(Period.parse("2026-10"), LocalDate.of(2026, 10, 25), TODAY))
        .isEqualTo(Note.of(Code.INCOMPLETE_DATA_ENDS, LocalDate.of(2026, 10, 25)));
  }

  @Test
  void periodNotOverIsFlagged() {
    // 22 November: November runs until the 30th, the fourth quarter until 31 December.
    assertThat(
            PeriodCoverage.incomplete(Period.parse("2026-11"), LocalDate.of(2026, 11, 21), TODAY))
        .isEqualTo(Note.of(Code.INCOMPLETE_PERIOD_NOT_OVER, LocalDate.of(2026, 11, 30)));
    assertThat(
            PeriodCoverage.incomplete(Period.parse("2026-Q4"), LocalDate.of(2026, 11, 21), TODAY))
        .isEqualTo(Note.of(Code.INCOMPLETE_PERIOD_NOT_OVER, LocalDate.of(2026, 12, 31)));
    // On the last day itself the period is not over yet.
    assertThat(
            PeriodCoverage.incomplete(
                Period.parse("2026-11"), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)))
        .isNotNull();
  }

  @Test
  void allTimeIsNeverFlagged() {
    assertThat(PeriodCoverage.incomplete(Period.ALL, LocalDate.of(2020, 1, 1), TODAY)).isNull();
  }
}
