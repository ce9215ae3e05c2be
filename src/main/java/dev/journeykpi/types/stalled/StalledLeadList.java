package dev.journeykpi.types.stalled;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.StalledDef;
import dev.journeykpi.model.LeadList.Entry;
import dev.journeykpi.model.Period;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/** The leads behind a stalled KPI, for follow-up ({@code kpi leads}). */
public final class StalledLeadList {
  private StalledLeadList() {}

  /**
   * The leads of a stalled KPI at the start of the period: {@code touched} when contacted again in
   * it, {@code untouched} when still waiting — the re-engagement call list. {@code entered} is the
   * last touch before the period, {@code daysThere} the idle span then, in the KPI's unit (days or
   * working days).
   */
  public static List<Entry> stalled(
      KpiDef kpi, StalledDef def, Table table, Period period, BusinessCalendar calendar) {
    Selection population = FilterCompiler.select(table, kpi.where());
    StalledMeasurer m = new StalledMeasurer(def, kpi.time(), calendar);
    List<Column<?>> by = kpi.by().stream().<Column<?>>map(table::column).toList();
    List<Entry> out = new ArrayList<>();
    for (StalledMeasurer.Stalled s :
        m.stalled(table, population, period, new java.util.HashSet<>())) {
      List<String> dims = by.stream().map(c -> s.row() < 0 ? "" : Cells.label(c, s.row())).toList();
      out.add(
          new Entry(
              s.lead(),
              dims,
              s.touched() ? "touched" : "untouched",
              s.lastTouch().atStartOfDay(),
              s.idle()));
    }
    out.sort(
        java.util.Comparator.comparing((Entry e) -> e.status().equals("touched"))
            .thenComparing(e -> -e.daysThere())
            .thenComparing(Entry::lead));
    return out;
  }
}
