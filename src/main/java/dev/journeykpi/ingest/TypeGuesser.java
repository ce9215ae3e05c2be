package dev.journeykpi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Infers a column's type and format from its non-blank text values, for {@code kpi inspect}. Inference is for the
 * consultant writing a mapping; imports never guess, they use the declared formats.
 */
final class TypeGuesser {
  /** Tried in order: unambiguous ISO first; day-first before month-first, as Vietnamese exports write dates. */
  static final List<String> DATE_PATTERNS = List.of(
      "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
      "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy",
      "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy", "dd-MM-yyyy HH:mm", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy/MM/dd",
      "yyyy/MM/dd HH:mm:ss");
  private static final Pattern CLOCK = Pattern.compile("\\d{1,3}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
  private static final Pattern COMMA_DECIMAL = Pattern.compile(".*\\d,(\\d{1,2}|\\d{4,})\\D*");
  private static final Pattern DOT_DECIMAL = Pattern.compile(".*\\d\\.(\\d{1,2}|\\d{4,})\\D*");

  record Guess(String type, List<String> formats, String note) {}

  private TypeGuesser() {}

  static Guess guess(List<String> values) {
    if (values.isEmpty()) return new Guess("string", List.of(), "always blank");
    if (values.stream().allMatch(v -> isBooleanWord(v))) return new Guess("boolean", List.of(), "");
    Guess number = number(values);
    if (number != null) return number;
    if (values.stream().allMatch(v -> CLOCK.matcher(v).matches())) {
      return new Guess("duration", List.of(), "H:MM:SS (or M:SS); if these are times of day, keep them as text");
    }
    Guess date = date(values);
    if (date != null) return date;
    return new Guess("string", List.of(), "");
  }

  private static boolean isBooleanWord(String v) {
    String k = v.trim().toLowerCase(Locale.ROOT);
    return List.of("true", "false", "yes", "no", "y", "n", "có", "co", "không", "khong", "x", "đúng", "sai").contains(k);
  }

  private static Guess number(List<String> values) {
    char decimal = '.';
    String note = "";
    boolean comma = values.stream().anyMatch(v -> COMMA_DECIMAL.matcher(v).matches() || count(v, '.') > 1);
    boolean dot = values.stream().anyMatch(v -> DOT_DECIMAL.matcher(v).matches() || count(v, ',') > 1);
    if (comma && !dot) decimal = ',';
    NumberParser p = new NumberParser(decimal);
    for (String v : values) {
      if (Double.isNaN(p.parse(v)) || !v.chars().anyMatch(Character::isDigit) || looksLikeDate(v)) return null;
    }
    if (!comma && !dot && values.stream().anyMatch(v -> v.matches(".*\\d[.,]\\d{3}\\D*"))) {
      note = "values like '1.250' could be thousands: check the decimal mark";
    }
    return new Guess("number", List.of(String.valueOf(decimal)), note);
  }

  private static boolean looksLikeDate(String v) {
    return v.matches("\\d{1,4}[/-]\\d{1,2}[/-]\\d{1,4}.*");
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }

  /** One pattern that reads every value, else the smallest pair that does. */
  private static Guess date(List<String> values) {
    List<DateTimeParser> parsers = DATE_PATTERNS.stream().map(DateTimeParser::new).toList();
    List<String> single = new ArrayList<>();
    for (DateTimeParser p : parsers) {
      if (values.stream().allMatch(v -> p.parse(v) != DateTimeParser.NO_MATCH)) single.add(p.pattern());
    }
    if (!single.isEmpty()) {
      String f = single.get(0);
      String note = "";
      if (f.startsWith("d") && single.stream().anyMatch(x -> x.startsWith("M/"))) {
        note = "day and month are both <= 12 in every value: check day-first (" + f + ") vs month-first";
      }
      return new Guess(f.contains("H") ? "datetime" : "date", List.of(f), note);
    }
    for (int i = 0; i < parsers.size(); i++) {
      for (int j = i + 1; j < parsers.size(); j++) {
        DateTimeParser a = parsers.get(i);
        DateTimeParser b = parsers.get(j);
        if (values.stream().allMatch(v -> a.parse(v) != DateTimeParser.NO_MATCH || b.parse(v) != DateTimeParser.NO_MATCH)) {
          boolean time = a.pattern().contains("H") || b.pattern().contains("H");
          return new Guess(time ? "datetime" : "date", List.of(a.pattern(), b.pattern()), "mixed formats");
        }
      }
    }
    return null;
  }
}
