package dev.journeykpi.sql;

/**
 * A {@code matches:} pattern as {@link JavaRegex} writes it for RE2 (Java's meaning, case ignored)
 * rewritten for PostgreSQL's regular expressions (ARE), or refused where ARE has no spelling that
 * keeps Java's meaning whatever the database's ctype. JavaRegex's output uses only: literals and
 * escaped signs, classes, {@code \d \w \D \W \n \t \r \f}, {@code \x{…}} and {@code \x0B}, groups,
 * {@code (?:…)}, {@code |}, quantifiers, {@code ^ $} and a leading {@code (?i)}; and {@code \p{…}}
 * classes for a word boundary.
 */
final class PostgresRegex {
  private PostgresRegex() {}

  private static final String DIGIT = "0-9";
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
            out.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
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
          case 'p', 'P' ->
              throw refused(
                  re2,
                  "\\b or a Unicode class (PostgreSQL's classes of letters follow the database's"
                      + " ctype, not Java's)");
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
