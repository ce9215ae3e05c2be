package dev.journeykpi.config;

import java.util.List;
import java.util.Set;

/**
 * Binds a KPI's {@code compare: { by: COLUMN, control: "VALUE" }}: the column must be one of its
 * source's and the control a non-blank value; a breakdown written beside it ({@code by: channel})
 * is kept, the variants then compared within each of its groups ({@link #breakdown}); whether the
 * KPI's type can be compared at all is asked of the type once its keys are bound ({@link
 * #checkType}).
 */
final class CompareBinder {
  private final Diagnostics d;

  CompareBinder(Diagnostics d) {
    this.d = d;
  }

  /** The comparison, or null when it cannot be used (every problem reported). */
  CompareDef bind(YNode node, String ctx, List<String> by, SpecReader probe) {
    String what = ctx + ".compare";
    if (node instanceof YNode.YScalar s && !s.isNull()) {
      d.error(
          node.location(),
          what + " must be a map, e.g. compare: { by: script_version, control: \"v1\" }");
      return null;
    }
    MapReader m = MapReader.of(node, what, Set.of("by", "control"), d);
    if (m == null) return null;
    String column = m.required("by");
    String control = m.required("control");
    if (column != null) probe.exists(column, m.at("by"), "compare.by");
    if (column == null || control == null) return null;
    return new CompareDef(column, control, m.map.location(), m.at("control"));
  }

  /**
   * The KPI's breakdown with a comparison: its own {@code by} columns, then the compared column
   * unless it is one of them already — so that each variant is a group of the breakdown, compared
   * with the control of the same group of the other columns (in channel Email, B against A).
   */
  static List<String> breakdown(List<String> by, CompareDef compare) {
    if (by.contains(compare.by())) return by;
    List<String> out = new java.util.ArrayList<>(by);
    out.add(compare.by());
    return out;
  }

  /** A type whose values cannot be compared between groups is refused at the comparison. */
  static void checkType(
      Diagnostics d, CompareDef compare, String ctx, SpecBinder type, KpiSpec spec) {
    if (type.comparison(spec) != null) return;
    d.error(
        compare.at(),
        ctx
            + ".compare: a "
            + type.name()
            + " KPI cannot be compared between groups ("
            + (type.name().equals("count") || type.name().equals("sum")
                ? "it grows with how many rows a group has; compare a rate or a mean"
                : "its value is not measured from a sample of independent rows")
            + "); compare works on rates (ratio, sla, no_repeat, a top-box score), means,"
            + " medians, percentiles, durations and NPS");
  }
}
