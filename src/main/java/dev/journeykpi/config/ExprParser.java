package dev.journeykpi.config;

import static dev.journeykpi.config.ExprFunctions.common;
import static dev.journeykpi.config.ExprFunctions.need;
import static dev.journeykpi.config.ExprFunctions.unify;

import dev.journeykpi.config.ExprTokens.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and types the expression of a derived column in one pass: a Pratt parser (a hand-written
 * one: the grammar is a dozen rules, and a general SQL parser such as JSqlParser would accept far
 * more than we can evaluate and report its errors in its own words and positions). Precedence, as
 * in SQL, from loosest: OR, AND, NOT, comparisons / IS / IN, + - ||, * /, unary minus.
 *
 * <p>The first problem stops the expression, reported with its offset in the text. The tokens come
 * from {@link ExprTokens}; the functions and the typing rules from {@link ExprFunctions}.
 */
public final class ExprParser {
  /** A problem at {@code offset} (0-based, in characters) of the expression's text. */
  public static final class Problem extends RuntimeException {
    final int offset;

    Problem(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }

  private final Map<String, ValueType> columns;
  private final Set<String> failed;
  private final List<Token> tokens;
  private int pos;

  private ExprParser(String text, Map<String, ValueType> columns, Set<String> failed) {
    this.columns = columns;
    this.failed = failed;
    this.tokens = ExprTokens.of(text);
  }

  public static Expr parse(String text, Map<String, ValueType> columns) {
    return parse(text, columns, Set.of());
  }

