package dev.journeykpi.types.funnel;

import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiSpec;

/**
 * {@code funnel}: leads through ordered stages.
 *
 * @param businessTime times between stages on the business calendar
 */
public record FunnelSpec(FunnelDef funnel, boolean businessTime) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    FunnelWords.columns(funnel, out);
  }
}
