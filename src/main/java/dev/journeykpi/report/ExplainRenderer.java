package dev.journeykpi.report;

import dev.journeykpi.config.CalendarDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Journey;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.Filter;
import dev.journeykpi.config.KpiType;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.config.TargetDef;
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
  private final ExplainPhrases p;

  /** @param lang "en" or "vi" */
  public ExplainRenderer(String lang) {
    this.p = new ExplainPhrases(lang);
  }

  public String explain(Definition def, KpiDef k) {
    List<String[]> lines = new ArrayList<>();
    Journey.Touchpoint t = def.journey().touchpointOf(k.id()).orElse(null);
    if (t != null) {
      lines.add(new String[] {p.t("Journey"), def.journey().stageLabel(t.stage()) + " › " + t.label()
          + (t.owner() == null ? "" : " (" + p.t("owner") + ": " + t.owner() + ")")});
    }
    SourceDef s = def.sources().get(k.source());
    lines.add(new String[] {p.t("Source"), k.source() + " (" + s.file() + ")"});
    lines.add(new String[] {p.t("Columns"), k.columnsRead().stream().map(c -> {
      var col = s.columns().get(c);
      return col == null ? c : col.isLookup() ? c + " (" + p.t("computed") + ")" : col.header().equals(c) ? c : c + " ← " + col.header();
    }).collect(Collectors.joining(", "))});
    lines.add(new String[] {p.t("Type"), k.type().yamlName() + " — " + what(k)});
    if (k.preset() != null) {
      var preset = dev.journeykpi.config.Presets.all().stream().filter(x -> x.name().equals(k.preset())).findFirst().orElseThrow();
      lines.add(new String[] {p.t("Preset"), k.preset() + " — " + (p.vi() ? preset.aboutVi() : preset.about())
          + " " + p.t("(every key the KPI sets replaces the preset's)")});
    }
    lines.add(new String[] {p.t("Population"), population(k)});
    lines.add(new String[] {p.t("Period"), period(k)});
    if (hasClock(k.type())) {
      lines.add(new String[] {p.t("Clock"), k.businessTime() ? p.t("business time: %s", calendar(def.calendar()))
          : p.t("calendar time (real elapsed time in %s)", def.zone())});
    }
    if (k.statistic() != null) lines.add(new String[] {p.t("Statistic"), statistic(k.statistic())});
    String excluded = excluded(k);
    if (!excluded.isEmpty()) lines.add(new String[] {p.t("Left out"), excluded});
    lines.add(new String[] {p.t("Breakdown"), k.by().isEmpty() ? p.t("none (one total)")
        : p.t("%s, each value computed from its own rows, plus a total computed from all rows", String.join(", ", k.by()))});
    lines.add(new String[] {p.t("Unit"), unit(k)});
    if (k.target() != null) lines.add(new String[] {p.t("Target"), target(k.target())});
    lines.add(new String[] {p.t("Formula"), formula(k)});

    StringBuilder b = new StringBuilder(k.id() + " — " + k.label() + "\n");
    if (k.description() != null) b.append("  ").append(k.description()).append('\n');
    int w = lines.stream().mapToInt(l -> DisplayWidth.of(l[0])).max().orElse(0);
    for (String[] l : lines) b.append("  ").append(DisplayWidth.padRight(l[0] + ":", w + 1)).append(' ').append(l[1]).append('\n');
    return b.toString();
  }

  /** Which rows a period takes; an exhaustive switch, so a new type does not compile without its own sentence. */
  private String period(KpiDef k) {
    return switch (k.type()) {
      case BACKLOG -> p.t("counted at the end of each period over every row: a row started before the period ends and not ended by then");
      case TURNOVER -> p.t("leavers: rows whose %s is in the period; headcount at an instant: %s before it and %s blank or not before it",
          k.end(), k.start(), k.end());
      case CUSTOMERS -> customerPeriod(k);
      case FUNNEL, CONVERSION -> k.funnel().activity()
          ? p.t("activity funnel: at each stage, the leads that entered it in the period (by %s), and whether they went on", k.time())
          : p.t("cohort funnel: the leads whose %s is in the period, with everything they did afterwards",
              k.funnel().history() ? p.t("first stage entry (%s)", k.time()) : k.time());
      case STALLED -> p.t("touches dated by %s; stalled = last touch before the period more than %s before its first day", k.time(),
          k.stalled().idle());
      case COUNT, SUM, MEAN, MEDIAN, PERCENTILE, RATIO, DURATION, SCORE, SLA, NO_REPEAT -> k.time() == null
          ? p.t("every row counts in every period (time: none)")
          : p.t("a row counts in the period that contains its %s; rows without %s are in no period", k.time(), k.time());
    };
  }

  /** Types that measure time between two moments, so the explanation says on which clock. */
  private static boolean hasClock(KpiType type) {
    return switch (type) {
      case DURATION, SLA, FUNNEL -> true;
      case COUNT, SUM, MEAN, MEDIAN, PERCENTILE, RATIO, SCORE, NO_REPEAT, BACKLOG, TURNOVER, CUSTOMERS, CONVERSION, STALLED -> false;
    };
  }

  private String what(KpiDef k) {
    return switch (k.type()) {
      case COUNT -> k.column() == null ? p.t("number of rows") : p.t("number of distinct non-blank values of %s", k.column());
      case SUM -> p.t("sum of %s", measured(k));
      case MEAN -> p.t("mean of %s", measured(k));
      case MEDIAN -> p.t("median of %s", measured(k));
      case PERCENTILE -> p.t("%s of %s", k.statistic(), measured(k));
      case RATIO -> p.t("share of the rows that match the numerator filter");
      case DURATION -> p.t("time from %s to %s", k.start(), k.end());
      case SCORE -> p.t("answers in %s on a %s scale", k.column(), scale(k.score())) + (k.score().values().isEmpty() ? ""
          : "; " + p.t("text answers: %s", k.score().values().entrySet().stream().sorted(Map.Entry.comparingByKey())
              .map(e -> e.getKey() + " = " + plain(e.getValue())).collect(Collectors.joining(", "))));
      case SLA -> p.t("share of rows whose time from %s to %s met its limit: %s", k.start(), k.end(), limits(k.sla()));
      case NO_REPEAT -> p.t("share of contacts with no other contact of the same %s within %s after it", k.column(), k.window());
      case BACKLOG -> p.t("rows open (started, not ended) at the end of the period, from %s and %s", k.start(), k.end());
      case TURNOVER -> p.t("leavers (%s in the period) ÷ average headcount (from %s and %s)", k.end(), k.start(), k.end());
      case CUSTOMERS -> customerWhat(k);
      case FUNNEL -> p.t("leads of %s through the stages %s", k.funnel().lead(), stageList(k)) + lostList(k);
      case CONVERSION -> p.t("share of the leads that reached stage '%s' that went on to reach '%s'", k.funnel().from(), k.funnel().to())
          + "; " + p.t("stages %s", stageList(k));
      case STALLED -> p.t("of the %s untouched for more than %s before the period (and not closed), the share touched again in it",
          k.stalled().lead(), k.stalled().idle());
    };
  }

  private static String measured(KpiDef k) {
    return k.columns().isEmpty() ? k.column() : String.join(" + ", k.columns());
  }

  private String filter(Filter f) {
    return FilterText.of(f, p);
  }

  private String population(KpiDef k) {
    List<String> parts = new ArrayList<>();
    parts.add(k.where().isEmpty() ? p.t("all rows") : p.t("rows where %s", filter(k.where())));
    parts.addAll(switch (k.type()) {
      case NO_REPEAT -> List.of(k.denominator().isEmpty()
          ? p.t("every contact is judged; repeats are looked for among all of those rows, in any period")
          : p.t("contacts judged: those where %s; repeats are looked for among all of the population, in any period", filter(k.denominator())));
      case TURNOVER -> k.numerator().isEmpty() ? List.of()
          : List.of(p.t("leavers counted: those where %s (everyone stays in the headcount)", filter(k.numerator())));
      case RATIO -> List.of(
          k.denominator().isEmpty() ? p.t("denominator: those rows") : p.t("denominator: those where %s", filter(k.denominator())),
          p.t("numerator: of those, rows where %s", filter(k.numerator())));
      case COUNT, SUM, MEAN, MEDIAN, PERCENTILE, DURATION, SCORE, SLA, BACKLOG, CUSTOMERS, FUNNEL, CONVERSION, STALLED -> List.of();
    });
    return String.join("; ", parts);
  }

  private String excluded(KpiDef k) {
    return switch (k.type()) {
      case SUM, MEAN, MEDIAN, PERCENTILE -> p.t("rows without %s (counted in the note)",
          k.columns().isEmpty() ? k.column() : String.join(" + ", k.columns()));
      case COUNT -> k.column() == null ? "" : p.t("rows without %s (counted in the note)", k.column());
      case DURATION -> p.t("rows without %s are open: counted in the note, never taken as 0; rows whose %s is before %s are data"
          + " errors, left out and counted; rows without %s are left out and counted", k.end(), k.end(), k.start(), k.start());
      case RATIO, BACKLOG -> "";
      case SCORE -> p.t("blank answers, answers outside the scale and unrecognised text answers: left out of the denominator and counted");
      case SLA -> p.t("rows still open within their limit (they may still meet it), rows with no limit for their value, rows without"
          + " %s or ending before it: left out and counted; rows still open past their limit count as breached, judged at the"
          + " export's latest timestamp", k.start());
      case NO_REPEAT -> p.t("contacts without %s, and contacts whose window runs past the export's latest %s with no repeat"
          + " yet: left out and counted", k.column(), k.time());
      case TURNOVER -> p.t("rows without %s (counted in the note)", k.start());
      case CUSTOMERS -> p.t("rows without a customer id (%s) or without a date (%s): not activity, counted in the note",
          k.customers().customer(), k.time());
      case FUNNEL, CONVERSION -> p.t("rows whose stage is neither a stage nor a lost outcome, rows without %s or %s: left out and counted",
          k.funnel().lead(), k.time());
      case STALLED -> stalledClosed(k);
    };
  }

  /** Which leads are closed (left out) and which are not: lost leads are re-engaged unless 'closed' names their rows. */
  private String stalledClosed(KpiDef k) {
    if (k.stalled().closed().isEmpty()) return p.t("nothing: no 'closed' filter, so every lead idle long enough is stalled, won and lost ones too");
    return p.t("leads closed before the period (rows where %s)", filter(k.stalled().closed())) + "; "
        + p.t("only those rows close a lead: every other lead — lost, undecided or still open — stays one to re-engage, lost ones"
            + " included (name their rows in 'closed' to leave them out)");
  }

  private String stageList(KpiDef k) {
    return k.funnel().stages().stream().map(s -> s.label() + (s.values().equals(List.of(s.label(), s.id())) ? ""
        : " [" + String.join(", ", s.values()) + "]") + (s.optional() ? " (" + p.t("optional") + ")" : ""))
        .collect(Collectors.joining(" → "));
  }

  private String lostList(KpiDef k) {
    if (k.funnel().lost().isEmpty()) return "";
    return "; " + p.t("lost outcomes: %s", k.funnel().lost().stream().map(s -> s.label()).collect(Collectors.joining(", ")));
  }

  private String funnelRules(KpiDef k) {
    var f = k.funnel();
    List<String> parts = new ArrayList<>();
    parts.add(f.history() ? p.t("stage history: the first entry into a stage counts for reach (duplicates and re-entries change"
        + " nothing); time in a stage adds up every stay") : p.t("snapshot: a lead reached its current stage%s",
        f.stages().stream().anyMatch(s -> s.entered() != null) ? p.t(" and every stage it has a date for") : ""));
    parts.add(f.fill() ? p.t("skipped: fill (a lead at a later stage passed the earlier ones)")
        : p.t("skipped: exclude (a lead reached only the stages it entered)"));
    List<String> optional = f.stages().stream().filter(x -> x.optional()).map(x -> x.label()).toList();
    if (!optional.isEmpty()) parts.add(p.t("optional stages (%s): never filled in; a lead that skips one did not drop there",
        String.join(", ", optional)));
    if (f.history()) parts.add(f.midwayFill() ? p.t("entered_midway: fill (a lead first seen at a later stage passed the earlier ones)")
        : p.t("entered_midway: count_separately (a lead first seen at a later stage is counted from there, not in the rates from the first stage)"));
    if (f.window() != null) parts.add(p.t("a step counts only if the next stage was entered within %s of the previous one", f.window()));
    parts.add(p.t("per stage: entered, to next, from first, dropped, lost, time to next (median, p90), time in stage; rates of distinct leads"));
    return String.join("; ", parts);
  }

  private String customerWhat(KpiDef k) {
    var c = k.customers();
    return switch (c.measure()) {
      case ACTIVE -> p.t("customers active at the end of the period");
      case NEW -> p.t("customers whose first activity ever is in the period");
      case CHURNED -> p.t("customers active at the start of the period and not at its end");
      case CHURN_RATE -> p.t("churned customers ÷ customers active at the start (new customers are not in the denominator)");
      case RETENTION_RATE -> p.t("customer retention rate (E − N) ÷ S: active at the end E, new in the period N, active at the start S");
      case DORMANT -> p.t("customers dormant at the end of the period (%s without activity)", c.dormantAfter());
      case REACTIVATED -> p.t("reactivations in the period: an activity after %s without one, once per dormancy episode", c.dormantAfter());
      case REACTIVATION_RATE -> p.t("customers dormant at the start (%s without activity) who were active in the period ÷ dormant at the start",
          c.dormantAfter());
      case LIFECYCLE -> p.t("customers by state: new, returning (active in this and the previous period), resurrecting"
          + " (active now, not in the previous period, not new), dormant (active in the previous period, not now)");
      case REPEAT_RATE -> p.t("customers with 2 or more orders in the period ÷ customers with 1 or more");
      case FREQUENCY -> p.t("orders in the period ÷ customers with an order");
      case AOV -> p.t("revenue (%s) in the period ÷ orders", c.value());
      case CLV -> p.t("simple customer lifetime value: AOV × purchase frequency × expected lifespan in periods");
      case COHORT -> p.t("cohort retention: customers grouped by the period of their %s, share active k periods later",
          c.recurring() ? p.t("activity (recurring: a customer is in every period it is active)") : p.t("first activity"));
    } + (c.order() == null ? "" : "; " + p.t("one order per %s", c.order()));
  }

  private String customerPeriod(KpiDef k) {
    var c = k.customers();
    String window = c.window() == null ? p.t("active in a period = activity in it; at the start = activity in the period before")
        : p.t("active at the end of a day = last activity less than %s before it", c.window());
    return p.t("each customer's whole history counts, activities dated by %s", k.time()) + "; " + window;
  }

  private String customerFormula(KpiDef k) {
    var c = k.customers();
    return switch (c.measure()) {
      case ACTIVE -> "E";
      case NEW -> "N";
      case CHURNED -> "|S \\ E|";
      case CHURN_RATE -> "|S \\ E| ÷ S";
      case RETENTION_RATE -> p.t("(E − N) ÷ S, above 100% when customers inactive at the start come back (in E, not in N);"
          + " S = 0 is not computable");
      case DORMANT, REACTIVATED -> p.t("count of customers");
      case REACTIVATION_RATE -> p.t("reactivated from dormancy at the start ÷ dormant at the start");
      case LIFECYCLE -> p.t("new + returning + resurrecting = customers active in the period; returning + dormant = active in the period before");
      case REPEAT_RATE -> p.t("customers with ≥ 2 orders ÷ customers with ≥ 1");
      case FREQUENCY -> p.t("orders ÷ customers with an order (orders: distinct ids among rows with a positive amount)");
      case AOV -> (c.returns() == dev.journeykpi.config.CustomerDef.Returns.NET
          ? p.t("revenue net of returns (negative amounts)") : p.t("revenue of positive amounts only")) + " ÷ " + p.t("orders");
      case CLV -> p.t("AOV × frequency × lifespan; lifespan %s", c.lifespan() == null ? p.t("= 1 ÷ churn rate (S ÷ churned)")
          : plain(c.lifespan()) + " " + p.t("periods (given)"));
      case COHORT -> p.t("retained(cohort, k) ÷ cohort size, for the last %s cohorts; a cell resting on an unfinished period is flagged",
          c.cohorts());
    };
  }

  private static String scale(dev.journeykpi.config.ScoreDef s) {
    return plain(s.min()) + "–" + plain(s.max());
  }

  private String limits(dev.journeykpi.config.SlaDef sla) {
    if (sla.by() == null) return sla.fallback().toString();
    String per = sla.limits().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    return p.t("by %s: %s", sla.by(), per) + (sla.fallback() == null ? "; " + p.t("other values have no limit")
        : "; " + p.t("other values %s", sla.fallback()));
  }

  private String statistic(Statistic s) {
    return switch (s.kind()) {
      case MEAN -> p.t("mean");
      case MIN -> p.t("minimum");
      case MAX -> p.t("maximum");
      case MEDIAN -> p.t("median (middle value; the mean of the two middle values for an even count)");
      case PERCENTILE -> p.t("%s: linear interpolation between closest ranks, as Excel's PERCENTILE.INC", s);
    };
  }

  private String target(TargetDef t) {
    String bound = switch (t.kind()) {
      case MIN -> p.t("green at or above %s", plain(t.low()));
      case MAX -> p.t("green at or below %s", plain(t.high()));
      case RANGE -> p.t("green from %s to %s", plain(t.low()), plain(t.high()));
    };
    String amber = t.amber() != null
        ? (t.kind() == TargetDef.Kind.MAX ? p.t("amber up to %s", plain(t.amber())) : p.t("amber down to %s", plain(t.amber())))
        : t.band() != null ? p.t("amber within %s beyond it", plain(t.band()))
        : t.bandPercent() != null ? (t.kind() == TargetDef.Kind.RANGE ? p.t("amber within %s%% of its width beyond it", plain(t.bandPercent()))
            : p.t("amber within %s%% of the target beyond it", plain(t.bandPercent())))
        : p.t("no amber band");
    String periods = t.byPeriod().isEmpty() ? "" : "; " + p.t("per period: %s (a month falls back to its quarter, then its year)",
        t.byPeriod().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + " " + plain(e.getValue()))
            .collect(Collectors.joining(", ")));
    return bound + ", " + amber + ", " + p.t("red beyond") + periods + "; " + p.t("status on every row, breakdown rows included");
  }

  private static String plain(double v) {
    return ValueFormat.plain(v);
  }

  private String unit(KpiDef k) {
    if (k.type() == KpiType.FUNNEL) return p.t("leads for counts, %% for rates, %s for times between stages", k.unit());
    if (k.unit().equals("%")) return p.t("% (stored as a fraction: 0.85 is 85%)");
    return k.unit().isEmpty() ? p.t("none") : k.unit();
  }

  /** mean, median or pNN: a {@code mean} or {@code median} KPI has no {@code stat:}, its type says it. */
  private static String columnStatistic(KpiDef k) {
    return switch (k.type()) {
      case MEAN -> "mean";
      case MEDIAN -> "median";
      case PERCENTILE -> String.valueOf(k.statistic());
      case COUNT, SUM, RATIO, DURATION, SCORE, SLA, NO_REPEAT, BACKLOG, TURNOVER, CUSTOMERS, FUNNEL, CONVERSION, STALLED ->
          throw new IllegalStateException(k.type() + " KPIs summarise no column with a statistic");
    };
  }

  private String formula(KpiDef k) {
    String where = k.where().isEmpty() ? "" : p.t(" over rows where %s", filter(k.where()));
    if (!k.columns().isEmpty()) {
      String sum = "(" + String.join(" + ", k.columns()) + ")";
      return switch (k.type()) {
        case SUM -> "sum" + sum;
        case MEAN -> "mean" + sum;
        case MEDIAN, PERCENTILE -> columnStatistic(k) + sum;
        // Only the column types take 'columns:' (KpiBinder.specific).
        case COUNT, RATIO, DURATION, SCORE, SLA, NO_REPEAT, BACKLOG, TURNOVER, CUSTOMERS, FUNNEL, CONVERSION, STALLED ->
            throw new IllegalStateException(k.type() + " KPIs have no 'columns'");
      } + where + p.t("; blank parts taken as 0");
    }
    return switch (k.type()) {
      case COUNT -> (k.column() == null ? "count(rows)" : "count(distinct " + k.column() + ")") + where;
      case SUM -> "sum(" + k.column() + ")" + where;
      case MEAN, MEDIAN, PERCENTILE -> columnStatistic(k) + "(" + k.column() + ")" + where;
      case RATIO -> p.t("rows(numerator ∩ denominator) ÷ rows(denominator); value, numerator and denominator are all reported");
      case DURATION -> p.t("%s(%s − %s) over completed rows, in %s", k.statistic(), k.end(), k.start(), k.unit()) + where;
      case SCORE -> switch (k.score().stat()) {
        case TOP_BOX -> p.t("answers in %s ÷ valid answers", k.score().positive().stream().map(ExplainRenderer::plain)
            .collect(Collectors.joining(", ", "{", "}")));
        case MEAN -> p.t("mean of the valid answers");
        case NPS -> p.t("100 × (answers 9–10 − answers 0–6) ÷ valid answers; passives (7–8) stay in the denominator; −100…100");
      } + where;
      case SLA -> p.t("rows met ÷ (rows met + rows breached)") + where;
      case NO_REPEAT -> p.t("contacts without a repeat ÷ contacts judged") + where;
      case BACKLOG -> p.t("count(%s < period end and (%s blank or %s ≥ period end))", k.start(), k.end(), k.end()) + where;
      case TURNOVER -> p.t("leavers ÷ ((headcount at start + headcount at end) ÷ 2)") + where;
      case CUSTOMERS -> customerFormula(k) + where;
      case FUNNEL -> funnelRules(k) + where;
      case CONVERSION -> p.t("leads that reached '%s' ÷ leads that reached '%s'", k.funnel().to(), k.funnel().from()) + "; " + funnelRules(k) + where;
      case STALLED -> p.t("stalled leads touched in the period ÷ stalled leads") + where;
    };
  }

  /** "Mon–Fri 08:00–12:00, 13:30–17:30; Sat 08:00–12:00; 5 holidays". */
  private String calendar(CalendarDef c) {
    Map<String, List<DayOfWeek>> byHours = new LinkedHashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (!c.workdays().contains(d)) continue;
      String h = c.hours().get(d).stream()
          .map(i -> i.start() + "–" + (i.end().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : i.end()))
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
    boolean consecutive = days.get(days.size() - 1).getValue() - days.get(0).getValue() == days.size() - 1;
    return consecutive ? first + "–" + name(days.get(days.size() - 1)) : days.stream().map(this::name).collect(Collectors.joining(", "));
  }

  private String name(DayOfWeek d) {
    String n = d.name();
    return p.t(n.charAt(0) + n.substring(1, 3).toLowerCase(java.util.Locale.ROOT));
  }
}
