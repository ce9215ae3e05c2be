package dev.journeykpi.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code calendar:}: work days, work intervals per day (several a day, across midnight),
 * holidays.
 */
final class CalendarBinder {
  static final Set<String> KEYS = Set.of("workdays", "hours", "holidays");
  private static final List<String> DAY_NAMES =
      List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private final Diagnostics d;

  CalendarBinder(Diagnostics d) {
    this.d = d;
  }

  CalendarDef bind(YNode node) {
    if (node == null) return CalendarDef.standard();
    MapReader m = MapReader.of(node, "calendar", KEYS, d);
    if (m == null) return CalendarDef.standard();

    Map<DayOfWeek, List<CalendarDef.WorkInterval>> hours = new EnumMap<>(DayOfWeek.class);
    YNode h = m.node("hours");
    if (h instanceof YNode.YMap hm) {
      for (YNode.Entry e : hm.entries().values()) {
        Set<DayOfWeek> days = days(e.key(), e.keyLocation());
        List<CalendarDef.WorkInterval> intervals = intervals(e.value());
        for (DayOfWeek day : days) {
          if (hours.containsKey(day))
            d.error(e.keyLocation(), "calendar.hours gives " + day + " twice");
          hours.put(day, intervals);
        }
      }
    } else if (h != null) {
      d.error(
          h.location(),
          "calendar.hours must map days to intervals, e.g. { MON-FRI: \"08:00-12:00,13:30-17:30\" }");
    }

    Set<DayOfWeek> workdays = EnumSet.noneOf(DayOfWeek.class);
    if (m.has("workdays")) {
      for (MapReader.Item s : m.items("workdays")) workdays.addAll(days(s.text(), s.at()));
    } else if (!hours.isEmpty()) {
      workdays.addAll(hours.keySet());
    } else {
      workdays.addAll(CalendarDef.standard().workdays());
    }
    CalendarDef.WorkInterval fullDay =
        new CalendarDef.WorkInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    for (DayOfWeek day : workdays) {
      // A work day without hours is worked all day: business time then counts whole working days.
      hours.putIfAbsent(day, List.of(fullDay));
    }
    for (DayOfWeek day : List.copyOf(hours.keySet())) {
      if (!workdays.contains(day)) {
        d.error(
            m.at("hours"),
            "calendar.hours gives hours for " + day + ", which is not in calendar.workdays");
      }
    }
    return new CalendarDef(workdays, hours, holidays(m));
  }

  private Set<LocalDate> holidays(MapReader m) {
    Set<LocalDate> out = new LinkedHashSet<>();
    YNode n = m.node("holidays");
    if (n == null) return out;
    if (!(n instanceof YNode.YList list)) {
      d.error(
          n.location(),
          "calendar.holidays must be a list of dates (2026-01-01) or ranges (2026-02-14..2026-02-22)");
      return out;
    }
    for (YNode item : list.items()) {
      String s = item instanceof YNode.YScalar sc ? sc.text() : null;
      if (s == null) {
        d.error(item.location(), "calendar.holidays must list dates, found " + item.kind());
        continue;
      }
      try {
        int dots = s.indexOf("..");
        if (dots < 0) {
          out.add(LocalDate.parse(s.trim()));
        } else {
          LocalDate from = LocalDate.parse(s.substring(0, dots).trim());
          LocalDate to = LocalDate.parse(s.substring(dots + 2).trim());
          if (to.isBefore(from))
            d.error(item.location(), "holiday range '" + s + "' ends before it starts");
          for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) out.add(x);
        }
      } catch (DateTimeParseException e) {
        d.error(
            item.location(),
            "holiday '" + s + "' is not a date yyyy-MM-dd or a range yyyy-MM-dd..yyyy-MM-dd");
      }
    }
    return out;
  }

  private List<CalendarDef.WorkInterval> intervals(YNode n) {
    List<CalendarDef.WorkInterval> out = new ArrayList<>();
    List<MapReader.Item> parts = new ArrayList<>();
    for (MapReader.Item s : MapReader.items(n, "calendar.hours", d)) {
      for (String p : s.text().split(",")) parts.add(new MapReader.Item(p.trim(), s.at()));
    }
    for (MapReader.Item item : parts) {
      String p = item.text();
      String[] ab = p.split("-");
      LocalTime a = ab.length == 2 ? time(ab[0]) : null;
      LocalTime b = ab.length == 2 ? time(ab[1]) : null;
      if (a == null || b == null) {
        d.error(
            item.at(),
            "work interval '"
                + p
                + "' is not HH:mm-HH:mm (e.g. 08:00-12:00, or 22:00-06:00 across midnight)");
      } else {
        out.add(new CalendarDef.WorkInterval(a, b));
      }
    }
    return out;
  }

  private static LocalTime time(String s) {
    String t = s.trim();
    if (t.equals("24:00")) return LocalTime.MIDNIGHT;
    try {
      return LocalTime.parse(t.length() == 4 ? "0" + t : t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** "MON", "MON-FRI", "SAT,SUN", or full names, without case. */
  private Set<DayOfWeek> days(String text, Location at) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",")) {
      String[] range = part.trim().split("-");
      DayOfWeek from = day(range[0], at);
      DayOfWeek to = range.length > 1 ? day(range[1], at) : from;
      if (from == null || to == null) continue;
      for (DayOfWeek x = from; ; x = x.plus(1)) {
        out.add(x);
        if (x == to) break;
      }
    }
    return out;
  }

  private DayOfWeek day(String s, Location at) {
    String k = s.trim().toUpperCase(Locale.ROOT);
    if (k.length() >= 3) {
      int i = DAY_NAMES.indexOf(k.substring(0, 3));
      if (i >= 0) return DayOfWeek.of(i + 1);
    }
    List<String> names = new ArrayList<>(DAY_NAMES);
    for (DayOfWeek x : DayOfWeek.values()) names.add(x.name());
    String hint =
        Suggestions.closest(s.trim(), names)
            .map(n -> " (did you mean '" + n.substring(0, 3) + "'?)")
            .orElse("");
    d.error(
        at,
        "'"
            + s.trim()
            + "' is not a day of the week"
            + hint
            + "; use "
            + String.join(", ", DAY_NAMES)
            + " or ranges like MON-FRI");
    return null;
  }
}
