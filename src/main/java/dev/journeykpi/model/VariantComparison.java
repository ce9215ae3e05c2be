package dev.journeykpi.model;

/**
 * One variant of a KPI with {@code compare:} against its control in one period (issue 20): both
 * values, the difference variant − control in the KPI's own scale (a fraction for a rate, NPS
 * points, minutes), the relative lift, a confidence interval of the difference, the two-sided
 * p-value and the p-value after Holm's correction over every comparison of the period in the run.
 *
 * @param column the compared column ({@code compare.by})
 * @param method the test, as CSV and JSON name it ({@code newcombe-hybrid-score}, {@code welch-t},
 *     {@code nps-trinomial}, {@code bootstrap-percentile})
 * @param level the confidence of the interval in percent
 * @param lift difference ÷ |control value| (a conversion rate from 10 % to 12 %: 0.2, "+20 %");
 *     null for a control of 0 or without a test
 * @param missing why there is no test (then difference, interval and p-values are null); null when
 *     there is one
 * @param within the group of the KPI's other breakdown columns the variant and its control are
 *     compared in ({@code by: channel}: {channel=Email}), in the breakdown's order; empty when the
 *     compared column is the KPI's only breakdown
 */
public record VariantComparison(
    String kpi,
    String period,
    String column,
    String control,
    String variant,
    String unit,
    Double controlValue,
    Double variantValue,
    long controlN,
    long variantN,
    Double difference,
    Double lift,
    Double low,
    Double high,
    Double p,
    Double pAdjusted,
    String method,
    double level,
    Missing missing,
    java.util.Map<String, String> within) {
  public VariantComparison {
    within = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(within));
  }

  /** A comparison over the whole period, the compared column the KPI's only breakdown. */
  public VariantComparison(
      String kpi,
      String period,
      String column,
      String control,
      String variant,
      String unit,
      Double controlValue,
      Double variantValue,
      long controlN,
      long variantN,
      Double difference,
      Double lift,
      Double low,
      Double high,
      Double p,
      Double pAdjusted,
      String method,
      double level,
      Missing missing) {
    this(
        kpi,
        period,
        column,
        control,
        variant,
        unit,
        controlValue,
        variantValue,
        controlN,
        variantN,
        difference,
        lift,
        low,
        high,
        p,
        pAdjusted,
        method,
        level,
        missing,
        java.util.Map.of());
  }

  /** Why a variant has no test against its control. */
  public enum Missing {
    /** No row of the period has the control value. */
    NO_CONTROL_ROWS,
    /** The variant or the control has no value in the period (no answers, no durations). */
    NO_VALUE,
    /** A mean or a bootstrap needs two values a side (a rate, a denominator above 0). */
    TOO_FEW_VALUES,
    /**
     * Every value of each group the same (each NPS answer of a group in one class): no standard
     * error, no resample that differs from the sample, so no interval.
     */
    NO_SPREAD
  }

  /** This comparison with its Holm-adjusted p-value. */
  public VariantComparison adjusted(double holm) {
    return new VariantComparison(
        kpi,
        period,
        column,
        control,
        variant,
        unit,
        controlValue,
        variantValue,
        controlN,
        variantN,
        difference,
        lift,
        low,
        high,
        p,
        holm,
        method,
        level,
        missing,
        within);
  }

  /**
   * The breakdown's labels of the variant's row: the group it is compared within and the variant,
   * each under its column.
   */
  public java.util.Map<String, String> dims() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>(within);
    out.put(column, variant);
    return out;
  }
}
