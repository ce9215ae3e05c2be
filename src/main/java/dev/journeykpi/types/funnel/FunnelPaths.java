package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.model.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Each lead's path through a funnel: which stages it reached and when, where it went on, and
 * whether it is lost. Apart from the counts ({@link StageCounts}) because {@code kpi leads} walks
 * the same paths to list the leads behind a stage ({@link FunnelLeadList}): one rule, so the list's
 * lost leads are the stage's lost count.
 *
 * <p>With {@code skipped: fill}, a lead that reached a later stage passed the earlier required
 * ones, at the time it reached the later one; an optional stage counts only when entered. With
 * {@code skipped: exclude}, a lead reaches only the stages it entered, and skipping one is not a
 * drop. With a window, the path stops at the first step slower than it. A lead first seen at a
 * later stage (history) is filled in ({@code entered_midway: fill}) or counted from there ({@code
 * count_separately}).
 *
 * <p>A lead is lost at the furthest stage it reached when a lost outcome is its latest word and
 * that stage is not the last: a lead lost and then reopened (a stage entered after the lost
 * outcome) is not lost.
 */
final class FunnelPaths {
  private final FunnelDef def;
  private final BusinessCalendar windowCalendar;

  /**
   * @param windowCalendar counts a window of working days
   */
  FunnelPaths(FunnelDef def, BusinessCalendar windowCalendar) {
    this.def = def;
    this.windowCalendar = windowCalendar;
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

  /** Whether time t is in period p (any time, for the whole history). */
  static boolean in(long t, Period p) {
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
}
