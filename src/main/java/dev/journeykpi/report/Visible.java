package dev.journeykpi.report;

/**
 * Text for a terminal or a log, with every control character shown as an escape: {@code \e} (ESC),
 * {@code \r}, {@code \t}, {@code \n}, {@code \x07} (other C0 and DEL), {@code \u009b} (C1), and the
 * bidirectional overrides and isolates as {@code \u202e}. An export, a definition or a file name
 * can carry them, and printed raw they would recolour or clear the terminal, rewrite a line already
 * shown (CR), ring the bell, or reorder what is read. CSV and JSON outputs keep values exact; only
 * the views for people and the messages on stderr go through here.
 */
public final class Visible {
  private Visible() {}

  /**
   * A value shown on one line (a table cell, a quoted value): every control character escaped, line
   * breaks too.
   */
  public static String text(String s) {
    return escape(s, false);
  }

  /**
   * A message of one or more lines: line feeds (and tabs, which indent stack traces) kept, the rest
   * escaped.
   */
  public static String lines(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean keepLines) {
    if (s == null) return null;
    int i = 0;
    while (i < s.length() && !escaped(s.charAt(i), keepLines)) i++;
    if (i == s.length()) return s;
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!escaped(c, keepLines)) {
        b.append(c);
        continue;
      }
      switch (c) {
        case 0x1b -> b.append("\\e");
        case '\r' -> b.append("\\r");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x80) b.append(String.format("\\x%02x", (int) c));
          else b.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return b.toString();
  }

  private static boolean escaped(char c, boolean keepLines) {
    if (keepLines && (c == '\n' || c == '\t')) return false;
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }
}
