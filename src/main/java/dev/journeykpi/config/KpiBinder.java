package dev.journeykpi.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds one entry of {@code kpis:}, checking its fields against its type and its columns against its source. */
final class KpiBinder {
  static final Set<String> COMMON = Set.of("id", "label", "description", "type", "preset", "method", "source", "time", "where",
      "by", "rollup", "unit", "target");
  /**
   * The keys each type takes besides {@link #COMMON}. An exhaustive switch, no default: a new type does not compile until
   * it lists its keys.
   */
  static Set<String> specific(KpiType type) {
    return switch (type) {
      case COUNT -> Set.of("distinct");
      case SUM, MEAN, MEDIAN -> Set.of("column", "columns");
      case PERCENTILE -> Set.of("column", "columns", "p");
      case RATIO -> Set.of("numerator", "denominator");
      case DURATION -> Set.of("start", "end", "clock", "stat");
      case SCORE -> Set.of("column", "scale", "values", "positive", "stat");
      case SLA -> Set.of("start", "end", "clock", "limit");
      case NO_REPEAT -> Set.of("customer", "within", "denominator");
      case BACKLOG -> Set.of("start", "end");
      case TURNOVER -> Set.of("start", "end", "numerator");
      case FUNNEL -> Set.of("mode", "lead", "stage", "stages", "lost", "skipped", "entered_midway", "within", "periods", "clock");
      case CONVERSION -> Set.of("funnel", "from", "to");
      case STALLED -> Set.of("lead", "idle", "closed");
      case CUSTOMERS -> Set.of("measure", "customer", "window", "dormant_after", "order", "value", "returns", "lifespan",
          "cohorts", "cohort_mode");
    };
  }

  /** Words people use for a type that spelling distance does not catch. */
  static final Map<String, String> SYNONYMS = Map.of("avg", "mean", "average", "mean", "rate", "ratio",
      "percent", "ratio", "share", "ratio", "time", "duration", "p90", "percentile", "total", "sum", "distinct", "count");

  static final List<String> DURATION_UNITS = List.of("seconds", "minutes", "hours", "days");

  private final Diagnostics d;
  private final Map<String, SourceDef> sources;
  private final FilterBinder filters;
  private final TimeKeyBinder times;

  KpiBinder(Diagnostics d, Map<String, SourceDef> sources) {
    this.d = d;
    this.sources = sources;
    this.filters = new FilterBinder(d);
    this.times = new TimeKeyBinder(d);
  }

  static Set<String> allKeys() {
    Set<String> all = new HashSet<>(COMMON);
    for (KpiType t : KpiType.values()) all.addAll(specific(t));
    return all;
  }

  /** Where each conversion KPI wrote its funnel, from and to: the stages are checked once every KPI is bound. */
  final Map<String, Location[]> conversionKeys = new java.util.HashMap<>();

  /** Where the KPI's preset defaults point (its {@code preset:} value), or null when it has no preset. */
  private Location presetAt;

  /** The KPI names a preset that could not be resolved (already reported). */
  private boolean presetFailed;

