package dev.journeykpi.report;

import dev.journeykpi.config.CalendarDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Filter;
import dev.journeykpi.config.Journey;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.config.TargetDef;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.KpiKinds;
import dev.journeykpi.types.Phrases;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kpi explain}: a KPI's definition in words — population, what is measured, period
 * attribution, clock, statistic, what is excluded, breakdown, unit and formula — so every default
 * the tool applies is visible.
 */
public final class ExplainRenderer {
  private final ExplainPhrases p;

  /** The phrases as the KPI types write their part of an explanation with them. */
  private final Phrases words;

  /**
   * @param lang "en" or "vi"
   */
  public ExplainRenderer(String lang) {
    this.p = new ExplainPhrases(lang);
    this.words =
        new Phrases() {
          @Override
          public String t(String template, Object... args) {
            return p.t(template, args);
          }

          @Override
          public String filter(Filter f) {
            return ExplainRenderer.this.filter(f);
          }

          @Override
          public String plain(double v) {
            return ExplainRenderer.plain(v);
          }
        };
  }

  /**
   * The joins a KPI's rows go through: those whose columns it reads, and those that drop the rows
   * they find no match for ("joined with accounts on account").
   */
  private String joins(Definition def, KpiDef k, SourceDef s) {
    StringBuilder b = new StringBuilder();
    for (dev.journeykpi.config.JoinDef j : s.joins()) {
      if (!j.dropUnmatched()
          && j.columns().stream().noneMatch(behind(s, k.columnsRead())::contains)) continue;
      String on =
          j.on().entrySet().stream()
              .map(
                  e ->
                      e.getKey().equals(e.getValue())
                          ? e.getKey()
                          : e.getKey() + " = " + e.getValue())
              .collect(Collectors.joining(", "));
      b.append(b.length() == 0 ? " " : ", ")
          .append(
              j.dropUnmatched()
                  ? p.t("joined with %s on %s (rows without a match left out)", j.source(), on)
                  : p.t("joined with %s on %s", j.source(), on));
    }
    return b.toString();
  }

