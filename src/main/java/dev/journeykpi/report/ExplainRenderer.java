package dev.journeykpi.report;

import dev.journeykpi.config.CalendarDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Journey;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.Statistic;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code kpi explain}: a KPI's definition in words — population, what is measured, period attribution, clock,
 * statistic, what is excluded, breakdown, unit and formula — so every default the tool applies is visible.
 */
public final class ExplainRenderer {
  private ExplainRenderer() {}

  public static String explain(Definition def, KpiDef k) {
    List<String[]> lines = new ArrayList<>();
    Journey.Touchpoint t = def.journey().touchpointOf(k.id()).orElse(null);
    if (t != null) {
      lines.add(new String[] {"Journey", def.journey().stageLabel(t.stage()) + " › " + t.label()
          + (t.owner() == null ? "" : " (owner: " + t.owner() + ")")});
    }
    SourceDef s = def.sources().get(k.source());
    lines.add(new String[] {"Source", k.source() + " (" + s.file() + ")"});
    lines.add(new String[] {"Type", k.type().yamlName() + " — " + what(k)});
    lines.add(new String[] {"Population", population(k)});
    lines.add(new String[] {"Period", k.time() == null
        ? "every row counts in every period (time: none)"
        : "a row counts in the period that contains its " + k.time() + "; rows without " + k.time() + " are in no period"});
    if (k.type() == dev.journeykpi.config.KpiType.DURATION) {
      lines.add(new String[] {"Clock", k.businessTime() ? "business time: " + calendar(def.calendar())
          : "calendar time (real elapsed time in " + def.zone() + ")"});
    }
    if (k.statistic() != null) lines.add(new String[] {"Statistic", statistic(k.statistic())});
    String excluded = excluded(k);
    if (!excluded.isEmpty()) lines.add(new String[] {"Left out", excluded});
    lines.add(new String[] {"Breakdown", k.by().isEmpty() ? "none (one total)"
        : String.join(", ", k.by()) + ", each value computed from its own rows, plus a total computed from all rows"});
    lines.add(new String[] {"Unit", unit(k)});
    if (k.target() != null) lines.add(new String[] {"Target", target(k.target())});
    lines.add(new String[] {"Formula", formula(k)});

    StringBuilder b = new StringBuilder(k.id() + " — " + k.label() + "\n");
    if (k.description() != null) b.append("  ").append(k.description()).append('\n');
    int w = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
    for (String[] l : lines) b.append("  ").append(DisplayWidth.padRight(l[0] + ":", w + 1)).append(' ').append(l[1]).append('\n');
    return b.toString();
  }

  private static String what(KpiDef k) {
    return switch (k.type()) {
      case COUNT -> k.column() == null ? "number of rows" : "number of distinct non-blank values of " + k.column();
      case SUM -> "sum of " + k.column();
      case MEAN -> "mean of " + k.column();
      case MEDIAN -> "median of " + k.column();
      case PERCENTILE -> k.statistic() + " of " + k.column();
      case RATIO -> "share of the rows that match the numerator filter";
      case DURATION -> "time from " + k.start() + " to " + k.end();
    };
  }

  private static String population(KpiDef k) {
    List<String> parts = new ArrayList<>();
    parts.add(k.where().isEmpty() ? "all rows" : "rows where " + FilterText.of(k.where()));
    if (k.type() == dev.journeykpi.config.KpiType.RATIO) {
      parts.add("denominator: " + (k.denominator().isEmpty() ? "those rows" : "those where " + FilterText.of(k.denominator())));
      parts.add("numerator: of those, rows where " + FilterText.of(k.numerator()));
    }
    return String.join("; ", parts);
  }

  private static String excluded(KpiDef k) {
    return switch (k.type()) {
      case SUM, MEAN, MEDIAN, PERCENTILE -> "rows without " + k.column() + " (counted in the note)";
      case COUNT -> k.column() == null ? "" : "rows without " + k.column() + " (counted in the note)";
      case DURATION -> "rows without " + k.end() + " are open: counted in the note, never taken as 0; rows whose "
          + k.end() + " is before " + k.start() + " are data errors, left out and counted; rows without " + k.start()
          + " are left out and counted";
      case RATIO -> "";
    };
  }

