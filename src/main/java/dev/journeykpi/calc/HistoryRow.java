package dev.journeykpi.calc;

import dev.journeykpi.model.Period;
import java.util.List;

/**
 * One row of a KPI measured over the whole history ({@link KpiRunner#wholeHistory}): its extra
 * dimension values (lifecycle state, cohort and age, funnel stage and step), the value, the period
 * it rests on and its unit.
 *
 * @param unit the row's own unit (a funnel's counts and times), or null for the KPI's
 */
public record HistoryRow(List<String> dims, Measure measure, Period at, String unit) {
  /** A row in the KPI's own unit. */
  public HistoryRow(List<String> dims, Measure measure, Period at) {
    this(dims, measure, at, null);
  }
}
