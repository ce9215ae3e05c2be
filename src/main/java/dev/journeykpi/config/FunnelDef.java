package dev.journeykpi.config;

import java.util.List;

/**
 * How a {@code funnel} KPI reads leads moving through ordered stages.
 *
 * @param history true for a stage-history export (one row per lead per stage entry, dated by the
 *     KPI's {@code time}), false for a current-stage snapshot (one row per lead, optionally with
 *     "date entered" columns per stage)
 * @param lead the lead (deal, customer) id column
 * @param stageColumn the column holding the stage: the stage entered (history) or the current stage
 *     (snapshot)
 * @param stages the ordered steps
 * @param lost terminal outcomes that are not steps (lost, "không mua"): a lead entering one is lost
 *     at the furthest stage it reached
 * @param fill a lead that reached a later stage has passed the skipped earlier required ones
 *     ("reached at least")
 * @param window a step counts only when the next stage was entered within this span of the previous
 *     one; null: any time
 * @param activity periods hold the stage entries made in them (activity funnel), rather than the
 *     leads whose first entry is in them (cohort funnel)
 * @param from for a conversion KPI: the stage converted from (null for a funnel)
 * @param to for a conversion KPI: the stage converted to
 * @param midwayFill history: a lead whose first entry is at a later stage (the log starts mid-way)
 *     passed the earlier required stages at that entry ({@code entered_midway: fill}); false: it is
 *     counted from that stage on, and not in the rates from the first stage ({@code
 *     count_separately})
 */
public record FunnelDef(
    boolean history,
    String lead,
    String stageColumn,
    List<Stage> stages,
    List<Stage> lost,
    boolean fill,
    TimeSpan window,
    boolean activity,
    String from,
    String to,
    boolean midwayFill) {

  /**
   * @param values the raw values in the export that mean this stage (matched ignoring case); never
   *     empty
   * @param owner the department that owns the step, or null
   * @param entered snapshot mode: the column with the date the lead entered this stage, or null
   * @param optional a step leads may skip: never filled in by {@code skipped: fill}, and skipping
   *     it is not a drop
   */
  public record Stage(
      String id,
      String label,
      List<String> values,
      String owner,
      String entered,
      Location location,
      boolean optional) {
    public Stage {
      values = List.copyOf(values);
    }

    public Stage(
        String id,
        String label,
        List<String> values,
        String owner,
        String entered,
        Location location) {
      this(id, label, values, owner, entered, location, false);
    }
  }

  /**
   * Without {@code entered_midway}: a lead first seen at a later stage is filled in as {@code
   * skipped} says.
   */
  public FunnelDef(
      boolean history,
      String lead,
      String stageColumn,
      List<Stage> stages,
      List<Stage> lost,
      boolean fill,
      TimeSpan window,
      boolean activity,
      String from,
      String to) {
    this(history, lead, stageColumn, stages, lost, fill, window, activity, from, to, fill);
  }

  public FunnelDef {
    stages = List.copyOf(stages);
    lost = List.copyOf(lost);
  }

  public FunnelDef asConversion(String from, String to) {
    return new FunnelDef(
        history, lead, stageColumn, stages, lost, fill, window, activity, from, to, midwayFill);
  }

  /**
   * Whether stage k may be skipped without dropping there: an optional stage, or any stage when
   * nothing is filled in.
   */
  public boolean skippable(int k) {
    return !fill || stages.get(k).optional();
  }

  public int indexOf(String stageId) {
    for (int i = 0; i < stages.size(); i++) if (stages.get(i).id().equals(stageId)) return i;
    return -1;
  }

  /**
   * The id of the stage a person named on the command line: its id, or its label as the scorecard
   * shows it (compared without case, in NFC, trimmed); null when neither.
   */
  public String stageNamed(String idOrLabel) {
    if (indexOf(idOrLabel) >= 0) return idOrLabel;
    String want = TextKey.of(idOrLabel);
    for (Stage st : stages) if (TextKey.of(st.label()).equals(want)) return st.id();
    return null;
  }
}
