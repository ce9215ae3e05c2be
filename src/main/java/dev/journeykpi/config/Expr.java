package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A typed expression of a derived column ({@code derive:}), SQL-shaped so that an SQL engine can
 * render it one to one. Every node knows its result type, fixed at load time; {@code type()} is
 * null only for the literal NULL, which takes the type of what it stands beside.
 */
public sealed interface Expr {
  ValueType type();

  /** A column of the source (its own, looked up, joined or derived above). */
  record Column(String name, ValueType type) implements Expr {}

  /** A number, text, true/false or NULL written in the expression. */
  record Literal(Object value, ValueType type) implements Expr {}

  /** Arithmetic (+ - * /), text concatenation (||), comparison (= <> < <= > >=), AND, OR. */
  record Binary(String op, Expr left, Expr right, ValueType type) implements Expr {}

  /** NOT x, or unary minus ("-"). */
  record Unary(String op, Expr operand, ValueType type) implements Expr {}

  /** x IS NULL, or x IS NOT NULL when {@code negated}. */
  record IsNull(Expr operand, boolean negated) implements Expr {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** x IN (a, b, …), or NOT IN when {@code negated}. */
  record In(Expr operand, List<Expr> values, boolean negated) implements Expr {
    public In {
      values = List.copyOf(values);
    }

    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** CASE WHEN c THEN v … [ELSE e] END; {@code otherwise} is null when there is no ELSE. */
  record Case(List<Expr> conditions, List<Expr> results, Expr otherwise, ValueType type)
      implements Expr {
    public Case {
      conditions = List.copyOf(conditions);
      results = List.copyOf(results);
    }
  }

  /** A function: coalesce, lower, upper, trim, starts_with, hours_between, year, … */
  record Call(String function, List<Expr> args, ValueType type) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** The columns the expression reads, each once. */
  default Set<String> columns() {
    Set<String> out = new LinkedHashSet<>();
    List<Expr> todo = new ArrayList<>(List.of(this));
    while (!todo.isEmpty()) {
      Expr e = todo.remove(0);
      if (e instanceof Column c) {
        out.add(c.name());
      } else if (e instanceof Binary b) {
        todo.addAll(List.of(b.left(), b.right()));
      } else if (e instanceof Unary u) {
        todo.add(u.operand());
      } else if (e instanceof IsNull x) {
        todo.add(x.operand());
      } else if (e instanceof In x) {
        todo.add(x.operand());
        todo.addAll(x.values());
      } else if (e instanceof Case x) {
        for (int k = 0; k < x.conditions().size(); k++) {
          todo.add(x.conditions().get(k));
          todo.add(x.results().get(k));
        }
        if (x.otherwise() != null) todo.add(x.otherwise());
      } else if (e instanceof Call f) {
        todo.addAll(f.args());
      }
    }
    return out;
  }
}
