package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.Elapsed;
import dev.journeykpi.calc.HistoryRow;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Stats;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * {@code funnel}: per stage, the distinct leads that reached it, the share that went on to the next
 * stage, the share of the first stage that got this far, the drop-off, the leads lost from it, and
 * the time to the next stage.
 *
 * <p>Reach is a path (see {@link #reach}). With {@code skipped: fill}, a lead that reached a later
 * stage passed the earlier required ones, at the time it reached the later one; an optional stage
 * counts only when entered. With {@code skipped: exclude}, a lead reaches only the stages it
 * entered, and skipping one is not a drop. With a window, the path stops at the first step slower
 * than it. A lead goes on from a stage when its path goes on, so at every stage entered = went on +
 * dropped, and the lost are among the dropped. A lead first seen at a later stage (history) is
 * filled in ({@code entered_midway: fill}) or counted from there ({@code count_separately}); either
 * way a note counts them, and the headline and the rates from the first stage hold only leads that
 * reached the first stage: no rate is above 100%.
 *
 * <p>Periods. A cohort funnel holds the leads whose first entry (history) or creation (snapshot
 * {@code time}) is in the period, with everything they did afterwards; an activity funnel holds, at
 * each stage, the leads that entered it in the period, and the share of those that went on (the
 * cumulative rate of an activity funnel is not defined).
 *
 * <p>A lead is lost at the furthest stage it reached when a lost outcome is its latest word and
 * that stage is not the last: a lead lost and then reopened (a stage entered after the lost
 * outcome) is not lost.
 */
public final class FunnelMeasurer {
  /** The steps reported per stage, in order. */
  static final List<String> STEPS =
      List.of(
          "entered",
          "to_next",
          "from_first",
          "dropped",
          "lost",
          "time_to_next_median",
          "time_to_next_p90",
          "time_in_stage_median");

  private final FunnelDef def;
  private final String time;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final double divisor;
  private final BusinessCalendar windowCalendar;
  private final Map<Selection, FunnelLeads> built = new IdentityHashMap<>();

  /**
   * @param calendar for business-time durations, or null for calendar time
   */
  public FunnelMeasurer(
      FunnelDef def,
      String time,
      BusinessCalendar calendar,
      BusinessCalendar workingDays,
      ZoneId zone,
      double divisor) {
    this.def = def;
    this.time = time;
    this.calendar = calendar;
    this.windowCalendar = workingDays;
    this.zone = zone;
    this.divisor = divisor;
  }

  public List<String> dimensions() {
    return def.from() != null ? List.of() : List.of("stage", "step");
  }

  FunnelLeads leads(Table table, Selection rows) {
    return built.computeIfAbsent(rows, r -> FunnelLeads.of(table, r, def, time));
  }

  /**
   * Reach of one lead: whether, and when, it reached each stage; whether it went on from each
   * stage; the stage it went on to next ({@code -1}: none); the furthest stage it reached; whether
   * it first appeared at a later stage.
   */
  record Reach(
      boolean[] reached,
      long[] at,
      boolean[] converted,
      int[] next,
      int furthest,
      boolean midway) {}

  /**
   * A lead's path through the funnel. Stages are walked in order; a stage the lead cannot skip and
   * did not reach (with {@code fill}: neither it nor a later one entered) ends the path, and so
   * does a step slower than the window. A skippable stage (optional, or any stage with {@code
   * skipped: exclude}) is on the path only when it was entered between the previous stage on the
   * path and the next stage entered: entering it only later (a reopening, Resolved → In progress)
   * is a return, not a step, and skipping it is not a drop. The lead went on from a stage when the
   * path goes on, so every lead stops at one stage at most, and entered = went on + dropped at
   * every stage.
   */
  Reach reach(FunnelLeads.Lead lead) {
    int n = def.stages().size();
    boolean[] known = new boolean[n];
    long[] at = new long[n];
    boolean midway = def.history() && lead.firstSeen > 0;
    // entered_midway: count_separately — the stages before the one a lead first appears at are not
    // its own.
    int start = midway && !def.midwayFill() ? lead.firstSeen : 0;
    for (int k = start; k < n; k++) {
      known[k] = lead.first[k] != FunnelLeads.NONE || lead.reachedUndated(k);
      at[k] = lead.first[k];
    }
    for (int k = 0; k < start; k++) at[k] = FunnelLeads.NONE;
    // Filling in: a required stage was passed at the earliest entry into it or any later stage
    // (fill), or, for a lead first seen mid-way with entered_midway: fill, at that first entry.
    long laterAt = FunnelLeads.NONE;
    boolean laterKnown = false;
    for (int k = n - 1; k >= start; k--) {
      boolean required = !def.stages().get(k).optional();
      if (required && def.fill() && laterKnown) {
        known[k] = true;
        if (laterAt != FunnelLeads.NONE && (at[k] == FunnelLeads.NONE || laterAt < at[k]))
          at[k] = laterAt;
      } else if (required && midway && def.midwayFill() && k < lead.firstSeen) {
        known[k] = true;
        at[k] = lead.first[lead.firstSeen];
      }
      if (known[k]) laterKnown = true;
      if (known[k] && at[k] != FunnelLeads.NONE && (laterAt == FunnelLeads.NONE || at[k] < laterAt))
        laterAt = at[k];
    }
    // The earliest time of any known stage after k: a skippable stage entered after it is a return,
    // not a step.
    long[] nextTime = new long[n];
    long t = FunnelLeads.NONE;
    for (int k = n - 1; k >= 0; k--) {
      nextTime[k] = t;
      if (known[k] && at[k] != FunnelLeads.NONE && (t == FunnelLeads.NONE || at[k] < t)) t = at[k];
    }
    boolean[] reached = new boolean[n];
    long prev = FunnelLeads.NONE;
    boolean started = false;
    for (int k = 0; k < n; k++) {
      boolean skippable = def.skippable(k);
      if (!known[k]) {
        if (!started || skippable) continue;
        break;
      }
      if (started) {
        if (skippable
            && at[k] != FunnelLeads.NONE
            && ((prev != FunnelLeads.NONE && at[k] < prev)
                || (nextTime[k] != FunnelLeads.NONE && at[k] > nextTime[k]))) {
          continue;
        }
        if (!step(prev, at[k])) break;
      }
      reached[k] = true;
      started = true;
      if (at[k] != FunnelLeads.NONE) prev = at[k];
    }
    boolean[] converted = new boolean[n];
    int[] next = new int[n];
    java.util.Arrays.fill(next, -1);
    int furthest = -1;
    for (int k = 0; k < n; k++) {
      if (!reached[k]) continue;
      if (furthest >= 0) {
        converted[furthest] = true;
        next[furthest] = k;
      }
      furthest = k;
    }
    return new Reach(reached, at, converted, next, furthest, midway);
  }

  /**
   * Whether the lead counts as lost, at the furthest stage on its path: lost is its latest word (no
   * stage entered after the lost outcome, see {@link FunnelLeads.Lead#lostAt}) and it never entered
   * the last stage — a lead that got through the funnel converted (even when a window ended its
   * path earlier), and a lost row after that does not undo it. {@code kpi leads} asks the same, so
   * its lost leads are the stage's lost count.
   */
  boolean lost(FunnelLeads.Lead lead, Reach r) {
    int last = def.stages().size() - 1;
    return lead.isLost()
        && r.furthest() >= 0
        && lead.first[last] == FunnelLeads.NONE
        && !lead.reachedUndated(last);
  }

  /**
   * Whether entering b after a counts as the step: not before it, and within the window when there
   * is one.
   */
  private boolean step(long a, long b) {
    if (a == FunnelLeads.NONE || b == FunnelLeads.NONE) return def.window() == null;
    if (b < a) return false;
    if (def.window() == null) return true;
    java.time.LocalDateTime start = Cells.time(a);
    java.time.LocalDateTime end =
        def.window().isWorkingDays()
            ? windowCalendar
                .plusWorkingDays(start.toLocalDate(), def.window().workingDays())
                .atTime(start.toLocalTime())
            : start.plusSeconds(def.window().seconds());
    return b <= Cells.packed(end);
  }

  /**
   * When the lead joined the funnel: its creation time (snapshot), else its first entry anywhere.
   */
  private static long cohortTime(FunnelLeads.Lead lead) {
    if (lead.created != FunnelLeads.NONE) return lead.created;
    if (lead.seenAt != FunnelLeads.NONE) return lead.seenAt;
    long t = FunnelLeads.NONE;
    for (long x : lead.first) if (x != FunnelLeads.NONE && (t == FunnelLeads.NONE || x < t)) t = x;
    if (lead.lostAt != FunnelLeads.NONE
        && lead.lostAt != Long.MAX_VALUE
        && (t == FunnelLeads.NONE || lead.lostAt < t)) t = lead.lostAt;
    return t;
  }

  private static boolean in(long t, Period p) {
    if (p.grain() == Period.Grain.ALL) return true;
    return t != FunnelLeads.NONE
        && t >= Cells.packed(p.startTime())
        && t < Cells.packed(p.endTime());
  }

  /** The leads of the cohort (or, for an activity funnel, every lead: stages pick their own). */
  List<FunnelLeads.Lead> members(FunnelLeads all, Period p) {
    if (def.activity()) return all.leads;
    List<FunnelLeads.Lead> out = new ArrayList<>();
    for (FunnelLeads.Lead l : all.leads) if (in(cohortTime(l), p)) out.add(l);
    return out;
  }

  public List<HistoryRow> measure(Table table, Selection rows, Period p) {
    FunnelLeads all = leads(table, rows);
    Notes note = notes(all);
    List<FunnelLeads.Lead> members = members(all, p);
    int n = def.stages().size();
    int[] entered = new int[n], converted = new int[n], lost = new int[n], fromFirst = new int[n];
    List<List<Double>> toNext = new ArrayList<>(), timeIn = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      toNext.add(new ArrayList<>());
      timeIn.add(new ArrayList<>());
    }
    int midway = 0;
    for (FunnelLeads.Lead lead : members) {
      Reach r = reach(lead);
      boolean counted = false;
      for (int k = 0; k < n; k++) {
        if (!r.reached()[k]) continue;
        if (def.activity() && !in(r.at()[k], p)) continue;
        counted = true;
        entered[k]++;
        if (r.reached()[0] && !def.activity()) fromFirst[k]++;
        if (r.converted()[k]) {
          converted[k]++;
          // Times to the next stage on the path, both actually entered; a filled-in stage has no
          // time of its own.
          int j = r.next()[k];
          if (lead.first[k] != FunnelLeads.NONE
              && lead.first[j] != FunnelLeads.NONE
              && lead.first[j] >= lead.first[k]) {
            toNext
                .get(k)
                .add(Elapsed.between(lead.first[k], lead.first[j], calendar, zone) / divisor);
          }
        }
        if (!Double.isNaN(lead.timeIn(k))) timeIn.get(k).add(lead.timeIn(k) / divisor);
      }
      if (counted && r.midway()) midway++;
      if (lost(lead, r) && (!def.activity() || in(r.at()[r.furthest()], p))) lost[r.furthest()]++;
    }
    if (midway > 0)
      note =
          note.plus(
              Note.of(
                  def.midwayFill() ? Code.MIDWAY_FILLED : Code.MIDWAY_COUNTED_SEPARATELY, midway));
    if (def.from() != null)
      return List.of(new HistoryRow(List.of(), conversion(members, p), p, "%"));
    List<HistoryRow> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String stage = def.stages().get(k).id();
      boolean last = k == n - 1;
      out.add(part(stage, "entered", new Measure((double) entered[k], null, null, entered[k]), p));
      if (!last) {
        out.add(part(stage, "to_next", rate(converted[k], entered[k]), p));
      }
      out.add(
          part(
              stage,
              "from_first",
              def.activity()
                  ? Measure.none(0, Note.of(Code.NOT_FOR_ACTIVITY_FUNNEL))
                  : rate(fromFirst[k], entered[0]),
              p));
      if (!last) {
        int dropped = entered[k] - converted[k];
        out.add(part(stage, "dropped", rate(dropped, entered[k]), p));
      }
      out.add(part(stage, "lost", new Measure((double) lost[k], null, null, lost[k]), p));
      if (!last) {
        out.add(part(stage, "time_to_next_median", stat(toNext.get(k), Statistic.MEDIAN), p));
        out.add(
            part(
                stage,
                "time_to_next_p90",
                stat(toNext.get(k), new Statistic(Statistic.Kind.PERCENTILE, 90)),
                p));
      }
      if (def.history())
        out.add(part(stage, "time_in_stage_median", stat(timeIn.get(k), Statistic.MEDIAN), p));
    }
    // The headline: the leads of the first stage that reached the last (a lead first seen later is
    // not one of them), or for an activity funnel, nothing to add up.
    Measure headline =
        def.activity()
            ? Measure.none(0, Note.of(Code.NO_OVERALL_CONVERSION_IN_ACTIVITY_FUNNEL))
            : rate(fromFirst[n - 1], entered[0]);
    out.add(part(ResultRow.TOTAL, ResultRow.TOTAL, headline, p));
    if (note.isEmpty()) return out;
    Notes shared = note;
    return out.stream()
        .map(x -> new HistoryRow(x.dims(), x.measure().withNote(shared), x.at(), x.unit()))
        .toList();
  }

  /**
   * A conversion KPI: leads that reached {@code to} (after {@code from}) ÷ leads that reached
   * {@code from}.
   */
  private Measure conversion(List<FunnelLeads.Lead> members, Period p) {
    int from = def.indexOf(def.from()), to = def.indexOf(def.to());
    int den = 0, num = 0;
    for (FunnelLeads.Lead lead : members) {
      Reach r = reach(lead);
      if (!r.reached()[from] || (def.activity() && !in(r.at()[from], p))) continue;
      den++;
      // Reach is a path: reaching `to` after `from` means every step between counted, in order.
      if (r.reached()[to]) num++;
    }
    return rate(num, den);
  }

  /** Counts carry no unit, rates are %, times are in the KPI's unit. */
  private static HistoryRow part(String stage, String step, Measure m, Period p) {
    String unit =
        step.startsWith("time_") ? null : step.equals("entered") || step.equals("lost") ? "" : "%";
    return new HistoryRow(List.of(stage, step), m, p, unit);
  }

  private static Measure rate(int num, int den) {
    if (den == 0) return new Measure(null, (double) num, 0.0, 0, Note.of(Code.NO_LEADS));
    return new Measure((double) num / den, (double) num, (double) den, den);
  }

  private static Measure stat(List<Double> values, Statistic s) {
    if (values.isEmpty()) return Measure.none(0, Note.of(Code.NO_TIMES));
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    return Measure.of(Stats.of(s, v, v.length), v.length);
  }

  private Notes notes(FunnelLeads all) {
    List<Note> out = new ArrayList<>();
    if (!all.unmapped.isEmpty()) {
      int total = all.unmapped.values().stream().mapToInt(Integer::intValue).sum();
      List<String> shown = new ArrayList<>();
      all.unmapped.entrySet().stream()
          .limit(3)
          .forEach(
              e ->
                  shown.add(
                      "'" + e.getKey() + "'" + (e.getValue() > 1 ? " ×" + e.getValue() : "")));
      out.add(Note.of(Code.STAGE_NOT_IN_FUNNEL, total, String.join(", ", shown)));
    }
    if (all.noLead > 0) out.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, all.noLead, def.lead()));
    if (all.noTime > 0) out.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, all.noTime, time));
    return Notes.of(out);
  }
}
