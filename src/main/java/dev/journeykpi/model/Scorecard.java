package dev.journeykpi.model;

import dev.journeykpi.config.Definition;
import java.util.List;

/**
 * The result of a run: the tidy rows, the periods they cover, and the data-quality report of every
 * source read.
 */
public record Scorecard(
    Definition definition,
    List<Period> periods,
    List<ResultRow> rows,
    List<QualityReport> quality) {
  public Scorecard {
    periods = List.copyOf(periods);
    rows = List.copyOf(rows);
    quality = List.copyOf(quality);
  }
}
