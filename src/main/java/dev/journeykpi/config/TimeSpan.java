package dev.journeykpi.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time written in YAML: {@code 30 minutes}, {@code 4 hours}, {@code 7 days}, or {@code
 * 30 working days} (whole days of the business calendar). Vietnamese units are accepted too ({@code
 * 7 ngày}, {@code 30 ngày làm việc}, {@code 4 giờ}, {@code 30 phút}), since consultants write
 * definitions in the client's language.
 *
 * @param seconds the span in seconds; 0 for a working-day span
 * @param workingDays the number of working days; 0 for a clock span
 */
public record TimeSpan(long seconds, int workingDays, String text) {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(.+)");

  public boolean isWorkingDays() {
    return workingDays > 0;
  }

  /** Null when the text is not a time span. */
  public static TimeSpan parse(String text) {
    if (text == null) return null;
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) return null;
    double n = Double.parseDouble(m.group(1));
    String unit = unit(m);
    if (n <= 0) return null;
    return switch (unit) {
      case "working day", "working days", "business day", "business days", "ngày làm việc" ->
          n == Math.rint(n) ? new TimeSpan(0, (int) n, text.trim()) : null;
      case "second", "seconds", "s", "giây" -> new TimeSpan(Math.round(n), 0, text.trim());
      case "minute", "minutes", "min", "phút" -> new TimeSpan(Math.round(n * 60), 0, text.trim());
      case "hour", "hours", "h", "giờ", "tiếng" ->
          new TimeSpan(Math.round(n * 3600), 0, text.trim());
      case DAY, DAYS, D, NGAY -> new TimeSpan(Math.round(n * 86400), 0, text.trim());
      default -> null;
    };
  }

  /**
   * Whether the span is written in days of 24 hours ({@code 1 day}, {@code 2 ngày}): on the
   * business clock such a day would be 24 working hours, so there it is refused.
   */
  public boolean isClockDays() {
    if (isWorkingDays()) return false;
    Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
    return m.matches()
        && switch (unit(m)) {
          case DAY, DAYS, D, NGAY -> true;
          default -> false;
        };
  }

  // The units of a day of 24 hours, shared by parse and isClockDays.
  private static final String DAY = "day", DAYS = "days", D = "d", NGAY = "ngày";

  /** The unit a matched span is written in, in NFC (Vietnamese units typed decomposed too). */
  private static String unit(Matcher m) {
    return java.text.Normalizer.normalize(m.group(2).trim(), java.text.Normalizer.Form.NFC);
  }

  public static final String FORMS = "e.g. '30 minutes', '4 hours', '7 days' or '30 working days'";

  @Override
  public String toString() {
    return text;
  }
}
