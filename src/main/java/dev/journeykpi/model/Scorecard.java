package dev.journeykpi.model;

import dev.journeykpi.config.Definition;
import java.util.List;

/**
 * The result of a run: the tidy rows, the periods they cover, and the data-quality report of every
 * source read.
 *
 * @param confidence the run's level of the rows' confidence intervals in percent ({@code kpi report
 *     --confidence 95}), or null when none was asked
 * @param comparisons each variant against its control for the KPIs with {@code compare:}, in the
 *     rows' order; empty when none has it (CSV and JSON then have no comparison columns)
 * @param kpiLevels a KPI of the scorecard sets its own level ({@code confidence: 90}): its rows
 *     have intervals even without {@code --confidence}, and CSV and JSON say the level of each
 *     row's intervals ({@code ci_level}), since they may differ
 */
public record Scorecard(
    Definition definition,
    List<Period> periods,
    List<ResultRow> rows,
    List<QualityReport> quality,
    Double confidence,
    List<VariantComparison> comparisons,
    boolean kpiLevels) {
  public Scorecard {
    periods = List.copyOf(periods);
    rows = List.copyOf(rows);
    quality = List.copyOf(quality);
    comparisons = List.copyOf(comparisons);
  }

  /** A scorecard whose intervals are all at the run's level. */
  public Scorecard(
      Definition definition,
      List<Period> periods,
      List<ResultRow> rows,
      List<QualityReport> quality,
      Double confidence,
      List<VariantComparison> comparisons) {
    this(definition, periods, rows, quality, confidence, comparisons, false);
  }

  /** A scorecard without A/B comparisons. */
  public Scorecard(
      Definition definition,
      List<Period> periods,
      List<ResultRow> rows,
      List<QualityReport> quality,
      Double confidence) {
    this(definition, periods, rows, quality, confidence, List.of());
  }

  public Scorecard(
      Definition definition,
      List<Period> periods,
      List<ResultRow> rows,
      List<QualityReport> quality) {
    this(definition, periods, rows, quality, null);
  }

  /** The same scorecard with these rows and intervals at this confidence level. */
  public Scorecard withIntervals(List<ResultRow> rows, double confidence) {
    return withIntervals(rows, confidence, false);
  }

  /**
   * The same scorecard with these rows and their intervals, at the run's level {@code confidence}
   * (null without {@code --confidence}) and, with {@code kpiLevels}, some at their KPI's own.
   */
  public Scorecard withIntervals(List<ResultRow> rows, Double confidence, boolean kpiLevels) {
    return new Scorecard(definition, periods, rows, quality, confidence, comparisons, kpiLevels);
  }

  /** The same scorecard with these A/B comparisons. */
  public Scorecard withComparisons(List<VariantComparison> found) {
    return new Scorecard(definition, periods, rows, quality, confidence, found, kpiLevels);
  }

  /**
   * Whether the rows were given intervals (by {@code --confidence} or a KPI's {@code confidence:}):
   * CSV and JSON then have the interval columns, empty on rows that are not shares.
   */
  public boolean hasIntervals() {
    return confidence != null || kpiLevels;
  }
}
