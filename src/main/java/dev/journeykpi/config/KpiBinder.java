package dev.journeykpi.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds one entry of {@code kpis:}, checking its fields against its type and its columns against
 * its source.
 */
final class KpiBinder {
  static final Set<String> COMMON =
      Set.of(
          "id",
          "label",
          "description",
          "type",
          "preset",
          "method",
          "source",
          "time",
          "where",
          "by",
          "rollup",
          "groups",
          "unit",
          "target",
          "compare",
          "confidence");

  /** Words people use for a type that spelling distance does not catch. */
  static final Map<String, String> SYNONYMS =
      Map.of(
          "avg",
          "mean",
          "average",
          "mean",
          "rate",
          "ratio",
          "percent",
          "ratio",
          "share",
          "ratio",
          "time",
          "duration",
          "p90",
          "percentile",
          "total",
          "sum",
          "distinct",
          "count");

  private final Diagnostics d;
  private final Map<String, SourceDef> sources;
  private final FilterBinder filters;
  private final Map<String, SpecBinder> types = new java.util.LinkedHashMap<>();
  private final Set<String> allKeys = new HashSet<>(COMMON);

  KpiBinder(Diagnostics d, Map<String, SourceDef> sources, List<? extends SpecBinder> types) {
    this.d = d;
    this.sources = sources;
    this.filters = new FilterBinder(d);
    for (SpecBinder t : types) {
      this.types.put(t.name(), t);
      allKeys.addAll(t.keys());
    }
  }

  private List<String> typeNames() {
    return List.copyOf(types.keySet());
  }

  /** The type of each bound KPI, for the checks made once every KPI is bound. */
  SpecBinder typeOf(KpiDef k) {
    return types.get(k.type());
  }

  /**
   * Where the KPI's preset defaults point (its {@code preset:} value), or null when it has no
   * preset.
   */
  private Location presetAt;

  /** The KPI names a preset that could not be resolved (already reported). */
  private boolean presetFailed;

