package dev.journeykpi.config;

import java.time.format.DateTimeFormatter;

/** Checks date patterns at load time, so a bad one is a definition error rather than a million bad cells. */
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
    if (!pattern.contains("y") && !pattern.contains("u")) return "has no year (yyyy)";
    if (!pattern.contains("M")) return "has no month (MM); minutes are 'mm', months 'MM'";
    if (!pattern.contains("d")) return "has no day (dd)";
    if (pattern.contains("h") && !pattern.contains("a")) return "uses 'hh' (1-12 clock) without 'a'; use 'HH' for 0-23";
    return null;
  }
}
