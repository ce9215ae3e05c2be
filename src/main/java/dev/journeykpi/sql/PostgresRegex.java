package dev.journeykpi.sql;

/**
 * A {@code matches:} pattern as {@link JavaRegex} writes it for RE2 (Java's meaning, case ignored)
 * rewritten for PostgreSQL's regular expressions (ARE), or refused where ARE has no spelling that
 * keeps Java's meaning whatever the database's ctype. JavaRegex's output uses only: literals and
 * escaped signs, classes, {@code \d \w \D \W \n \t \r \f}, {@code \x{…}} and {@code \x0B}, groups,
 * {@code (?:…)}, {@code |}, quantifiers, {@code ^ $} and a leading {@code (?i)}; and the classes
 * {@code \p{L} \p{Nd} \p{Mn}} for a word boundary, written out here as Java's ranges. Refused:
 * {@code \D} and {@code \W} inside a class (ARE forbids them there).
 */
final class PostgresRegex {
  private PostgresRegex() {}

  private static final String DIGIT = "0-9";

  /** The Unicode classes JavaRegex writes, by Java's Character.getType over every code point. */
  private static final java.util.Map<String, String> UNICODE =
      java.util.Map.of(
          "L",
          ranges(
              t ->
                  t == Character.UPPERCASE_LETTER
                      || t == Character.LOWERCASE_LETTER
                      || t == Character.TITLECASE_LETTER
                      || t == Character.MODIFIER_LETTER
                      || t == Character.OTHER_LETTER),
          "Nd",
          ranges(t -> t == Character.DECIMAL_DIGIT_NUMBER),
          "Mn",
          ranges(t -> t == Character.NON_SPACING_MARK));

  /** The code points of the given general categories as ranges of a class, in ARE's escapes. */
  static String ranges(java.util.function.IntPredicate type) {
    StringBuilder out = new StringBuilder();
    int c = 0;
    while (c <= Character.MAX_CODE_POINT) {
      if (!type.test(Character.getType(c))) {
        c++;
        continue;
      }
      int end = c;
      while (end < Character.MAX_CODE_POINT && type.test(Character.getType(end + 1))) end++;
      out.append(escape(c));
      if (end > c) out.append('-').append(escape(end));
      c = end + 1;
    }
    return out.toString();
  }

  static String escape(int cp) {
    return cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp);
  }

  private static final String WORD = "0-9A-Za-z_";

  /** The pattern in ARE's syntax; throws {@link SqlRefused} for what ARE cannot say alike. */
  static String fromRe2(String re2) {
    StringBuilder out = new StringBuilder();
    boolean inClass = false;
    int n = re2.length();
    int i = 0;
    while (i < n) {
      char c = re2.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = re2.charAt(i + 1);
        switch (e) {
          case 'x' -> {
            int end;
            String hex;
            if (i + 2 < n && re2.charAt(i + 2) == '{') {
              end = re2.indexOf('}', i + 3);
              hex = re2.substring(i + 3, end);
              end++;
            } else {
              end = i + 4;
              hex = re2.substring(i + 2, end);
            }
            int cp = Integer.parseInt(hex, 16);
            out.append(escape(cp));
            i = end;
            continue;
          }
          case 'd', 'w' -> {
            String set = e == 'd' ? DIGIT : WORD;
            out.append(inClass ? set : "[" + set + "]");
          }
          case 'D', 'W' -> {
            if (inClass) throw refused(re2, "\\" + e + " inside a class");
            out.append("[^").append(e == 'D' ? DIGIT : WORD).append(']');
          }
          case 'p' -> {
            // JavaRegex writes Java's \b with \p{L}, \p{Nd} and \p{Mn}: written out as Java's
            // own ranges, since ARE's [[:alpha:]] follows the database's ctype.
            int close = re2.indexOf('}', i);
            String set = close < 0 ? null : UNICODE.get(re2.substring(i + 3, close));
            if (re2.charAt(i + 2) != '{' || set == null)
              throw refused(
                  re2, "the Unicode class " + re2.substring(i, Math.max(close + 1, i + 3)));
            out.append(inClass ? set : "[" + set + "]");
            i = close + 1;
            continue;
          }
          case 'P' -> throw refused(re2, "\\P{…}");
          default -> out.append(c).append(e);
        }
        i += 2;
        continue;
      }
      if (c == '[' && !inClass) {
        inClass = true;
        out.append(c);
        i++;
        // A ] or ^] right after the opening bracket is a character of the class.
        if (i < n && re2.charAt(i) == '^') out.append(re2.charAt(i++));
        continue;
      }
      if (c == ']' && inClass) inClass = false;
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static SqlRefused refused(String pattern, String what) {
    return new SqlRefused(
        "matches: a pattern with " + what + " is not compiled for postgres yet: " + pattern);
  }
}
