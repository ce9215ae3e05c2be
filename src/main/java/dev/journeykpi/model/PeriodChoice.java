package dev.journeykpi.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The periods a command asked for: named ones ({@code --period 2026-10}, {@code --from/--to}), or
 * the last complete period of a grain ({@code --period last}, {@code last-week}, {@code
 * last-quarter}, {@code last-year}), which only the data can tell, so it is resolved once the
 * sources are read.
 *
 * @param fixed the named periods, oldest first; empty when {@code lastGrain} is set
 * @param lastGrain the grain of the last complete period, or null for named periods
 * @param count how many periods end at the last complete one (--periods), for a trend
 */
public record PeriodChoice(List<Period> fixed, Period.Grain lastGrain, int count) {
  public PeriodChoice {
    fixed = List.copyOf(fixed);
  }

  public static PeriodChoice of(List<Period> periods) {
    return new PeriodChoice(periods, null, periods.size());
  }

  public static PeriodChoice of(Period period) {
    return of(List.of(period));
  }

  /** The last complete period of a grain and the {@code count - 1} before it. */
  public static PeriodChoice last(Period.Grain grain, int count) {
    return new PeriodChoice(List.of(), grain, count);
  }

  /**
   * {@code last} (a month), {@code last-week}, {@code last-month}, {@code last-quarter} or {@code
   * last-year}, in any case; null for any other text (a named period).
   */
  public static Period.Grain lastGrain(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "last-week" -> Period.Grain.WEEK;
      case "last", "last-month" -> Period.Grain.MONTH;
      case "last-quarter" -> Period.Grain.QUARTER;
      case "last-year" -> Period.Grain.YEAR;
      default -> null;
    };
  }

  public boolean isLast() {
    return lastGrain != null;
  }

  /**
   * The periods: the named ones, or the last complete period of the grain and those before it.
   * Complete means that the period has ended by {@code today} (when given) and that the data
   * reaches its last day: {@code dataEnd} is the latest day found in the data. A month whose last
   * day has rows counts as complete, as {@code PeriodCoverage} judges it.
   */
  public List<Period> resolve(LocalDate dataEnd, LocalDate today) {
    if (!isLast()) return fixed;
    LocalDate end = dataEnd;
    if (today != null && !today.isAfter(end)) end = today.minusDays(1);
    Period p = containing(lastGrain, end);
    if (!p.endExclusive().minusDays(1).equals(end)) p = p.previous();
    return p.lastN(count);
  }

  /** The ISO week, month, quarter or year that holds a day. */
  static Period containing(Period.Grain grain, LocalDate day) {
    return switch (grain) {
      case WEEK -> Period.weekOf(day);
      case MONTH -> Period.parse(YearMonth.from(day).toString());
      case QUARTER -> Period.parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
      case YEAR -> Period.parse(String.valueOf(day.getYear()));
      default -> throw new IllegalArgumentException("no last period of grain " + grain);
    };
  }
}
