package dev.journeykpi.types.turnover;

import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.PointInTimeMeasurer;
import dev.journeykpi.config.Filter;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * {@code turnover}: leavers in the period ÷ average headcount, the average being (headcount at the
 * start + headcount at the end) ÷ 2.
 *
 * <p>A person is counted at an instant when hired before it and not yet left: hired &lt; instant
 * and (no leave date or left ≥ instant). The start is the period's first moment, the end its
 * exclusive end (the first moment of the next period), so someone whose leave date is the period's
 * last day is in the start headcount, not the end one, and is a leaver of this period. Leavers are
 * the rows whose leave date falls in the period and that match the numerator filter (e.g. voluntary
 * leavers only); everyone stays in the headcount.
 */
public final class TurnoverMeasurer implements PointInTimeMeasurer {
  private final String hired;
  private final String left;
  private final Filter leavers;

  public TurnoverMeasurer(String hired, String left, Filter leavers) {
    this.hired = hired;
    this.left = left;
    this.leavers = leavers;
  }

  /** All time has no start and no end to count heads at. */
  static Measure allTime() {
    return Measure.none(0, Note.of(Code.TURNOVER_NEEDS_PERIOD));
  }

  private Table selectedFor;
  private Selection leaverRows;

  @Override
  public Measure measure(Table table, Selection rows, Period period) {
    if (period.grain() == Period.Grain.ALL) return allTime();
    if (selectedFor != table) {
      leaverRows = FilterCompiler.select(table, leavers);
      selectedFor = table;
    }
    Column<?> h = table.column(hired);
    Column<?> l = table.column(left);
    long from = Cells.packed(period.startTime());
    long to = Cells.packed(period.endTime());
    int atStart = 0, atEnd = 0, separations = 0, noHire = 0;
    for (int row : Cells.rows(rows)) {
      long a = Cells.packedTime(h, row);
      long b = Cells.packedTime(l, row);
      if (a == Cells.MISSING_TIME) {
        noHire++;
        continue;
      }
      if (a < from && (b == Cells.MISSING_TIME || b >= from)) atStart++;
      if (a < to && (b == Cells.MISSING_TIME || b >= to)) atEnd++;
      if (b != Cells.MISSING_TIME && b >= from && b < to && leaverRows.contains(row)) separations++;
    }
    return result(atStart, atEnd, separations, noHire);
  }

  /**
   * The measure of {@code atStart} and {@code atEnd} people counted at the period's edges, {@code
   * separations} leavers in it and {@code noHire} rows left out for having no hire date: here and
   * on the SQL engines alike (the period all time has no turnover: {@link #allTime}).
   */
  Measure result(long atStart, long atEnd, long separations, long noHire) {
    double average = (atStart + atEnd) / 2.0;
    Notes note = Notes.of(Note.of(Code.HEADCOUNT, atStart, atEnd));
    if (noHire > 0) note = note.plus(Note.of(Code.WITHOUT_LEFT_OUT, noHire, hired));
    if (average == 0)
      return new Measure(null, (double) separations, 0.0, 0, Note.of(Code.NO_HEADCOUNT))
          .withNote(note);
    return new Measure(separations / average, (double) separations, average, atStart + atEnd, note);
  }
}
