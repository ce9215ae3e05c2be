package dev.journeykpi.sql;

import dev.journeykpi.config.Expr;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.sql.Dialect.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An expression of {@code derive:} or a filter's {@code expr:} ({@link Expr}) as SQL, with the
 * meaning {@code calc.DerivedColumns} gives it on the default engine:
 *
 * <ul>
 *   <li>a blank is NULL, so arithmetic, comparisons and functions with a blank give NULL, and AND,
 *       OR, NOT, IN and CASE follow SQL's three-valued logic, as DerivedColumns does by hand;
 *   <li>a division by zero gives NULL (DerivedColumns: a blank), never an infinity or an error;
 *   <li>an empty text literal is a blank, as a text cell that is empty;
 *   <li>date-times are read to the whole second (DerivedColumns holds epoch seconds), dates as
 *       dates; {@code hours_between} and {@code days_between} count the seconds between them;
 *   <li>{@code round} rounds half away from zero, {@code trim} strips what Java's {@code strip}
 *       strips.
 * </ul>
 *
 * Texts compare by code point in SQL and by UTF-16 unit in Java: {@code <} and {@code >} of two
 * texts differ only between a character above U+FFFF and one from U+E000 to U+FFFF. {@code lower}
 * and {@code upper} follow the engine's Unicode case tables, Java's {@code Locale.ROOT} ones: the
 * same for Vietnamese and every letter with a one-to-one case, not for ß or a final Σ.
 */
public final class ExprSql {
  private final Dialect d;
  private final Function<String, String> column;

  /**
   * @param column a column's name → its SQL
   */
  public ExprSql(Dialect d, Function<String, String> column) {
    this.d = d;
    this.column = column;
  }

  /** The SQL of {@code e}. */
  public String sql(Expr e) {
    return sql(e, e.type());
  }

  /** The SQL type a value of {@code t} has in the typed rows. */
  public static SqlType sqlType(ValueType t) {
    if (t == null) return SqlType.BOOLEAN;
    return switch (t) {
      case NUMBER, DURATION -> SqlType.DOUBLE;
      case BOOLEAN -> SqlType.BOOLEAN;
      case STRING -> SqlType.TEXT;
      case DATE -> SqlType.DATE;
      case DATETIME -> SqlType.TIMESTAMP;
    };
  }

  /**
   * Why an expression cannot be compiled, or null: none is refused today (a duration is its
   * seconds, a DOUBLE, as DerivedColumns holds it); kept as the one place that says so.
   */
  public static String refusal(Expr e) {
    return null;
  }

  /** {@code as}: what a NULL literal stands for (its neighbour's type). */
  private String sql(Expr e, ValueType as) {
    if (e instanceof Expr.Column c) {
      String ref = column.apply(c.name());
      return c.type() == ValueType.DATETIME ? d.wholeSeconds(ref) : ref;
    }
    if (e instanceof Expr.Literal l) return literal(l.value(), l.type() != null ? l.type() : as);
    if (e instanceof Expr.Unary u)
      return u.op().equals("-")
          ? "(- " + sql(u.operand(), ValueType.NUMBER) + ")"
          : "(NOT " + sql(u.operand(), ValueType.BOOLEAN) + ")";
    if (e instanceof Expr.Binary b) return binary(b);
    if (e instanceof Expr.IsNull x)
      return "("
          + sql(x.operand(), x.operand().type())
          + (x.negated() ? " IS NOT NULL)" : " IS NULL)");
    if (e instanceof Expr.In x) {
      ValueType t = x.operand().type();
      for (Expr v : x.values()) if (t == null) t = v.type();
      List<String> vs = new ArrayList<>();
      for (Expr v : x.values()) vs.add(sql(v, t));
      return "("
          + sql(x.operand(), t)
          + (x.negated() ? " NOT IN (" : " IN (")
          + String.join(", ", vs)
          + "))";
    }
    if (e instanceof Expr.Case x) {
      StringBuilder b = new StringBuilder("(CASE");
      for (int k = 0; k < x.conditions().size(); k++)
        b.append(" WHEN ")
            .append(sql(x.conditions().get(k), ValueType.BOOLEAN))
            .append(" THEN ")
            .append(sql(x.results().get(k), x.type()));
      if (x.otherwise() != null) b.append(" ELSE ").append(sql(x.otherwise(), x.type()));
      return b.append(" END)").toString();
    }
    return call((Expr.Call) e);
  }

