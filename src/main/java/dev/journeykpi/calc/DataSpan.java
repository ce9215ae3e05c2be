package dev.journeykpi.calc;

import dev.journeykpi.model.Period;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The first and last day found in some date or date-time columns of a table: how far an export
 * reaches. A report on a period the export does not reach at all (last month's run on an export
 * nobody refreshed) is a scorecard of zeros that looks like a quiet month; the span tells it apart.
 */
public record DataSpan(LocalDate first, LocalDate last) {
  /** The span of the given columns (blank cells ignored); null when none holds a date. */
  public static DataSpan of(Table table, Collection<String> columns) {
    return of(columns.stream().<Column<?>>map(table::column).toList());
  }

  /** The span of the given date or date-time columns; null when none holds a date. */
  static DataSpan of(List<Column<?>> columns) {
    long min = Long.MAX_VALUE;
    long max = Cells.MISSING_TIME;
    for (Column<?> c : columns) {
      for (int row = 0, n = c.size(); row < n; row++) {
        long v = Cells.packedTime(c, row);
        if (v == Cells.MISSING_TIME) continue;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return max == Cells.MISSING_TIME
        ? null
        : new DataSpan(Cells.time(min).toLocalDate(), Cells.time(max).toLocalDate());
  }

  /** Whether the span and the period share a day. */
  public boolean reaches(Period p) {
    return !last.isBefore(p.start()) && first.isBefore(p.endExclusive());
  }
}
