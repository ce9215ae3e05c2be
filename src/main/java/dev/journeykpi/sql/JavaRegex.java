package dev.journeykpi.sql;

/**
 * A {@code matches:} pattern (a Java regular expression, searched for anywhere in the cell, case
 * ignored with Unicode case) rewritten for RE2, the engine of DuckDB's {@code regexp_matches}, or
 * refused where the two would not find the same texts. Only the common part of the two languages is
 * taken: literal characters, {@code .}, classes {@code [...]} of characters, ranges and {@code \d
 * \w}, {@code ^ $}, groups, {@code (?:...)}, {@code |}, the quantifiers (greedy or lazy). What
 * differs is rewritten:
 *
 * <ul>
 *   <li>{@code .} stops at every Java line terminator ({@code \r}, U+0085, U+2028, U+2029 too);
 *   <li>{@code $} also matches before a line terminator that ends the text;
 *   <li>{@code \s} is Java's six characters (RE2's lacks the vertical tab);
 *   <li>{@code \b} beside a letter, digit or {@code _} written in the pattern, at the start or end
 *       of an alternative, is Java 17's boundary: no letter, digit (any script) or {@code _} on the
 *       other side (RE2's {@code \b} knows ASCII words only, so {@code \bKM\b} would match in
 *       {@code ĐKM}).
 * </ul>
 *
 * Refused, with the reason: look-around, back-references, possessive quantifiers, inline flags,
 * {@code \p{…}}, {@code \Q…\E}, class intersections and nested classes, {@code \b} elsewhere, and
 * every other escape.
 */
final class JavaRegex {
  private JavaRegex() {}

  private static final String WORD = "\\p{L}\\p{Nd}\\p{Mn}_";
  private static final String SPACE = " \\t\\n\\x0B\\f\\r";
  private static final String LINE_END = "\\n\\r\\x{85}\\x{2028}\\x{2029}";

  /** The pattern in RE2's syntax with Java's meaning, case ignored. */
  static String toRe2(String java) {
    StringBuilder out = new StringBuilder("(?i)");
    int n = java.length();
    int i = 0;
    while (i < n) {
      char c = java.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 >= n) throw refused(java, "a trailing \\");
          char e = java.charAt(i + 1);
          if (e == 'b') {
            out.append(boundary(java, i));
          } else {
            out.append(escape(java, e, false));
          }
          i += 2;
        }
        case '.' -> {
          out.append("[^").append(LINE_END).append(']');
          i++;
        }
        case '$' -> {
          out.append("(?:\\r\\n|[").append(LINE_END).append("])?$");
          i++;
        }
        case '^', '|', ')' -> {
          out.append(c);
          i++;
        }
        case '(' -> {
          if (i + 1 < n && java.charAt(i + 1) == '?') {
            if (i + 2 < n && java.charAt(i + 2) == ':') {
              out.append("(?:");
              i += 3;
            } else {
              throw refused(java, "look-around or inline flags (?…)");
            }
          } else {
            out.append('(');
            i++;
          }
        }
        case '[' -> i = charClass(java, i, out);
        case '*', '+', '?', '{' -> i = quantifier(java, i, out);
        case ']', '}' -> {
          out.append('\\').append(c);
          i++;
        }
        default -> {
          out.append(c);
          i++;
        }
      }
    }
    return out.toString();
  }

  /**
   * Java 17's {@code \b} where it stands beside a word character written in the pattern at the
   * start or the end of an alternative: the other side is the text's edge or not a word character.
   */
  private static String boundary(String p, int at) {
    boolean startOfAlternative =
        at == 0 || "(|".indexOf(p.charAt(at - 1)) >= 0 || p.startsWith("(?:", at - 3);
    int after = at + 2;
    boolean endOfAlternative = after >= p.length() || ")|".indexOf(p.charAt(after)) >= 0;
    if (startOfAlternative && after < p.length() && isWordLiteral(p.charAt(after)))
      return "(?:^|[^" + WORD + "])";
    if (endOfAlternative && at > 0 && isWordLiteral(p.charAt(at - 1)) && !escaped(p, at - 1))
      return "(?:$|[^" + WORD + "])";
    throw refused(p, "\\b not beside a letter at the start or end of an alternative");
  }

  private static boolean escaped(String p, int at) {
    int k = 0;
    for (int j = at - 1; j >= 0 && p.charAt(j) == '\\'; j--) k++;
    return k % 2 == 1;
  }

  private static boolean isWordLiteral(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** An escape outside or inside a class. */
  private static String escape(String p, char e, boolean inClass) {
    switch (e) {
      case 'd', 'D', 'w', 'W', 'n', 't', 'r', 'f':
        return "\\" + e;
      case 's':
        return inClass ? SPACE : "[" + SPACE + "]";
      case 'S':
        if (inClass) throw refused(p, "\\S inside a class");
        return "[^" + SPACE + "]";
      default:
        if (!Character.isLetterOrDigit(e) && e < 0x80) return "\\" + e; // an escaped sign: itself
        throw refused(p, "the escape \\" + e);
    }
  }

  /** A class [...], copied with its escapes rewritten; nested classes and && refused. */
  private static int charClass(String p, int start, StringBuilder out) {
    int i = start + 1;
    StringBuilder c = new StringBuilder("[");
    if (i < p.length() && p.charAt(i) == '^') {
      c.append('^');
      i++;
    }
    boolean first = true;
    while (i < p.length()) {
      char ch = p.charAt(i);
      if (ch == ']' && !first) {
        out.append(c).append(']');
        return i + 1;
      }
      if (ch == '[') throw refused(p, "a class inside a class");
      if (ch == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&')
        throw refused(p, "a class intersection (&&)");
      if (ch == '\\') {
        if (i + 1 >= p.length()) throw refused(p, "a trailing \\");
        c.append(escape(p, p.charAt(i + 1), true));
        i += 2;
      } else {
        if (ch == ']') c.append("\\]");
        else c.append(ch);
        i++;
      }
      first = false;
    }
    throw refused(p, "an unclosed class");
  }

  /** A quantifier, greedy or lazy; possessive ones and RE2's limit of 1000 refused. */
  private static int quantifier(String p, int i, StringBuilder out) {
    int end = i + 1;
    if (p.charAt(i) == '{') {
      int close = p.indexOf('}', i);
      if (close < 0 || !p.substring(i + 1, close).matches("\\d+(,\\d*)?"))
        throw refused(p, "a { that is not a repetition");
      for (String part : p.substring(i + 1, close).split(","))
        if (!part.isEmpty() && Long.parseLong(part) > 1000)
          throw refused(p, "a repetition over 1000");
      end = close + 1;
    }
    out.append(p, i, end);
    if (end < p.length() && p.charAt(end) == '+') throw refused(p, "a possessive quantifier");
    if (end < p.length() && p.charAt(end) == '?') {
      out.append('?');
      end++;
    }
    return end;
  }

  private static SqlRefused refused(String pattern, String what) {
    return new SqlRefused(
        "matches '"
            + pattern
            + "': "
            + what
            + " (Java's regular expressions and DuckDB's RE2 differ there)");
  }
}
