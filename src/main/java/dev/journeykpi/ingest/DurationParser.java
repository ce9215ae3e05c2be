package dev.journeykpi.ingest;

/**
 * Reads durations into seconds: a plain number in the column's unit ({@code 90} seconds, {@code
 * 1,5} minutes), or a clock form: {@code H:MM:SS} (three parts) or {@code M:SS} (two parts, the
 * usual form of talk time in call logs).
 */
public final class DurationParser {
  private final double unitSeconds;
  private final NumberParser numbers;

  public DurationParser(String unit, char decimalMark) {
    this.unitSeconds =
        switch (unit) {
          case "minutes" -> 60;
          case "hours" -> 3600;
          case "days" -> 86400;
          default -> 1;
        };
    this.numbers = new NumberParser(decimalMark);
  }

  /** Seconds, or NaN when the text is not a duration. */
  public double parse(CharSequence s) {
    String t = s.toString().trim();
    if (t.indexOf(':') < 0) {
      double v = numbers.parse(t);
      return Double.isNaN(v) || v < 0 ? Double.NaN : v * unitSeconds;
    }
    String[] parts = t.split(":", -1);
    if (parts.length > 3) return Double.NaN;
    double total = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) return Double.NaN;
      double v;
      try {
        v = i == parts.length - 1 ? Double.parseDouble(p.replace(',', '.')) : Long.parseLong(p);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
      if (v < 0 || (i > 0 && v >= 60)) return Double.NaN;
      total = total * 60 + v;
    }
    return total;
  }
}