  KpiDef bind(YNode node) {
    presetAt = null;
    presetFailed = false;
    String presetName = null;
    if (node instanceof YNode.YMap raw
        && raw.get("preset") instanceof YNode.YScalar ps
        && ps.text() != null) {
      Presets.Preset preset = Presets.resolve(raw, ps, d);
      if (preset != null) {
        presetAt = ps.location();
        presetName = preset.name();
        node = Presets.apply(preset, raw, ps.location());
      } else {
        // The KPI's own keys are still checked (its source, columns, filters, target): one mistake
        // must not hide the others. What only the preset would have given (its type, its required
        // keys) is not asked for.
        presetFailed = true;
      }
    }
    MapReader m = MapReader.of(node, "kpi", allKeys, d);
    if (m == null) return null;
    String id = m.required("id");
    String ctx = "kpi '" + (id == null ? "?" : id) + "'";
    if (presetName == null && !presetFailed && m.has("method")) {
      d.error(m.map.entries().get("method").keyLocation(), ctx + ": 'method' goes with 'preset'");
    }
    if (id != null && !id.matches("[A-Za-z0-9_.-]+")) {
      d.error(
          m.at("id"),
          ctx + ": ids are used on the command line; use letters, digits, '_', '-' or '.'");
    }
    String typeText = m.string("type");
    if (typeText == null && !m.has("preset")) {
      d.error(
          m.map.location(),
          ctx
              + " needs 'type' (one of "
              + String.join(", ", typeNames())
              + ") or 'preset' (one of "
              + String.join(", ", Presets.names())
              + ")");
    }
    SpecBinder type = typeText == null ? null : types.get(typeText);
    if (typeText != null && type == null) {
      String hint = Suggestions.hint(typeText, typeNames());
      if (hint.isEmpty() && SYNONYMS.containsKey(typeText.toLowerCase(java.util.Locale.ROOT))) {
        hint =
            " (did you mean '" + SYNONYMS.get(typeText.toLowerCase(java.util.Locale.ROOT)) + "'?)";
      }
      d.error(
          m.at("type"),
          ctx
              + " has unknown type '"
              + typeText
              + "'"
              + hint
              + "; allowed: "
              + String.join(", ", typeNames()));
    }
    if (type != null) {
      for (String key : m.map.entries().keySet()) {
        if (!COMMON.contains(key) && !type.keys().contains(key) && allKeys.contains(key)) {
          d.error(
              m.map.entries().get(key).keyLocation(),
              ctx + ": '" + key + "' does not apply to " + type.name() + " KPIs");
        }
      }
    }
    SpecBinder.Placement placement = type == null ? SpecBinder.Placement.BY_TIME : type.placement();
    boolean fromKpis = placement == SpecBinder.Placement.FROM_KPIS;
    boolean other = placement == SpecBinder.Placement.AS_OTHER_KPI || fromKpis;
    String sourceId = other ? null : m.required("source");
    if (other && m.has("source")) {
      d.error(
          m.map.entries().get("source").keyLocation(),
          ctx
              + (fromKpis
                  ? ": a formula computes from the values of the KPIs it names; 'source' does not"
                      + " apply"
                  : ": a conversion reads its funnel's source; 'source' does not apply"));
    }
    if (fromKpis && m.has("where")) {
      d.error(
          m.map.entries().get("where").keyLocation(),
          ctx
              + ": a formula computes from the values of the KPIs it names; 'where' does not"
              + " apply (filter those KPIs)");
    }
    SourceDef source = sourceId == null ? null : sources.get(sourceId);
    if (sourceId != null && source == null) {
      d.error(
          m.at("source"),
          ctx
              + " reads unknown source '"
              + sourceId
              + "'"
              + Suggestions.hint(sourceId, sources.keySet())
              + (sources.isEmpty()
                  ? "; no sources are defined"
                  : "; sources: " + String.join(", ", sources.keySet())));
    }
    Map<String, ColumnDef> cols =
        source == null || source.columns().isEmpty() ? null : source.columns();

    String time = null;
    SpecReader probe = new SpecReader(m, d, ctx, id, null, cols, presetAt);
    if (other) {
      if (m.map.has("time")) {
        d.error(
            m.map.entries().get("time").keyLocation(),
            ctx
                + (fromKpis
                    ? ": a formula takes each period's values of the KPIs it names; 'time' does"
                        + " not apply"
                    : ": a conversion uses its funnel's periods; 'time' does not apply"));
      }
    } else if (placement == SpecBinder.Placement.AT_EDGES) {
      if (m.map.has("time")) {
        d.error(
            m.map.entries().get("time").keyLocation(),
            ctx
                + ": 'time' does not apply to "
                + type.name()
                + " KPIs: they look at every row's start and end at the period's edges");
      }
    } else if (!m.map.has("time")) {
      if (!presetFailed)
        d.error(
            m.map.location(),
            ctx + " needs 'time': the date column that places a row in a period (or time: none)");
    } else {
      time = m.string("time");
      if (time != null && time.equals("none")) time = null;
      probe.temporal(time, m.at("time"), "time");
    }
    Filter where = fromKpis ? Filter.NONE : filters.bind(m.node("where"), ctx + ".where", cols);
    List<MapReader.Item> byItems = m.items("by");
    List<String> by = byItems.stream().map(MapReader.Item::text).toList();
    for (MapReader.Item b : byItems) probe.exists(b.text(), b.at(), "by");
    CompareDef compare =
        m.has("compare") ? new CompareBinder(d).bind(m.node("compare"), ctx, by, probe) : null;
    // The variants are groups of the KPI's breakdown, compared within each group of its other
    // columns.
    if (compare != null) by = CompareBinder.breakdown(by, compare);
    boolean rollup = m.bool("rollup", false);
    if (rollup && compare != null) {
      // A roll-up's subtotal rows (channel Email, every script) are no variant of the compared
      // column, and its outline would mix them with the variants.
      d.error(
          m.at("rollup"),
          ctx
              + ": rollup does not apply beside compare: (the variants are compared within each"
              + " group of 'by'); drop rollup, and measure the groups' totals with a KPI without"
              + " compare:");
    } else if (rollup && by.size() < 2) {
      d.error(
          m.at("rollup"),
          ctx
              + ": rollup needs 'by' to list at least two levels, top first, e.g. by: [department, team, agent]");
    }
    GroupsBinder groupsBinder = new GroupsBinder(d, sources);
    boolean fromSource = m.node("groups") instanceof YNode.YMap;
    KpiDef.GroupsFrom groupsFrom =
        fromSource ? groupsBinder.fromSource((YNode.YMap) m.node("groups"), ctx, type, by) : null;
    List<String> groups = fromSource ? List.of() : groupsBinder.listed(m, ctx, type, by);
    SpecReader.Bound bound =
        type == null ? null : type.bind(new SpecReader(m, d, ctx, id, time, cols, presetAt));
    if (compare != null && type != null && bound != null && bound.spec() != null)
      CompareBinder.checkType(d, compare, ctx, type, bound.spec());
    String unit = bound == null ? m.string("unit") : bound.unit();
    String label = m.string("label");
    TargetDef target = new TargetBinder(d).bind(m.node("target"), ctx);
    Double confidence = ConfidenceLevel.bind(m, ctx, d);
    // A KPI whose type is unknown or could not be read is kept, without a spec, so that its id
    // still counts against duplicates; its problems are reported, and a definition with errors is
    // never run.
    KpiSpec spec = bound == null || bound.spec() == null ? NOTHING : bound.spec();
    KpiDef kpi =
        new KpiDef(
            id,
            label == null ? id : label,
            m.string("description"),
            type == null ? typeText : type.name(),
            sourceId,
            time,
            where,
            by,
            rollup,
            unit == null ? "" : unit,
            target,
            presetName,
            node.location(),
            spec,
            groups,
            groupsFrom,
            compare,
            confidence);
    if (type != null && spec != NOTHING) ConfidenceLevel.checkUsed(m, ctx, d, type, kpi);
    return kpi;
  }

  /** The spec of a KPI whose type could not be read: it reads no column of its own. */
  static final KpiSpec NOTHING = columns -> {};
}
