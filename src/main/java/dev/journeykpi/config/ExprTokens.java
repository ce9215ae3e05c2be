package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits an expression's text into tokens for {@link ExprParser}: numbers, 'texts' (a doubled quote
 * inside is one quote, as in SQL), names (bare or "quoted"), keywords (without case) and operators.
 * Each token keeps its offset so that a problem is reported at its place in the text.
 */
final class ExprTokens {
  private ExprTokens() {}

  static final Set<String> KEYWORDS =
      Set.of(
          "and", "or", "not", "in", "is", "null", "case", "when", "then", "else", "end", "true",
          "false");

  /**
   * @param kind a keyword, an operator, or "number", "text", "name", "eof"
   * @param at the offset (0-based, in characters) of the token in the text
   */
  record Token(String kind, String text, int at) {
    boolean is(String k) {
      return kind.equals(k);
    }
  }

  /**
   * @throws ExprParser.Problem at the first character that starts no token
   */
  static List<Token> of(String s) {
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
          if (j >= s.length())
            throw new ExprParser.Problem(i, "text starting here has no closing '");
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
        if (end < 0) throw new ExprParser.Problem(i, "column name starting here has no closing \"");
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
          throw new ExprParser.Problem(i, "unexpected character '" + c + "'");
        }
      }
    }
    out.add(new Token("eof", "end of the expression", s.length()));
    return out;
  }
}
