package dev.journeykpi.calc;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The rows a KPI's {@code where:} keeps, with what its time column says of them, shared by the KPIs
 * that filter and place rows alike (on a scorecard, usually all the KPIs of a source): selecting
 * and placing a million rows once instead of once per KPI. Values are row numbers, never
 * Selections, which callers may change. One per run ({@link KpiRunner}), whose KPIs may ask for
 * them side by side: the maps are safe to share.
 */
final class Populations {
  private final Map<Table, Map<List<Object>, Population>> populations =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** The last day of each time column, shared by the populations it places. */
  private final Map<Column<?>, Optional<LocalDate>> lastDays =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** The KPI's population in the table: the same for every KPI with its filter and time column. */
  Population of(Table table, KpiDef kpi) {
    Map<List<Object>, Population> known =
        populations.computeIfAbsent(table, t -> new java.util.concurrent.ConcurrentHashMap<>());
    List<Object> key = java.util.Arrays.asList(kpi.where(), kpi.time());
    return known.computeIfAbsent(
        key,
        k ->
            new Population(
                table,
                kpi,
                kpi.time() == null
                    ? null
                    : lastDays
                        .computeIfAbsent(
                            table.column(kpi.time()), c -> Optional.ofNullable(lastDay(c)))
                        .orElse(null)));
  }

  /** The latest date in a time column, or null when it is empty. */
  static LocalDate lastDay(Column<?> c) {
    DataSpan span = DataSpan.of(List.of(c));
    return span == null ? null : span.last();
  }

  /** A KPI's rows (ascending), how many have no time, and its time column's last day. */
  static final class Population {
    final int[] rows;
    final int untimed;
    final LocalDate lastDataDay;
    private final Map<Period, int[]> byPeriod = new java.util.concurrent.ConcurrentHashMap<>();

    Population(Table table, KpiDef kpi, LocalDate lastDataDay) {
      rows = FilterCompiler.rows(table, kpi.where());
      int missing = 0;
      if (kpi.time() != null) {
        Column<?> t = table.column(kpi.time());
        for (int row : rows) {
          if (Cells.packedTime(t, row) == Cells.MISSING_TIME) missing++;
        }
      }
      untimed = missing;
      this.lastDataDay = lastDataDay;
    }

    /** The population's rows whose time falls in the period, ascending. */
    int[] inPeriod(Table table, String time, Period p) {
      if (time == null || p.grain() == Period.Grain.ALL) return rows;
      return byPeriod.computeIfAbsent(
          p,
          x -> {
            Column<?> t = table.column(time);
            long from = Cells.packed(p.startTime());
            long to = Cells.packed(p.endTime());
            it.unimi.dsi.fastutil.ints.IntArrayList in =
                new it.unimi.dsi.fastutil.ints.IntArrayList();
            for (int row : rows) {
              long v = Cells.packedTime(t, row);
              if (v != Cells.MISSING_TIME && v >= from && v < to) in.add(row);
            }
            return in.toIntArray();
          });
    }
  }
}