  private String literal(Object v, ValueType t) {
    if (v == null || (v instanceof String s && s.isEmpty())) return d.cast("NULL", sqlType(t));
    if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
    if (v instanceof Double x) {
      if (x.isNaN()) return d.cast("NULL", SqlType.DOUBLE);
      return d.cast(String.valueOf(x), SqlType.DOUBLE);
    }
    return d.literal((String) v);
  }

  private String binary(Expr.Binary b) {
    String op = b.op();
    switch (op) {
      case "+", "-", "*":
        return "("
            + sql(b.left(), ValueType.NUMBER)
            + " "
            + op
            + " "
            + sql(b.right(), ValueType.NUMBER)
            + ")";
      case "/":
        {
          String y = sql(b.right(), ValueType.NUMBER);
          return "(CASE WHEN "
              + y
              + " = 0 THEN "
              + d.cast("NULL", SqlType.DOUBLE)
              + " ELSE "
              + sql(b.left(), ValueType.NUMBER)
              + " / "
              + y
              + " END)";
        }
      case "||":
        return "("
            + sql(b.left(), ValueType.STRING)
            + " || "
            + sql(b.right(), ValueType.STRING)
            + ")";
      case "and", "or":
        return "("
            + sql(b.left(), ValueType.BOOLEAN)
            + (op.equals("and") ? " AND " : " OR ")
            + sql(b.right(), ValueType.BOOLEAN)
            + ")";
      default:
        {
          ValueType t = b.left().type() != null ? b.left().type() : b.right().type();
          return "(" + sql(b.left(), t) + " " + op + " " + sql(b.right(), t) + ")";
        }
    }
  }

  private String call(Expr.Call f) {
    List<Expr> args = f.args();
    switch (f.function()) {
      case "coalesce":
        {
          List<String> each = new ArrayList<>();
          for (Expr a : args) each.add(sql(a, f.type()));
          return "coalesce(" + String.join(", ", each) + ")";
        }
      case "lower", "upper":
        return f.function() + "(" + sql(args.get(0), ValueType.STRING) + ")";
      case "trim":
        return "nullif(" + d.stripped(sql(args.get(0), ValueType.STRING)) + ", '')";
      case "starts_with":
        return d.textStartsWith(
            sql(args.get(0), ValueType.STRING), sql(args.get(1), ValueType.STRING));
      case "contains":
        return d.textContains(
            sql(args.get(0), ValueType.STRING), sql(args.get(1), ValueType.STRING));
      case "hours_between", "days_between":
        // The difference as a DOUBLE before dividing: an engine's epoch seconds may be a whole
        // number or a decimal, whose division would round.
        return "("
            + d.cast(
                "(" + seconds(args.get(1)) + " - " + seconds(args.get(0)) + ")", SqlType.DOUBLE)
            + " / "
            + (f.function().equals("hours_between") ? "3600.0" : "86400.0")
            + ")";
      case "year", "month", "day":
        return d.cast(
            "extract(" + f.function() + " FROM " + sql(args.get(0), ValueType.DATETIME) + ")",
            SqlType.DOUBLE);
      case "abs":
        return "abs(" + sql(args.get(0), ValueType.NUMBER) + ")";
      default: // round: half away from zero, as DerivedColumns (and SQL's ROUND) round
        {
          String x = sql(args.get(0), ValueType.NUMBER);
          return "(sign(" + x + ") * floor(abs(" + x + ") + 0.5))";
        }
    }
  }

  /** A date (at midnight) or date-time as whole seconds on the local clock. */
  private String seconds(Expr e) {
    return d.epochSeconds(d.cast(sql(e, ValueType.DATETIME), SqlType.TIMESTAMP));
  }
}
