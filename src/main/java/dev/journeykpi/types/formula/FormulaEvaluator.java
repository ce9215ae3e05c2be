package dev.journeykpi.types.formula;

import dev.journeykpi.config.Expr;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A formula's value from the values of the KPIs it names, for one period and group, as the derived
 * columns compute a row ({@code ingest.DerivedColumns}): a missing value makes what it touches
 * missing (SQL's NULL), {@code coalesce} and {@code IS NULL} see it, a division by zero gives no
 * value rather than an infinity, AND and OR are three-valued, {@code round} rounds half away from
 * zero. A formula without a value says why in a note: never 0, NaN or an infinity.
 */
final class FormulaEvaluator {
  /**
   * The formula's value, or null with the reason in {@code notes}; for a top-level division, its
   * two sides.
   */
  record Result(Double value, Double numerator, Double denominator, Notes notes) {}

  private final Map<String, Double> values;
  private final Set<String> missing = new LinkedHashSet<>();
  private String zeroDivisor;

  private FormulaEvaluator(Map<String, Double> values) {
    this.values = values;
  }

  /**
   * @param values each named KPI's value; a KPI without one is absent or null
   */
  static Result evaluate(Expr e, Map<String, Double> values) {
    FormulaEvaluator x = new FormulaEvaluator(values);
    Double numerator = null;
    Double denominator = null;
    Object v;
    if (e instanceof Expr.Binary b && b.op().equals("/")) {
      numerator = (Double) x.eval(b.left());
      denominator = (Double) x.eval(b.right());
      v = x.divide(numerator, denominator, b.right());
    } else {
      v = x.eval(e);
    }
    Double value = (Double) v;
    if (value != null && !Double.isFinite(value))
      return new Result(null, numerator, denominator, Notes.of(Note.of(Code.FORMULA_OUT_OF_RANGE)));
    if (value != null) return new Result(value, numerator, denominator, Notes.NONE);
    Notes why;
    if (x.zeroDivisor != null) {
      why = Notes.of(Note.of(Code.FORMULA_DIVISION_BY_ZERO, x.zeroDivisor));
    } else if (!x.missing.isEmpty()) {
      why = Notes.of(Note.of(Code.FORMULA_NO_VALUE_FROM, String.join(", ", x.missing)));
    } else {
      why = Notes.of(Note.of(Code.FORMULA_NO_RESULT));
    }
    return new Result(null, numerator, denominator, why);
  }

  private Object eval(Expr e) {
    if (e instanceof Expr.Column c) {
      Double v = values.get(c.name());
      if (v == null) missing.add(c.name());
      return v;
    }
    if (e instanceof Expr.Literal l) return l.value();
    if (e instanceof Expr.Binary b) return binary(b);
    if (e instanceof Expr.Unary u) {
      Object x = eval(u.operand());
      if (x == null) return null;
      return u.op().equals("-") ? (Object) (-(Double) x) : (Object) !(Boolean) x;
    }
    if (e instanceof Expr.IsNull x) return (eval(x.operand()) == null) != x.negated();
    if (e instanceof Expr.In x) {
      Object v = eval(x.operand());
      if (v == null) return null;
      boolean unknown = false;
      for (Expr c : x.values()) {
        Object w = eval(c);
        if (w == null) unknown = true;
        else if (same(v, w)) return !x.negated();
      }
      return unknown ? null : x.negated();
    }
    if (e instanceof Expr.Case x) {
      for (int i = 0; i < x.conditions().size(); i++) {
        if (Boolean.TRUE.equals(eval(x.conditions().get(i)))) return eval(x.results().get(i));
      }
      return x.otherwise() == null ? null : eval(x.otherwise());
    }
    return call((Expr.Call) e);
  }

  private Object binary(Expr.Binary b) {
    if (b.op().equals("and") || b.op().equals("or")) {
      Boolean l = (Boolean) eval(b.left());
      Boolean r = (Boolean) eval(b.right());
      boolean and = b.op().equals("and");
      // Three-valued: false AND unknown is false, true OR unknown is true.
      if (Objects.equals(l, !and) || Objects.equals(r, !and)) return !and;
      return l == null || r == null ? null : and;
    }
    Object l = eval(b.left());
    Object r = eval(b.right());
    if (b.op().equals("/")) return divide((Double) l, (Double) r, b.right());
    if (l == null || r == null) return null;
    return switch (b.op()) {
      case "+" -> (Double) l + (Double) r;
      case "-" -> (Double) l - (Double) r;
      case "*" -> (Double) l * (Double) r;
      case "||" -> (String) l + r;
      case "=" -> same(l, r);
      case "<>" -> !same(l, r);
      default -> {
        int c = compare(l, r);
        yield switch (b.op()) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        };
      }
    };
  }

  /** A division; by zero it has no value, and the divisor is named for the note. */
  private Double divide(Double l, Double r, Expr divisor) {
    if (l == null || r == null) return null;
    if (r == 0) {
      if (zeroDivisor == null) zeroDivisor = FormulaText.ids(divisor);
      return null;
    }
    return l / r;
  }

  private Object call(Expr.Call f) {
    switch (f.function()) {
      case "coalesce":
        for (Expr a : f.args()) {
          Object v = eval(a);
          if (v != null) return v;
        }
        return null;
      case "abs":
        {
          Double x = (Double) eval(f.args().get(0));
          return x == null ? null : Math.abs(x);
        }
      case "round":
        {
          Double x = (Double) eval(f.args().get(0));
          return x == null ? null : Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
        }
      default:
        // The other functions read texts or dates, which no KPI's value is: refused at load.
        throw new IllegalStateException("formula function " + f.function());
    }
  }

  private static boolean same(Object a, Object b) {
    return a instanceof Double x && b instanceof Double y ? x.doubleValue() == y : a.equals(b);
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }
}
