package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a {@code funnel} KPI's stages, lost outcomes, mode, window and period rule, reporting every
 * mistake.
 */
final class FunnelBinder {
  static final Set<String> STAGE_KEYS =
      Set.of("id", "label", "values", "owner", "entered", "optional");

  private final Diagnostics d;
  private final String ctx;

  FunnelBinder(Diagnostics d, String ctx) {
    this.d = d;
    this.ctx = ctx;
  }

  FunnelDef bind(MapReader m, String time, ColumnCheck exists, ColumnCheck temporal) {
    String mode = m.required("mode");
    if (mode != null && !mode.equals("history") && !mode.equals("snapshot")) {
      d.error(
          m.at("mode"),
          ctx
              + ".mode is 'history' (one row per stage entry) or 'snapshot' (one row per lead with its"
              + " current stage), found '"
              + mode
              + "'"
              + Suggestions.hint(mode, List.of("history", "snapshot")));
    }
    boolean history = !"snapshot".equals(mode);
    String lead = m.required("lead");
    exists.check(lead, m.at("lead"), "lead");
    String stageColumn = m.required("stage");
    exists.check(stageColumn, m.at("stage"), "stage");
    Map<String, Location> ids = new HashMap<>();
    Map<String, String> rawValues = new HashMap<>();
    List<FunnelDef.Stage> stages = stages(m, "stages", ids, rawValues, exists, temporal, history);
    if (stages.isEmpty() && m.has("stages"))
      d.error(m.at("stages"), ctx + ".stages lists no stages");
    if (!m.has("stages"))
      d.error(
          m.map.location(),
          ctx + " needs 'stages', the ordered steps, e.g. stages: [{ id: new, label: Mới }, …]");
    List<FunnelDef.Stage> lost = stages(m, "lost", ids, rawValues, exists, temporal, history);
    String skipped = m.string("skipped");
    if (skipped != null && !skipped.equals("fill") && !skipped.equals("exclude")) {
      d.error(
          m.at("skipped"),
          ctx
              + ".skipped is 'fill' (a lead at a later stage passed the earlier ones) or 'exclude', found '"
              + skipped
              + "'");
    }
    String midway = m.string("entered_midway");
    if (midway != null && !midway.equals("fill") && !midway.equals("count_separately")) {
      d.error(
          m.at("entered_midway"),
          ctx
              + ".entered_midway is 'fill' (a lead first seen at a later stage passed the earlier"
              + " ones) or 'count_separately' (counted from the stage it first appears at), found '"
              + midway
              + "'"
              + Suggestions.hint(midway, List.of("fill", "count_separately")));
    }
    if (midway != null && !history) {
      d.error(
          m.at("entered_midway"),
          ctx + ": entered_midway is for stage histories; a snapshot has no first entry to judge");
    }
    optionalEnds(stages);
    TimeSpan window = null;
    String within = m.string("within");
    if (within != null) {
      window = TimeSpan.parse(within);
      if (window == null)
        d.error(
            m.at("within"), ctx + ".within '" + within + "' is not a time span; " + TimeSpan.FORMS);
      boolean dated = history ? time != null : stages.stream().allMatch(s -> s.entered() != null);
      if (!dated) {
        d.error(
            m.at("within"),
            ctx
                + ": a conversion window needs the time each stage was entered: "
                + (history ? "a 'time' column" : "an 'entered' column on every stage"));
      }
    }
    String periods = m.string("periods");
    if (periods != null && !periods.equals("cohort") && !periods.equals("activity")) {
      d.error(
          m.at("periods"),
          ctx
              + ".periods is 'cohort' (leads whose first stage entry is in the period) or 'activity'"
              + " (stage entries made in the period), found '"
              + periods
              + "'");
    }
    if ("activity".equals(periods)
        && !history
        && stages.stream().anyMatch(s -> s.entered() == null)) {
      d.error(
          m.at("periods"),
          ctx
              + ": an activity funnel needs the date of every stage entry: 'entered' on every stage");
    }
    if (history && time == null && m.has("time")) {
      d.error(
          m.at("time"),
          ctx
              + ": a stage-history funnel needs 'time', the column with when each stage was entered");
    }
    boolean fill = !"exclude".equals(skipped);
    return new FunnelDef(
        history,
        lead,
        stageColumn,
        stages,
        lost,
        fill,
        window,
        "activity".equals(periods),
        null,
        null,
        midway == null ? fill : midway.equals("fill"));
  }

  /**
   * The first and the last stage cannot be optional: the funnel starts and ends somewhere every
   * lead is counted at.
   */
  private void optionalEnds(List<FunnelDef.Stage> stages) {
    for (int k : new int[] {0, stages.size() - 1}) {
      if (k < 0 || !stages.get(k).optional()) continue;
      d.error(
          stages.get(k).location(),
          ctx
              + ": the "
              + (k == 0 ? "first" : "last")
              + " stage '"
              + stages.get(k).id()
              + "' cannot be optional; only a stage between two others may be skipped");
      if (stages.size() == 1) break;
    }
  }

  private List<FunnelDef.Stage> stages(
      MapReader m,
      String key,
      Map<String, Location> ids,
      Map<String, String> rawValues,
      ColumnCheck exists,
      ColumnCheck temporal,
      boolean history) {
    List<FunnelDef.Stage> out = new ArrayList<>();
    YNode n = m.node(key);
    if (n == null) return out;
    List<YNode> items = n instanceof YNode.YList l ? l.items() : List.of(n);
    for (YNode item : items) {
      String id, label, owner = null, entered = null;
      boolean optional = false;
      List<String> values;
      if (item instanceof YNode.YScalar s && !s.isNull()) {
        id = s.text();
        label = s.text();
        values = List.of(s.text());
      } else {
        MapReader sm = MapReader.of(item, ctx + "." + key + " entry", STAGE_KEYS, d);
        if (sm == null) continue;
        id = sm.required("id");
        if (id == null) continue;
        label = sm.string("label");
        if (label == null) label = id;
        values = sm.has("values") ? sm.strings("values") : List.of(label, id);
        owner = sm.string("owner");
        entered = sm.string("entered");
        optional = sm.bool("optional", false);
        if (optional && key.equals("lost"))
          d.error(
              sm.at("optional"), ctx + ": a lost outcome is not a step; 'optional' is for stages");
        if (entered != null) {
          if (history)
            d.error(
                sm.at("entered"),
                ctx
                    + ": 'entered' columns are for snapshot funnels; a history has a row per entry");
          temporal.check(entered, sm.at("entered"), key + "." + id + ".entered");
        }
      }
      if (ids.containsKey(id)) {
        d.error(
            item.location(),
            ctx
                + ": stage '"
                + id
                + "' is listed twice (first at line "
                + ids.get(id).line()
                + ")");
        continue;
      }
      ids.put(id, item.location());
      for (String v : values) {
        String norm = TextKey.of(v);
        String other = rawValues.putIfAbsent(norm, id);
        if (other != null && !other.equals(id)) {
          d.error(
              item.location(),
              ctx
                  + ": the value '"
                  + v
                  + "' maps to both stage '"
                  + other
                  + "' and stage '"
                  + id
                  + "'");
        }
      }
      out.add(new FunnelDef.Stage(id, label, values, owner, entered, item.location(), optional));
    }
    return out;
  }
}