  KpiDef bind(YNode node) {
    presetAt = null;
    presetFailed = false;
    String presetName = null;
    if (node instanceof YNode.YMap raw && raw.get("preset") instanceof YNode.YScalar ps && ps.text() != null) {
      Presets.Preset preset = Presets.resolve(raw, ps, d);
      if (preset != null) {
        presetAt = ps.location();
        presetName = preset.name();
        node = Presets.apply(preset, raw, ps.location());
      } else {
        // The KPI's own keys are still checked (its source, columns, filters, target): one mistake must not hide
        // the others. What only the preset would have given (its type, its required keys) is not asked for.
        presetFailed = true;
      }
    }
    MapReader m = MapReader.of(node, "kpi", allKeys(), d);
    if (m == null) return null;
    String id = m.required("id");
    String ctx = "kpi '" + (id == null ? "?" : id) + "'";
    if (presetName == null && !presetFailed && m.has("method")) {
      d.error(m.map.entries().get("method").keyLocation(), ctx + ": 'method' goes with 'preset'");
    }
    if (id != null && !id.matches("[A-Za-z0-9_.-]+")) {
      d.error(m.at("id"), ctx + ": ids are used on the command line; use letters, digits, '_', '-' or '.'");
    }
    String typeText = m.string("type");
    if (typeText == null && !m.has("preset")) {
      d.error(m.map.location(), ctx + " needs 'type' (one of " + String.join(", ", KpiType.yamlNames())
          + ") or 'preset' (one of " + String.join(", ", Presets.names()) + ")");
    }
    KpiType type = typeText == null ? null : KpiType.fromYaml(typeText);
    if (typeText != null && type == null) {
      String hint = Suggestions.hint(typeText, KpiType.yamlNames());
      if (hint.isEmpty() && SYNONYMS.containsKey(typeText.toLowerCase(java.util.Locale.ROOT))) {
        hint = " (did you mean '" + SYNONYMS.get(typeText.toLowerCase(java.util.Locale.ROOT)) + "'?)";
      }
      d.error(m.at("type"), ctx + " has unknown type '" + typeText + "'" + hint
          + "; allowed: " + String.join(", ", KpiType.yamlNames()));
    }
    if (type != null) {
      for (String key : m.map.entries().keySet()) {
        if (!COMMON.contains(key) && !specific(type).contains(key) && allKeys().contains(key)) {
          d.error(m.map.entries().get(key).keyLocation(), ctx + ": '" + key + "' does not apply to " + type.yamlName() + " KPIs");
        }
      }
    }
    boolean conversion = type == KpiType.CONVERSION;
    String sourceId = conversion ? null : m.required("source");
    if (conversion && m.has("source")) {
      d.error(m.map.entries().get("source").keyLocation(), ctx + ": a conversion reads its funnel's source; 'source' does not apply");
    }
    SourceDef source = sourceId == null ? null : sources.get(sourceId);
    if (sourceId != null && source == null) {
      d.error(m.at("source"), ctx + " reads unknown source '" + sourceId + "'" + Suggestions.hint(sourceId, sources.keySet())
          + (sources.isEmpty() ? "; no sources are defined" : "; sources: " + String.join(", ", sources.keySet())));
    }
    Map<String, ColumnDef> cols = source == null || source.columns().isEmpty() ? null : source.columns();
    ColumnChecker check = new ColumnChecker(ctx, cols);

    String time = null;
    if (type == KpiType.CONVERSION) {
      if (m.map.has("time")) {
        d.error(m.map.entries().get("time").keyLocation(), ctx + ": a conversion uses its funnel's periods; 'time' does not apply");
      }
    } else if (type != null && type.isPointInTime() && type != KpiType.CUSTOMERS && type != KpiType.FUNNEL && type != KpiType.STALLED) {
      if (m.map.has("time")) {
        d.error(m.map.entries().get("time").keyLocation(), ctx + ": 'time' does not apply to " + type.yamlName()
            + " KPIs: they look at every row's start and end at the period's edges");
      }
    } else if (!m.map.has("time")) {
      if (!presetFailed) d.error(m.map.location(), ctx + " needs 'time': the date column that places a row in a period (or time: none)");
    } else {
      time = m.string("time");
      if (time != null && time.equals("none")) time = null;
      check.temporal(time, m.at("time"), "time");
    }
    Filter where = filters.bind(m.node("where"), ctx + ".where", cols);
    Filter numerator = filters.bind(m.node("numerator") instanceof YNode.YMap nm && nm.has("where") ? nm.get("where") : m.node("numerator"), ctx + ".numerator", cols);
    Filter denominator = filters.bind(m.node("denominator") instanceof YNode.YMap dm && dm.has("where") ? dm.get("where") : m.node("denominator"), ctx + ".denominator", cols);
    List<MapReader.Item> byItems = m.items("by");
    List<String> by = byItems.stream().map(MapReader.Item::text).toList();
    for (MapReader.Item b : byItems) check.exists(b.text(), b.at(), "by");
    boolean rollup = m.bool("rollup", false);
    if (rollup && by.size() < 2) {
      d.error(m.at("rollup"), ctx + ": rollup needs 'by' to list at least two levels, top first, e.g. by: [department, team, agent]");
    }

    String column = null, start = null, end = null, unit = m.string("unit");
    boolean business = false;
    Statistic stat = null;
    List<String> columns = List.of();
    TimeSpan window = null;
    ScoreDef score = null;
    SlaDef sla = null;
    CustomerDef customers = null;
    FunnelDef funnel = null;
    StalledDef stalled = null;
    if (type == KpiType.COUNT) {
      column = m.string("distinct");
      check.exists(column, m.at("distinct"), "distinct");
      if (unit == null) unit = column == null ? "rows" : "";
    } else if (type == KpiType.SUM || type == KpiType.MEAN || type == KpiType.MEDIAN || type == KpiType.PERCENTILE) {
      if (m.has("columns")) {
        List<MapReader.Item> columnItems = m.items("columns");
        columns = columnItems.stream().map(MapReader.Item::text).toList();
        if (m.has("column")) d.error(m.at("column"), ctx + " has both 'column' and 'columns'; use one");
        if (columns.isEmpty()) d.error(m.at("columns"), ctx + ".columns lists no columns");
        for (MapReader.Item c : columnItems) check.numeric(c.text(), c.at());
      } else {
        column = m.required("column");
        check.numeric(column, m.at("column"));
      }
      if (type == KpiType.PERCENTILE) {
        Integer p = m.integer("p");
        if (p == null && !m.has("p")) d.error(m.map.location(), ctx + " needs 'p', the percentile (1-99), e.g. p: 90");
        if (p != null && (p < 1 || p > 99)) d.error(m.at("p"), ctx + ".p must be between 1 and 99, found " + p);
        stat = new Statistic(Statistic.Kind.PERCENTILE, p == null ? 50 : p);
      }
      if (unit == null) unit = "";
    } else if (type == KpiType.RATIO) {
      // A numerator whose conditions were all refused above is already reported; only a missing one is asked for.
      if (numerator.isEmpty() && !m.has("numerator")) d.error(m.map.location(), ctx + " needs 'numerator': the filter of rows counted above the line");
      if (unit != null && !unit.equals("%")) d.error(m.at("unit"), ctx + ": a ratio's unit is '%'");
      unit = "%";
    } else if (type == KpiType.DURATION) {
      start = m.required("start");
      end = m.required("end");
      check.temporal(start, m.at("start"), "start");
      check.temporal(end, m.at("end"), "end");
      business = times.clock(m, ctx);
      String statText = m.string("stat");
      stat = statText == null ? Statistic.MEDIAN : Statistic.parse(statText);
      if (stat == null) {
        d.error(m.at("stat"), ctx + ".stat '" + statText + "' is not one of mean, median, min, max, p90 (any pNN)");
        stat = Statistic.MEDIAN;
      }
      if (unit == null) unit = "minutes";
      if (!DURATION_UNITS.contains(unit)) {
        d.error(m.at("unit"), ctx + ".unit for a duration is one of " + DURATION_UNITS + Suggestions.hint(unit, DURATION_UNITS));
      }
    } else if (type == KpiType.SCORE) {
      column = m.required("column");
      check.exists(column, m.at("column"), "column");
      score = new ScoreBinder(d, ctx).bind(m);
      if (score != null) {
        String natural = switch (score.stat()) {
          case TOP_BOX -> "%";
          case MEAN -> "";
          case NPS -> "NPS";
        };
        if (unit != null && !unit.equals(natural) && score.stat() != ScoreDef.Stat.MEAN) {
          d.error(m.at("unit"), ctx + ": the unit of a " + score.stat().yamlName() + " score is '" + natural + "'");
        }
        if (unit == null || score.stat() != ScoreDef.Stat.MEAN) unit = natural;
      }
    } else if (type == KpiType.SLA) {
      start = m.required("start");
      end = m.required("end");
      check.temporal(start, m.at("start"), "start");
      check.temporal(end, m.at("end"), "end");
      business = times.clock(m, ctx);
      sla = times.limit(m, ctx, check::exists);
      if (unit != null && !unit.equals("%")) d.error(m.at("unit"), ctx + ": an sla KPI's unit is '%'");
      unit = "%";
    } else if (type == KpiType.NO_REPEAT) {
      column = m.required("customer");
      check.exists(column, m.at("customer"), "customer");
      if (time == null && m.has("time")) d.error(m.at("time"), ctx + ": no_repeat needs a 'time' column to find repeats in order");
      window = times.span(m, "within", ctx, true);
      if (!m.has("within")) d.error(m.map.location(), ctx + " needs 'within': how soon another contact counts as a repeat, " + TimeSpan.FORMS);
      if (unit != null && !unit.equals("%")) d.error(m.at("unit"), ctx + ": a no_repeat KPI's unit is '%'");
      unit = "%";
    } else if (type == KpiType.FUNNEL) {
      funnel = new FunnelBinder(d, ctx).bind(m, time, check::exists, check::temporal);
      business = times.clock(m, ctx);
      if (unit == null) unit = "days";
      if (!DURATION_UNITS.contains(unit)) {
        d.error(m.at("unit"), ctx + ".unit (of the times between stages) is one of " + DURATION_UNITS + Suggestions.hint(unit, DURATION_UNITS));
      }
    } else if (type == KpiType.CONVERSION) {
      String ref = m.required("funnel");
      String from = m.required("from");
      String to = m.required("to");
      // The funnel is another KPI: checked once every KPI is bound (DefinitionLoader).
      funnel = new FunnelDef(true, null, null, List.of(), List.of(), true, null, false, from, to);
      if (id != null) conversionKeys.put(id, new Location[] {m.at("funnel"), m.at("from"), m.at("to")});
      column = ref;
      unit = "%";
    } else if (type == KpiType.STALLED) {
      String lead = m.required("lead");
      check.exists(lead, m.at("lead"), "lead");
      if (time == null && m.has("time")) d.error(m.at("time"), ctx + ": stalled needs a 'time' column: the date of each touch");
      TimeSpan idle = times.days(m, "idle", ctx, "");
      if (!m.has("idle")) d.error(m.map.location(), ctx + " needs 'idle': untouched for more than how long, e.g. idle: 30 working days");
      Filter closed = filters.bind(m.node("closed"), ctx + ".closed", cols);
      stalled = new StalledDef(lead, idle, closed);
      if (unit != null && !unit.equals("%")) d.error(m.at("unit"), ctx + ": a stalled KPI's unit is '%'");
      unit = "%";
    } else if (type == KpiType.CUSTOMERS) {
      if (time == null && m.has("time")) d.error(m.at("time"), ctx + ": customers KPIs need a 'time' column: the date of each activity");
      customers = new CustomerBinder(d, ctx).bind(m, check::exists, check::numericColumn);
      if (customers != null) {
        // Counts of customers and orders per customer carry no unit word, so the views stay in the reader's language.
        String natural = customers.measure().isRate() ? "%" : switch (customers.measure()) {
          case AOV, CLV -> unit == null ? "" : unit;
          default -> "";
        };
        if (customers.measure().isRate() && unit != null && !unit.equals("%")) {
          d.error(m.at("unit"), ctx + ": the unit of " + customers.measure().yamlName() + " is '%'");
        }
        unit = natural;
      }
    } else if (type == KpiType.BACKLOG || type == KpiType.TURNOVER) {
      start = m.required("start");
      end = m.required("end");
      check.temporal(start, m.at("start"), "start");
      check.temporal(end, m.at("end"), "end");
      if (type == KpiType.TURNOVER) {
        if (unit != null && !unit.equals("%")) d.error(m.at("unit"), ctx + ": a turnover KPI's unit is '%'");
        unit = "%";
      } else if (unit == null) {
        unit = "open";
      }
    }
    String label = m.string("label");
    TargetDef target = new TargetBinder(d).bind(m.node("target"), ctx);
    return new KpiDef(id, label == null ? id : label, m.string("description"), type, sourceId, time, where, numerator,
        denominator, column, start, end, business, stat, by, unit == null ? "" : unit, target, columns, window, score, sla,
        customers, funnel, stalled, presetName, rollup, node.location());
  }

