package dev.journeykpi.sql;

import static dev.journeykpi.sql.Dialect.SqlType.INTEGER;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A date or date-time column without {@code format:} in SQL, read as the default import reads it
 * (ingest's DateTimeParser with the pattern {@code iso}), over the dialect's hooks:
 *
 * <ul>
 *   <li>a text of at most 10 characters is a date {@code yyyy-MM-dd} ({@code LocalDate.parse}: a
 *       real day of its month), at midnight;
 *   <li>a longer text ending in {@code Z} or an offset {@code ±hh:mm} (or {@code ±hhmm}, which
 *       java.time then refuses) is an instant ({@code OffsetDateTime.parse}: {@code T} between the
 *       date and the time, in either case; the offset at most 18 hours), taken as the local time of
 *       the definition's zone at that instant;
 *   <li>any other longer text is a local date-time {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} ({@code
 *       LocalDateTime.parse} after every space became {@code T}; {@code T} in either case; a
 *       fraction of up to 9 digits, its milliseconds kept, as kpi holds date-times).
 * </ul>
 *
 * Each form is one of kpi's numeric patterns ({@link Dialect#tryParseTimestamp}), so the fields are
 * checked as for a declared format. Years beyond 9999 (java.time's {@code +10000-01-01}) are not
 * read (docs/engines.md).
 */
final class IsoDateSql {
  private IsoDateSql() {}

  /** The forms of a local date-time after the date, as kpi patterns. */
  private static final List<String> TIMES =
      List.of("'T'HH:mm", "'T'HH:mm:ss", "'T'HH:mm:ss.", "'T'HH:mm:ss.S");

  /** A text that java.time reads as an instant: what DateTimeParser tests before parsing one. */
  static final String OFFSET_TEXT = ".*(Z|[+-][0-9][0-9]:?[0-9][0-9])";

  /** Its local part and its offset ({@code Z} or {@code ±hh:mm}), as flat groups. */
  static final String OFFSET_PARTS = "(.*)(Z|[+-][0-9][0-9]:[0-9][0-9])";

  /** The local date-time in {@code text} (trimmed, not blank), NULL when it is not ISO. */
  static String parse(Dialect d, String text, ZoneId zone) {
    return "CASE WHEN length("
        + text
        + ") <= 10 THEN "
        + d.tryParseTimestamp(text, "yyyy-MM-dd")
        // java.time reads no space in a text with an offset (kpi's patterns allow them at the
        // ends).
        + " WHEN "
        + d.regexFull(text, OFFSET_TEXT)
        + " THEN CASE WHEN NOT "
        + d.textContains(text, "' '")
        + " THEN "
        + d.withGroups(text, OFFSET_PARTS, 2, g -> atOffset(d, g, zone))
        + " END ELSE "
        + localTimes(d, "replace(replace(" + text + ", ' ', 'T'), 't', 'T')")
        + " END";
  }

  /**
   * The groups of {@link #OFFSET_PARTS}: the local part and the offset, whose sign, hours and
   * minutes are at fixed places ('' for Z, past its end).
   */
  private static String atOffset(Dialect d, List<String> g, ZoneId zone) {
    String local = g.get(0);
    String sign = "substr(" + g.get(1) + ", 1, 1)";
    String hours = "substr(" + g.get(1) + ", 2, 2)";
    String minutes = "substr(" + g.get(1) + ", 5, 2)";
    // (Z has no digits: '0' is cast instead, an engine may raise an error on an empty text.)
    String seconds =
        "("
            + d.cast("CASE WHEN " + hours + " = '' THEN '0' ELSE " + hours + " END", INTEGER)
            + " * 3600 + "
            + d.cast("CASE WHEN " + minutes + " = '' THEN '0' ELSE " + minutes + " END", INTEGER)
            + " * 60)";
    // ZoneOffset.ofHoursMinutes: hours up to 18, minutes up to 59, the whole at most 18:00.
    String offsetOk =
        "(" + hours + " = '' OR (" + minutes + " <= '59' AND " + seconds + " <= 64800))";
    String offset =
        "CASE WHEN "
            + hours
            + " = '' THEN 0 WHEN "
            + sign
            + " = '-' THEN - "
            + seconds
            + " ELSE "
            + seconds
            + " END";
    return "CASE WHEN "
        + offsetOk
        + " THEN "
        + d.localAtOffset(localTimes(d, "replace(" + local + ", 't', 'T')"), offset, zone)
        + " END";
  }

  /** A local date-time {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]}, NULL when the text is not one. */
  private static String localTimes(Dialect d, String text) {
    List<String> each = new ArrayList<>();
    for (String t : TIMES) each.add(d.tryParseTimestamp(text, "yyyy-MM-dd" + t));
    return "coalesce(" + String.join(", ", each) + ")";
  }
}
