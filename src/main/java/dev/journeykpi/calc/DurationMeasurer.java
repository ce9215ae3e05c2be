package dev.journeykpi.calc;

import dev.journeykpi.config.Statistic;
import java.time.Duration;
import java.time.LocalDateTime;
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

  @Override
  public Measure measure(Table table, Selection rows) {
    Column<?> s = table.column(start);
    Column<?> e = table.column(end);
    double[] values = new double[rows.size()];
    int n = 0;
    int open = 0;
    int noStart = 0;
    int negative = 0;
    for (int row : rows) {
      long a = Cells.packedTime(s, row);
      if (a == Cells.MISSING_TIME) {
        noStart++;
        continue;
      }
      long b = Cells.packedTime(e, row);
      if (b == Cells.MISSING_TIME) {
        open++;
        continue;
      }
      // Judge the order on the clock, not in business time: an end before the start is a data error even when both
      // fall outside working hours, where the business duration would be a harmless-looking 0.
      if (b < a) {
        negative++;
        continue;
      }
      values[n++] = seconds(Cells.time(a), Cells.time(b));
    }
    List<String> notes = new ArrayList<>();
    if (open > 0) notes.add(open + " open (no " + end + ")");
    if (negative > 0) notes.add(negative + " with " + end + " before " + start + " left out");
    if (noStart > 0) notes.add(noStart + " without " + start + " left out");
    String note = String.join("; ", notes);
    if (n == 0) return Measure.none(0, rows.isEmpty() ? "no rows" : "no completed durations").withNote(note);
    return Measure.of(Stats.of(stat, values, n) / divisor, n).withNote(note);
  }

  private double seconds(LocalDateTime a, LocalDateTime b) {
    if (calendar != null) return calendar.businessSeconds(a, b);
    return Duration.between(a.atZone(zone), b.atZone(zone)).toMillis() / 1000.0;
  }
}
