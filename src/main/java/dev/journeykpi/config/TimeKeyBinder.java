package dev.journeykpi.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the time keys KPIs share: the clock (calendar or business), time spans, and an SLA's
 * limits.
 */
final class TimeKeyBinder {
  private final Diagnostics d;

  TimeKeyBinder(Diagnostics d) {
    this.d = d;
  }

  boolean clock(MapReader m, String ctx) {
    String clock = m.string("clock");
    if (clock != null && !clock.equals("calendar") && !clock.equals("business")) {
      d.error(
          m.at("clock"),
          ctx
              + ".clock is 'calendar' or 'business', found '"
              + clock
              + "'"
              + Suggestions.hint(clock, List.of("calendar", "business")));
    }
    return "business".equals(clock);
  }

  TimeSpan span(MapReader m, String key, String ctx, boolean workingDaysAllowed) {
    return span(m, key, ctx, workingDaysAllowed, false);
  }

  /**
   * A span; on the business clock ({@code business}) one in days is refused: the clock counts
   * working seconds only, so "1 day" would be 24 working hours — about three 8-hour working days —
   * where a reader means one.
   */
  TimeSpan span(MapReader m, String key, String ctx, boolean workingDaysAllowed, boolean business) {
    String text = m.string(key);
    if (text == null) return null;
    TimeSpan t = TimeSpan.parse(text);
    if (t == null) {
      d.error(m.at(key), ctx + "." + key + " '" + text + "' is not a time span; " + TimeSpan.FORMS);
    } else if (t.isWorkingDays() && !workingDaysAllowed) {
      d.error(
          m.at(key),
          ctx
              + "."
              + key
              + ": write the limit in hours or minutes (business hours with clock: business),"
              + " not working days");
      return null;
    } else if (business && t.isClockDays()) {
      d.error(m.at(key), ctx + "." + key + " '" + text + "': " + BUSINESS_DAYS);
      return null;
    }
    return t;
  }

  /** Why a span or unit in days is refused on the business clock, and what to write instead. */
  static final String BUSINESS_DAYS =
      "with clock: business a day would be 24 working hours (about three 8-hour working days),"
          + " not one working day; write it in hours or minutes of working time (e.g. 8 hours)";

  /**
   * {@code limit: 4 hours}, or {@code limit: {by: priority, values: {Urgent: 1 hour, ...}, default:
   * 8 hours}}.
   */
  SlaDef limit(MapReader m, String ctx, ColumnCheck exists, boolean business) {
    YNode n = m.node("limit");
    if (n == null) {
      d.error(
          m.map.location(),
          ctx
              + " needs 'limit': the time allowed, e.g. limit: 4 hours, or per priority:"
              + " limit: { by: priority, values: { Urgent: 1 hour, High: 4 hours }, default: 8 hours }");
      return null;
    }
    if (n instanceof YNode.YScalar) {
      TimeSpan t = span(m, "limit", ctx, false, business);
      return t == null ? null : new SlaDef(null, Map.of(), t);
    }
    MapReader lm = MapReader.of(n, ctx + ".limit", Set.of("by", "values", "default"), d);
    if (lm == null) return null;
    String by = lm.required("by");
    exists.check(by, lm.at("by"), "limit.by");
    TimeSpan fallback = span(lm, "default", ctx + ".limit", false, business);
    Map<String, TimeSpan> limits = new java.util.LinkedHashMap<>();
    MapReader vm = MapReader.of(lm.node("values"), ctx + ".limit.values", null, d);
    if (vm == null) {
      if (!lm.has("values"))
        d.error(
            lm.map.location(), ctx + ".limit needs 'values': the limit for each value of " + by);
      return new SlaDef(by, limits, fallback);
    }
    Map<String, Location> at = new java.util.HashMap<>();
    for (YNode.Entry e : vm.map.entries().values()) {
      TimeSpan t = span(vm, e.key(), ctx + ".limit.values", false, business);
      // In NFC, as imported cells are: a key typed decomposed still finds its rows.
      String key = TextKey.nfc(e.key());
      if (t != null) limits.put(key, t);
      at.put(key, e.keyLocation());
    }
    return new SlaDef(by, limits, fallback, at);
  }

  /**
   * A span of whole days or working days ({@code 90 days}, {@code 30 working days}); null, after
   * reporting, otherwise.
   */
  TimeSpan days(MapReader m, String key, String ctx, String alternatives) {
    String text = m.string(key);
    if (text == null) return null;
    TimeSpan t = TimeSpan.parse(text);
    if (t == null || (!t.isWorkingDays() && t.seconds() % 86400 != 0)) {
      d.error(
          m.at(key),
          ctx
              + "."
              + key
              + " '"
              + text
              + "' is "
              + alternatives
              + "whole days: '90 days', '30 working days'");
      return null;
    }
    return t;
  }
}
