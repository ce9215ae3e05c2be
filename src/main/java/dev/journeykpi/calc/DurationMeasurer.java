package dev.journeykpi.calc;

import dev.journeykpi.config.Statistic;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * {@code duration}: time from a start to an end column, in calendar time (real elapsed time in the definition's zone)
 * or business time (the calendar's working time only), summarised by a statistic.
 *
 * <p>A row without an end is <em>open</em>: counted and reported, never a zero. A row whose end is before its start is
 * a data error: left out and reported. A row without a start is left out and reported.
 */
final class DurationMeasurer implements Measurer {
  private final String start;
  private final String end;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final Statistic stat;
  private final double divisor;

  /** @param calendar null for calendar time */
  DurationMeasurer(String start, String end, BusinessCalendar calendar, ZoneId zone, Statistic stat, double divisor) {
    this.start = start;
    this.end = end;
    this.calendar = calendar;
    this.zone = zone;
    this.stat = stat;
    this.divisor = divisor;
  }

  /** Per-row seconds for the whole table, computed once and shared by every breakdown group and the total. */
  private Table cachedFor;
  private double[] seconds;

  private static final double OPEN = -1;
  private static final double NO_START = -2;
  private static final double NEGATIVE = -3;

  @Override
  public Measure measure(Table table, Selection rows) {
    if (cachedFor != table) {
      seconds = perRow(table);
      cachedFor = table;
    }
    int[] rs = Cells.rows(rows);
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
    List<String> notes = new ArrayList<>();
    if (open > 0) notes.add(open + " open (no " + end + ")");
    if (negative > 0) notes.add(negative + " with " + end + " before " + start + " left out");
    if (noStart > 0) notes.add(noStart + " without " + start + " left out");
    String note = String.join("; ", notes);
    if (n == 0) return Measure.none(0, rs.length == 0 ? "no rows" : "no completed durations").withNote(note);
    return Measure.of(Stats.of(stat, values, n) / divisor, n).withNote(note);
  }

  private double[] perRow(Table table) {
    Column<?> s = table.column(start);
    Column<?> e = table.column(end);
    boolean fixed = zone.getRules().isFixedOffset();
    double[] out = new double[table.rowCount()];
    for (int row = 0; row < out.length; row++) {
      long a = Cells.packedTime(s, row);
      long b = a == Cells.MISSING_TIME ? 0 : Cells.packedTime(e, row);
      if (a == Cells.MISSING_TIME) {
        out[row] = NO_START;
      } else if (b == Cells.MISSING_TIME) {
        out[row] = OPEN;
      } else if (b < a) {
        // Judge the order on the clock, not in business time: an end before the start is a data error even when
        // both fall outside working hours, where the business duration would be a harmless-looking 0.
        out[row] = NEGATIVE;
      } else if (calendar != null) {
        out[row] = calendar.businessSeconds(Cells.localEpochSecond(a), Cells.localEpochSecond(b));
      } else if (fixed) {
        out[row] = (Cells.localEpochMillis(b) - Cells.localEpochMillis(a)) / 1000.0;
      } else {
        // Real elapsed time across daylight-saving changes.
        out[row] = Duration.between(Cells.time(a).atZone(zone), Cells.time(b).atZone(zone)).toMillis() / 1000.0;
      }
    }
    return out;
  }
}
