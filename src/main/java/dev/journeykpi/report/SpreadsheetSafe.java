package dev.journeykpi.report;

import java.util.List;

/**
 * Neutralises cells a spreadsheet would run as formulas. Exports carry text typed by customers and
 * agents, and a value such as {@code =HYPERLINK("http://…")} or {@code @SUM(…)} in a breakdown
 * value or a quality-report cell would run when the analyst opens the CSV in Excel. Such a cell
 * gets a leading apostrophe, as OWASP advises; numbers such as {@code -5} or {@code +84} are left
 * alone.
 */
public final class SpreadsheetSafe {
  private SpreadsheetSafe() {}

  public static String cell(String s) {
    if (s == null || s.isEmpty()) return s;
    char c = s.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (!risky || isNumber(s)) return s;
    return "'" + s;
  }

  public static List<String> cells(List<String> row) {
    return row.stream().map(SpreadsheetSafe::cell).toList();
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
