package dev.journeykpi.calc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the tidy result every KPI produces: a KPI's value for one period and one combination of breakdown
 * values. A breakdown dimension whose value is {@link #TOTAL} is aggregated over; {@link #BLANK} stands for rows that
 * had no value in that column.
 */
public record ResultRow(
    String kpi,
    String label,
    String period,
    Map<String, String> dims,
    Double value,
    String unit,
    Double numerator,
    Double denominator,
    long n,
    String target,
    String status,
    String note) {
  public static final String TOTAL = "(total)";
  public static final String BLANK = "(blank)";

  public ResultRow {
    dims = Collections.unmodifiableMap(new LinkedHashMap<>(dims));
  }

  public boolean isTotal() {
    return dims.values().stream().allMatch(TOTAL::equals);
  }

  static ResultRow of(String kpi, String label, String period, Map<String, String> dims, String unit, Measure m,
      TargetStatus.Applied target) {
    return new ResultRow(kpi, label, period, dims, m.value(), unit, m.numerator(), m.denominator(), m.n(),
        target == null ? "" : target.text(), target == null ? "" : target.of(m.value()).text(), m.note());
  }
}