  /** Checks column references when the source declares its columns. */
  private final class ColumnChecker {
    final String ctx;
    final Map<String, ColumnDef> cols;

    ColumnChecker(String ctx, Map<String, ColumnDef> cols) {
      this.ctx = ctx;
      this.cols = cols;
    }

    ColumnDef exists(String name, Location at, String field) {
      if (name == null || cols == null) return null;
      ColumnDef c = cols.get(name);
      if (c == null) {
        String fromPreset = at.equals(presetAt) ? " (a preset default: map a source column named '" + name + "', or set '"
            + field + "' on the KPI)" : "";
        d.error(at, ctx + "." + field + " refers to unknown column '" + name + "'" + Suggestions.hint(name, cols.keySet())
            + fromPreset + "; columns: " + String.join(", ", cols.keySet()));
      }
      return c;
    }

    void temporal(String name, Location at, String field) {
      ColumnDef c = exists(name, at, field);
      if (c != null && !c.type().isTemporal()) {
        d.error(at, ctx + "." + field + " column '" + name + "' must be a date or datetime column, but it is "
            + c.type().yamlName() + " (declare type: datetime and its format)");
      }
    }

    void numericColumn(String name, Location at, String field) {
      ColumnDef c = exists(name, at, field);
      if (c != null && c.type() != ValueType.NUMBER) {
        d.error(at, ctx + "." + field + " '" + name + "' must be a number column, but it is " + c.type().yamlName());
      }
    }

    void numeric(String name, Location at) {
      ColumnDef c = exists(name, at, "column");
      if (c != null && c.type() != ValueType.NUMBER && c.type() != ValueType.DURATION) {
        d.error(at, ctx + ".column '" + name + "' must be a number or duration column, but it is " + c.type().yamlName());
      }
    }
  }
}
