package dev.journeykpi.config;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds one entry of {@code kpis:}, checking its fields against its type and its columns against its source. */
final class KpiBinder {
  static final Set<String> COMMON = Set.of("id", "label", "description", "type", "source", "time", "where", "by", "unit", "target");
  static final Map<KpiType, Set<String>> SPECIFIC = new EnumMap<>(KpiType.class);

  static {
    SPECIFIC.put(KpiType.COUNT, Set.of("distinct"));
    SPECIFIC.put(KpiType.SUM, Set.of("column"));
    SPECIFIC.put(KpiType.MEAN, Set.of("column"));
    SPECIFIC.put(KpiType.MEDIAN, Set.of("column"));
    SPECIFIC.put(KpiType.PERCENTILE, Set.of("column", "p"));
    SPECIFIC.put(KpiType.RATIO, Set.of("numerator", "denominator"));
    SPECIFIC.put(KpiType.DURATION, Set.of("start", "end", "clock", "stat"));
  }

  /** Words people use for a type that spelling distance does not catch. */
  static final Map<String, String> SYNONYMS = Map.of("avg", "mean", "average", "mean", "rate", "ratio",
      "percent", "ratio", "share", "ratio", "time", "duration", "p90", "percentile", "total", "sum", "distinct", "count");

  static final List<String> DURATION_UNITS = List.of("seconds", "minutes", "hours", "days");

  private final Diagnostics d;
  private final Map<String, SourceDef> sources;
  private final FilterBinder filters;

  KpiBinder(Diagnostics d, Map<String, SourceDef> sources) {
    this.d = d;
    this.sources = sources;
    this.filters = new FilterBinder(d);
  }

  static Set<String> allKeys() {
    Set<String> all = new HashSet<>(COMMON);
    SPECIFIC.values().forEach(all::addAll);
    return all;
  }

  KpiDef bind(YNode node) {
    MapReader m = MapReader.of(node, "kpi", allKeys(), d);
    if (m == null) return null;
    String id = m.required("id");
    String ctx = "kpi '" + (id == null ? "?" : id) + "'";
    if (id != null && !id.matches("[A-Za-z0-9_.-]+")) {
      d.error(m.at("id"), ctx + ": ids are used on the command line; use letters, digits, '_', '-' or '.'");
    }
    String typeText = m.required("type");
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
        if (!COMMON.contains(key) && !SPECIFIC.get(type).contains(key) && allKeys().contains(key)) {
          d.error(m.map.entries().get(key).keyLocation(), ctx + ": '" + key + "' does not apply to " + type.yamlName() + " KPIs");
        }
      }
    }
    String sourceId = m.required("source");
    SourceDef source = sourceId == null ? null : sources.get(sourceId);
    if (sourceId != null && source == null) {
      d.error(m.at("source"), ctx + " reads unknown source '" + sourceId + "'" + Suggestions.hint(sourceId, sources.keySet())
          + (sources.isEmpty() ? "; no sources are defined" : "; sources: " + String.join(", ", sources.keySet())));
    }
    Map<String, ColumnDef> cols = source == null || source.columns().isEmpty() ? null : source.columns();
    ColumnChecker check = new ColumnChecker(ctx, cols);

    String time = null;
    if (!m.map.has("time")) {
      d.error(m.map.location(), ctx + " needs 'time': the date column that places a row in a period (or time: none)");
    } else {
      time = m.string("time");
      if (time != null && time.equals("none")) time = null;
      check.temporal(time, m.at("time"), "time");
    }
    Filter where = filters.bind(m.node("where"), ctx + ".where", cols);
    Filter numerator = filters.bind(m.node("numerator") instanceof YNode.YMap nm && nm.has("where") ? nm.get("where") : m.node("numerator"), ctx + ".numerator", cols);
    Filter denominator = filters.bind(m.node("denominator") instanceof YNode.YMap dm && dm.has("where") ? dm.get("where") : m.node("denominator"), ctx + ".denominator", cols);
    List<String> by = m.strings("by");
    for (String b : by) check.exists(b, m.at("by"), "by");

    String column = null, start = null, end = null, unit = m.string("unit");
    boolean business = false;
    Statistic stat = null;
    if (type == KpiType.COUNT) {
      column = m.string("distinct");
      check.exists(column, m.at("distinct"), "distinct");
      if (unit == null) unit = column == null ? "rows" : "";
    } else if (type == KpiType.SUM || type == KpiType.MEAN || type == KpiType.MEDIAN || type == KpiType.PERCENTILE) {
      column = m.required("column");
      check.numeric(column, m.at("column"));
      if (type == KpiType.PERCENTILE) {
        Integer p = m.integer("p");
        if (p == null && !m.has("p")) d.error(m.map.location(), ctx + " needs 'p', the percentile (1-99), e.g. p: 90");
        if (p != null && (p < 1 || p > 99)) d.error(m.at("p"), ctx + ".p must be between 1 and 99, found " + p);
        stat = new Statistic(Statistic.Kind.PERCENTILE, p == null ? 50 : p);
      }
      if (unit == null) unit = "";
    } else if (type == KpiType.RATIO) {
      if (numerator.isEmpty()) d.error(m.map.location(), ctx + " needs 'numerator': the filter of rows counted above the line");
      if (unit != null && !unit.equals("%")) d.error(m.at("unit"), ctx + ": a ratio's unit is '%'");
      unit = "%";
    } else if (type == KpiType.DURATION) {
      start = m.required("start");
      end = m.required("end");
      check.temporal(start, m.at("start"), "start");
      check.temporal(end, m.at("end"), "end");
      String clock = m.string("clock");
      if (clock != null && !clock.equals("calendar") && !clock.equals("business")) {
        d.error(m.at("clock"), ctx + ".clock is 'calendar' or 'business', found '" + clock + "'"
            + Suggestions.hint(clock, List.of("calendar", "business")));
      }
      business = "business".equals(clock);
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
    }
    String label = m.string("label");
    TargetDef target = new TargetBinder(d).bind(m.node("target"), ctx);
    return new KpiDef(id, label == null ? id : label, m.string("description"), type, sourceId, time, where, numerator,
        denominator, column, start, end, business, stat, by, unit == null ? "" : unit, target, node.location());
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
        d.error(at, ctx + "." + field + " refers to unknown column '" + name + "'" + Suggestions.hint(name, cols.keySet())
            + "; columns: " + String.join(", ", cols.keySet()));
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

    void numeric(String name, Location at) {
      ColumnDef c = exists(name, at, "column");
      if (c != null && c.type() != ValueType.NUMBER && c.type() != ValueType.DURATION) {
        d.error(at, ctx + ".column '" + name + "' must be a number or duration column, but it is " + c.type().yamlName());
      }
    }
  }
}
