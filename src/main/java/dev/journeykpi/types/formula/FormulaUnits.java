package dev.journeykpi.types.formula;

import dev.journeykpi.config.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The unit a formula's expression gives, from the units of the KPIs it names, and the mixes of
 * unlike units it refuses. Kept simple, and documented in docs/kpis.md:
 *
 * <ul>
 *   <li>{@code +}, {@code -}, comparisons, {@code coalesce} and CASE's results need one unit on
 *       every side (minutes + % is a definition error); the result has that unit.
 *   <li>{@code *} and {@code /} by a number written in the formula keep the unit ({@code
 *       per_customer * 100}); any other product or quotient (a division of two KPIs: a ratio) has
 *       no unit the tool can name, so the KPI declares its own {@code unit:} when it has one ("%"
 *       shows the ratio as a percentage, as a {@code ratio} KPI's value, a fraction, is shown;
 *       "VND" for revenue per customer).
 *   <li>{@code abs}, {@code round} and unary minus keep their argument's unit.
 * </ul>
 *
 * A number written in the formula goes with any unit (null here), so {@code 1 - share} is a share.
 */
final class FormulaUnits {
  private final Function<String, String> unitOf;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param unitOf a named KPI's unit ("" for none), or null when it is not known (a formula in a
   *     cycle, reported there)
   */
  FormulaUnits(Function<String, String> unitOf) {
    this.unitOf = unitOf;
  }

  /** The mixes of units found, as sentences. */
  List<String> problems() {
    return problems;
  }

  /** The expression's unit: "" for none, null for any (a number written in the formula). */
  String of(Expr e) {
    if (e instanceof Expr.Column c) return unitOf.apply(c.name());
    if (e instanceof Expr.Literal) return null;
    if (e instanceof Expr.Binary b) {
      String l = of(b.left());
      String r = of(b.right());
      return switch (b.op()) {
        case "+", "-" -> same(b, l, r, "'" + b.op() + "' adds");
        case "*" -> l == null ? r : r == null ? l : "";
        case "/" -> r == null ? l : "";
        case "and", "or", "||" -> null;
        default -> {
          same(b, l, r, "'" + b.op() + "' compares");
          yield null;
        }
      };
    }
    if (e instanceof Expr.Unary u) {
      String x = of(u.operand());
      return u.op().equals("-") ? x : null;
    }
    if (e instanceof Expr.IsNull x) {
      of(x.operand());
      return null;
    }
    if (e instanceof Expr.In x) {
      String u = of(x.operand());
      for (Expr v : x.values()) u = same(x, u, of(v), "IN compares");
      return null;
    }
    if (e instanceof Expr.Case x) {
      String u = null;
      for (Expr c : x.conditions()) of(c);
      for (Expr r : x.results()) u = same(x, u, of(r), "CASE gives");
      if (x.otherwise() != null) u = same(x, u, of(x.otherwise()), "CASE gives");
      return u;
    }
    Expr.Call f = (Expr.Call) e;
    String u = null;
    for (Expr a : f.args()) u = same(f, u, of(a), f.function() + " mixes");
    return u;
  }

  /** The one unit of two sides; a mix is reported, and the left side's unit goes on. */
  private String same(Expr where, String l, String r, String what) {
    if (l == null) return r;
    if (r == null || l.equals(r)) return l;
    problems.add(
        what
            + " "
            + word(l)
            + " and "
            + word(r)
            + " in '"
            + FormulaText.ids(where)
            + "': values of one unit only (convert one side, or give each a unit that matches)");
    return l;
  }

  private static String word(String unit) {
    return unit.isEmpty() ? "a value without a unit" : "'" + unit + "'";
  }
}
