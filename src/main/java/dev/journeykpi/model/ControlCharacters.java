package dev.journeykpi.model;

/**
 * The control characters a text cell is stored without (NUL and the other C0 controls but tab, line
 * feed and carriage return; DEL; the C1 controls U+0080–U+009F), and how the quality report shows a
 * cell that had them: the default engine's import (ingest's ControlChars) and the SQL engines'
 * quality report (sql's QualityCounts) both show them so, and agree by construction.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** Whether a character is one the import removes from a text cell. */
  public static boolean removed(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
  }

  /**
   * The text with each control character written as {@code \xNN} (as the quality report shows it).
   */
  public static String escaped(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (removed(c)) b.append(String.format("\\x%02X", (int) c));
      else b.append(c);
    }
    return b.toString();
  }
}
