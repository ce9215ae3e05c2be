package dev.journeykpi.report;

import dev.journeykpi.model.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed column order of the tidy shape, with one column per breakdown dimension used by any
 * KPI.
 */
final class TidyColumns {
  static final List<String> LEAD = List.of("kpi", "label", "period");
  static final List<String> TAIL =
      List.of(
          "value",
          "unit",
          "numerator",
          "denominator",
          "n",
          "target",
          "status",
          "previous",
          "delta",
          "delta_relative",
          "complete",
          "note");

  private TidyColumns() {}

  static List<String> dimensions(List<ResultRow> rows) {
    Set<String> dims = new LinkedHashSet<>();
    // Not keySet(): a map keeps the view it returns, 16 bytes more per row for as long as the rows
    // live.
    rows.forEach(r -> r.dims().forEach((k, v) -> dims.add(k)));
    return new ArrayList<>(dims);
  }

  static List<String> header(List<String> dims) {
    List<String> h = new ArrayList<>(LEAD);
    h.addAll(dims);
    h.addAll(TAIL);
    return h;
  }

  /** The row's cells in header order; numbers plain, absent values empty. */
  static List<String> cells(ResultRow r, List<String> dims) {
    List<String> c = new ArrayList<>(LEAD.size() + dims.size() + TAIL.size());
    c.add(r.kpi());
    c.add(r.label());
    c.add(r.period());
    for (String d : dims) c.add(r.dims().getOrDefault(d, ""));
    c.add(ValueFormat.plain(r.value()));
    c.add(r.unit());
    c.add(ValueFormat.plain(r.numerator()));
    c.add(ValueFormat.plain(r.denominator()));
    c.add(Long.toString(r.n()));
    c.add(r.target() == null ? "" : r.target().machineText());
    c.add(r.status() == null ? "" : r.status().machineText());
    c.add(ValueFormat.plain(r.previous()));
    c.add(ValueFormat.plain(r.delta()));
    c.add(ValueFormat.plain(r.deltaRelative()));
    c.add(r.complete() == null ? "" : r.complete().toString());
    c.add(r.note());
    return c;
  }
}
