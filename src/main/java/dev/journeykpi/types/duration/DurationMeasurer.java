package dev.journeykpi.types.duration;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.Elapsed;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.calc.Stats;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * {@code duration}: time from a start to an end column, in calendar time (real elapsed time in the
 * definition's zone) or business time (the calendar's working time only), summarised by a
 * statistic.
 *
 * <p>A row without an end is <em>open</em>: counted and reported, never a zero. A row whose end is
 * before its start is a data error: left out and reported. A row without a start is left out and
 * reported.
 */
public final class DurationMeasurer implements Measurer {
  private final String start;
  private final String end;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final Statistic stat;
  private final double divisor;

  /**
   * @param calendar null for calendar time
   */
  public DurationMeasurer(
      String start,
      String end,
      BusinessCalendar calendar,
      ZoneId zone,
      Statistic stat,
      double divisor) {
    this.start = start;
    this.end = end;
    this.calendar = calendar;
    this.zone = zone;
    this.stat = stat;
    this.divisor = divisor;
  }

  /**
   * Per-row seconds for the whole table, computed once and shared by every breakdown group and the
   * total.
   */
  private Table cachedFor;

  private double[] seconds;

  private static final double OPEN = Elapsed.OPEN;
  private static final double NO_START = Elapsed.NO_START;

  @Override
  public Measure measure(Table table, int[] rows) {
    if (cachedFor != table) {
      seconds = perRow(table);
      cachedFor = table;
    }
    int[] rs = rows;
    double[] values = new double[rs.length];
    int n = 0;
    int open = 0;
    int noStart = 0;
    int negative = 0;
    for (int row : rs) {
      double v = seconds[row];
      if (v >= 0) values[n++] = v;
      else if (v == OPEN) open++;
      else if (v == NO_START) noStart++;
      else negative++;
    }
    int count = n;
    return result(
        rs.length,
        n,
        open,
        noStart,
        negative,
        start,
        end,
        () -> examples(rs),
        () -> Stats.of(stat, values, count),
        divisor);
  }

  /** Each completed duration (not open, with a start, not ending before it), in the unit. */
  @Override
  public double[] values(Table table, int[] rows) {
    if (cachedFor != table) {
      seconds = perRow(table);
      cachedFor = table;
    }
    double[] values = new double[rows.length];
    int n = 0;
    for (int row : rows) if (seconds[row] >= 0) values[n++] = seconds[row] / divisor;
    return java.util.Arrays.copyOf(values, n);
  }

  /**
   * The measure of {@code n} durations among {@code rows} rows, the others open, without a start,
   * or ending before they start (shown by {@code examples}), worth {@code value} seconds (asked
   * only when there are durations): here and on the SQL engines alike.
   */
  public static Measure result(
      int rows,
      int n,
      int open,
      int noStart,
      int negative,
      String start,
      String end,
      java.util.function.Supplier<String> examples,
      java.util.function.DoubleSupplier value,
      double divisor) {
    List<Note> notes = new ArrayList<>();
    if (open > 0) notes.add(Note.of(Code.OPEN, open, end));
    if (negative > 0) {
      String shown = examples.get();
      // Never "(e.g. )": without a row to show, the count alone.
      notes.add(
          shown.isEmpty()
              ? Note.of(Code.END_BEFORE_START, negative, end, start)
              : Note.of(Code.END_BEFORE_START_EXAMPLES, negative, end, start, shown));
    }
    if (noStart > 0) notes.add(Note.of(Code.WITHOUT_LEFT_OUT, noStart, start));
    Notes note = Notes.of(notes);
    if (n == 0)
      return Measure.none(0, Note.of(rows == 0 ? Code.NO_ROWS : Code.NO_COMPLETED_DURATIONS))
          .withNote(note);
    return Measure.of(value.getAsDouble() / divisor, n).withNote(note);
  }

  /**
   * How a row ending before its start is shown: "start 2026-10-05 08:00 → end 2026-10-04 17:00".
   */
  public static String example(String start, String startLabel, String end, String endLabel) {
    return start + " " + startLabel + " → " + end + " " + endLabel;
  }

  /** The examples as the note lists them: two, then "…" when there are more. */
  public static String examples(List<String> shown, int total) {
    List<String> out = new ArrayList<>(shown.subList(0, Math.min(2, shown.size())));
    if (total > 2) out.add("…");
    return String.join("; ", out);
  }

  /**
   * Up to two rows whose end is before their start, as "start → end", so the user can find them in
   * the export: the rows {@link #measure} counts so, which include a start in a daylight-saving gap
   * (read an hour later) that runs past its end, whose times are in order on the wall clock.
   */
  private String examples(int[] rows) {
    List<String> out = new ArrayList<>();
    for (int row : rows) {
      double v = seconds[row];
      if (v >= 0 || v == OPEN || v == NO_START) continue;
      if (out.size() == 2) {
        out.add("…");
        break;
      }
      out.add(
          example(
              start,
              Cells.label(cachedFor.column(start), row),
              end,
              Cells.label(cachedFor.column(end), row)));
    }
    return String.join("; ", out);
  }

  private double[] perRow(Table table) {
    return Elapsed.perRow(table.column(start), table.column(end), calendar, zone);
  }
}
