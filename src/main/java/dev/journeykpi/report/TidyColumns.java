package dev.journeykpi.report;

import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.VariantComparison;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed column order of the tidy shape, with one column per breakdown dimension used by any
 * KPI.
 *
 * <p>No tidy output repeats a column name: a breakdown column named like one of the file's own
 * columns ({@code by: [status]} beside the target's {@code status}) is headed {@code by_status}
 * ({@link #headed}). Renamed rather than refused: a definition that ran yesterday still runs, and
 * only the header of the colliding column changes.
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
    return header(dims, false);
  }

  /**
   * The header; with {@code intervals} ({@code --confidence}) two more columns at the end, {@code
   * ci_low} and {@code ci_high}, so that a run without it keeps its columns and their positions.
   */
  static List<String> header(List<String> dims, boolean intervals) {
    return header(dims, intervals, false);
  }

  /**
   * The header; with {@code comparisons} ({@code compare:}) the comparison's columns last ({@link
   * ComparisonColumns}).
   */
  static List<String> header(List<String> dims, boolean intervals, boolean comparisons) {
    return header(dims, intervals, false, comparisons);
  }

  /**
   * The header; with {@code levels} (a KPI with its own {@code confidence:}) {@code ci_level} after
   * {@code ci_high}.
   */
  static List<String> header(
      List<String> dims, boolean intervals, boolean levels, boolean comparisons) {
    List<String> h = new ArrayList<>(LEAD);
    h.addAll(headed(dims, own(intervals, levels, comparisons)));
    h.addAll(TAIL);
    if (intervals) h.addAll(INTERVAL);
    if (levels) h.add(LEVEL);
    if (comparisons) h.addAll(ComparisonColumns.NAMES);
    return h;
  }

  /**
   * The level in percent of the row's intervals, when KPIs may set different ones: its Wilson
   * interval's, or on a variant's row its comparison's (both are its KPI's level); empty for a row
   * without an interval.
   */
  static final String LEVEL = "ci_level";

  /** The scorecard's own columns, which a breakdown column never repeats. */
  static final List<String> RESULT =
      java.util.stream.Stream.concat(LEAD.stream(), TAIL.stream()).toList();

  /** The interval's columns, after the note (issue 20). */
  static final List<String> INTERVAL = List.of("ci_low", "ci_high");

  private static final List<String> RESULT_AND_INTERVAL =
      java.util.stream.Stream.concat(RESULT.stream(), INTERVAL.stream()).toList();

  /** The file's own columns: the scorecard's, and the interval's when it has them. */
  static List<String> own(boolean intervals) {
    return intervals ? RESULT_AND_INTERVAL : RESULT;
  }

  /** The file's own columns, with the comparison's when it has them. */
  static List<String> own(boolean intervals, boolean comparisons) {
    return own(intervals, false, comparisons);
  }

  /** The file's own columns, with the level's and the comparison's when it has them. */
  static List<String> own(boolean intervals, boolean levels, boolean comparisons) {
    if (!comparisons && !levels) return own(intervals);
    List<String> all = new ArrayList<>(own(intervals));
    if (levels) all.add(LEVEL);
    if (comparisons) all.addAll(ComparisonColumns.NAMES);
    return all;
  }

  /**
   * The breakdown columns' headers beside a file's own columns {@code fixed}: a name that is one of
   * them, or is already taken, gets {@code by_} in front (again, should {@code by_status} be taken
   * as well). The same dimensions beside the same columns always get the same headers.
   */
  static List<String> headed(List<String> dims, List<String> fixed) {
    Set<String> taken = new java.util.HashSet<>(fixed);
    taken.addAll(dims); // a dimension keeps its own name before any renamed one takes it
    List<String> out = new ArrayList<>(dims.size());
    for (String d : dims) {
      String name = d;
      if (fixed.contains(d)) {
        do name = "by_" + name;
        while (taken.contains(name));
      }
      taken.add(name);
      out.add(name);
    }
    return out;
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

  /** The row's cells, with its interval's two (empty for a row that has none) when asked. */
  static List<String> cells(ResultRow r, List<String> dims, boolean intervals) {
    List<String> c = cells(r, dims);
    if (intervals) {
      c.add(r.interval() == null ? "" : ValueFormat.plain(r.interval().low()));
      c.add(r.interval() == null ? "" : ValueFormat.plain(r.interval().high()));
    }
    return c;
  }

  /**
   * The row's cells, with its intervals' level ({@link #LEVEL}) when {@code levels}; {@code
   * compared} is the row's comparison, or null.
   */
  static List<String> cells(
      ResultRow r,
      List<String> dims,
      boolean intervals,
      boolean levels,
      VariantComparison compared) {
    List<String> c = cells(r, dims, intervals);
    if (levels) c.add(ValueFormat.plain(level(r, compared)));
    return c;
  }

  /** The level of the row's intervals, or null when it has none. */
  static Double level(ResultRow r, VariantComparison compared) {
    if (r.interval() != null) return r.interval().level();
    return compared == null || compared.low() == null ? null : compared.level();
  }
}
