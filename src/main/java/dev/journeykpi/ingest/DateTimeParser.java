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

/**
 * Parses one declared date or date-time pattern straight into Tablesaw's packed representation.
 *
 * <p>Import is on the hot path of every report and per-cell {@link DateTimeFormatter} parsing
 * dominates it, so the common numeric patterns ({@code dd/MM/yyyy HH:mm}, {@code M/d/yyyy H:mm:ss},
 * {@code yyyy-MM-dd'T'HH:mm:ss}) are compiled into a list of fixed fields read digit by digit, with
 * no regex, formatter or object per cell. Patterns with month names or AM/PM fall back to a
 * formatter, whose 'a' reads AM/PM and Vietnamese SA/CH alike, in any case. {@code iso} accepts ISO
 * dates and date-times, with an optional offset, which is honoured.
 */
public final class DateTimeParser {
  /** Returned when the text does not match. */
  public static final long NO_MATCH = Long.MIN_VALUE;

  private enum Kind {
    YEAR4,
    YEAR2,
    MONTH,
    DAY,
    HOUR,
    MINUTE,
    SECOND,
    FRACTION,
    LITERAL
  }

  private record Field(Kind kind, int minDigits, int maxDigits, char literal) {}

  private final String pattern;
  private final List<Field> fields;

  /**
   * The by-position reader of a fixed-width pattern ({@code dd/MM/yyyy HH:mm}), or null for other
   * patterns.
   */
  private final FixedWidth fixed;

  private final DateTimeFormatter fallback;
  private final boolean iso;

  /**
   * The pattern reads AM/PM ('a' outside quotes): SA/CH are read as AM/PM too (see {@link #amPm}).
   */
  private final boolean amPm;

  private static final java.util.regex.Pattern VIETNAMESE_AM_PM =
      java.util.regex.Pattern.compile("(?<!\\p{L})(?i:(SA)|(CH))(?!\\p{L})");

  public DateTimeParser(String pattern) {
    this.amPm = dev.journeykpi.config.DatePatterns.unquoted(pattern).indexOf('a') >= 0;
    this.pattern = pattern;
    this.iso = pattern.equalsIgnoreCase("iso");
    List<Field> compiled = iso ? null : compile(pattern);
    this.fields = compiled;
    this.fixed = compiled == null ? null : FixedWidth.of(compiled);
    this.fallback =
        iso || compiled != null
            ? null
            : new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
  }

  public String pattern() {
    return pattern;
  }

  /**
   * Parses to a packed local date-time ({@code PackedLocalDateTime}), or {@link #NO_MATCH}. An ISO
   * text with an offset is returned as an {@link java.time.OffsetDateTime} through {@link
   * #parseOffset} instead.
   */
  public long parse(CharSequence s) {
    if (fields != null) return parseFields(s);
    TemporalAccessor t = parseObject(s.toString());
    if (t == null) return NO_MATCH;
    LocalDate d = LocalDate.from(t);
    LocalTime time =
        t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
    return pack(
        d.getYear(),
        d.getMonthValue(),
        d.getDayOfMonth(),
        time.getHour(),
        time.getMinute(),
        time.getSecond(),
        time.getNano() / 1_000_000);
  }

