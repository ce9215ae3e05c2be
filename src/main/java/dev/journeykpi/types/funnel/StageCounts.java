package dev.journeykpi.types.funnel;

import static dev.journeykpi.types.funnel.FunnelMeasurer.rate;

import dev.journeykpi.calc.BusinessCalendar;
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
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A funnel's numbers per stage over the leads of a period, from their paths ({@link FunnelPaths}):
 * the leads that entered each stage, the share that went on to the next, the share of the first
 * stage that got this far, the drop-off, the leads lost there, and the times to the next stage and
 * in the stage; then the headline. Since a lead goes on from a stage when its path goes on, at
 * every stage entered = went on + dropped, and the lost are among the dropped.
 *
 * <p>A cohort funnel's leads bring everything they did afterwards; an activity funnel counts, at
 * each stage, the leads that entered it in the period, and the share of those that went on (its
 * rates from the first stage and its headline are not defined). The headline and the rates from the
 * first stage hold only leads that reached the first stage: no rate is above 100%.
 */
final class StageCounts {
  private final FunnelDef def;
  private final FunnelPaths paths;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final double divisor;

  /**
   * @param calendar for business-time durations, or null for calendar time
   * @param divisor seconds in the KPI's unit of time
   */
  StageCounts(
      FunnelDef def, FunnelPaths paths, BusinessCalendar calendar, ZoneId zone, double divisor) {
    this.def = def;
    this.paths = paths;
    this.calendar = calendar;
    this.zone = zone;
    this.divisor = divisor;
  }

  /**
   * The rows of period p (stage and step, then the headline), each with {@code note} and, when
   * leads first seen mid-way were counted, a note of how many.
   */
  List<HistoryRow> rows(List<FunnelLeads.Lead> members, Period p, Notes note) {
    return rows(tally(members, p), p, note);
  }

  /**
   * What the rows of a period are made of: the counts per stage and the times' statistics. Apart
   * from {@link #rows(Tally, Period, Notes)} so that an SQL engine, which counts in SQL, builds the
   * rows with the same code.
   *
   * @param toNextMedian per stage, the median time to the next stage ({@link #stat})
   */
  record Tally(
      int[] entered,
      int[] converted,
      int[] lost,
      int[] fromFirst,
      int midway,
      Measure[] toNextMedian,
      Measure[] toNextP90,
      Measure[] timeInMedian) {}

  /** The counts and times of the members of period p. */
  private Tally tally(List<FunnelLeads.Lead> members, Period p) {
    int n = def.stages().size();
    int[] entered = new int[n], converted = new int[n], lost = new int[n], fromFirst = new int[n];
    // Primitive lists: a boxed Double per time was a tenth of the funnel's allocations.
    DoubleArrayList[] toNext = new DoubleArrayList[n], timeIn = new DoubleArrayList[n];
    for (int k = 0; k < n; k++) {
      toNext[k] = new DoubleArrayList();
      timeIn[k] = new DoubleArrayList();
    }
    int midway = 0;
    for (FunnelLeads.Lead lead : members) {
      FunnelPaths.Reach r = paths.reach(lead);
      boolean counted = false;
      for (int k = 0; k < n; k++) {
        if (!r.reached()[k]) continue;
        if (def.activity() && !FunnelPaths.in(r.at()[k], p)) continue;
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
            toNext[k].add(Elapsed.between(lead.first[k], lead.first[j], calendar, zone) / divisor);
          }
        }
        if (!Double.isNaN(lead.timeIn(k))) timeIn[k].add(lead.timeIn(k) / divisor);
      }
      if (counted && r.midway()) midway++;
      if (paths.lost(lead, r) && (!def.activity() || FunnelPaths.in(r.at()[r.furthest()], p)))
        lost[r.furthest()]++;
    }
    Measure[] median = new Measure[n], p90 = new Measure[n], in = new Measure[n];
    for (int k = 0; k < n; k++) {
      median[k] = stat(toNext[k], Statistic.MEDIAN);
      p90[k] = stat(toNext[k], new Statistic(Statistic.Kind.PERCENTILE, 90));
      in[k] = stat(timeIn[k], Statistic.MEDIAN);
    }
    return new Tally(entered, converted, lost, fromFirst, midway, median, p90, in);
  }

  /** The rows of period p from its tally, each with {@code note} (and the mid-way note). */
  List<HistoryRow> rows(Tally t, Period p, Notes note) {
    int n = def.stages().size();
    int[] entered = t.entered(), converted = t.converted(), lost = t.lost();
    int[] fromFirst = t.fromFirst();
    int midway = t.midway();
    if (midway > 0)
      note =
          note.plus(
              Note.of(
                  def.midwayFill() ? Code.MIDWAY_FILLED : Code.MIDWAY_COUNTED_SEPARATELY, midway));
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
        out.add(part(stage, "time_to_next_median", t.toNextMedian()[k], p));
        out.add(part(stage, "time_to_next_p90", t.toNextP90()[k], p));
      }
      if (def.history()) out.add(part(stage, "time_in_stage_median", t.timeInMedian()[k], p));
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

  /** Counts carry no unit, rates are %, times are in the KPI's unit. */
  private static HistoryRow part(String stage, String step, Measure m, Period p) {
    String unit =
        step.startsWith("time_") ? null : step.equals("entered") || step.equals("lost") ? "" : "%";
    return new HistoryRow(List.of(stage, step), m, p, unit);
  }

  private static Measure stat(DoubleArrayList values, Statistic s) {
    if (values.isEmpty()) return stat(null, 0);
    double[] v = values.toDoubleArray();
    return stat(Stats.of(s, v, v.length), v.length);
  }

  /** A statistic of n times (value null when n is 0: no times, a note). */
  static Measure stat(Double value, int n) {
    if (n == 0) return Measure.none(0, Note.of(Code.NO_TIMES));
    return Measure.of(value, n);
  }
}
