package dev.journeykpi.types.funnel;

import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Phrases;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a funnel and its conversions share: their columns, expected stage values and explanation.
 */
final class FunnelWords {
  private FunnelWords() {}

  static void columns(FunnelDef f, KpiSpec.Columns out) {
    if (f.lead() == null) return;
    out.structure(f.lead(), f.stageColumn());
    f.stages().forEach(s -> out.structure(s.entered()));
  }

  static void expectedStages(FunnelDef f, ExpectedValues out) {
    if (f == null || f.stageColumn() == null) return;
    List<FunnelDef.Stage> stages = new ArrayList<>(f.stages());
    stages.addAll(f.lost());
    for (FunnelDef.Stage st : stages)
      out.value("stage '" + st.id() + "'", f.stageColumn(), st.values(), st.location());
  }

  static String period(KpiDef k, FunnelDef f, Phrases p) {
    return f.activity()
        ? p.t(
            "activity funnel: at each stage, the leads that entered it in the period (by %s), and whether they went on",
            k.time())
        : p.t(
            "cohort funnel: the leads whose %s is in the period, with everything they did afterwards",
            f.history() ? p.t("first stage entry (%s)", k.time()) : k.time());
  }

  static String leftOut(KpiDef k, FunnelDef f, Phrases p) {
    return p.t(
        "rows whose stage is neither a stage nor a lost outcome, rows without %s or %s: left out and counted",
        f.lead(), k.time());
  }

  static String stageList(FunnelDef f, Phrases p) {
    return f.stages().stream()
        .map(
            s ->
                s.label()
                    + (s.values().equals(List.of(s.label(), s.id()))
                        ? ""
                        : " [" + String.join(", ", s.values()) + "]")
                    + (s.optional() ? " (" + p.t("optional") + ")" : ""))
        .collect(Collectors.joining(" → "));
  }

  static String lostList(FunnelDef f, Phrases p) {
    if (f.lost().isEmpty()) return "";
    return "; "
        + p.t(
            "lost outcomes: %s",
            f.lost().stream().map(s -> s.label()).collect(Collectors.joining(", ")));
  }

  static String rules(FunnelDef f, Phrases p) {
    List<String> parts = new ArrayList<>();
    parts.add(
        f.history()
            ? p.t(
                "stage history: the first entry into a stage counts for reach (duplicates and re-entries change"
                    + " nothing); time in a stage adds up every stay")
            : p.t(
                "snapshot: a lead reached its current stage%s",
                f.stages().stream().anyMatch(s -> s.entered() != null)
                    ? p.t(" and every stage it has a date for")
                    : ""));
    parts.add(
        f.fill()
            ? p.t("skipped: fill (a lead at a later stage passed the earlier ones)")
            : p.t("skipped: exclude (a lead reached only the stages it entered)"));
    List<String> optional =
        f.stages().stream().filter(x -> x.optional()).map(x -> x.label()).toList();
    if (!optional.isEmpty())
      parts.add(
          p.t(
              "optional stages (%s): never filled in; a lead that skips one did not drop there",
              String.join(", ", optional)));
    if (f.history())
      parts.add(
          f.midwayFill()
              ? p.t(
                  "entered_midway: fill (a lead first seen at a later stage passed the earlier ones)")
              : p.t(
                  "entered_midway: count_separately (a lead first seen at a later stage is counted from there, not in the rates from the first stage)"));
    if (f.window() != null)
      parts.add(
          p.t(
              "a step counts only if the next stage was entered within %s of the previous one",
              f.window()));
    parts.add(
        p.t(
            "per stage: entered, to next, from first, dropped, lost, time to next (median, p90), time in stage; rates of distinct leads"));
    return String.join("; ", parts);
  }
}