  /**
   * The columns a KPI reads, each derived one followed by the columns it is computed from (once
   * each, through derived columns of derived columns): {@code revenue = quantity * unit_price}
   * reads the price a join takes, and the explanation says where it comes from.
   */
  private static Set<String> behind(SourceDef s, Set<String> read) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : read) withInputs(s, c, out);
    return out;
  }

  private static void withInputs(SourceDef s, String column, Set<String> out) {
    if (!out.add(column)) return;
    var col = s.columns().get(column);
    if (col != null && col.isDerived())
      for (String in : col.lookup().inputs()) withInputs(s, in, out);
  }

  /** Where a joined column comes from: "accounts.Region" (the other source's header). */
  private static String joinedFrom(Definition def, dev.journeykpi.config.ColumnDef.Joined j) {
    var theirs = def.sources().get(j.source()).columns().get(j.column());
    return j.source()
        + "."
        + (theirs == null || theirs.header() == null ? j.column() : theirs.header());
  }

  public String explain(Definition def, KpiDef k) {
    List<String[]> lines = new ArrayList<>();
    Journey.Touchpoint t = def.journey().touchpointOf(k.id()).orElse(null);
    if (t != null) {
      lines.add(
          new String[] {
            p.t("Journey"),
            def.journey().stageLabel(t.stage())
                + " › "
                + t.label()
                + (t.owner() == null ? "" : " (" + p.t("owner") + ": " + t.owner() + ")")
          });
    }
    SourceDef s = k.source() == null ? null : def.sources().get(k.source());
    // A KPI computed from other KPIs' values (a formula) reads no source: it has no such lines.
    if (s != null) {
      lines.add(
          new String[] {
            p.t("Source"),
            k.source()
                + " ("
                + (s.isTable() ? "table " + s.table() : s.file())
                + ")"
                + joins(def, k, s)
          });
      if (s.distinct() != null) lines.add(new String[] {p.t("Rows"), distinct(s.distinct())});
      lines.add(
          new String[] {
            p.t("Columns"),
            behind(s, k.columnsRead()).stream()
                .map(
                    c -> {
                      var col = s.columns().get(c);
                      return col == null
                          ? c
                          : col.isDerived()
                              ? c + " = " + col.lookup().derived().text()
                              : col.isJoined()
                                  ? c + " ← " + joinedFrom(def, col.lookup().joined())
                                  : col.isLookup()
                                      ? c + " (" + p.t("computed") + ")"
                                      : col.header().equals(c) ? c : c + " ← " + col.header();
                    })
                .collect(Collectors.joining(", "))
          });
    }
    Explained x = KpiKinds.of(k).explainAny(k, words);
    lines.add(new String[] {p.t("Type"), k.type() + " — " + x.what()});
    if (k.preset() != null) {
      var preset =
          dev.journeykpi.config.Presets.all().stream()
              .filter(q -> q.name().equals(k.preset()))
              .findFirst()
              .orElseThrow();
      lines.add(
          new String[] {
            p.t("Preset"),
            k.preset()
                + " — "
                + (p.vi() ? preset.aboutVi() : preset.about())
                + " "
                + p.t("(every key the KPI sets replaces the preset's)")
          });
    }
    List<String> population = new ArrayList<>();
    if (s != null)
      population.add(
          k.where().isEmpty() ? p.t("all rows") : p.t("rows where %s", filter(k.where())));
    population.addAll(x.population());
    lines.add(new String[] {p.t("Population"), String.join("; ", population)});
    lines.add(new String[] {p.t("Period"), x.period()});
    if (x.businessClock() != null) {
      lines.add(
          new String[] {
            p.t("Clock"),
            x.businessClock()
                ? p.t("business time: %s", calendar(def.calendar()))
                : p.t("calendar time (real elapsed time in %s)", def.zone())
          });
    }
    if (x.statistic() != null) lines.add(new String[] {p.t("Statistic"), statistic(x.statistic())});
    if (!x.leftOut().isEmpty()) lines.add(new String[] {p.t("Left out"), x.leftOut()});
    lines.add(
        new String[] {
          p.t("Breakdown"),
          k.by().isEmpty()
              ? p.t("none (one total)")
              : s == null
                  ? p.t(
                      "%s, each value from the values of that group (a KPI read without a"
                          + " breakdown counts for every group), plus a total from their totals",
                      String.join(", ", k.by()))
                  : p.t(
                          "%s, each value computed from its own rows, plus a total computed from all rows",
                          String.join(", ", k.by()))
                      + (k.groupsFrom() != null
                          ? p.t(
                              "; listed even without rows: every %s of source %s",
                              k.groupsFrom().column(), k.groupsFrom().source())
                          : k.groups().isEmpty()
                              ? ""
                              : p.t(
                                  "; listed even without rows: %s", String.join(", ", k.groups())))
        });
    if (k.compare() != null) {
      lines.add(
          new String[] {
            p.t("Compared"),
            p.t(
                    "every other value of %s against the control '%s': difference, interval and"
                        + " Holm-adjusted p-value by %s",
                    k.compare().by(),
                    k.compare().control(),
                    KpiKinds.of(k).comparison(k.spec()).method().machineText())
                + (k.by().size() > 1
                    ? p.t(
                        "; within each group of %s",
                        String.join(
                            ", ",
                            k.by().stream().filter(c -> !c.equals(k.compare().by())).toList()))
                    : "")
          });
    }
    if (k.confidence() != null) {
      lines.add(
          new String[] {
            p.t("Confidence"),
            p.t(
                "intervals at %s %% (its own level, whatever --confidence says)",
                plain(k.confidence()))
          });
    }
    lines.add(new String[] {p.t("Unit"), x.unit() != null ? x.unit() : unit(k)});
    if (k.target() != null) lines.add(new String[] {p.t("Target"), target(k.target())});
    lines.add(new String[] {p.t("Formula"), x.formula()});

    StringBuilder b = new StringBuilder(k.id() + " — " + k.label() + "\n");
    if (k.description() != null) b.append("  ").append(k.description()).append('\n');
    int w = lines.stream().mapToInt(l -> DisplayWidth.of(l[0])).max().orElse(0);
    for (String[] l : lines)
      b.append("  ")
          .append(DisplayWidth.padRight(l[0] + ":", w + 1))
          .append(' ')
          .append(l[1])
          .append('\n');
    return b.toString();
  }

  /** A source's {@code distinct:}: which row of each key is kept, and how ties are broken. */
  private String distinct(dev.journeykpi.config.DistinctDef d) {
    String key = d.keyText();
    String by = d.by();
    if (by == null) {
      return d.keepLast()
          ? p.t(
              "one row per %s: the last in the file; the others are dropped and counted in the"
                  + " quality report",
              key)
          : p.t(
              "one row per %s: the first in the file; the others are dropped and counted in the"
                  + " quality report",
              key);
    }
    return d.keepLast()
        ? p.t(
            "one row per %s: the last by %s (equal %s: the later in the file; a row without %s"
                + " only when none has one); the others are dropped and counted in the quality"
                + " report",
            key, by, by, by)
        : p.t(
            "one row per %s: the first by %s (equal %s: the earlier in the file; a row without %s"
                + " only when none has one); the others are dropped and counted in the quality"
                + " report",
            key, by, by, by);
  }

  private String filter(Filter f) {
    return FilterText.of(f, p);
  }

  private String statistic(Statistic s) {
    return switch (s.kind()) {
      case MEAN -> p.t("mean");
      case MIN -> p.t("minimum");
      case MAX -> p.t("maximum");
      case MEDIAN ->
          p.t("median (middle value; the mean of the two middle values for an even count)");
      case PERCENTILE ->
          p.t("%s: linear interpolation between closest ranks, as Excel's PERCENTILE.INC", s);
    };
  }

  private String target(TargetDef t) {
    String bound =
        switch (t.kind()) {
          case MIN -> p.t("green at or above %s", plain(t.low()));
          case MAX -> p.t("green at or below %s", plain(t.high()));
          case RANGE -> p.t("green from %s to %s", plain(t.low()), plain(t.high()));
        };
    String amber =
        t.amber() != null
            ? (t.kind() == TargetDef.Kind.MAX
                ? p.t("amber up to %s", plain(t.amber()))
                : p.t("amber down to %s", plain(t.amber())))
            : t.band() != null
                ? p.t("amber within %s beyond it", plain(t.band()))
                : t.bandPercent() != null
                    ? (t.kind() == TargetDef.Kind.RANGE
                        ? p.t("amber within %s%% of its width beyond it", plain(t.bandPercent()))
                        : p.t("amber within %s%% of the target beyond it", plain(t.bandPercent())))
                    : p.t("no amber band");
    String periods =
        t.byPeriod().isEmpty()
            ? ""
            : "; "
                + p.t(
                    "per period: %s (a month falls back to its quarter, then its year)",
                    t.byPeriod().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + plain(e.getValue()))
                        .collect(Collectors.joining(", ")));
    return bound
        + ", "
        + amber
        + ", "
        + red(t)
        + periods
        + "; "
        + p.t("status on every row, breakdown rows included");
  }

  /** Where red starts, said by the target's direction: "beyond" read as "above" for a minimum. */
  private String red(TargetDef t) {
    return switch (t.kind()) {
      case MIN -> p.t("red below that");
      case MAX -> p.t("red above that");
      case RANGE -> p.t("red outside that");
    };
  }

  private static String plain(double v) {
    return ValueFormat.plain(v);
  }

  private String unit(KpiDef k) {
    if (k.unit().equals("%")) return p.t("% (stored as a fraction: 0.85 is 85%)");
    return k.unit().isEmpty() ? p.t("none") : k.unit();
  }

  /** "Mon–Fri 08:00–12:00, 13:30–17:30; Sat 08:00–12:00; 5 holidays". */
  private String calendar(CalendarDef c) {
    Map<String, List<DayOfWeek>> byHours = new LinkedHashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (!c.workdays().contains(d)) continue;
      String h =
          c.hours().get(d).stream()
              .map(
                  i ->
                      i.start()
                          + "–"
                          + (i.end().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : i.end()))
              .collect(Collectors.joining(", "));
      byHours.computeIfAbsent(h, x -> new ArrayList<>()).add(d);
    }
    List<String> parts = new ArrayList<>();
    byHours.forEach((h, days) -> parts.add(days(days) + " " + h));
    parts.add(c.holidays().size() + " " + p.t(c.holidays().size() == 1 ? "holiday" : "holidays"));
    return String.join("; ", parts);
  }

  private String days(List<DayOfWeek> days) {
    String first = name(days.get(0));
    if (days.size() == 1) return first;
    boolean consecutive =
        days.get(days.size() - 1).getValue() - days.get(0).getValue() == days.size() - 1;
    return consecutive
        ? first + "–" + name(days.get(days.size() - 1))
        : days.stream().map(this::name).collect(Collectors.joining(", "));
  }

  private String name(DayOfWeek d) {
    String n = d.name();
    return p.t(n.charAt(0) + n.substring(1, 3).toLowerCase(java.util.Locale.ROOT));
  }
}