  static String statistic(Statistic s) {
    return switch (s.kind()) {
      case MEAN -> "mean";
      case MIN -> "minimum";
      case MAX -> "maximum";
      case MEDIAN -> "median (middle value; the mean of the two middle values for an even count)";
      case PERCENTILE -> s + ": linear interpolation between closest ranks, as Excel's PERCENTILE.INC";
    };
  }

  private static String target(dev.journeykpi.config.TargetDef t) {
    String bound = switch (t.kind()) {
      case MIN -> "green at or above " + plain(t.low());
      case MAX -> "green at or below " + plain(t.high());
      case RANGE -> "green from " + plain(t.low()) + " to " + plain(t.high());
    };
    String amber = t.amber() != null ? "amber down to " + plain(t.amber())
        : t.band() != null ? "amber within " + plain(t.band()) + " beyond it"
        : t.bandPercent() != null ? "amber within " + plain(t.bandPercent()) + "% of " + (t.kind() == dev.journeykpi.config.TargetDef.Kind.RANGE ? "its width" : "the target") + " beyond it"
        : "no amber band";
    if (t.amber() != null && t.kind() == dev.journeykpi.config.TargetDef.Kind.MAX) amber = "amber up to " + plain(t.amber());
    String periods = t.byPeriod().isEmpty() ? "" : "; per period: " + t.byPeriod().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + plain(e.getValue())).collect(Collectors.joining(", ")) + " (a month falls back to its quarter, then its year)";
    return bound + ", " + amber + ", red beyond" + periods + "; status on every row, breakdown rows included";
  }

  private static String plain(double v) {
    return ValueFormat.plain(v);
  }

  private static String unit(KpiDef k) {
    if (k.unit().equals("%")) return "% (stored as a fraction: 0.85 is 85%)";
    return k.unit().isEmpty() ? "none" : k.unit();
  }

  private static String formula(KpiDef k) {
    String where = k.where().isEmpty() ? "" : " over rows where " + FilterText.of(k.where());
    return switch (k.type()) {
      case COUNT -> (k.column() == null ? "count(rows)" : "count(distinct " + k.column() + ")") + where;
      case SUM -> "sum(" + k.column() + ")" + where;
      case MEAN, MEDIAN, PERCENTILE -> (k.type() == dev.journeykpi.config.KpiType.MEAN ? "mean" : k.statistic().toString())
          + "(" + k.column() + ")" + where;
      case RATIO -> "rows(numerator ∩ denominator) ÷ rows(denominator); value, numerator and denominator are all reported";
      case DURATION -> k.statistic() + "(" + k.end() + " − " + k.start() + ") over completed rows, in " + k.unit() + where;
    };
  }

  /** "Mon–Fri 08:00–12:00, 13:30–17:30; Sat 08:00–12:00; 5 holidays". */
  static String calendar(CalendarDef c) {
    Map<String, List<DayOfWeek>> byHours = new LinkedHashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (!c.workdays().contains(d)) continue;
      String h = c.hours().get(d).stream().map(i -> i.start() + "–" + (i.end().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : i.end()))
          .collect(Collectors.joining(", "));
      byHours.computeIfAbsent(h, x -> new ArrayList<>()).add(d);
    }
    List<String> parts = new ArrayList<>();
    byHours.forEach((h, days) -> parts.add(days(days) + " " + h));
    parts.add(c.holidays().size() == 1 ? "1 holiday" : c.holidays().size() + " holidays");
    return String.join("; ", parts);
  }

  private static String days(List<DayOfWeek> days) {
    String first = name(days.get(0));
    if (days.size() == 1) return first;
    boolean consecutive = days.get(days.size() - 1).getValue() - days.get(0).getValue() == days.size() - 1;
    return consecutive ? first + "–" + name(days.get(days.size() - 1)) : days.stream().map(ExplainRenderer::name).collect(Collectors.joining(", "));
  }

  private static String name(DayOfWeek d) {
    String n = d.name();
    return n.charAt(0) + n.substring(1, 3).toLowerCase(java.util.Locale.ROOT);
  }
}
