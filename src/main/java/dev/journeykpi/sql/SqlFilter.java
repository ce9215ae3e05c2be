package dev.journeykpi.sql;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.sql.Dialect.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Filter} as an SQL condition with FilterCompiler's meaning. A blank cell is NULL in the
 * typed rows, so SQL's three-valued logic gives kpi's rule for free: a blank cell matches only
 * {@code is_null}, and {@code not} never brings back a row its inner filter could not judge. Texts
 * compare without case (the cells are in NFC already, the values lower-cased here as FilterCompiler
 * lower-cases them). Compiled so far: equals, not, in, not_in, the ordered comparisons and between,
 * is_null, not_null, contains, starts_with, ends_with, a column against another (texts and yes/no
 * values too), all_of, any_of, not, and matches where the engine's regular expressions agree.
 */
final class SqlFilter {
  private SqlFilter() {}

  static String compile(Filter f, SqlColumns c) {
    if (f instanceof Filter.All all) {
      if (all.parts().isEmpty()) return "TRUE";
      return join(all.parts(), " AND ", c);
    }
    if (f instanceof Filter.Any any) {
      if (any.parts().isEmpty()) return "FALSE";
      return join(any.parts(), " OR ", c);
    }
    if (f instanceof Filter.Not not) return "(NOT " + compile(not.inner(), c) + ")";
    if (f instanceof Filter.Compare cmp) {
      ValueType a = c.type(cmp.column());
      ValueType b = c.type(cmp.other());
      if (a == ValueType.STRING || b == ValueType.STRING || a == ValueType.BOOLEAN)
        return sameOrNot(c, cmp, a, b);
      return "("
          + value(c, cmp.column(), a)
          + " "
          + op(cmp.op())
          + " "
          + value(c, cmp.other(), b)
          + ")";
    }
    if (f instanceof Filter.Expression x) {
      String why = ExprSql.refusal(x.expr());
      if (why != null) throw new SqlRefused("a filter expr: that is " + why);
      // TRUE only where the expression holds: NULL (it read a blank) is no match, and NOT of it
      // stays NULL, as FilterCompiler's yes/no of an expression.
      return "(" + new ExprSql(c.dialect(), c::ref).sql(x.expr()) + ")";
    }
    if (!(f instanceof Filter.Condition cond))
      throw new SqlRefused("a filter of kind " + f.getClass().getSimpleName());
    String col = c.ref(cond.column());
    ValueType type = c.type(cond.column());
    return switch (cond.op()) {
      case IS_NULL -> "(" + col + " IS NULL)";
      case NOT_NULL -> "(" + col + " IS NOT NULL)";
      case EQ, NE, IN, NOT_IN, GT, GTE, LT, LTE, BETWEEN -> condition(c, cond, col, type);
      case CONTAINS, STARTS_WITH, ENDS_WITH -> search(c, cond, col, type);
      case MATCHES -> matches(c, cond, col, type);
      default ->
          throw new SqlRefused("a filter with '" + cond.op().yaml + "' (on " + cond.column() + ")");
    };
  }

  /**
   * The text searches as FilterCompiler runs them, on the lower-cased cell: contains the first
   * value; starts or ends with any of them. (matches stays refused: Java's regular expressions are
   * not the engine's.)
   */
  private static String search(SqlColumns c, Filter.Condition cond, String col, ValueType type) {
    if (type != ValueType.STRING)
      throw new SqlRefused("a text search on a column that is not text (" + cond.column() + ")");
    String x = "lower(" + col + ")";
    List<String> vs = new ArrayList<>();
    for (Object v : cond.values())
      vs.add(c.dialect().literal(String.valueOf(v).toLowerCase(Locale.ROOT)));
    if (vs.isEmpty()) throw new SqlRefused("a text search without a value");
    Dialect d = c.dialect();
    if (cond.op() == Filter.Op.CONTAINS) return d.textContains(x, vs.get(0));
    List<String> any = new ArrayList<>();
    for (String v : vs)
      any.add(cond.op() == Filter.Op.STARTS_WITH ? d.textStartsWith(x, v) : d.textEndsWith(x, v));
    return "(" + String.join(" OR ", any) + ")";
  }

  /**
   * A pattern searched for in the cell as imported (trimmed, NFC, its case kept: the pattern
   * ignores case itself), any of the values, in the engine's syntax ({@link
   * Dialect#regexFromJava}); a pattern the engine would read otherwise is refused.
   */
  private static String matches(SqlColumns c, Filter.Condition cond, String col, ValueType type) {
    if (type != ValueType.STRING)
      throw new SqlRefused("a pattern on a column that is not text (" + cond.column() + ")");
    List<String> any = new ArrayList<>();
    for (Object v : cond.values())
      any.add(c.dialect().regexFind(col, c.dialect().regexFromJava(String.valueOf(v))));
    if (any.isEmpty()) throw new SqlRefused("a pattern without a value");
    return "(" + String.join(" OR ", any) + ")";
  }

