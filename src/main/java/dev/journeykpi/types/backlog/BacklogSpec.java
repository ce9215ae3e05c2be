package dev.journeykpi.types.backlog;

import dev.journeykpi.config.KpiSpec;

/**
 * {@code backlog}: rows open at the end of the period (started before it ends, not ended by then).
 */
public record BacklogSpec(String start, String end) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.measured(start, end);
  }
}
