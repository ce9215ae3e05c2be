package dev.journeykpi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Infers a column's type and format from its non-blank text values, for {@code kpi inspect}.
 * Inference is for the consultant writing a mapping; imports never guess, they use the declared
 * formats.
 */
final class TypeGuesser {
  /**
   * Tried in order: unambiguous ISO first; day-first before month-first, as Vietnamese exports
   * write dates.
   */
  static final List<String> DATE_PATTERNS =
      List.of(
          "yyyy-MM-dd HH:mm:ss",
          "yyyy-MM-dd HH:mm",
          "yyyy-MM-dd'T'HH:mm:ss",
          "yyyy-MM-dd'T'HH:mm",
          "yyyy-MM-dd",
          "dd/MM/yyyy HH:mm:ss",
          "dd/MM/yyyy HH:mm",
          "dd/MM/yyyy",
          "d/M/yyyy H:mm:ss",
          "d/M/yyyy H:mm",
          "d/M/yyyy",
          "M/d/yyyy H:mm:ss",
          "M/d/yyyy H:mm",
          "M/d/yyyy",
          "dd-MM-yyyy HH:mm",
          "dd-MM-yyyy",
          "dd.MM.yyyy",
          "yyyy/MM/dd",
          "yyyy/MM/dd HH:mm:ss");

