package dev.journeykpi.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A reporting period [start, end) in the definition's time zone: a month ({@code 2026-10}), a
 * quarter ({@code 2026-Q3}), a year ({@code 2026}), a day range ({@code --from/--to}, both
 * inclusive), or all time.
 */
public record Period(String label, Grain grain, LocalDate start, LocalDate endExclusive) {
  public enum Grain {
    MONTH,
    QUARTER,
    YEAR,
    RANGE,
    ALL
  }

  public static final Period ALL =
      new Period("all", Grain.ALL, LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1));

  /** Parses 2026-10, 2026-Q3 or 2026; throws UsageException with the accepted forms. */
  public static Period parse(String text) {
    String t = text.trim();
    try {
      if (t.matches("\\d{4}")) {
        int y = Integer.parseInt(t);
        return new Period(t, Grain.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1));
      }
      if (t.matches("\\d{4}-[Qq][1-4]")) {
        int y = Integer.parseInt(t.substring(0, 4));
        int q = t.charAt(6) - '0';
        LocalDate s = LocalDate.of(y, 3 * q - 2, 1);
        return new Period(y + "-Q" + q, Grain.QUARTER, s, s.plusMonths(3));
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        YearMonth ym = YearMonth.parse(t);
        return new Period(t, Grain.MONTH, ym.atDay(1), ym.plusMonths(1).atDay(1));
      }
    } catch (DateTimeParseException e) {
      // fall through
    }
    throw new UsageException(
        "period '" + text + "' is not a month (2026-10), a quarter (2026-Q3) or a year (2026)");
  }

  /** Both dates inclusive, as people say "from 1 to 15 October". */
  public static Period between(LocalDate from, LocalDate toInclusive) {
    if (toInclusive.isBefore(from)) {
      throw new UsageException("--to " + toInclusive + " is before --from " + from);
    }
    return new Period(from + ".." + toInclusive, Grain.RANGE, from, toInclusive.plusDays(1));
  }

  public LocalDateTime startTime() {
    return start.atStartOfDay();
  }

  public LocalDateTime endTime() {
    return endExclusive.atStartOfDay();
  }

  public boolean contains(LocalDateTime t) {
    return !t.isBefore(startTime()) && t.isBefore(endTime());
  }

  /** The period of the same grain just before this one; a range moves back by its own length. */
  public Period previous() {
    return switch (grain) {
      case MONTH -> parse(YearMonth.from(start).minusMonths(1).toString());
      case QUARTER -> {
        LocalDate s = start.minusMonths(3);
        yield new Period(
            s.getYear() + "-Q" + ((s.getMonthValue() - 1) / 3 + 1), Grain.QUARTER, s, start);
      }
      case YEAR -> parse(String.valueOf(start.getYear() - 1));
      case RANGE ->
          between(
              start.minusDays(endExclusive.toEpochDay() - start.toEpochDay()), start.minusDays(1));
      case ALL -> this;
    };
  }

  /** The same period a year earlier: 2025-10 for 2026-10, 2025-Q3 for 2026-Q3. */
  public Period yearBefore() {
    return switch (grain) {
      case MONTH -> parse(YearMonth.from(start).minusYears(1).toString());
      case QUARTER -> parse(start.getYear() - 1 + "-Q" + ((start.getMonthValue() - 1) / 3 + 1));
      case YEAR -> parse(String.valueOf(start.getYear() - 1));
      case RANGE -> between(start.minusYears(1), endExclusive.minusDays(1).minusYears(1));
      case ALL -> this;
    };
  }

  /** This period and the n - 1 before it, oldest first: the columns of a trend. */
  public List<Period> lastN(int n) {
    if (grain == Grain.ALL && n > 1)
      throw new UsageException("--periods needs --period or --from/--to");
    List<Period> out = new ArrayList<>();
    Period p = this;
    for (int i = 0; i < n; i++) {
      out.add(p);
      p = p.previous();
    }
    Collections.reverse(out);
    return out;
  }
}
