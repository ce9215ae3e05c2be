package dev.journeykpi.config;

import dev.journeykpi.config.ExprTokens.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions an expression may call, with their number of arguments and how each types its
 * arguments and result, and the typing rules the operators share (what a side must be, which types
 * two sides have in common). Every rule throws {@link ExprParser.Problem} at the token it concerns.
 */
final class ExprFunctions {
  private ExprFunctions() {}

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

  /** The problem of calling {@code name} (unknown function), or null when it is known. */
  static ExprParser.Problem unknown(Token name) {
    String f = name.text().toLowerCase(Locale.ROOT);
    if (FUNCTIONS.containsKey(f)) return null;
    return new ExprParser.Problem(
        name.at(),
        "unknown function '"
            + name.text()
            + "'"
            + Suggestions.hint(f, FUNCTIONS.keySet())
            + "; functions: "
            + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()));
  }

  /**
   * The call of {@code f} on {@code args} (each written at the token in {@code at}), typed.
   *
   * @throws ExprParser.Problem for a wrong number or type of arguments
   */
  static Expr call(Token name, List<Expr> args, List<Token> at) {
    String f = name.text().toLowerCase(Locale.ROOT);
    int arity = FUNCTIONS.get(f);
    if (arity >= 0 ? args.size() != arity : args.isEmpty())
      throw new ExprParser.Problem(
          name.at(),
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

  // --- typing rules, shared with the operators

  static String typeName(ValueType t) {
    return t == null ? "NULL" : t.yamlName();
  }

  /** {@code e} must be of type {@code want} (NULL goes anywhere). */
  static void need(Expr e, ValueType want, Token at, String what) {
    if (e.type() != null && e.type() != want)
      throw new ExprParser.Problem(
          at.at(),
          what + " needs " + typeName(want) + ", found " + typeName(e.type()) + describe(e));
  }

  static void temporal(Expr e, Token at, String what) {
    if (e.type() != null && !e.type().isTemporal())
      throw new ExprParser.Problem(
          at.at(), what + " needs a date or datetime, found " + typeName(e.type()) + describe(e));
  }

  static String describe(Expr e) {
    return e instanceof Expr.Column c ? " (column '" + c.name() + "')" : "";
  }

  /** The type two sides share; NULL goes with anything; dates and date-times do not mix. */
  static ValueType common(Token at, Expr a, Expr b, String what) {
    if (a.type() == null) return b.type();
    if (b.type() == null || a.type() == b.type()) return a.type();
    throw new ExprParser.Problem(
        at.at(),
        what
            + " compares "
            + typeName(a.type())
            + describe(a)
            + " with "
            + typeName(b.type())
            + describe(b)
            + "; both sides must be of one type");
  }

  /** The one type of several values (CASE's results, coalesce's arguments). */
  static ValueType unify(ValueType have, Expr e, Token at, String what) {
    if (have == null) return e.type();
    if (e.type() == null || e.type() == have) return have;
    throw new ExprParser.Problem(
        at.at(),
        what
            + ": this value is "
            + typeName(e.type())
            + describe(e)
            + " but an earlier one is "
            + typeName(have)
            + "; all must be of one type");
  }
}
