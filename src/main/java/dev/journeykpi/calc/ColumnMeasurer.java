package dev.journeykpi.calc;

import dev.journeykpi.config.KpiType;
import dev.journeykpi.config.Statistic;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/** {@code sum}, {@code mean}, {@code median} and {@code percentile} of a numeric or duration column; blanks are skipped and counted. */
final class ColumnMeasurer implements Measurer {
  private final String column;
  private final KpiType type;
  private final Statistic stat;
  private final double divisor;

  /** @param divisor turns stored values into the display unit (60 for a duration column shown in minutes) */
  ColumnMeasurer(String column, KpiType type, Statistic stat, double divisor) {
    this.column = column;
    this.type = type;
    this.stat = type == KpiType.MEAN ? Statistic.MEAN : type == KpiType.MEDIAN ? Statistic.MEDIAN : stat;
    this.divisor = divisor;
  }

  @Override
  public Measure measure(Table table, Selection rows) {
    DoubleColumn c = (DoubleColumn) table.column(column);
    double[] values = new double[rows.size()];
    int n = 0;
    for (int row : Cells.rows(rows)) {
      double v = c.getDouble(row);
      if (!Double.isNaN(v)) values[n++] = v;
    }
    int blank = rows.size() - n;
    String note = blank == 0 ? "" : blank + " rows without " + column + " skipped";
    if (type == KpiType.SUM) {
      double sum = 0;
      for (int i = 0; i < n; i++) sum += values[i];
      return Measure.of(sum / divisor, n).withNote(n == 0 ? "no rows" : note);
    }
    if (n == 0) return Measure.none(0, rows.isEmpty() ? "no rows" : "no values in " + column).withNote(note);
    return Measure.of(Stats.of(stat, values, n) / divisor, n).withNote(note);
  }
}
