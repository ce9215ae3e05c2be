package dev.journeykpi.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The generic KPI types every preset and later KPI family is built from. */
public enum KpiType {
  /** Rows in the population, or distinct values of {@code column}. */
  COUNT,
  /** Sum of a numeric column. */
  SUM,
  MEAN,
  MEDIAN,
  /** The pNN of a numeric column ({@code p: 90}). */
  PERCENTILE,
  /** Share of the denominator population that also matches the numerator filter. */
  RATIO,
  /** Time between two timestamp columns, in calendar or business time, summarised by a statistic. */
  DURATION,
  /** Survey answers on a declared scale: top-box share, mean, or NPS. */
  SCORE,
  /** Share of rows whose start-to-end time met a limit (one limit, or one per priority); open rows judged as of the data's end. */
  SLA,
  /** Share of rows not followed by another row of the same customer within a window (first-contact resolution). */
  NO_REPEAT,
  /** Rows open at the end of the period (started before it ends, not ended by then): a point-in-time count. */
  BACKLOG,
  /** Rows ending in the period ÷ the average of rows open at its start and at its end (employee turnover). */
  TURNOVER,
  /** Customers in an activity export: active, new, churn, retention, reactivation, lifecycle, repeat rate, AOV, CLV, cohorts. */
  CUSTOMERS,
  /** Leads through ordered stages: reached, next-step and cumulative conversion, drop-off, lost, time to the next stage. */
  FUNNEL,
  /** One step's conversion of a funnel KPI (from one stage to a later one), for the scorecard and its targets. */
  CONVERSION,
  /** Of the leads untouched for more than N (working) days before the period, the share touched again in it. */
  STALLED;

  /**
   * Types measured against the whole history at a point in time, rather than over the rows dated in the period. An
   * exhaustive switch, no default: a new type does not compile until it says which it is.
   */
  public boolean isPointInTime() {
    return switch (this) {
      case BACKLOG, TURNOVER, CUSTOMERS, FUNNEL, CONVERSION, STALLED -> true;
      case COUNT, SUM, MEAN, MEDIAN, PERCENTILE, RATIO, DURATION, SCORE, SLA, NO_REPEAT -> false;
    };
  }

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static KpiType fromYaml(String s) {
    return Arrays.stream(values()).filter(t -> t.yamlName().equals(s)).findFirst().orElse(null);
  }

  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(KpiType::yamlName).toList();
  }
}