  /**
   * @param columns the columns the expression may read, with their types
   * @param failed derived columns whose own expression has an error (reported there, not again as
   *     unknown here)
   * @throws Problem at the first problem
   */
  static Expr parse(String text, Map<String, ValueType> columns, Set<String> failed) {
    ExprParser p = new ExprParser(text, columns, failed);
    Expr e = p.expression(0);
    Token t = p.peek();
    if (!t.is("eof"))
      throw new Problem(t.at(), "unexpected '" + t.text() + "' after a whole expression");
    if (e.type() == null) throw new Problem(0, "the expression is only NULL; give it a type");
    return e;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private Token expect(String kind, String what) {
    Token t = next();
    if (!t.is(kind)) throw new Problem(t.at(), "expected " + what + ", found '" + t.text() + "'");
    return t;
  }

  // --- Pratt parser: binding powers

  private static int power(Token t) {
    return switch (t.kind()) {
      case "or" -> 1;
      case "and" -> 2;
      case "=", "<>", "<", "<=", ">", ">=", "is", "in" -> 4;
      case "not" -> 4; // x NOT IN (…)
      case "+", "-", "||" -> 5;
      case "*", "/" -> 6;
      default -> 0;
    };
  }

  private Expr expression(int min) {
    Expr left = prefix();
    while (true) {
      Token t = peek();
      int p = power(t);
      if (p <= min) return left;
      next();
      left = infix(t, left, p);
    }
  }

  private Expr prefix() {
    Token t = next();
    switch (t.kind()) {
      case "number":
        try {
          return new Expr.Literal(new BigDecimal(t.text()).doubleValue(), ValueType.NUMBER);
        } catch (NumberFormatException e) {
          throw new Problem(t.at(), "'" + t.text() + "' is not a number");
        }
      case "text":
        return new Expr.Literal(t.text(), ValueType.STRING);
      case "true", "false":
        return new Expr.Literal(t.is("true"), ValueType.BOOLEAN);
      case "null":
        return new Expr.Literal(null, null);
      case "(":
        {
          Expr e = expression(0);
          expect(")", "')'");
          return e;
        }
      case "-":
        {
          Expr e = expression(6);
          need(e, ValueType.NUMBER, t, "unary minus");
          return new Expr.Unary("-", e, ValueType.NUMBER);
        }
      case "not":
        {
          Expr e = expression(3);
          need(e, ValueType.BOOLEAN, t, "NOT");
          return new Expr.Unary("not", e, ValueType.BOOLEAN);
        }
      case "case":
        return caseWhen(t);
      case "name":
        return peek().is("(") ? call(t) : column(t);
      default:
        throw new Problem(
            t.at(),
            t.is("eof")
                ? "the expression ends too early"
                : "expected a column, a value or '(', found '" + t.text() + "'");
    }
  }

  private Expr column(Token t) {
    ValueType type = columns.get(t.text());
    if (type == null && failed.contains(t.text()))
      throw new Problem(
          t.at(), "reads derived column '" + t.text() + "', whose own expression has an error");
    if (type == null) {
      String hint = Suggestions.hint(t.text(), columns.keySet());
      if (hint.isEmpty()) hint = Suggestions.hint(t.text(), ExprFunctions.FUNCTIONS.keySet());
      throw new Problem(
          t.at(),
          "unknown column '"
              + t.text()
              + "'"
              + hint
              + "; columns: "
              + String.join(", ", columns.keySet()));
    }
    return new Expr.Column(t.text(), type);
  }

  private Expr infix(Token op, Expr left, int p) {
    switch (op.kind()) {
      case "or", "and":
        {
          Expr right = expression(p);
          need(left, ValueType.BOOLEAN, op, op.text().toUpperCase(Locale.ROOT));
          need(right, ValueType.BOOLEAN, op, op.text().toUpperCase(Locale.ROOT));
          return new Expr.Binary(op.kind(), left, right, ValueType.BOOLEAN);
        }
      case "+", "-", "*", "/":
        {
          Expr right = expression(p);
          need(left, ValueType.NUMBER, op, "'" + op.text() + "'");
          need(right, ValueType.NUMBER, op, "'" + op.text() + "'");
          return new Expr.Binary(op.kind(), left, right, ValueType.NUMBER);
        }
      case "||":
        {
          Expr right = expression(p);
          need(left, ValueType.STRING, op, "'||'");
          need(right, ValueType.STRING, op, "'||'");
          return new Expr.Binary("||", left, right, ValueType.STRING);
        }
      case "=", "<>", "<", "<=", ">", ">=":
        {
          Expr right = expression(p);
          ValueType t = common(op, left, right, "'" + op.text() + "'");
          if (t != null && t == ValueType.BOOLEAN && !op.is("=") && !op.is("<>"))
            throw new Problem(op.at(), "true/false values are compared with = or <> only");
          return new Expr.Binary(op.kind(), left, right, ValueType.BOOLEAN);
        }
      case "is":
        {
          boolean negated = peek().is("not");
          if (negated) next();
          expect("null", "NULL after IS");
          return new Expr.IsNull(left, negated);
        }
      case "not":
        expect("in", "IN after NOT (x NOT IN (…))");
        return in(op, left, true);
      case "in":
        return in(op, left, false);
      default:
        throw new Problem(op.at(), "unexpected '" + op.text() + "'");
    }
  }

  private Expr in(Token op, Expr left, boolean negated) {
    expect("(", "'(' after IN");
    List<Expr> values = new ArrayList<>();
    do {
      Token at = peek();
      Expr v = expression(0);
      common(at, left, v, "IN");
      values.add(v);
    } while (peek().is(",") && next() != null);
    expect(")", "')' or ',' in the IN list");
    return new Expr.In(left, values, negated);
  }

  private Expr caseWhen(Token start) {
    List<Expr> conditions = new ArrayList<>();
    List<Expr> results = new ArrayList<>();
    ValueType type = null;
    Token first = peek();
    if (!first.is("when"))
      throw new Problem(first.at(), "expected WHEN after CASE, found '" + first.text() + "'");
    while (peek().is("when")) {
      Token w = next();
      Expr c = expression(0);
      need(c, ValueType.BOOLEAN, w, "WHEN");
      expect("then", "THEN");
      Token at = peek();
      Expr r = expression(0);
      type = unify(type, r, at, "CASE");
      conditions.add(c);
      results.add(r);
    }
    Expr otherwise = null;
    if (peek().is("else")) {
      next();
      Token at = peek();
      otherwise = expression(0);
      type = unify(type, otherwise, at, "CASE");
    }
    expect("end", "WHEN, ELSE or END");
    return new Expr.Case(conditions, results, otherwise, type);
  }

  private Expr call(Token name) {
    ExprParser.Problem unknown = ExprFunctions.unknown(name);
    if (unknown != null) throw unknown;
    String f = name.text().toLowerCase(Locale.ROOT);
    expect("(", "'('");
    List<Expr> args = new ArrayList<>();
    List<Token> at = new ArrayList<>();
    if (!peek().is(")")) {
      do {
        at.add(peek());
        args.add(expression(0));
      } while (peek().is(",") && next() != null);
    }
    expect(")", "')' or ',' in the arguments of " + f);
    return ExprFunctions.call(name, args, at);
  }
}
