package dev.journeykpi.ingest;

/**
 * Control characters in text cells: NUL and the other C0 controls, DEL, and the C1 controls
 * (U+0080–U+009F). They come from broken exports (a NUL padding a fixed-width field, a stray
 * escape), are invisible, and would make {@code Võ \0Thị} a group of its own beside {@code Võ Thị}:
 * text values are stored without them, and each cell cleaned is counted in the quality report. Tab,
 * line feed and carriage return are kept: they are the layout of a multi-line cell (a quoted note),
 * and are shown escaped wherever a value is printed.
 */
final class ControlChars {
  private ControlChars() {}

  static boolean stripped(char c) {
    return dev.journeykpi.model.ControlCharacters.removed(c);
  }

  /**
   * The text without its control characters, trimmed of the spaces and tabs they hid; {@code s}
   * itself if none.
   */
  static String strip(String s) {
    int i = 0;
    while (i < s.length() && !stripped(s.charAt(i))) i++;
    if (i == s.length()) return s;
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!stripped(c)) b.append(c);
    }
    return ByteSlice.trim(b).toString();
  }

  /**
   * The text with each control character written as {@code \xNN} (as the quality report shows it).
   */
  static String escaped(String s) {
    return dev.journeykpi.model.ControlCharacters.escaped(s);
  }
}
