package dev.journeykpi.report;

import dev.journeykpi.config.Filter;
import java.util.List;
import java.util.stream.Collectors;

/** A filter in words, for {@code kpi explain}: "channel is phone and csat ≥ 4". */
final class FilterText {
  private FilterText() {}

  static String of(Filter f) {
    if (f instanceof Filter.All a) {
      return a.parts().stream().map(p -> p instanceof Filter.Condition ? of(p) : "(" + of(p) + ")").collect(Collectors.joining(" and "));
    }
    if (f instanceof Filter.Any a) {
      return a.parts().stream().map(p -> p instanceof Filter.Condition ? of(p) : "(" + of(p) + ")").collect(Collectors.joining(" or "));
    }
    Filter.Condition c = (Filter.Condition) f;
    List<String> v = c.values().stream().map(FilterText::value).toList();
    String col = c.column();
    return switch (c.op()) {
      case EQ -> col + " is " + v.get(0);
      case NE -> col + " is not " + v.get(0);
      case IN -> col + " is one of " + v;
      case NOT_IN -> col + " is none of " + v;
      case GT -> col + " > " + v.get(0);
      case GTE -> col + " ≥ " + v.get(0);
      case LT -> col + " < " + v.get(0);
      case LTE -> col + " ≤ " + v.get(0);
      case BETWEEN -> col + " between " + v.get(0) + " and " + v.get(1) + " (both included)";
      case IS_NULL -> col + " is blank";
      case NOT_NULL -> col + " is not blank";
      case CONTAINS -> col + " contains \"" + c.values().get(0) + "\"";
    };
  }

  private static String value(Object o) {
    if (o instanceof Double d) return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    if (o instanceof String s) return "\"" + s + "\"";
    return String.valueOf(o).replace('T', ' ');
  }
}
