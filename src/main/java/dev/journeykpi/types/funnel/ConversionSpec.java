package dev.journeykpi.types.funnel;

import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.Location;

/**
 * {@code conversion}: one step of a funnel KPI, from one stage to a later one, for the scorecard
 * and its targets.
 *
 * @param funnelKpi the funnel KPI's id
 * @param at where {@code funnel}, {@code from} and {@code to} were written, for the checks once
 *     every KPI is bound
 * @param funnel the funnel's stages seen as this step, once resolved; null before
 * @param businessTime the funnel's clock, once resolved
 */
public record ConversionSpec(
    String funnelKpi,
    String from,
    String to,
    java.util.List<Location> at,
    FunnelDef funnel,
    boolean businessTime)
    implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    if (funnel != null) FunnelWords.columns(funnel, out);
  }
}
