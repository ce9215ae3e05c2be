package dev.journeykpi.report;

import dev.journeykpi.config.Filter;
import java.util.List;
import java.util.stream.Collectors;

/** A filter in words, for {@code kpi explain}: "channel is phone and csat ≥ 4". */
final class FilterText {
  private FilterText() {}

  static String of(Filter f, ExplainPhrases p) {
    if (f instanceof Filter.All a) {
      return a.parts().stream()
          .map(x -> bare(x) ? of(x, p) : "(" + of(x, p) + ")")
          .collect(Collectors.joining(p.t(" and ")));
    }
    if (f instanceof Filter.Any a) {
      return a.parts().stream()
          .map(x -> bare(x) ? of(x, p) : "(" + of(x, p) + ")")
          .collect(Collectors.joining(p.t(" or ")));
    }
    if (f instanceof Filter.Not n) {
      return p.t("not (%s)", of(n.inner(), p));
    }
    if (f instanceof Filter.Expression x) {
      return p.t("%s holds (a row where it reads a blank: no match)", x.text());
    }
    if (f instanceof Filter.Compare c) {
      String col = c.column() + " ";
      return switch (c.op()) {
            case EQ -> col + p.t("is the same as %s", c.other());
            case NE -> col + p.t("differs from %s", c.other());
            case GT -> col + "> " + c.other();
            case GTE -> col + "≥ " + c.other();
            case LT -> col + "< " + c.other();
            case LTE -> col + "≤ " + c.other();
            default ->
                throw new IllegalArgumentException(c.op().yaml + " does not compare columns");
          }
          + p.t(" (same row; blank on either side: no match)");
    }
    Filter.Condition c = (Filter.Condition) f;
    List<String> v = c.values().stream().map(FilterText::value).toList();
    String col = c.column() + " ";
    return switch (c.op()) {
      case EQ -> col + p.t("is %s", v.get(0));
      case NE -> col + p.t("is not %s", v.get(0));
      case IN -> col + p.t("is one of %s", v);
      case NOT_IN -> col + p.t("is none of %s", v);
      case GT -> col + "> " + v.get(0);
      case GTE -> col + "≥ " + v.get(0);
      case LT -> col + "< " + v.get(0);
      case LTE -> col + "≤ " + v.get(0);
      case BETWEEN -> col + p.t("between %s and %s (both included)", v.get(0), v.get(1));
      case IS_NULL -> col + p.t("is blank");
      case NOT_NULL -> col + p.t("is not blank");
      case CONTAINS -> col + p.t("contains %s", "\"" + c.values().get(0) + "\"");
      case STARTS_WITH ->
          col + (v.size() == 1 ? p.t("starts with %s", v.get(0)) : p.t("starts with one of %s", v));
      case ENDS_WITH ->
          col + (v.size() == 1 ? p.t("ends with %s", v.get(0)) : p.t("ends with one of %s", v));
      case MATCHES ->
          col
              + (v.size() == 1
                  ? p.t("matches the pattern %s", v.get(0))
                  : p.t("matches one of the patterns %s", v));
    };
  }

  /** A part that reads alone inside "and"/"or": anything but a group (not brings its own). */
  private static boolean bare(Filter f) {
    return !(f instanceof Filter.All || f instanceof Filter.Any);
  }

  private static String value(Object o) {
    if (o instanceof Double d)
      return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    if (o instanceof String s) return "\"" + s + "\"";
    return String.valueOf(o).replace('T', ' ');
  }
}
