package dev.journeykpi.engine;

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
