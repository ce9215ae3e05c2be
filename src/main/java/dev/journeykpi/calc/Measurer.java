package dev.journeykpi.calc;

import tech.tablesaw.api.Table;

/** Computes one KPI value over a set of rows. Pure: no files, no clock, no printing. */
public interface Measurer {
  /**
   * @param rows the row numbers to measure, ascending; shared, never to be changed. Row arrays
   *     rather than Tablesaw Selections: a scorecard's KPIs read the same million rows many times,
   *     and turning a Selection into an array and back (a bitmap per KPI and group) was a third of
   *     the KPIs' time on the benchmark.
   */
  Measure measure(Table table, int[] rows);

  /**
   * The values the measure summarises, one per row it counts, in the KPI's display unit (a
   * duration's minutes, each answer's score), for comparing two groups' values ({@code compare:});
   * null for a measure that summarises no values (a count, a share).
   */
  default double[] values(Table table, int[] rows) {
    return null;
  }
}
