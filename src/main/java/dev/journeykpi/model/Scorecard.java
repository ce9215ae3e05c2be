package dev.journeykpi.model;

import dev.journeykpi.config.Definition;
import java.util.List;

/**
 * The result of a run: the tidy rows, the periods they cover, and the data-quality report of every
 * source read.
 *
 * @param confidence the level of the rows' confidence intervals in percent ({@code kpi report
 *     --confidence 95}), or null when none was asked: CSV and JSON then have no interval columns
 */
public record Scorecard(
    Definition definition,
    List<Period> periods,
    List<ResultRow> rows,
    List<QualityReport> quality,
    Double confidence) {
  public Scorecard {
    periods = List.copyOf(periods);
    rows = List.copyOf(rows);
    quality = List.copyOf(quality);
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
    return new Scorecard(definition, periods, rows, quality, confidence);
  }
}
