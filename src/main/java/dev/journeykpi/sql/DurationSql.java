package dev.journeykpi.sql;

import dev.journeykpi.sql.Dialect.SqlType;
import java.util.List;

/**
 * A duration column's text as seconds in SQL, by the default import's rule (ingest's
 * DurationParser), over the dialect's hooks ({@link Dialect#regexFull}, {@link Dialect#regexGroup},
 * {@link Dialect#withGroups}, {@link Dialect#tryParseNumber}) so that one text serves every engine:
 *
 * <ul>
 *   <li>without a colon, a number in the column's unit (kpi's number reading under the column's
 *       decimal mark), NULL when negative;
 *   <li>{@code H:MM:SS} or {@code M:SS}: every part but the last a whole number ({@code
 *       Long.parseLong}: a sign allowed, at most {@code 9223372036854775807}), the last a decimal
 *       ({@code Double.parseDouble} of the part with {@code ,} as {@code .}: a sign, digits with
 *       one mark, a {@code f}/{@code d} suffix, spaces before it); none negative ({@code -0} is 0,
 *       as there), every part after the first below 60; more than three parts refused. The seconds
 *       are {@code ((H × 60) + MM) × 60 + SS} in doubles, Java's arithmetic.
 * </ul>
 *
 * What the default engine reads and this does not (documented in docs/engines.md): a last part with
 * an exponent or in hexadecimal ({@code 5:1e1}), whole digits written in other scripts than ASCII,
 * control characters around the text; a last part's fraction counts its first 40 digits.
 */
final class DurationSql {
  private DurationSql() {}

  /** Spaces and tabs: what {@code Double.parseDouble} trims before the last part (a tab, raw). */
  private static final String WS = "[ \t]*";

  /** A last part that {@code Double.parseDouble} reads, without exponent and hexadecimal forms. */
  private static final String LAST = WS + "[+-]?([0-9]+[.,]?[0-9]*|[.,][0-9]+)[fFdD]?";

  private static final String WHOLE = "[+-]?[0-9]+";

  /** H:MM:SS and M:SS as a whole. */
  static final String THREE = WHOLE + ":" + WHOLE + ":" + LAST;

  static final String TWO = WHOLE + ":" + LAST;

  /**
   * The parts' groups, flat (BigQuery takes one group at a time): per whole part its sign and its
   * digits after the leading zeros; for the last, its sign, whole digits (leading zeros dropped)
   * and fraction digits.
   */
  private static final String PART = "([+-]?)0*([0-9]*)";

  private static final String LAST_PARTS = WS + "([+-]?)0*([0-9]*)[.,]?([0-9]*)[fFdD]?";

  static final String THREE_PARTS = PART + ":" + PART + ":" + LAST_PARTS;

  static final String TWO_PARTS = PART + ":" + LAST_PARTS;

  /** Seconds in a plain number's unit (DurationParser's table: seconds unless said). */
  static long unitSeconds(String unit) {
    return switch (unit == null ? "" : unit) {
      case "minutes" -> 60;
      case "hours" -> 3600;
      case "days" -> 86400;
      default -> 1;
    };
  }

  /** The seconds in {@code text} (trimmed, not blank), NULL when it is not a duration. */
  static String parse(Dialect d, String text, String unit, char decimalMark) {
    long perUnit = unitSeconds(unit);
    String n = d.tryParseNumber(text, decimalMark);
    String number = "CASE WHEN " + n + " >= 0 THEN " + n + (perUnit == 1 ? "" : " * " + perUnit);
    return "CASE WHEN NOT "
        + d.textContains(text, "':'")
        + " THEN "
        + number
        + " END WHEN "
        + d.regexFull(text, THREE)
        + " THEN "
        + clock(d, text, THREE_PARTS, 2)
        + " WHEN "
        + d.regexFull(text, TWO)
        + " THEN "
        + clock(d, text, TWO_PARTS, 1)
        + " END";
  }

  /**
   * The seconds of a text of {@code wholeParts} whole parts before the last (already known to have
   * the shape): NULL when a part is negative, too large for a long, or (after the first) 60 or
   * more. The parts are taken once ({@link Dialect#withGroups}).
   */
  private static String clock(Dialect d, String text, String re, int wholeParts) {
    return d.withGroups(text, re, 2 * wholeParts + 3, g -> clock(d, g, wholeParts));
  }

  private static String clock(Dialect d, List<String> g, int wholeParts) {
    StringBuilder ok = new StringBuilder("(");
    String value = null;
    for (int i = 0; i < wholeParts; i++) {
      String sign = g.get(2 * i);
      String digits = g.get(2 * i + 1);
      if (i > 0) ok.append(" AND ");
      // Long.parseLong: 19 digits at most, and no more than Long.MAX_VALUE (equal lengths of digits
      // compare as numbers); a minus only before zeros.
      ok.append("(length(")
          .append(digits)
          .append(") < 19 OR (length(")
          .append(digits)
          .append(") = 19 AND ")
          .append(digits)
          .append(" <= '9223372036854775807')) AND NOT (")
          .append(sign)
          .append(" = '-' AND ")
          .append(digits)
          .append(" <> '')");
      if (i > 0) ok.append(" AND length(").append(digits).append(") <= 2");
      String v = wholeNumber(d, digits);
      if (i > 0) ok.append(" AND ").append(v).append(" < 60");
      value = value == null ? v : "(" + value + " * 60 + " + v + ")";
    }
    int at = 2 * wholeParts;
    String sign = g.get(at);
    String whole = g.get(at + 1);
    String fraction = g.get(at + 2);
    // The last part as a decimal text the engine reads exactly as Java does (correctly rounded):
    // at most two whole digits (more is 100 or above, refused), the fraction's first 40 digits.
    // (Cast only then: an engine may raise an error on a text beyond a double's range.)
    String seconds =
        "CASE WHEN length("
            + whole
            + ") <= 2 THEN "
            + d.cast(
                "CASE WHEN "
                    + whole
                    + " = '' THEN '0' ELSE "
                    + whole
                    + " END || '.' || substr("
                    + fraction
                    + ", 1, 40) || '0'",
                SqlType.DOUBLE)
            + " END";
    ok.append(" AND ")
        .append(seconds)
        .append(" < 60 AND NOT (")
        .append(sign)
        .append(" = '-' AND ")
        .append(seconds)
        .append(" > 0))");
    return "CASE WHEN " + ok + " THEN " + value + " * 60 + " + seconds + " END";
  }

  /**
   * Digits (leading zeros removed, maybe none) as a DOUBLE; NULL beyond a long's 19 digits, never
   * cast (an engine may raise an error on a text beyond a double's range).
   */
  private static String wholeNumber(Dialect d, String digits) {
    return "CASE WHEN "
        + digits
        + " = '' THEN "
        + d.cast("0", SqlType.DOUBLE)
        + " WHEN length("
        + digits
        + ") <= 19 THEN "
        + d.cast(digits, SqlType.DOUBLE)
        + " END";
  }
}
