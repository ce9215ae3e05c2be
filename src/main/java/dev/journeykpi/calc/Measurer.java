package dev.journeykpi.calc;

import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/** Computes one KPI value over a set of rows. Pure: no files, no clock, no printing. */
public interface Measurer {
  Measure measure(Table table, Selection rows);
}
