package dev.journeykpi.types.customers;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.CustomerActivity;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.model.Period;
import java.time.LocalDate;

/**
 * When a customer is active, dormant or reactivated on a day, by a customers KPI's window and
 * dormancy span. Written once for the KPI's numbers ({@link CustomerMeasurer}) and the customers
 * {@code kpi leads} lists behind them ({@link CustomerStates}), so that the list's churned
 * customers are always the churn count's.
 *
 * <p>Days are the unit. With a window of W days, a customer is <em>active at the end of day d</em>
 * when its last activity on or before d is less than W days before d (W working days: fewer than W
 * working days in (last, d]); with {@code window: period}, active in the period ending on d. A
 * customer is <em>dormant at the end of day d</em> when at least D days (or working days) in (last
 * activity, d] passed; an activity on day b is a <em>reactivation</em> when the customer was
 * dormant at the end of day b − 1 — once per dormancy episode.
 */
final class ActivityRules {
  private final CustomerDef def;
  private final BusinessCalendar calendar;

  ActivityRules(CustomerDef def, BusinessCalendar calendar) {
    this.def = def;
    this.calendar = calendar;
  }

  static int epochDay(LocalDate d) {
    return (int) d.toEpochDay();
  }

  /** Whether customer c's first activity ever is on a day in [start, last]: new in the period. */
  static boolean firstIn(CustomerActivity a, int c, int start, int last) {
    return a.firstDay(c) >= start && a.firstDay(c) <= last;
  }

  /** Days from a to b (a ≤ b) in the span's unit: calendar days, or working days in (a, b]. */
  long gap(int a, int b, TimeSpan span) {
    if (!span.isWorkingDays()) return b - a;
    return calendar.workingDaysBetween(LocalDate.ofEpochDay(a), LocalDate.ofEpochDay(b));
  }

  private static long length(TimeSpan span) {
    return span.isWorkingDays() ? span.workingDays() : span.seconds() / 86400;
  }

  /** Active at the end of day d (window of days), or in the period ending on d (window: period). */
  boolean active(CustomerActivity a, int c, int d, Period periodEndingOnD) {
    if (def.window() == null) {
      return a.activeBetween(
          c, epochDay(periodEndingOnD.start()), epochDay(periodEndingOnD.endExclusive()) - 1);
    }
    int i = a.lastOnOrBefore(c, d);
    return i >= 0 && gap(a.day[i], d, def.window()) < length(def.window());
  }

  boolean dormant(CustomerActivity a, int c, int d) {
    int i = a.lastOnOrBefore(c, d);
    return i >= 0 && gap(a.day[i], d, def.dormantAfter()) >= length(def.dormantAfter());
  }

  /**
   * Customer c's reactivations on days in [start, last]: activities after a dormant spell, once per
   * spell.
   */
  int reactivations(CustomerActivity a, int c, int start, int last) {
    int n = 0;
    for (int i = a.from[c] + 1; i < a.from[c + 1]; i++) {
      int b = a.day[i];
      if (b < start || b > last) continue;
      int prev = a.day[i - 1];
      if (prev < b && gap(prev, b - 1, def.dormantAfter()) >= length(def.dormantAfter())) n++;
    }
    return n;
  }
}
