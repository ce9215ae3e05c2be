package dev.journeykpi.calc;

import dev.journeykpi.model.Period;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * A KPI measured at the edges of a period over every row of its history (backlog, turnover), rather
 * than over the rows dated inside the period: a ticket created in March and still open is part of
 * October's backlog.
 */
public interface PointInTimeMeasurer {
  /**
   * @param rows the KPI's population (and breakdown group), in every period
   */
  Measure measure(Table table, Selection rows, Period period);
}
