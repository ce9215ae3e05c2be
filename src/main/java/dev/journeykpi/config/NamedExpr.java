package dev.journeykpi.config;

import java.util.Map;

/**
 * An expression of the derived columns' grammar ({@link ExprParser}) whose names are not a source's
 * columns but other things of the definition (a formula KPI's {@code expr:} names KPIs): parsed and
 * typed against those names, a problem reported at its place inside the expression in the YAML file
 * ({@code file:line:col}) and worded with what the names are ("unknown KPI 'x' (did you mean …)"),
 * not as columns.
 */
public final class NamedExpr {
  private final Diagnostics d;
  private final ExprPlaces places = new ExprPlaces();

  public NamedExpr(Diagnostics d) {
    this.d = d;
  }

  /**
   * The expression, or null when it has a problem (reported, unless this reader has no
   * diagnostics).
   *
   * @param text the expression as written
   * @param at where its YAML scalar starts
   * @param names the names it may read, with their types
   * @param noun what a name is ("KPI"), for the messages
   * @param ctx the start of every message ("kpi 'x'.expr")
   */
  public Expr parse(
      String text, Location at, Map<String, ValueType> names, String noun, String ctx) {
    try {
      return ExprParser.parse(text, names);
    } catch (ExprParser.Problem p) {
      if (d != null)
        d.error(places.at(at, text, p.offset), ctx + ": " + message(text, p, names, noun));
      return null;
    }
  }

  /**
   * The parser's words with the names called what they are: its "unknown column 'x'" becomes
   * "unknown KPI 'x'" with the did-you-mean over the names, and "(column 'x')" "(KPI 'x')".
   */
  private static String message(
      String text, ExprParser.Problem p, Map<String, ValueType> names, String noun) {
    String m = p.getMessage();
    if (m.startsWith("unknown column '")) {
      String name = nameAt(text, p.offset);
      return "unknown "
          + noun
          + " '"
          + name
          + "'"
          + Suggestions.hint(name, names.keySet())
          + "; "
          + noun
          + "s: "
          + String.join(", ", names.keySet());
    }
    return m.replace("(column '", "(" + noun + " '");
  }

  /** The name written at {@code offset}: a word, or a "quoted" name. */
  private static String nameAt(String text, int offset) {
    if (offset < text.length() && text.charAt(offset) == '"') {
      int end = text.indexOf('"', offset + 1);
      return text.substring(offset + 1, end < 0 ? text.length() : end);
    }
    int end = offset;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) end++;
    return text.substring(offset, end);
  }
}
