package dev.journeykpi.engine;

import dev.journeykpi.model.DataException;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.PeriodChoice;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.UsageException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Where the data ends, for {@code --period last}: the latest day in the columns that date the KPIs'
 * rows, over every source read.
 *
 * <p>Why the latest day of any source rather than the earliest last day: a sparse source (a
 * complaints log whose last complaint was three weeks ago) would drag the last complete month back
 * by one, though the export is current. A source that stops early is still said, as with any
 * period: its KPIs' rows carry the note that the data ends before the period does, and a source
 * whose dates do not reach the period at all is the usual data error.
 */
final class DataEnd {
  private DataEnd() {}

  /** The periods the choice names, the last complete ones found from the data's end. */
  static List<Period> periods(PeriodChoice choice, List<QualityReport> quality, LocalDate today) {
    if (!choice.isLast()) return choice.fixed();
    LocalDate end = of(quality);
    if (end == null) {
      throw new UsageException(
          "--period last needs dated rows: none of the KPIs run places its rows in periods by a"
              + " date column of its source; name the period (--period 2026-10)");
    }
    if (today != null && end.isAfter(today)) {
      // A date after today (a typo such as 2099, a due date taken for the event's) would make the
      // data seem to reach a month it never does: the month found would be reported as a quiet,
      // complete one. Said instead, with the sources that have such dates.
      List<String> ahead =
          quality.stream()
              .filter(q -> q.lastDay() != null && q.lastDay().isAfter(today))
              .map(q -> "source '" + q.source() + "' has dates up to " + q.lastDay())
              .toList();
      throw new DataException(
          "--period last: "
              + String.join(", ", ahead)
              + ", after today ("
              + today
              + " in the definition's time zone), so where the data ends cannot tell the last"
              + " complete period; correct those dates or name the period (--period "
              + choice.resolve(today, today).get(choice.count() - 1).label()
              + ")");
    }
    return choice.resolve(end, today);
  }

  /** The latest day found in the sources' dating columns, or null when none dates a row. */
  static LocalDate of(List<QualityReport> quality) {
    return quality.stream()
        .map(QualityReport::lastDay)
        .filter(Objects::nonNull)
        .max(LocalDate::compareTo)
        .orElse(null);
  }
}
