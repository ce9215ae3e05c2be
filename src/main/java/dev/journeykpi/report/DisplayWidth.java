package dev.journeykpi.report;

import java.text.Normalizer;

/**
 * How many terminal columns a text takes. Vietnamese tone marks may arrive as combining characters
 * that take no column; CJK characters take two. {@code String.length()} gets both wrong and breaks
 * alignment.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  public static int of(String s) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFC);
    int w = 0;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT) continue;
      w += isWide(cp) ? 2 : 1;
    }
    return w;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  public static String padRight(String s, int width) {
    return s + " ".repeat(Math.max(0, width - of(s)));
  }

  public static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - of(s))) + s;
  }
}
