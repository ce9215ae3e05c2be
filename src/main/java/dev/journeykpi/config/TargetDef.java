package dev.journeykpi.config;

import java.util.Map;

/**
 * A KPI's target and its amber band.
 *
 * <p>{@code min}: green at or above it; {@code max}: green at or below it; {@code range}: green
 * inside it (both ends included). Amber is either a threshold, {@code amber: 0.70} with {@code min:
 * 0.75} (where red starts), or a band beyond the target, {@code amber_band: 0.05} (absolute) or
 * {@code amber_band: 5%} (of the target; of the range's width for a range). Beyond amber is red;
 * without either, there is no amber. Values of ratios are written as fractions (0.75) or
 * percentages (75%).
 *
 * @param byPeriod per-period values of a min or max bound, keyed by period label: a month
 *     ("2026-10"), a quarter ("2026-Q4") or a year ("2026"); a month without its own value takes
 *     its quarter's, then its year's. An absolute amber keeps its distance from the bound.
 */
public record TargetDef(
    Kind kind,
    double low,
    double high,
    Double amber,
    Double band,
    Double bandPercent,
    Map<String, Double> byPeriod,
    Location location) {
  public enum Kind {
    MIN,
    MAX,
    RANGE
  }

  public TargetDef {
    byPeriod = Map.copyOf(byPeriod);
  }
}
