package dev.journeykpi.config;

import java.util.List;

/**
 * One KPI as defined in YAML, every default already made explicit.
 *
 * @param time the timestamp column that places a row in a period; null means every row counts in every period
 * @param where population filter, applied before anything else
 * @param numerator for ratios: the filter, within the population, of rows counted above the line
 * @param denominator for ratios: an extra filter narrowing the population below the line
 * @param column the measured column (sum, mean, median, percentile) or the distinct column (count)
 * @param start for durations: the start timestamp column
 * @param end for durations: the end timestamp column; rows without it are open, not zero
 * @param businessTime for durations: measure only the calendar's working time
 * @param statistic for durations, and the percentile of percentile KPIs
 * @param unit display unit: "%" for ratios, seconds/minutes/hours/days for durations, free text otherwise
 * @param target the target and amber band, or null
 * @param columns for sum/mean/median/percentile of several columns: the columns added up per row (AHT = talk + hold +
 *     after-call work); empty for one column
 * @param window for no_repeat: how long after a row another row of the same customer counts as a repeat
 * @param score for score KPIs: the scale, text answers, positive answers and statistic
 * @param sla for sla KPIs: the time limits
 * @param customers for customers KPIs: the measure and how activity is read
 * @param funnel for funnel and conversion KPIs: the stages and how leads move through them
 * @param stalled for stalled KPIs: the lead, the idle span and what closes a lead
 * @param preset the preset the KPI was built from, or null
 * @param rollup {@code by} is a hierarchy, top level first (department, team, agent): rows for every level, each
 *     recomputed from its rows
 */
public record KpiDef(
    String id,
    String label,
    String description,
    KpiType type,
    String source,
    String time,
    Filter where,
    Filter numerator,
    Filter denominator,
    String column,
    String start,
    String end,
    boolean businessTime,
    Statistic statistic,
    List<String> by,
    String unit,
    TargetDef target,
    List<String> columns,
    TimeSpan window,
    ScoreDef score,
    SlaDef sla,
    CustomerDef customers,
    FunnelDef funnel,
    StalledDef stalled,
    String preset,
    boolean rollup,
    Location location) {
  /** This KPI as one step of a funnel KPI: the funnel's source, time, population and stages, this KPI's own rest. */
  public KpiDef asConversionOf(KpiDef f) {
    return new KpiDef(id, label, description, type, f.source(), f.time(), f.where(), numerator, denominator, null, start, end,
        f.businessTime(), statistic, by, unit, target, columns, window, score, sla, customers,
        f.funnel().asConversion(funnel.from(), funnel.to()), stalled, preset, rollup, location);
  }

  /** Every source column the KPI reads, in a stable order. Only these are parsed: an export's other columns cost nothing. */
  public java.util.Set<String> columnsRead() {
    java.util.Set<String> used = new java.util.LinkedHashSet<>();
    java.util.stream.Stream.of(time, column, start, end).filter(x -> x != null).forEach(used::add);
    used.addAll(by);
    used.addAll(columns);
    if (sla != null && sla.by() != null) used.add(sla.by());
    if (funnel != null && funnel.lead() != null) {
      used.add(funnel.lead());
      used.add(funnel.stageColumn());
      funnel.stages().stream().map(FunnelDef.Stage::entered).filter(x -> x != null).forEach(used::add);
    }
    if (stalled != null) {
      used.add(stalled.lead());
      stalled.closed().collectColumns(used);
    }
    if (customers != null) {
      java.util.stream.Stream.of(customers.customer(), customers.order(), customers.value()).filter(x -> x != null).forEach(used::add);
    }
    where.collectColumns(used);
    numerator.collectColumns(used);
    denominator.collectColumns(used);
    return used;
  }

  public KpiDef {
    by = List.copyOf(by);
    columns = List.copyOf(columns);
  }
}
