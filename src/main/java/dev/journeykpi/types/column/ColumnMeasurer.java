package dev.journeykpi.types.column;

import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.calc.Stats;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * {@code sum}, {@code mean}, {@code median} and {@code percentile} of a numeric or duration column,
 * or of several columns added up per row (AHT = talk + hold + after-call work). Blanks are skipped
 * and counted; with several columns a row counts when any of them has a value, its blank parts
 * taken as 0 and counted.
 */
public final class ColumnMeasurer implements Measurer {
  private final List<String> columns;
  private final boolean sum;
  private final Statistic stat;
  private final double divisor;

  /**
   * @param stat the statistic of the values, or null for their sum
   * @param divisor turns stored values into the display unit (60 for a duration column shown in
   *     minutes)
   */
  public ColumnMeasurer(List<String> columns, Statistic stat, double divisor) {
    this.columns = List.copyOf(columns);
    this.sum = stat == null;
    this.stat = stat;
    this.divisor = divisor;
  }

  @Override
  public Measure measure(Table table, int[] rows) {
    DoubleColumn[] cs = columns.stream().map(table::doubleColumn).toArray(DoubleColumn[]::new);
    double[] values = new double[rows.length];
    int n = 0;
    int partial = 0;
    for (int row : rows) {
      double v = 0;
      int present = 0;
      for (DoubleColumn c : cs) {
        double x = c.getDouble(row);
        if (!Double.isNaN(x)) {
          v += x;
          present++;
        }
      }
      if (present > 0) values[n++] = v;
      if (present > 0 && present < cs.length) partial++;
    }
    int count = n;
    return result(
        rows.length,
        n,
        partial,
        columns,
        () -> {
          if (sum) {
            double s = 0;
            for (int i = 0; i < count; i++) s += values[i];
            return s;
          }
          return Stats.of(stat, values, count);
        },
        divisor);
  }

  /**
   * Each counted row's value (its columns added up, as {@link #measure} adds them), in the unit.
   */
  @Override
  public double[] values(Table table, int[] rows) {
    DoubleColumn[] cs = columns.stream().map(table::doubleColumn).toArray(DoubleColumn[]::new);
    double[] values = new double[rows.length];
    int n = 0;
    for (int row : rows) {
      double v = 0;
      boolean present = false;
      for (DoubleColumn c : cs) {
        double x = c.getDouble(row);
        if (!Double.isNaN(x)) {
          v += x;
          present = true;
        }
      }
      if (present) values[n++] = v / divisor;
    }
    return java.util.Arrays.copyOf(values, n);
  }

  /**
   * The measure of {@code n} values among {@code rows} rows ({@code partial} of them with some of
   * several columns blank), worth {@code value} (their sum or statistic, asked only when there are
   * values) in stored units: here and on the SQL engines alike.
   */
  public static Measure result(
      int rows,
      int n,
      int partial,
      List<String> columns,
      java.util.function.DoubleSupplier value,
      double divisor) {
    int blank = rows - n;
    String column = String.join(" + ", columns);
    List<Note> notes = new ArrayList<>();
    if (blank > 0) notes.add(Note.of(Code.ROWS_WITHOUT_SKIPPED, blank, column));
    if (partial > 0) notes.add(Note.of(Code.ROWS_MISSING_PART, partial, column));
    Notes note = Notes.of(notes);
    // No values: no value, for a sum too. A sum of nothing printed as 0 looks like a month of zero
    // revenue when the filter, the period or the column found nothing.
    if (n == 0)
      return Measure.none(0, rows == 0 ? Note.of(Code.NO_ROWS) : Note.of(Code.NO_VALUES_IN, column))
          .withNote(note);
    return Measure.of(value.getAsDouble() / divisor, n).withNote(note);
  }
}