  private static final Pattern CLOCK = Pattern.compile("\\d{1,3}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
  private static final Pattern COMMA_DECIMAL = Pattern.compile(".*\\d,(\\d{1,2}|\\d{4,})\\D*");
  // Patterns compiled once (String.matches compiles per call): inspect guesses every column of a
  // 100,000-column file.
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[/-]\\d{1,2}[/-]\\d{1,4}.*");

  /**
   * One dot before exactly three digits, after a first group without a leading zero: 100.000,
   * -1.500 ₫ (not 0.125).
   */
  private static final Pattern DOT_THOUSANDS = Pattern.compile("\\D*[1-9]\\d{0,2}\\.\\d{3}\\D*");

  private static final Pattern THOUSANDS = Pattern.compile(".*\\d[.,]\\d{3}\\D*");
  private static final List<String> BOOLEAN_WORDS =
      List.of(
          "true", "false", "yes", "no", "y", "n", "có", "co", "không", "khong", "x", "đúng", "sai");
  private static final Pattern DOT_DECIMAL = Pattern.compile(".*\\d\\.(\\d{1,2}|\\d{4,})\\D*");

  private static final List<DateTimeParser> PARSERS =
      DATE_PATTERNS.stream().map(DateTimeParser::new).toList();

  record Guess(String type, List<String> formats, String note) {}

  private TypeGuesser() {}

  /**
   * The type every value has; else, from 20 values on, the type all but 1% of them have (at least
   * one value may miss), with a note naming the values that do not fit: one mistyped date
   * ("31/09/2026") or a "Có?" should not hide a column's type from the consultant, and the note
   * says what the import will report.
   */
  static Guess guess(List<String> values) {
    if (values.isEmpty()) return new Guess("string", List.of(), "always blank");
    Guess strict = guess(values, 0);
    if (strict != null) return strict;
    int allowed = values.size() >= 20 ? Math.max(1, values.size() / 100) : 0;
    Guess tolerant = allowed == 0 ? null : guess(values, allowed);
    return tolerant != null ? tolerant : new Guess("string", List.of(), "");
  }

  /** The first type that all but {@code allowed} values have, or null. */
  private static Guess guess(List<String> values, int allowed) {
    Misses m = Misses.of(values, TypeGuesser::isBooleanWord, allowed);
    if (m != null) return new Guess("boolean", List.of(), m.note("yes/no value"));
    Guess number = number(values, allowed);
    if (number != null) return number;
    m = Misses.of(values, v -> CLOCK.matcher(v).matches(), allowed);
    if (m != null) {
      String note = "H:MM:SS (or M:SS); if these are times of day, keep them as text";
      return new Guess(
          "duration", List.of(), m.count == 0 ? note : note + "; " + m.note("duration"));
    }
    return date(values, allowed);
  }

  /** The values that do not fit a type: how many, and the first few. */
  private record Misses(int count, List<String> examples) {
    private static final java.util.Set<String> BLANK_WORDS =
        java.util.Set.of(
            "n/a", "na", "#n/a", "-", "--", "—", "null", "none", "nil", "?", "không có", "chưa có");

    /**
     * The misses of {@code fits} among {@code values}, or null when there are more than {@code
     * allowed}.
     */
    static Misses of(List<String> values, java.util.function.Predicate<String> fits, int allowed) {
      int count = 0;
      List<String> examples = new ArrayList<>();
      for (String v : values) {
        if (fits.test(v)) continue;
        if (++count > allowed) return null;
        if (examples.size() < 3 && !examples.contains(v)) examples.add(v);
      }
      return new Misses(count, examples);
    }

    /**
     * "" when every value fits; else which values do not, and what the import will do with them.
     */
    String note(String what) {
      if (count == 0) return "";
      String list = String.join(", ", examples.stream().map(v -> "'" + v + "'").toList());
      boolean blankWords =
          examples.stream().allMatch(v -> BLANK_WORDS.contains(v.toLowerCase(Locale.ROOT)));
      return count
          + (count == 1 ? " value is" : " values are")
          + " not a "
          + what
          + " ("
          + list
          + "): "
          + (blankWords
              ? "if that means blank, add it to the source's nulls:"
              : "the import will report it");
    }
  }

  private static boolean isBooleanWord(String v) {
    String k = v.trim().toLowerCase(Locale.ROOT);
    return BOOLEAN_WORDS.contains(k);
  }

  private static Guess number(List<String> values, int allowed) {
    char decimal = '.';
    String note = "";
    boolean comma =
        values.stream().anyMatch(v -> COMMA_DECIMAL.matcher(v).matches() || count(v, '.') > 1);
    boolean dot =
        values.stream().anyMatch(v -> DOT_DECIMAL.matcher(v).matches() || count(v, ',') > 1);
    if (comma && !dot) decimal = ',';
    // '100.000', '250.000' and nothing else with a dot: a dot before exactly three digits, one per
    // value, is how Vietnamese (and German, …) exports group thousands; read as decimals they would
    // be amounts 1,000 times too small, the worse mistake for a snippet pasted as it is. The note
    // says how to turn it round.
    boolean groupingDots =
        !comma
            && !dot
            && values.stream().noneMatch(v -> v.indexOf(',') >= 0)
            && values.stream().anyMatch(v -> v.indexOf('.') >= 0)
            && values.stream()
                .filter(v -> v.indexOf('.') >= 0)
                .allMatch(v -> DOT_THOUSANDS.matcher(v).matches());
    if (groupingDots) decimal = ',';
    NumberParser p = new NumberParser(decimal);
    Misses m =
        Misses.of(
            values,
            v ->
                !Double.isNaN(p.parse(v))
                    && v.chars().anyMatch(Character::isDigit)
                    && !looksLikeDate(v),
            allowed);
    if (m == null) return null;
    if (groupingDots) {
      String example = values.stream().filter(v -> v.indexOf('.') >= 0).findFirst().orElse("");
      note =
          "values like '"
              + example
              + "' are read as thousands (decimal \",\"): if the dot is a decimal mark, set decimal: \".\"";
    } else if (!comma && !dot && values.stream().anyMatch(v -> THOUSANDS.matcher(v).matches())) {
      note = "values like '1.250' could be thousands: check the decimal mark";
    }
    String misses = m.note("number");
    note = note.isEmpty() ? misses : misses.isEmpty() ? note : note + "; " + misses;
    return new Guess("number", List.of(String.valueOf(decimal)), note);
  }

  private static boolean looksLikeDate(String v) {
    return DATE_LIKE.matcher(v).matches();
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }

  /**
   * One pattern that reads every value (all but {@code allowed}: the fewest misses), else the first
   * pair that does.
   */
  private static Guess date(List<String> values, int allowed) {
    List<DateTimeParser> parsers = PARSERS;
    Misses best = null;
    List<String> single = new ArrayList<>();
    for (DateTimeParser p : parsers) {
      Misses m =
          Misses.of(
              values,
              v -> p.parse(v) != DateTimeParser.NO_MATCH,
              best == null ? allowed : best.count);
      if (m == null) continue;
      if (best == null || m.count < best.count) {
        single.clear();
        best = m;
      }
      single.add(p.pattern());
    }
    if (!single.isEmpty()) {
      String f = single.get(0);
      String note = "";
      if (f.startsWith("d") && single.stream().anyMatch(x -> x.startsWith("M/"))) {
        note =
            "day and month are both <= 12 in every value: check day-first ("
                + f
                + ") vs month-first";
      }
      boolean time = f.contains("H");
      String misses = best.note((time ? "date-time" : "date") + " as " + f);
      note = note.isEmpty() ? misses : misses.isEmpty() ? note : note + "; " + misses;
      return new Guess(time ? "datetime" : "date", List.of(f), note);
    }
    for (int i = 0; i < parsers.size(); i++) {
      for (int j = i + 1; j < parsers.size(); j++) {
        DateTimeParser a = parsers.get(i);
        DateTimeParser b = parsers.get(j);
        Misses m =
            Misses.of(
                values,
                v -> a.parse(v) != DateTimeParser.NO_MATCH || b.parse(v) != DateTimeParser.NO_MATCH,
                allowed);
        if (m != null) {
          boolean time = a.pattern().contains("H") || b.pattern().contains("H");
          String misses = m.note("date in either format");
          return new Guess(
              time ? "datetime" : "date",
              List.of(a.pattern(), b.pattern()),
              "mixed formats" + (misses.isEmpty() ? "" : "; " + misses));
        }
      }
    }
    return null;
  }
}
