package dev.journeykpi.config;

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
 * <p>The first problem stops the expression, reported with its offset in the text.
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

  /** The functions, each with its number of arguments (-1: one or more). */
  static final Map<String, Integer> FUNCTIONS =
      Map.ofEntries(
          Map.entry("coalesce", -1),
          Map.entry("lower", 1),
          Map.entry("upper", 1),
          Map.entry("trim", 1),
          Map.entry("starts_with", 2),
          Map.entry("contains", 2),
          Map.entry("hours_between", 2),
          Map.entry("days_between", 2),
          Map.entry("year", 1),
          Map.entry("month", 1),
          Map.entry("day", 1),
          Map.entry("abs", 1),
          Map.entry("round", 1));

  private static final Set<String> KEYWORDS =
      Set.of(
          "and", "or", "not", "in", "is", "null", "case", "when", "then", "else", "end", "true",
          "false");

  private record Token(String kind, String text, int at) {
    boolean is(String k) {
      return kind.equals(k);
    }
  }

  private final Map<String, ValueType> columns;
  private final Set<String> failed;
  private final List<Token> tokens;
  private int pos;

  private ExprParser(String text, Map<String, ValueType> columns, Set<String> failed) {
    this.columns = columns;
    this.failed = failed;
    this.tokens = tokens(text);
  }

  public static Expr parse(String text, Map<String, ValueType> columns) {
    return parse(text, columns, Set.of());
  }

  /**
   * @param columns the columns the expression may read, with their types
   * @throws Problem at the first problem
   */
  /**
   * @param failed derived columns whose own expression has an error (reported there, not again as
   *     unknown here)
   */
  static Expr parse(String text, Map<String, ValueType> columns, Set<String> failed) {
    ExprParser p = new ExprParser(text, columns, failed);
    Expr e = p.expression(0);
    Token t = p.peek();
    if (!t.is("eof"))
      throw new Problem(t.at, "unexpected '" + t.text + "' after a whole expression");
    if (e.type() == null) throw new Problem(0, "the expression is only NULL; give it a type");
    return e;
  }

  // --- tokens

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
        out.add(new Token("number", s.substring(i, j), i));
        i = j;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= s.length()) throw new Problem(i, "text starting here has no closing '");
          if (s.charAt(j) == '\'') {
            if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
              b.append('\''); // '' inside quotes is one quote, as in SQL
              j += 2;
              continue;
            }
            break;
          }
          b.append(s.charAt(j++));
        }
        out.add(new Token("text", b.toString(), i));
        i = j + 1;
      } else if (c == '"') {
        int end = s.indexOf('"', i + 1);
        if (end < 0) throw new Problem(i, "column name starting here has no closing \"");
        out.add(new Token("name", s.substring(i + 1, end), i));
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'))
          j++;
        String w = s.substring(i, j);
        String lw = w.toLowerCase(Locale.ROOT);
        out.add(KEYWORDS.contains(lw) ? new Token(lw, w, i) : new Token("name", w, i));
        i = j;
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (Set.of("<=", ">=", "<>", "!=", "||").contains(two)) {
          out.add(new Token(two.equals("!=") ? "<>" : two, two, i));
          i += 2;
        } else if ("+-*/=<>(),".indexOf(c) >= 0) {
          out.add(new Token(String.valueOf(c), String.valueOf(c), i));
          i++;
        } else {
          throw new Problem(i, "unexpected character '" + c + "'");
        }
      }
    }
    out.add(new Token("eof", "end of the expression", s.length()));
    return out;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private Token expect(String kind, String what) {
    Token t = next();
    if (!t.is(kind)) throw new Problem(t.at, "expected " + what + ", found '" + t.text + "'");
    return t;
  }

  // --- Pratt parser: binding powers

  private static int power(Token t) {
    return switch (t.kind) {
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
    switch (t.kind) {
      case "number":
        try {
          return new Expr.Literal(new BigDecimal(t.text).doubleValue(), ValueType.NUMBER);
        } catch (NumberFormatException e) {
          throw new Problem(t.at, "'" + t.text + "' is not a number");
        }
      case "text":
        return new Expr.Literal(t.text, ValueType.STRING);
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
            t.at,
            t.is("eof")
                ? "the expression ends too early"
                : "expected a column, a value or '(', found '" + t.text + "'");
    }
  }

  private Expr column(Token t) {
    ValueType type = columns.get(t.text);
    if (type == null && failed.contains(t.text))
      throw new Problem(
          t.at, "reads derived column '" + t.text + "', whose own expression has an error");
    if (type == null) {
      String hint = Suggestions.hint(t.text, columns.keySet());
      if (hint.isEmpty()) hint = Suggestions.hint(t.text, FUNCTIONS.keySet());
      throw new Problem(
          t.at,
          "unknown column '"
              + t.text
              + "'"
              + hint
              + "; columns: "
              + String.join(", ", columns.keySet()));
    }
    return new Expr.Column(t.text, type);
  }

  private Expr infix(Token op, Expr left, int p) {
    switch (op.kind) {
      case "or", "and":
        {
          Expr right = expression(p);
          need(left, ValueType.BOOLEAN, op, op.text.toUpperCase(Locale.ROOT));
          need(right, ValueType.BOOLEAN, op, op.text.toUpperCase(Locale.ROOT));
          return new Expr.Binary(op.kind, left, right, ValueType.BOOLEAN);
        }
      case "+", "-", "*", "/":
        {
          Expr right = expression(p);
          need(left, ValueType.NUMBER, op, "'" + op.text + "'");
          need(right, ValueType.NUMBER, op, "'" + op.text + "'");
          return new Expr.Binary(op.kind, left, right, ValueType.NUMBER);
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
          ValueType t = common(op, left, right, "'" + op.text + "'");
          if (t != null && t == ValueType.BOOLEAN && !op.is("=") && !op.is("<>"))
            throw new Problem(op.at, "true/false values are compared with = or <> only");
          return new Expr.Binary(op.kind, left, right, ValueType.BOOLEAN);
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
        throw new Problem(op.at, "unexpected '" + op.text + "'");
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
      throw new Problem(first.at, "expected WHEN after CASE, found '" + first.text + "'");
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
    String f = name.text.toLowerCase(Locale.ROOT);
    Integer arity = FUNCTIONS.get(f);
    if (arity == null) {
      String hint = Suggestions.hint(f, FUNCTIONS.keySet());
      throw new Problem(
          name.at,
          "unknown function '"
              + name.text
              + "'"
              + hint
              + "; functions: "
              + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()));
    }
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
    if (arity >= 0 ? args.size() != arity : args.isEmpty())
      throw new Problem(
          name.at,
          f
              + " takes "
              + (arity < 0
                  ? "one or more arguments"
                  : arity + " argument" + (arity == 1 ? "" : "s"))
              + ", found "
              + args.size());
    ValueType type =
        switch (f) {
          case "coalesce" -> {
            ValueType t = null;
            for (int i = 0; i < args.size(); i++) t = unify(t, args.get(i), at.get(i), f);
            yield t;
          }
          case "lower", "upper", "trim" -> {
            need(args.get(0), ValueType.STRING, at.get(0), f);
            yield ValueType.STRING;
          }
          case "starts_with", "contains" -> {
            need(args.get(0), ValueType.STRING, at.get(0), f);
            need(args.get(1), ValueType.STRING, at.get(1), f);
            yield ValueType.BOOLEAN;
          }
          case "hours_between", "days_between" -> {
            for (int i = 0; i < 2; i++) temporal(args.get(i), at.get(i), f);
            yield ValueType.NUMBER;
          }
          case "year", "month", "day" -> {
            temporal(args.get(0), at.get(0), f);
            yield ValueType.NUMBER;
          }
          default -> { // abs, round
            need(args.get(0), ValueType.NUMBER, at.get(0), f);
            yield ValueType.NUMBER;
          }
        };
    return new Expr.Call(f, args, type);
  }

  // --- types

  private static String typeName(ValueType t) {
    return t == null ? "NULL" : t.yamlName();
  }

  private static void need(Expr e, ValueType want, Token at, String what) {
    if (e.type() != null && e.type() != want)
      throw new Problem(
          at.at, what + " needs " + typeName(want) + ", found " + typeName(e.type()) + describe(e));
  }

  private static void temporal(Expr e, Token at, String what) {
    if (e.type() != null && !e.type().isTemporal())
      throw new Problem(
          at.at, what + " needs a date or datetime, found " + typeName(e.type()) + describe(e));
  }

  private static String describe(Expr e) {
    return e instanceof Expr.Column c ? " (column '" + c.name() + "')" : "";
  }

  /** The type two sides share; NULL goes with anything; dates and date-times do not mix. */
  private static ValueType common(Token at, Expr a, Expr b, String what) {
    if (a.type() == null) return b.type();
    if (b.type() == null || a.type() == b.type()) return a.type();
    throw new Problem(
        at.at,
        what
            + " compares "
            + typeName(a.type())
            + describe(a)
            + " with "
            + typeName(b.type())
            + describe(b)
            + "; both sides must be of one type");
  }

  private static ValueType unify(ValueType have, Expr e, Token at, String what) {
    if (have == null) return e.type();
    if (e.type() == null || e.type() == have) return have;
    throw new Problem(
        at.at,
        what
            + ": this value is "
            + typeName(e.type())
            + describe(e)
            + " but an earlier one is "
            + typeName(have)
            + "; all must be of one type");
  }
}
