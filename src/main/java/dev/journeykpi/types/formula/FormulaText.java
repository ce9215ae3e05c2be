package dev.journeykpi.types.formula;

import dev.journeykpi.config.Expr;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A formula's expression written back as text, with parentheses only where the order of operations
 * needs them: with its KPI ids for messages ("complaints / active_customers"), or with their labels
 * and the signs people read for {@code kpi explain} ("Complaints ÷ Active customers").
 */
final class FormulaText {
  private final Function<String, String> name;
  private final Function<Double, String> number;
  private final boolean signs;

  /**
   * @param name how a KPI named in the expression is written (its id, or its label)
   * @param number how a number written in it is written back
   * @param signs whether to write ÷ and × for / and *
   */
  FormulaText(Function<String, String> name, Function<Double, String> number, boolean signs) {
    this.name = name;
    this.number = number;
    this.signs = signs;
  }

  /** With the KPI ids and the operators as written, for messages. */
  static String ids(Expr e) {
    return new FormulaText(id -> id, FormulaText::plain, false).text(e);
  }

  String text(Expr e) {
    return text(e, 0);
  }

  /** Binding power of a node, as the parser's: looser operations bind less. */
  private static int power(Expr e) {
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case "or" -> 1;
        case "and" -> 2;
        case "+", "-", "||" -> 5;
        case "*", "/" -> 6;
        default -> 4; // comparisons
      };
    }
    if (e instanceof Expr.Unary u) return u.op().equals("not") ? 3 : 7;
    if (e instanceof Expr.IsNull || e instanceof Expr.In) return 4;
    return 8;
  }

  /** The node, in parentheses when it binds looser than {@code outer} needs. */
  private String text(Expr e, int outer) {
    String s = bare(e);
    return power(e) < outer ? "(" + s + ")" : s;
  }

  private String bare(Expr e) {
    if (e instanceof Expr.Column c) return name.apply(c.name());
    if (e instanceof Expr.Literal l) {
      if (l.value() == null) return "NULL";
      if (l.value() instanceof Double d) return number.apply(d);
      if (l.value() instanceof String s) return "'" + s.replace("'", "''") + "'";
      return l.value().toString();
    }
    if (e instanceof Expr.Binary b) {
      int p = power(b);
      // Left-associative: a right operand of the same power keeps its parentheses (a - (b - c)).
      return text(b.left(), p) + " " + op(b.op()) + " " + text(b.right(), p + 1);
    }
    if (e instanceof Expr.Unary u) {
      return u.op().equals("not") ? "NOT " + text(u.operand(), 3) : "-" + text(u.operand(), 7);
    }
    if (e instanceof Expr.IsNull x)
      return text(x.operand(), 5) + (x.negated() ? " IS NOT NULL" : " IS NULL");
    if (e instanceof Expr.In x) {
      return text(x.operand(), 5)
          + (x.negated() ? " NOT IN (" : " IN (")
          + x.values().stream().map(v -> text(v, 0)).collect(Collectors.joining(", "))
          + ")";
    }
    if (e instanceof Expr.Case x) {
      StringBuilder b = new StringBuilder("CASE");
      for (int i = 0; i < x.conditions().size(); i++) {
        b.append(" WHEN ").append(text(x.conditions().get(i), 0));
        b.append(" THEN ").append(text(x.results().get(i), 0));
      }
      if (x.otherwise() != null) b.append(" ELSE ").append(text(x.otherwise(), 0));
      return b.append(" END").toString();
    }
    Expr.Call f = (Expr.Call) e;
    List<String> args = f.args().stream().map(a -> text(a, 0)).toList();
    return f.function() + "(" + String.join(", ", args) + ")";
  }

  private String op(String op) {
    return switch (op) {
      case "/" -> signs ? "÷" : "/";
      case "*" -> signs ? "×" : "*";
      case "and", "or" -> op.toUpperCase(Locale.ROOT);
      default -> op;
    };
  }

  /** A number as written in a definition: 100, 0.5. */
  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
