package dev.journeykpi.types.stalled;

import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.StalledDef;

/**
 * {@code stalled}: of the leads untouched for more than N (working) days before the period, the
 * share touched in it.
 */
public record StalledSpec(StalledDef stalled) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.structure(stalled.lead()).structureFilter(stalled.closed());
  }
}
