package dev.journeykpi.types.duration;

import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.Statistic;

/**
 * {@code duration}: time from a start to an end column, summarised by a statistic.
 *
 * @param end rows without it are open, never zero
 * @param businessTime on the definition's business calendar rather than the wall clock
 */
public record DurationSpec(String start, String end, boolean businessTime, Statistic stat)
    implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.measured(start, end);
  }
}
