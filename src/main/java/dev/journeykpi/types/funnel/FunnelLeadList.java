package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.LeadList.Entry;
import dev.journeykpi.model.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The leads behind a funnel stage, for follow-up: those of the period's funnel that reached the
 * stage and went no further — {@code lost} when they entered a lost outcome, {@code stuck} when
 * they are still there, {@code late} when they went on only after the window, {@code returned} when
 * they are back at an earlier stage (a reopening) — or, for the last stage, those that reached it.
 * A lead that reached the last stage or went on past the stage is never stuck.
 */
public final class FunnelLeadList {
  private FunnelLeadList() {}

  /**
   * Why a lead that reached stage k did not go on from it, judged from what it did rather than from
   * the funnel's reach alone: only a lead that is at stage k now, and neither lost nor past it, is
   * stuck there.
   */
  static String status(
      FunnelDef f, FunnelPaths paths, FunnelLeads.Lead lead, FunnelPaths.Reach r, int k) {
    // The measurer's own rule, so the list's lost leads are the stage's lost count: lost is the
    // latest word (a reopened lead is not lost), and a lead whose path ended here is lost at no
    // other stage.
    if (paths.lost(lead, r)) return "lost";
    int n = f.stages().size();
    // At a later stage now, or entered one after reaching k: it went on, only not as a step (slower
    // than the window).
    boolean past = lead.current > k;
    for (int j = k + 1; j < n; j++) {
      long t = lead.first[j];
      if (t != FunnelLeads.NONE && (r.at()[k] == FunnelLeads.NONE || t >= r.at()[k])) past = true;
    }
    if (past) return "late";
    if (lead.first[n - 1] != FunnelLeads.NONE || lead.reachedUndated(n - 1)) return "closed";
    return lead.current == k ? "stuck" : "returned";
  }

  public static List<Entry> of(
      KpiDef kpi,
      FunnelDef f,
      Table table,
      Period period,
      String stage,
      BusinessCalendar calendar,
      ZoneId zone) {
    int k = f.indexOf(stage);
    if (k < 0)
      throw new IllegalArgumentException("no stage '" + stage + "' in funnel '" + kpi.id() + "'");
    Selection population = FilterCompiler.select(table, kpi.where());
    FunnelPaths paths = new FunnelPaths(f, calendar);
    FunnelLeads leads = FunnelLeads.of(table, population, f, kpi.time());
    long asOf = Cells.MISSING_TIME;
    for (FunnelLeads.Lead l : leads.leads) {
      for (long t : l.first) asOf = Math.max(asOf, t);
      if (l.lostAt != Long.MAX_VALUE) asOf = Math.max(asOf, l.lostAt);
    }
    List<Column<?>> by = kpi.by().stream().<Column<?>>map(table::column).toList();
    boolean last = k == f.stages().size() - 1;
    List<Entry> out = new ArrayList<>();
    for (FunnelLeads.Lead lead : paths.members(leads, period)) {
      FunnelPaths.Reach r = paths.reach(lead);
      if (!r.reached()[k] || (!last && r.converted()[k])) continue;
      List<String> dims = by.stream().map(c -> Cells.label(c, lead.row)).toList();
      java.time.LocalDateTime entered =
          r.at()[k] == FunnelLeads.NONE ? null : Cells.time(r.at()[k]);
      String status = last ? "reached" : status(f, paths, lead, r, k);
      Long days =
          status.equals("stuck") && entered != null && asOf != Cells.MISSING_TIME
              ? java.time.Duration.between(entered, Cells.time(asOf)).toDays()
              : null;
      out.add(new Entry(lead.id, dims, status, entered, days));
    }
    out.sort(
        java.util.Comparator.comparing((Entry e) -> e.status())
            .thenComparing(e -> e.daysThere() == null ? 0 : -e.daysThere())
            .thenComparing(Entry::lead));
    return out;
  }
}
