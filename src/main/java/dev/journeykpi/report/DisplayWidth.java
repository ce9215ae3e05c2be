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
      w += ofCodePoint(cp);
    }
    return w;
  }

  private static int ofCodePoint(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) return 0;
    return isWide(cp) ? 2 : 1;
  }

  /**
   * The text cut to at most {@code width} columns, its last column an ellipsis when anything was
   * cut; a combining mark stays with its letter.
   */
  public static String truncate(String s, int width) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFC);
    if (of(t) <= width) return t;
    if (width <= 0) return "";
    StringBuilder b = new StringBuilder();
    int w = 0;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      int cw = ofCodePoint(cp);
      if (w + cw > width - 1) break;
      b.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return b.toString().stripTrailing() + "…";
  }

  /**
   * The text in lines of at most {@code width} columns, broken at spaces; a word longer than a line
   * is broken inside.
   */
  public static java.util.List<String> wrap(String s, int width) {
    if (of(s) <= width) return java.util.List.of(s);
    // An indented line keeps its indent on every line it is wrapped into.
    int lead = 0;
    while (lead < s.length() && s.charAt(lead) == ' ') lead++;
    if (lead > 0 && lead < width / 2) {
      String margin = s.substring(0, lead);
      return wrap(s.substring(lead), width - lead).stream().map(l -> margin + l).toList();
    }
    java.util.List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineWidth = 0;
    for (String word : Normalizer.normalize(s, Normalizer.Form.NFC).split(" ")) {
      if (word.isEmpty()) continue;
      int ww = of(word);
      if (lineWidth > 0 && lineWidth + 1 + ww <= width) {
        line.append(' ').append(word);
        lineWidth += 1 + ww;
        continue;
      }
      if (lineWidth > 0) lines.add(line.toString());
      line.setLength(0);
      lineWidth = 0;
      // A word wider than the line: as many columns as fit on each line.
      while (ww > width) {
        int cut = 0;
        int cw = 0;
        while (cut < word.length()) {
          int cp = word.codePointAt(cut);
          if (cw + ofCodePoint(cp) > width) break;
          cw += ofCodePoint(cp);
          cut += Character.charCount(cp);
        }
        if (cut == 0) cut = Character.charCount(word.codePointAt(0));
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
        ww = of(word);
      }
      line.append(word);
      lineWidth = ww;
    }
    if (lineWidth > 0 || lines.isEmpty()) lines.add(line.toString());
    return lines;
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
