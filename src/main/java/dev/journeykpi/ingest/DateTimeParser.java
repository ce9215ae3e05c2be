package dev.journeykpi.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * Parses one declared date or date-time pattern straight into Tablesaw's packed representation.
 *
 * <p>Import is on the hot path of every report and per-cell {@link DateTimeFormatter} parsing dominates it, so the
 * common numeric patterns ({@code dd/MM/yyyy HH:mm}, {@code M/d/yyyy H:mm:ss}, {@code yyyy-MM-dd'T'HH:mm:ss}) are
 * compiled into a list of fixed fields read digit by digit, with no regex, formatter or object per cell. Patterns with
 * month names or AM/PM fall back to a formatter. {@code iso} accepts ISO dates and date-times, with an optional
 * offset, which is honoured.
 */
public final class DateTimeParser {
  /** Returned when the text does not match. */
  public static final long NO_MATCH = Long.MIN_VALUE;

  private enum Kind { YEAR4, YEAR2, MONTH, DAY, HOUR, MINUTE, SECOND, FRACTION, LITERAL }

  private record Field(Kind kind, int minDigits, int maxDigits, char literal) {}

  private final String pattern;
  private final List<Field> fields;
  private final DateTimeFormatter fallback;
  private final boolean iso;

  public DateTimeParser(String pattern) {
    this.pattern = pattern;
    this.iso = pattern.equalsIgnoreCase("iso");
    List<Field> compiled = iso ? null : compile(pattern);
    this.fields = compiled;
    this.fallback = iso || compiled != null ? null
        : new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
  }

  public String pattern() {
    return pattern;
  }

  /**
   * Parses to a packed local date-time ({@code PackedLocalDateTime}), or {@link #NO_MATCH}. An ISO text with an
   * offset is returned as an {@link java.time.OffsetDateTime} through {@link #parseOffset} instead.
   */
  public long parse(CharSequence s) {
    if (fields != null) return parseFields(s);
    TemporalAccessor t = parseObject(s.toString());
    if (t == null) return NO_MATCH;
    LocalDate d = LocalDate.from(t);
    LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
    return pack(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(),
        time.getNano() / 1_000_000);
  }

  /** For ISO texts with an offset or zone: the instant, or null when the text has no offset. */
  public java.time.Instant parseOffset(CharSequence s) {
    if (!iso) return null;
    try {
      TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s.toString().trim());
      return t.isSupported(ChronoField.OFFSET_SECONDS) ? java.time.Instant.from(t) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private TemporalAccessor parseObject(String s) {
    String t = s.trim();
    try {
      if (iso) {
        if (t.length() <= 10) return LocalDate.parse(t);
        return LocalDateTime.parse(t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")
            ? java.time.OffsetDateTime.parse(t).toLocalDateTime().toString() : t.replace(' ', 'T'));
      }
      return fallback.parseBest(t, LocalDateTime::from, LocalDate::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private long parseFields(CharSequence s) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) == ' ') i++;
    int year = -1, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
    for (Field f : fields) {
      if (f.kind == Kind.LITERAL) {
        if (i >= n || s.charAt(i) != f.literal) return NO_MATCH;
        i++;
        continue;
      }
      int start = i;
      int v = 0;
      while (i < n && i - start < f.maxDigits) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') break;
        v = v * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits < f.minDigits) return NO_MATCH;
      switch (f.kind) {
        case YEAR4 -> year = v;
        case YEAR2 -> year = 2000 + v;
        case MONTH -> month = v;
        case DAY -> day = v;
        case HOUR -> hour = v;
        case MINUTE -> minute = v;
        case SECOND -> second = v;
        case FRACTION -> millis = digits >= 3 ? v / pow10(digits - 3) : v * pow10(3 - digits);
        default -> { }
      }
    }
    while (i < n && s.charAt(i) == ' ') i++;
    if (i != n || year < 0) return NO_MATCH;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NO_MATCH;
    if (day > 28 && day > lengthOfMonth(year, month)) return NO_MATCH;
    return pack(year, month, day, hour, minute, second, millis);
  }

  private static int lengthOfMonth(int year, int month) {
    if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  private static int pow10(int k) {
    int p = 1;
    for (int j = 0; j < k; j++) p *= 10;
    return p;
  }

  public static long pack(int year, int month, int day, int hour, int minute, int second, int millis) {
    int d = PackedLocalDate.pack(year, month, day);
    int t = PackedLocalTime.of(hour, minute, second, millis);
    return (((long) d) << 32) | (t & 0xffffffffL);
  }

  /** Compiles the numeric subset of DateTimeFormatter patterns; null when the pattern needs the formatter. */
  private static List<Field> compile(String p) {
    List<Field> out = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      int run = 1;
      while (i + run < p.length() && p.charAt(i + run) == c) run++;
      if (c == '\'') {
        int close = p.indexOf('\'', i + 1);
        if (close < 0) return null;
        for (char x : p.substring(i + 1, close).toCharArray()) out.add(new Field(Kind.LITERAL, 0, 0, x));
        i = close + 1;
        continue;
      }
      Field f;
      if (c == 'y' || c == 'u') {
        f = run == 2 ? new Field(Kind.YEAR2, 2, 2, c) : run == 4 ? new Field(Kind.YEAR4, 4, 4, c) : null;
      } else if (c == 'M' && run <= 2) {
        f = new Field(Kind.MONTH, run, 2, c);
      } else if (c == 'd' && run <= 2) {
        f = new Field(Kind.DAY, run, 2, c);
      } else if (c == 'H' && run <= 2) {
        f = new Field(Kind.HOUR, run, 2, c);
      } else if (c == 'm' && run <= 2) {
        f = new Field(Kind.MINUTE, run, 2, c);
      } else if (c == 's' && run <= 2) {
        f = new Field(Kind.SECOND, run, 2, c);
      } else if (c == 'S') {
        f = new Field(Kind.FRACTION, 1, 9, c);
      } else if (Character.isLetter(c)) {
        return null;
      } else {
        for (int k = 0; k < run; k++) out.add(new Field(Kind.LITERAL, 0, 0, c));
        i += run;
        continue;
      }
      if (f == null) return null;
      out.add(f);
      i += run;
    }
    return out;
  }
}
