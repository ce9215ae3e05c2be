package dev.journeykpi.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines for stderr, each wrapped at the terminal's width when it is ended (issue 19: the hotel's
 * quality summary had a line of 84 columns on an 80-column terminal). A line's words wrap under its
 * own text, two columns in from where it starts ({@code kpi: } lines under the text after it); an
 * example's place ({@code file:row:column}, which editors and people copy) is never broken: when
 * the line is too wide its value goes on the next line, under it. A word wider than the room (a
 * long path) stays whole, past the edge, rather than be cut where nobody could copy it.
 */
final class StderrLines {
  private final int width;
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder line = new StringBuilder();

  /** Lines wrapped at {@code width} columns; 0: as they are. */
  StderrLines(int width) {
    this.width = width;
  }

  StderrLines append(Object text) {
    String s = String.valueOf(text);
    int nl = s.indexOf('\n');
    if (nl < 0) {
      line.append(s);
      return this;
    }
    line.append(s, 0, nl);
    endLine();
    return append(s.substring(nl + 1));
  }

  StderrLines append(char c) {
    return append(String.valueOf(c));
  }

  /** Ends the line: written wrapped. */
  StderrLines endLine() {
    for (String part : wrapped(line.toString(), width)) out.append(part).append('\n');
    line.setLength(0);
    return this;
  }

  /**
   * An example's line: its place, then its value after a space, or under the place (two columns in)
   * when the two do not fit on one line.
   */
  void example(String place, String value) {
    String joined = place + " " + value;
    if (width <= 0 || DisplayWidth.of(joined) <= width) out.append(joined).append('\n');
    else
      out.append(place)
          .append('\n')
          .append(" ".repeat(indent(place) + 2))
          .append(value)
          .append('\n');
  }

  @Override
  public String toString() {
    return out.toString() + line;
  }

  /** A line in lines of at most {@code width} columns, broken at spaces; 0: as it is. */
  static List<String> wrapped(String line, int width) {
    if (width <= 0 || DisplayWidth.of(line) <= width) return List.of(line);
    int indent = indent(line);
    int hanging = indent + (line.startsWith("kpi: ") ? 5 : 2);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder(line.substring(0, indent));
    int used = indent;
    boolean empty = true;
    for (String word : line.substring(indent).split(" ")) {
      if (word.isEmpty()) continue;
      int w = DisplayWidth.of(word);
      if (!empty && used + 1 + w > width) {
        out.add(current.toString());
        current = new StringBuilder(" ".repeat(hanging));
        used = hanging;
        empty = true;
      }
      if (!empty) {
        current.append(' ');
        used++;
      }
      current.append(word);
      used += w;
      empty = false;
    }
    out.add(current.toString());
    return out;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') i++;
    return i;
  }
}
