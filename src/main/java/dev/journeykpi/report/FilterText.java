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
          .map(x -> x instanceof Filter.Condition ? of(x, p) : "(" + of(x, p) + ")")
          .collect(Collectors.joining(p.t(" and ")));
    }
    if (f instanceof Filter.Any a) {
      return a.parts().stream()
          .map(x -> x instanceof Filter.Condition ? of(x, p) : "(" + of(x, p) + ")")
          .collect(Collectors.joining(p.t(" or ")));
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
    };
  }

  private static String value(Object o) {
    if (o instanceof Double d)
      return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    if (o instanceof String s) return "\"" + s + "\"";
    return String.valueOf(o).replace('T', ' ');
  }
}
