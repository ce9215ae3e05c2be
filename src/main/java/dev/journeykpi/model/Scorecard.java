package dev.journeykpi.model;

import dev.journeykpi.config.Definition;
import java.util.List;

/**
 * The result of a run: the tidy rows, the periods they cover, and the data-quality report of every
 * source read.
 *
 * @param confidence the level of the rows' confidence intervals in percent ({@code kpi report
 *     --confidence 95}), or null when none was asked: CSV and JSON then have no interval columns
 * @param comparisons each variant against its control for the KPIs with {@code compare:}, in the
 *     rows' order; empty when none has it (CSV and JSON then have no comparison columns)
 */
public record Scorecard(
    Definition definition,
    List<Period> periods,
    List<ResultRow> rows,
    List<QualityReport> quality,
    Double confidence,
    List<VariantComparison> comparisons) {
  public Scorecard {
    periods = List.copyOf(periods);
    rows = List.copyOf(rows);
    quality = List.copyOf(quality);
    comparisons = List.copyOf(comparisons);
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
    return new Scorecard(definition, periods, rows, quality, confidence, comparisons);
  }

  /** The same scorecard with these A/B comparisons. */
  public Scorecard withComparisons(List<VariantComparison> found) {
    return new Scorecard(definition, periods, rows, quality, confidence, found);
  }
}
