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
  DURATION;

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
