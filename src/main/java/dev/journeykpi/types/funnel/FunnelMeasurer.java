package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.HistoryRow;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.SharedBuilds;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * {@code funnel} and {@code conversion}: a period's leads, their paths ({@link FunnelPaths}) and,
 * from those, either the numbers per stage ({@link StageCounts}) or one conversion rate.
 *
 * <p>Periods. A cohort funnel holds the leads whose first entry (history) or creation (snapshot
 * {@code time}) is in the period, with everything they did afterwards; an activity funnel holds, at
 * each stage, the leads that entered it in the period. The leads of a table are gathered once,
 * however many periods ask.
 */
public final class FunnelMeasurer {
  private final FunnelDef def;
  private final String time;
  private final FunnelPaths paths;
  private final StageCounts stages;
  private final SharedBuilds shared;

  /**
   * @param calendar for business-time durations, or null for calendar time
   * @param workingDays counts a window of working days
   * @param divisor seconds in the KPI's unit of time
   */
  public FunnelMeasurer(
      FunnelDef def,
      String time,
      BusinessCalendar calendar,
      BusinessCalendar workingDays,
      ZoneId zone,
      double divisor) {
    this(def, time, calendar, workingDays, zone, divisor, new SharedBuilds());
  }

  /**
   * @param shared where the leads are kept for the run's other KPIs over the same funnel and rows
   *     (the funnel and its conversions)
   */
  public FunnelMeasurer(
      FunnelDef def,
      String time,
      BusinessCalendar calendar,
      BusinessCalendar workingDays,
      ZoneId zone,
      double divisor,
      SharedBuilds shared) {
    this.shared = shared;
    this.def = def;
    this.time = time;
    this.paths = new FunnelPaths(def, workingDays);
    this.stages = new StageCounts(def, paths, calendar, zone, divisor);
  }

  public List<String> dimensions() {
    return def.from() != null ? List.of() : List.of("stage", "step");
  }

  private FunnelLeads leads(Table table, Selection rows) {
    // The leads depend on the funnel's columns, stages and mode, not on a conversion's from/to.
    List<Object> spec =
        java.util.Arrays.asList(
            "funnel leads",
            time,
            new FunnelDef(
                def.history(),
                def.lead(),
                def.stageColumn(),
                def.stages(),
                def.lost(),
                def.fill(),
                def.window(),
                def.activity(),
                null,
                null,
                def.midwayFill()));
    return shared.get(table, spec, rows, () -> FunnelLeads.of(table, rows, def, time));
  }

  public List<HistoryRow> measure(Table table, Selection rows, Period p) {
    FunnelLeads all = leads(table, rows);
    List<FunnelLeads.Lead> members = paths.members(all, p);
    // A conversion is one rate, without the funnel's notes.
    if (def.from() != null) return conversionRows(conversion(members, p), p);
    return stages.rows(members, p, notes(all));
  }

  /** A conversion KPI's rows of period p: its one rate. */
  static List<HistoryRow> conversionRows(Measure rate, Period p) {
    return List.of(new HistoryRow(List.of(), rate, p, "%"));
  }

  /**
   * A funnel's rows of period p from counts made elsewhere (an SQL engine's), by the same code as
   * {@link #measure}.
   */
  List<HistoryRow> rows(StageCounts.Tally tally, Period p, Notes notes) {
    return stages.rows(tally, p, notes);
  }

  /**
   * A conversion KPI: leads that reached {@code to} (after {@code from}) ÷ leads that reached
   * {@code from}.
   */
  private Measure conversion(List<FunnelLeads.Lead> members, Period p) {
    int from = def.indexOf(def.from()), to = def.indexOf(def.to());
    int den = 0, num = 0;
    for (FunnelLeads.Lead lead : members) {
      FunnelPaths.Reach r = paths.reach(lead);
      if (!r.reached()[from] || (def.activity() && !FunnelPaths.in(r.at()[from], p))) continue;
      den++;
      // Reach is a path: reaching `to` after `from` means every step between counted, in order.
      if (r.reached()[to]) num++;
    }
    return rate(num, den);
  }

  /** num ÷ den as a rate of leads; none, with a note, when there is no lead to divide by. */
  static Measure rate(int num, int den) {
    if (den == 0) return new Measure(null, (double) num, 0.0, 0, Note.of(Code.NO_LEADS));
    return new Measure((double) num / den, (double) num, (double) den, den);
  }

  /** What the rows of every stage say about the data: unmapped stage values, rows left out. */
  private Notes notes(FunnelLeads all) {
    int total = all.unmapped.values().stream().mapToInt(Integer::intValue).sum();
    List<Map.Entry<String, Integer>> first = all.unmapped.entrySet().stream().limit(3).toList();
    return notes(total, first, all.noLead, all.noTime);
  }

  /**
   * The notes from their counts: {@code unmapped} rows in all with a stage value that is neither a
   * stage nor a lost outcome, the first values of those in text order (three at most) with their
   * rows; rows without a lead, rows without a time.
   */
  Notes notes(
      int unmapped, List<Map.Entry<String, Integer>> firstUnmapped, int noLead, int noTime) {
    List<Note> out = new ArrayList<>();
    if (unmapped > 0) {
      List<String> shown = new ArrayList<>();
      firstUnmapped.stream()
          .limit(3)
          .forEach(
              e ->
                  shown.add(
                      "'" + e.getKey() + "'" + (e.getValue() > 1 ? " ×" + e.getValue() : "")));
      out.add(Note.of(Code.STAGE_NOT_IN_FUNNEL, unmapped, String.join(", ", shown)));
    }
    if (noLead > 0) out.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, noLead, def.lead()));
    if (noTime > 0) out.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, noTime, time));
    return Notes.of(out);
  }
}
