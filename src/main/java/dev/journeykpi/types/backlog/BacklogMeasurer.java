package dev.journeykpi.types.backlog;

import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.PointInTimeMeasurer;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Period;
import java.time.LocalDateTime;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * {@code backlog}: rows open at the end of the period — started before the period ends and not
 * ended by then. A point-in-time count (the stock at month end), not a sum over the period's days.
 * For all time it is the rows open at the end of the export (no end at all). Rows whose end is
 * before their start are left out and counted.
 */
public final class BacklogMeasurer implements PointInTimeMeasurer {
  private final String start;
  private final String end;

  public BacklogMeasurer(String start, String end) {
    this.start = start;
    this.end = end;
  }

  @Override
  public Measure measure(Table table, Selection rows, Period period) {
    Column<?> s = table.column(start);
    Column<?> e = table.column(end);
    long at =
        Cells.packed(
            period.grain() == Period.Grain.ALL
                ? LocalDateTime.MAX.withYear(9999)
                : period.endTime());
    int open = 0, bad = 0;
    for (int row : Cells.rows(rows)) {
      long a = Cells.packedTime(s, row);
      long b = Cells.packedTime(e, row);
      if (a == Cells.MISSING_TIME) continue;
      if (b != Cells.MISSING_TIME && b < a) {
        bad++;
        continue;
      }
      if (a < at && (b == Cells.MISSING_TIME || b >= at)) open++;
    }
    return result(open, bad);
  }

  /**
   * The measure of {@code open} rows open at the period's end, {@code bad} rows left out for ending
   * before they start: here and on the SQL engines alike.
   */
  Measure result(long open, long bad) {
    Measure m = Measure.of(open, open);
    return bad == 0 ? m : m.withNote(Note.of(Code.END_BEFORE_START, bad, end, start));
  }
}