  private static String join(List<Filter> parts, String op, SqlColumns c) {
    List<String> out = new ArrayList<>();
    for (Filter p : parts) out.add(compile(p, c));
    return "(" + String.join(op, out) + ")";
  }

  /**
   * Two text or two yes/no columns, equal or not ({@code eq}/{@code not}, the binder's only
   * operators for them), as ColumnComparison compares them: texts without case (the cells are NFC
   * already, both lower-cased alike), a blank on either side NULL, so no match, under {@code not:}
   * too.
   */
  private static String sameOrNot(SqlColumns c, Filter.Compare cmp, ValueType a, ValueType b) {
    if (a != b || (cmp.op() != Filter.Op.EQ && cmp.op() != Filter.Op.NE))
      throw new SqlRefused(
          "comparing "
              + cmp.column()
              + " with "
              + cmp.other()
              + " by '"
              + cmp.op().yaml
              + "' (texts and yes/no compare with eq and not)");
    String x = c.ref(cmp.column());
    String y = c.ref(cmp.other());
    if (a == ValueType.STRING) {
      x = "lower(" + x + ")";
      y = "lower(" + y + ")";
    }
    return "(" + x + " " + op(cmp.op()) + " " + y + ")";
  }

  /** A column as compared with another: dates and date-times as date-times. */
  private static String value(SqlColumns c, String column, ValueType t) {
    return t == ValueType.DATE ? c.dialect().cast(c.ref(column), SqlType.TIMESTAMP) : c.ref(column);
  }

  private static String condition(SqlColumns c, Filter.Condition cond, String col, ValueType type) {
    Dialect d = c.dialect();
    String x = col;
    List<String> vs = new ArrayList<>();
    for (Object v : cond.values()) vs.add(literal(d, v, type));
    if (vs.isEmpty()) {
      // FilterCompiler reads a yes/no condition without a value as "true".
      if (type != ValueType.BOOLEAN) throw new SqlRefused("a filter without a value");
      vs.add("TRUE");
    }
    if (type == ValueType.STRING) {
      x = "lower(" + col + ")";
      if (cond.op() != Filter.Op.EQ
          && cond.op() != Filter.Op.NE
          && cond.op() != Filter.Op.IN
          && cond.op() != Filter.Op.NOT_IN)
        throw new SqlRefused("an ordered comparison of text (on " + cond.column() + ")");
    } else if (type == ValueType.DATE) {
      x = d.cast(col, SqlType.TIMESTAMP);
    }
    // A duration is its seconds (a DOUBLE), compared with the condition's seconds as a number.
    return switch (cond.op()) {
      case EQ -> "(" + x + " = " + vs.get(0) + ")";
      case NE -> "(" + x + " <> " + vs.get(0) + ")";
      case IN -> "(" + x + " IN (" + String.join(", ", vs) + "))";
      case NOT_IN -> "(" + x + " NOT IN (" + String.join(", ", vs) + "))";
      case GT, GTE, LT, LTE -> "(" + x + " " + op(cond.op()) + " " + vs.get(0) + ")";
      case BETWEEN -> "(" + x + " >= " + vs.get(0) + " AND " + x + " <= " + vs.get(1) + ")";
      default -> throw new IllegalStateException(cond.op().toString());
    };
  }

  private static String op(Filter.Op op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case GT -> ">";
      case GTE -> ">=";
      case LT -> "<";
      case LTE -> "<=";
      default -> throw new SqlRefused("comparing two columns with '" + op.yaml + "'");
    };
  }

  private static String literal(Dialect d, Object v, ValueType type) {
    if (v instanceof String s) return d.literal(s.toLowerCase(Locale.ROOT));
    if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
    if (v instanceof Number n) {
      double x = n.doubleValue();
      if (Double.isNaN(x) || Double.isInfinite(x)) throw new SqlRefused("a filter value " + x);
      return d.cast(Double.toString(x), SqlType.DOUBLE);
    }
    if (v instanceof LocalDateTime t) return d.timestamp(t);
    if (v instanceof LocalDate day) return d.timestamp(day.atStartOfDay());
    throw new SqlRefused("a filter value " + v + " (" + type.yamlName() + ")");
  }
}
