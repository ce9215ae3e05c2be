package dev.journeykpi.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A reporting period [start, end) in the definition's time zone: an ISO week ({@code 2026-W45},
 * Monday to Sunday), a month ({@code 2026-10}), a quarter ({@code 2026-Q3}), a year ({@code 2026}),
 * a day range ({@code --from/--to}, both inclusive), or all time.
 */
public record Period(String label, Grain grain, LocalDate start, LocalDate endExclusive) {
  public enum Grain {
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    RANGE,
    ALL
  }

  public static final Period ALL =
      new Period("all", Grain.ALL, LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1));

  /** Parses 2026-W45, 2026-10, 2026-Q3 or 2026; throws UsageException with the accepted forms. */
  public static Period parse(String text) {
    String t = text.trim();
    if (t.matches("\\d{4}-[Ww]\\d{1,2}")) {
      return week(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(6)), text);
    }
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
        "period '"
            + text
            + "' is not a month (2026-10), a quarter (2026-Q3), a year (2026) or an ISO week"
            + " (2026-W45)");
  }

  /**
   * ISO 8601 week {@code w} of the week-based year {@code y}: Monday to Sunday, week 1 being the
   * week that holds the year's first Thursday (so 2025-W01 starts on Monday 2024-12-30, and
   * 2026-W53 ends on Sunday 2027-01-03). A year has 52 weeks, or 53 when it starts on a Thursday
   * (or on a Wednesday in a leap year).
   */
  public static Period week(int y, int w, String asked) {
    int weeks = weeksIn(y);
    if (w < 1 || w > weeks) {
      throw new UsageException(
          "period '"
              + asked
              + "': "
              + (w < 1 ? "ISO weeks are numbered from 1" : y + " has " + weeks + " ISO weeks")
              + " ("
              + y
              + "-W01 to "
              + y
              + "-W"
              + weeks
              + ")");
    }
    LocalDate monday =
        LocalDate.of(y, 1, 4)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w)
            .with(java.time.temporal.ChronoField.DAY_OF_WEEK, DayOfWeek.MONDAY.getValue());
    return new Period(weekLabel(y, w), Grain.WEEK, monday, monday.plusWeeks(1));
  }

  /** The ISO week that holds a day: 2027-01-03 (a Sunday) is in 2026-W53. */
  public static Period weekOf(LocalDate day) {
    return week(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), "");
  }

  /** 52 or 53: the week of 28 December is always the year's last. */
  static int weeksIn(int y) {
    return LocalDate.of(y, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  private static String weekLabel(int y, int w) {
    return y + "-W" + (w < 10 ? "0" : "") + w;
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
      case WEEK -> weekOf(start.minusWeeks(1));
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

  /**
   * The same period a year earlier: 2025-10 for 2026-10, 2025-Q3 for 2026-Q3, 2025-W45 for 2026-W45
   * (the same week number of the week-based year before; refused for a week 53 when that year had
   * 52).
   */
  public Period yearBefore() {
    return switch (grain) {
      case WEEK -> {
        int y = start.get(IsoFields.WEEK_BASED_YEAR) - 1;
        int w = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (w > weeksIn(y)) {
          throw new UsageException(
              "--compare year: "
                  + label
                  + " has no week a year earlier ("
                  + y
                  + " has "
                  + weeksIn(y)
                  + " ISO weeks); compare with the week before (--compare previous)");
        }
        yield week(y, w, label);
      }
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
