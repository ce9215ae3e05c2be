package dev.journeykpi.report;

import dev.journeykpi.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Status words in colour for a terminal: green, amber (the terminal's yellow) and red, as ANSI SGR
 * codes around the word alone, never around a number; a row without a status ("not judged") stays
 * plain. Applied to text already laid out — a cell already cut and measured, a line already wrapped
 * — so the escape codes never reach {@link DisplayWidth} and the layout is the same with and
 * without colour. Three fixed codes (SGR 32, 33, 31, then 0) need no library: picocli's own ANSI
 * support reads {@code NO_COLOR} set but empty as "no colour", where no-color.org asks for a
 * non-empty value, and its markup would have to escape the labels of the definitions.
 */
final class StatusColors {
  static final String RESET = "\u001b[0m";

  /** Every SGR sequence this class writes, for tests and for text compared without colour. */
  static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  private StatusColors() {}

  /** The code that starts a status's colour; null for none (no status, or not judged). */
  static String code(Status s) {
    if (s == null) return null;
    return switch (s) {
      case GREEN -> "\u001b[32m";
      case AMBER -> "\u001b[33m";
      case RED -> "\u001b[31m";
      case NONE -> null;
    };
  }

  /** {@code text} in the colour of {@code s}; unchanged for no status or an empty text. */
  static String paint(String text, Status s) {
    String code = code(s);
    return code == null || text.isEmpty() ? text : code + text + RESET;
  }

  /**
   * Lines of status counts ("CSKH: 4 green · 2 amber · 3 red; …"), wrapped already, with each
   * status word coloured where it follows its count: after "digit space" on its line, or first on a
   * line whose line above ends with the count (the wrap fell between them). A label that merely
   * contains "red" is left alone: the word must stand whole, followed by " ·", ";" or the line's
   * end, as {@code ScorecardLayout} writes the counts.
   */
  static List<String> counts(List<String> lines, Labels words) {
    List<String> out = new ArrayList<>(lines.size());
    boolean countEnded = false;
    for (String line : lines) {
      out.add(counts(line, words, countEnded));
      countEnded = !line.isEmpty() && Character.isDigit(line.charAt(line.length() - 1));
    }
    return out;
  }

  /** One line of counts coloured; {@code startsAfterCount}: the line above ended with a count. */
  static String counts(String line, Labels words, boolean startsAfterCount) {
    Pattern p =
        Pattern.compile(
            "(?:(?<=\\d )|^(?<lead> *))(?<word>"
                + Pattern.quote(words.green())
                + "|"
                + Pattern.quote(words.amber())
                + "|"
                + Pattern.quote(words.red())
                + ")(?= ·|;|$)");
    Matcher m = p.matcher(line);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String lead = m.group("lead");
      String word = m.group("word");
      if (lead != null && !startsAfterCount) {
        m.appendReplacement(b, Matcher.quoteReplacement(m.group()));
        continue;
      }
      Status s =
          word.equals(words.green())
              ? Status.GREEN
              : word.equals(words.amber()) ? Status.AMBER : Status.RED;
      m.appendReplacement(b, Matcher.quoteReplacement((lead == null ? "" : lead) + paint(word, s)));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** The text without the colour codes: what a pipe gets. */
  static String strip(String text) {
    return SGR.matcher(text).replaceAll("");
  }
}