  /**
   * Parses the bytes {@code buf[off, off + len)} of a field, already trimmed, like {@link #parse}:
   * the import's hot path, reading a file's bytes in place. A value of the fixed length of a
   * fixed-width pattern is read by position.
   */
  public long parse(byte[] buf, int off, int len) {
    if (fixed != null && len == fixed.length) {
      long v = fixed.parse(buf, off);
      if (v != NO_MATCH) return v;
    }
    return parse(new ByteSlice().set(buf, off, len).text(true));
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
        return LocalDateTime.parse(
            t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")
                ? java.time.OffsetDateTime.parse(t).toLocalDateTime().toString()
                : t.replace(' ', 'T'));
      }
      return fallback.parseBest(amPm ? amPm(t) : t, LocalDateTime::from, LocalDate::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The text with Vietnamese SA/CH (sáng, chiều: as Windows vi-VN and Java's own vi locale write AM
   * and PM), in any case, as AM/PM, which the (case-insensitive, English) formatter reads: one
   * pattern reads either kind of export.
   */
  static String amPm(String t) {
    java.util.regex.Matcher m = VIETNAMESE_AM_PM.matcher(t);
    if (!m.find()) return t;
    return m.replaceAll(r -> r.group(1) != null ? "AM" : "PM");
  }

  /**
   * A pattern whose every field has a fixed width, read by position: literals checked where they
   * sit, then one pass over the digits, each added at its place value into its own bit field of one
   * long (the fields cannot carry into each other). No call or branch per value, which the client
   * compiler would not inline away.
   */
  private static final class FixedWidth {
    // Where each value (year, month, day, hour, minute, second) starts in the packed digits: two
    // digits fit seven bits, four digits fourteen.
    private static final int[] SHIFT = {35, 28, 21, 14, 7, 0};

    final int length;
    private final int[] literalAt;
    private final byte[] literalByte;
    private final int[] digitAt;
    private final long[] digitWeight;
    private final boolean[] present = new boolean[6];
    private final boolean twoDigitYear;

    /** The reader for these fields, or null when some field's width varies. */
    static FixedWidth of(List<Field> fields) {
      for (Field f : fields) {
        if (f.kind != Kind.LITERAL && (f.minDigits != f.maxDigits || f.kind == Kind.FRACTION))
          return null;
        if (f.kind == Kind.LITERAL && f.literal >= 0x80) return null; // one byte per position
      }
      return new FixedWidth(fields);
    }

    private FixedWidth(List<Field> fields) {
      StringBuilder literals = new StringBuilder();
      List<Integer> literalPos = new ArrayList<>();
      List<Integer> digits = new ArrayList<>();
      List<Long> weights = new ArrayList<>();
      boolean year2 = false;
      int pos = 0;
      for (Field f : fields) {
        if (f.kind == Kind.LITERAL) {
          literals.append(f.literal);
          literalPos.add(pos++);
          continue;
        }
        int v =
            switch (f.kind) {
              case YEAR4, YEAR2 -> 0;
              case MONTH -> 1;
              case DAY -> 2;
              case HOUR -> 3;
              case MINUTE -> 4;
              default -> 5; // SECOND
            };
        present[v] = true;
        year2 |= f.kind == Kind.YEAR2;
        for (int j = 0; j < f.maxDigits; j++) {
          digits.add(pos++);
          long place = 1;
          for (int p = j + 1; p < f.maxDigits; p++) place *= 10;
          weights.add(place << SHIFT[v]);
        }
      }
      length = pos;
      twoDigitYear = year2;
      literalByte = literals.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      literalAt = literalPos.stream().mapToInt(Integer::intValue).toArray();
      digitAt = digits.stream().mapToInt(Integer::intValue).toArray();
      digitWeight = weights.stream().mapToLong(Long::longValue).toArray();
    }

    /** The value of exactly {@link #length} bytes at {@code off}, or NO_MATCH. */
    long parse(byte[] buf, int off) {
      for (int k = 0; k < literalAt.length; k++) {
        if (buf[off + literalAt[k]] != literalByte[k]) return NO_MATCH;
      }
      long packed = 0;
      int bad = 0;
      int[] at = digitAt;
      long[] weight = digitWeight;
      for (int k = 0; k < at.length; k++) {
        int d = buf[off + at[k]] - '0';
        bad |= d | (9 - d);
        packed += d * weight[k];
      }
      if (bad < 0) return NO_MATCH;
      // Written out rather than through a helper per value: the client compiler does not inline one
      // this size.
      boolean[] p = present;
      int year = p[0] ? (int) (packed >>> 35) & 0x3fff : -1; // no year is no date
      int month = p[1] ? (int) (packed >>> 28) & 0x7f : 1; // no month or day is the first
      int day = p[2] ? (int) (packed >>> 21) & 0x7f : 1;
      int hour = (int) (packed >>> 14) & 0x7f; // absent hours, minutes, seconds are 0
      int minute = (int) (packed >>> 7) & 0x7f;
      int second = (int) packed & 0x7f;
      return checkedPack(twoDigitYear ? 2000 + year : year, month, day, hour, minute, second, 0);
    }
  }

  private static long checkedPack(
      int year, int month, int day, int hour, int minute, int second, int millis) {
    if (year < 0) return NO_MATCH;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
      return NO_MATCH;
    if (day > 28 && day > lengthOfMonth(year, month)) return NO_MATCH;
    return pack(year, month, day, hour, minute, second, millis);
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
        default -> {}
      }
    }
    while (i < n && s.charAt(i) == ' ') i++;
    if (i != n) return NO_MATCH;
    return checkedPack(year, month, day, hour, minute, second, millis);
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

  /**
   * Tablesaw's packed date-time: the date's int ({@code PackedLocalDate}: year, month, day in 16,
   * 8, 8 bits) above the time's ({@code PackedLocalTime}: hour, minute, millisecond of the minute
   * in 8, 8, 16 bits). Packed here by shifts, for values already checked, rather than through
   * Tablesaw's {@code PackedLocalTime.of}, which checks each field through {@code ChronoField}
   * again and was half the cost of reading a date-time column.
   */
  public static long pack(
      int year, int month, int day, int hour, int minute, int second, int millis) {
    int d = (year << 16) | (month << 8) | day;
    int t = (hour << 24) | (minute << 16) | (second * 1000 + millis);
    return (((long) d) << 32) | (t & 0xffffffffL);
  }

  /**
   * Compiles the numeric subset of DateTimeFormatter patterns; null when the pattern needs the
   * formatter.
   */
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
        for (char x : p.substring(i + 1, close).toCharArray())
          out.add(new Field(Kind.LITERAL, 0, 0, x));
        i = close + 1;
        continue;
      }
      Field f;
      if (c == 'y' || c == 'u') {
        f =
            run == 2
                ? new Field(Kind.YEAR2, 2, 2, c)
                : run == 4 ? new Field(Kind.YEAR4, 4, 4, c) : null;
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
