package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds {@code journey:} and checks its references to stages and KPIs. */
final class JourneyBinder {
  static final Set<String> KEYS = Set.of("stages", "touchpoints");
  static final Set<String> STAGE_KEYS = Set.of("id", "label");
  static final Set<String> TOUCHPOINT_KEYS = Set.of("id", "label", "stage", "owner", "kpis");

  private final Diagnostics d;

  JourneyBinder(Diagnostics d) {
    this.d = d;
  }

  Journey bind(YNode node, Set<String> kpiIds) {
    if (node == null) return Journey.EMPTY;
    MapReader m = MapReader.of(node, "journey", KEYS, d);
    if (m == null) return Journey.EMPTY;
    List<Journey.Stage> stages = new ArrayList<>();
    if (m.node("stages") instanceof YNode.YList l) {
      for (YNode item : l.items()) {
        Journey.Stage s = stage(item);
        if (s == null) continue;
        if (stages.stream().anyMatch(x -> x.id().equals(s.id()))) {
          d.error(item.location(), "stage '" + s.id() + "' is listed twice");
        } else {
          stages.add(s);
        }
      }
    } else if (m.node("stages") != null) {
      d.error(m.at("stages"), "journey.stages must be a list of stages, in journey order");
    }
    List<String> stageIds = stages.stream().map(Journey.Stage::id).toList();

    List<Journey.Touchpoint> touchpoints = new ArrayList<>();
    Map<String, String> kpiOwner = new HashMap<>();
    if (m.node("touchpoints") instanceof YNode.YList l) {
      for (YNode item : l.items()) {
        MapReader t = MapReader.of(item, "touchpoint", TOUCHPOINT_KEYS, d);
        if (t == null) continue;
        String id = t.required("id");
        String stage = t.required("stage");
        if (stage != null && !stageIds.contains(stage)) {
          d.error(
              t.at("stage"),
              "touchpoint '"
                  + id
                  + "' names unknown stage '"
                  + stage
                  + "'"
                  + Suggestions.hint(stage, stageIds)
                  + "; stages: "
                  + String.join(", ", stageIds));
        }
        List<MapReader.Item> kpiItems = t.items("kpis");
        List<String> kpis = kpiItems.stream().map(MapReader.Item::text).toList();
        for (MapReader.Item item2 : kpiItems) {
          String k = item2.text();
          if (!kpiIds.contains(k)) {
            d.error(
                item2.at(),
                "touchpoint '"
                    + id
                    + "' lists unknown KPI '"
                    + k
                    + "'"
                    + Suggestions.hint(k, kpiIds));
          } else if (kpiOwner.containsKey(k)) {
            d.error(
                item2.at(),
                "KPI '"
                    + k
                    + "' is already in touchpoint '"
                    + kpiOwner.get(k)
                    + "'; a KPI belongs to one touchpoint");
          } else {
            kpiOwner.put(k, id);
          }
        }
        String label = t.string("label");
        touchpoints.add(
            new Journey.Touchpoint(
                id, label == null ? id : label, stage, t.string("owner"), kpis, item.location()));
      }
    } else if (m.node("touchpoints") != null) {
      d.error(m.at("touchpoints"), "journey.touchpoints must be a list");
    }
    return new Journey(stages, touchpoints);
  }

  private Journey.Stage stage(YNode item) {
    if (item instanceof YNode.YScalar s && !s.isNull()) {
      return new Journey.Stage(s.text(), s.text(), s.location());
    }
    MapReader m = MapReader.of(item, "stage", STAGE_KEYS, d);
    if (m == null) return null;
    String id = m.required("id");
    if (id == null) return null;
    String label = m.string("label");
    return new Journey.Stage(id, label == null ? id : label, item.location());
  }
}
