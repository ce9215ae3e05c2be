package dev.journeykpi.calc;

import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Period;
import java.time.LocalDate;

/**
 * Whether a period's numbers are final: the period has ended (as of {@code today}), and the data
 * reaches its last day. A month whose export stops on the 25th is flagged, so nobody reads a
 * partial month as a bad month.
 */
public final class PeriodCoverage {
  private PeriodCoverage() {}

  /**
   * Null when complete, else why not (an {@code INCOMPLETE_*} note). {@code lastDataDay} is the
   * latest date in the KPI's time column, or null.
   */
  public static Note incomplete(Period p, LocalDate lastDataDay, LocalDate today) {
    if (p.grain() == Period.Grain.ALL) return null;
    LocalDate lastDay = p.endExclusive().minusDays(1);
    if (today != null && !today.isAfter(lastDay))
      return Note.of(Code.INCOMPLETE_PERIOD_NOT_OVER, lastDay);
    if (lastDataDay != null && lastDataDay.isBefore(lastDay))
      return Note.of(Code.INCOMPLETE_DATA_ENDS, lastDataDay);
    return null;
  }
}
