package dev.journeykpi.report;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.report.ScorecardLayout.FunnelView;
import dev.journeykpi.types.KpiKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A funnel KPI's drawing in the views for people: a table per breakdown group (entered, a bar, the
 * step and overall rates, drop-offs, lost, time to the next stage) with the drop-offs per owning
 * department, then the step-by-group table.
 */
final class FunnelViews {
  private FunnelViews() {}

  /**
   * One view per breakdown group (the whole population first), then a step-by-group table when
   * there are groups.
   */
  static List<FunnelView> of(
      KpiDef kpi, List<ResultRow> rows, String last, ValueFormat fmt, Labels words) {
    var f = KpiKinds.of(kpi).stagesDrawn(kpi);
    Map<List<String>, Map<String, ResultRow>> byGroup = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      if (!r.period().equals(last)) continue;
      List<String> group = kpi.by().stream().map(b -> r.dims().get(b)).toList();
      byGroup
          .computeIfAbsent(group, g -> new LinkedHashMap<>())
          .put(r.dims().get("stage") + "/" + r.dims().get("step"), r);
    }
    List<List<String>> order = new ArrayList<>(byGroup.keySet());
    order.sort(
        (a, b) ->
            Boolean.compare(
                !a.stream().allMatch(ResultRow.TOTAL::equals),
                !b.stream().allMatch(ResultRow.TOTAL::equals)));
    boolean owners = f.stages().stream().anyMatch(x -> x.owner() != null);
    List<String> header = new ArrayList<>(List.of(words.stage()));
    if (owners) header.add(words.owner());
    header.addAll(List.of(words.entered(), "", words.toNext(), words.fromFirst()));
    header.addAll(List.of(words.dropped(), words.lost(), words.timeToNext(), "p90"));
    List<String> shortHeader = new ArrayList<>(header);
    // Beside p90, the median needs no more words; the values carry the unit.
    shortHeader.set(header.size() - 2, words.median());
    header.set(header.size() - 2, words.timeToNext() + " (" + words.unit(kpi.unit()) + ")");
    int barColumn = header.indexOf("");
    List<FunnelView> out = new ArrayList<>();
    for (List<String> group : order) {
      Map<String, ResultRow> byStep = byGroup.get(group);
      boolean whole = group.stream().allMatch(ResultRow.TOTAL::equals);
      String title =
          kpi.label()
              + " — "
              + words.period(last)
              + (whole
                  ? ""
                  : " — " + String.join(" · ", group.stream().map(words::value).toList()));
      List<List<String>> table = new ArrayList<>();
      List<Double> share = new ArrayList<>();
      List<Double> counts = new ArrayList<>();
      Map<String, Long> lostByOwner = new LinkedHashMap<>();
      for (var stage : f.stages()) {
        String id = stage.id();
        List<String> cells = new ArrayList<>(List.of(stage.label()));
        if (owners) cells.add(stage.owner() == null ? "" : stage.owner());
        ResultRow entered = byStep.get(id + "/entered");
        cells.add(entered == null ? "" : fmt.human(entered.value(), ""));
        counts.add(entered == null ? null : entered.value());
        ResultRow first = byStep.get(id + "/from_first");
        Double fraction = first == null ? null : first.value();
        cells.add(bar(fraction));
        cells.add(cell(byStep.get(id + "/to_next"), fmt));
        cells.add(cell(first, fmt));
        ResultRow dropped = byStep.get(id + "/dropped");
        cells.add(
            dropped == null || dropped.value() == null
                ? ""
                : fmt.count(dropped.numerator()) + " (" + fmt.human(dropped.value(), "%") + ")");
        cells.add(cell(byStep.get(id + "/lost"), fmt));
        cells.add(cell(byStep.get(id + "/time_to_next_median"), fmt));
        cells.add(cell(byStep.get(id + "/time_to_next_p90"), fmt));
        table.add(cells);
        share.add(fraction);
        if (stage.owner() != null && dropped != null && dropped.numerator() != null) {
          lostByOwner.merge(stage.owner(), Math.round(dropped.numerator()), Long::sum);
        }
      }
      // Which department's steps lose the most leads: the drop-offs of the stages each one owns.
      String footer =
          lostByOwner.isEmpty()
              ? null
              : words.droppedByOwner()
                  + ": "
                  + lostByOwner.entrySet().stream()
                      .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                      .map(e -> e.getKey() + " " + fmt.count((double) e.getValue()))
                      .collect(java.util.stream.Collectors.joining(" · "));
      out.add(new FunnelView(title, header, shortHeader, table, share, barColumn, footer, counts));
    }
    if (!kpi.by().isEmpty() && f.stages().size() > 1) {
      // The manager's view: each step's conversion per group, so "consulted → demo fell in campaign
      // X" shows at once.
      List<String> stepHeader =
          new ArrayList<>(List.of(String.join(" · ", kpi.by()), words.entered()));
      List<String> shortStepHeader = new ArrayList<>(stepHeader);
      for (int k = 0; k + 1 < f.stages().size(); k++) {
        stepHeader.add(f.stages().get(k).label() + " → " + f.stages().get(k + 1).label());
        shortStepHeader.add("→ " + f.stages().get(k + 1).label());
      }
      List<List<String>> table = new ArrayList<>();
      for (List<String> group : order) {
        Map<String, ResultRow> byStep = byGroup.get(group);
        boolean whole = group.stream().allMatch(ResultRow.TOTAL::equals);
        List<String> cells =
            new ArrayList<>(
                List.of(
                    whole
                        ? words.total()
                        : String.join(" · ", group.stream().map(words::value).toList())));
        cells.add(cell(byStep.get(f.stages().get(0).id() + "/entered"), fmt));
        for (int k = 0; k + 1 < f.stages().size(); k++)
          cells.add(cell(byStep.get(f.stages().get(k).id() + "/to_next"), fmt));
        table.add(cells);
      }
      out.add(
          new FunnelView(
              kpi.label()
                  + " — "
                  + words.period(last)
                  + " — "
                  + words.stepsBy()
                  + " "
                  + String.join(" · ", kpi.by()),
              stepHeader,
              shortStepHeader,
              table,
              null,
              -1,
              null,
              null));
    }
    return out;
  }

  private static String cell(ResultRow r, ValueFormat fmt) {
    return r == null || r.value() == null ? "" : fmt.human(r.value(), r.unit(), r.interval());
  }

  /** A bar of up to 20 characters in eighths of a block: a funnel drawn in text. */
  static String bar(Double fraction) {
    return bar(fraction, BAR);
  }

  /** The widest text bar, for the whole first stage. */
  static final int BAR = 20;

  /** A bar of up to {@code cells} characters in eighths of a block. */
  static String bar(Double fraction, int cells) {
    if (fraction == null || fraction <= 0) return "";
    int eighths = (int) Math.round(Math.min(1, fraction) * cells * 8);
    String partial = eighths % 8 == 0 ? "" : String.valueOf("▏▎▍▌▋▊▉".charAt(eighths % 8 - 1));
    return "█".repeat(eighths / 8) + partial;
  }
}
