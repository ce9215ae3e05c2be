package dev.journeykpi.config;

import java.time.format.DateTimeFormatter;

/**
 * Checks date patterns at load time, so a bad one is a definition error rather than a million bad
 * cells.
 */
public final class DatePatterns {
  private DatePatterns() {}

  /** Null when the pattern is usable, otherwise what is wrong with it. */
  public static String problem(String pattern) {
    if (pattern.equalsIgnoreCase("iso") || pattern.equalsIgnoreCase("excel")) return null;
    try {
      DateTimeFormatter.ofPattern(pattern);
    } catch (IllegalArgumentException e) {
      return "is not a valid pattern: " + e.getMessage();
    }
    // Quoted text ('ngày', 'T') is literal: its letters are no fields.
    String fields = unquoted(pattern);
    if (!fields.contains("y") && !fields.contains("u")) return "has no year (yyyy)";
    if (!fields.contains("M")) return "has no month (MM); minutes are 'mm', months 'MM'";
    if (!fields.contains("d")) return "has no day (dd)";
    if (fields.contains("h") && !fields.contains("a"))
      return "uses 'hh' (1-12 clock) without 'a'; use 'HH' for 0-23";
    return null;
  }

  /**
   * The pattern without its quoted literals (DateTimeFormatter's syntax: 'text', '' is a quote).
   */
  public static String unquoted(String pattern) {
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') quoted = !quoted;
      else if (!quoted) b.append(c);
    }
    return b.toString();
  }
}
