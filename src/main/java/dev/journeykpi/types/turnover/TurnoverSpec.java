package dev.journeykpi.types.turnover;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.KpiSpec;

/**
 * {@code turnover}: rows ending in the period ÷ the average of rows open at its start and at its
 * end.
 *
 * @param start the hire date
 * @param end the leaving date
 * @param leavers which leavers count (the {@code numerator:} filter); everyone stays in the
 *     headcount
 */
public record TurnoverSpec(String start, String end, Filter leavers) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.measured(start, end).filter(leavers);
  }
}
