package dev.journeykpi.config;

import java.util.List;
import java.util.Optional;

/**
 * The ordered stages of the customer journey and the touchpoints (with owning departments) inside
 * them.
 */
public record Journey(List<Stage> stages, List<Touchpoint> touchpoints) {
  public static final Journey EMPTY = new Journey(List.of(), List.of());

  public record Stage(String id, String label, Location location) {}

  public record Touchpoint(
      String id, String label, String stage, String owner, List<String> kpis, Location location) {}

  /** The touchpoint that lists this KPI, if any. */
  public Optional<Touchpoint> touchpointOf(String kpiId) {
    return touchpoints.stream().filter(t -> t.kpis().contains(kpiId)).findFirst();
  }

  public int stageIndex(String stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(stageId)) return i;
    }
    return Integer.MAX_VALUE;
  }

  public String stageLabel(String stageId) {
    return stages.stream()
        .filter(s -> s.id().equals(stageId))
        .map(Stage::label)
        .findFirst()
        .orElse(stageId);
  }
}
