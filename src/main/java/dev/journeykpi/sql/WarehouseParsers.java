package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * kpi's number and date-time parsing (ingest's NumberParser, DateTimeParser) as SQL expressions
 * over a {@link WarehouseDialect}'s primitives, step for step as DuckDB's macros ({@link
 * DuckDbDialect#preamble}) take them, but without {@code \p{…}} classes, which Snowflake's POSIX
 * regular expressions lack:
 *
 * <ul>
 *   <li>the text before the digits may hold signs, parentheses, spaces, currency symbols and
 *       letters that spell one currency word. NumberParser collects the letters and compares them
 *       with its words; here the signs, parentheses, spaces and currency symbols are removed and
 *       what is left must be nothing or one of the words (the words are letters only, so both
 *       accept the same texts). The currency symbols are Java's own (every character of the Basic
 *       Multilingual Plane whose type is CURRENCY_SYMBOL: NumberParser reads UTF-16 chars);
 *   <li>the text after the digits the same, with {@code %} and {@code )} instead of signs.
 * </ul>
 */
final class WarehouseParsers {
  private WarehouseParsers() {}

  /** NumberParser's currency symbols, as a string of the characters. */
  static final String CURRENCY_SYMBOLS = currencySymbols();

  private static String currencySymbols() {
    StringBuilder out = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++)
      if (Character.getType(c) == Character.CURRENCY_SYMBOL) out.append(c);
    return out.toString();
  }

  /** The number in the text under the decimal mark, or NULL: NumberParser.parse. */
  static String number(WarehouseDialect d, String s, char mark) {
    String other = mark == '.' ? "," : ".";
    // The parts, as DuckDB's kpi_number_dot/comma split them: what precedes the digits, the whole
    // digits with their grouping, the decimal mark and the fraction, what follows.
    String parts =
        "([^0-9"
            + mark
            + "]*)([0-9][0-9"
            + other
            + " '"
            + d.classChar(0xa0)
            + "]*)?(["
            + mark
            + "][0-9]*)?(.*)";
    String anchored = d.start() + parts + d.end();
    String whole = part(d, s, anchored, 2);
    String frac = part(d, s, anchored, 3);
    String lead = part(d, s, anchored, 1);
    String rest = part(d, s, anchored, 4);
    String wholeDigits = d.reReplaceAll(whole, "[^0-9]", "");
    String fraction15 = "substr(" + frac + ", 2, 15)";
    String one = d.cast("1", Dialect.SqlType.DOUBLE);
    return "CASE WHEN "
        + d.reFull(s, "[0-9]{1,15}")
        + " THEN "
        + d.cast(d.cast(s, Dialect.SqlType.BIGINT), Dialect.SqlType.DOUBLE)
        + " WHEN NOT ("
        + d.reFull(s, parts)
        + ") THEN NULL"
        + " WHEN "
        + d.reReplaceAll(
            lead, d.cls("[", "+\u2212( " + CURRENCY_SYMBOLS) + d.classChar(0xa0) + "-]", "")
        + " NOT IN ("
        + DuckDbDialect.currencyWords()
        + ") OR length("
        + d.reReplaceAll(lead, "[^+\u2212-]", "")
        + ") > 1 THEN NULL"
        + " WHEN length("
        + wholeDigits
        + ") >= 19 THEN "
        + d.tryDouble(
            "replace(" + d.reReplaceAll(s, "[^0-9" + mark + "-]", "") + ", '" + mark + "', '.')")
        + " WHEN "
        + d.reReplaceAll(rest, d.cls("[", "%) " + CURRENCY_SYMBOLS) + d.classChar(0xa0) + "]", "")
        + " NOT IN ("
        + DuckDbDialect.currencyWords()
        + ") OR length("
        + d.reReplaceAll(rest, "[^%]", "")
        + ") > 1 OR ("
        + whole
        + " = '' AND length("
        + frac
        + ") < 2) THEN NULL"
        + " ELSE (CASE WHEN "
        + part(d, lead, "([(+\u2212-])[^(+\u2212-]*" + d.end(), 1)
        + " IN ('(', '-', '\u2212') THEN -"
        + one
        + " ELSE "
        + one
        + " END) * ("
        + d.cast(
            d.cast(
                "CASE WHEN " + whole + " = '' THEN '0' ELSE " + wholeDigits + " END",
                Dialect.SqlType.BIGINT),
            Dialect.SqlType.DOUBLE)
        + " + CASE WHEN length("
        + frac
        + ") < 2 THEN "
        + d.cast("0", Dialect.SqlType.DOUBLE)
        + " ELSE "
        + d.cast(d.cast(fraction15, Dialect.SqlType.BIGINT), Dialect.SqlType.DOUBLE)
        + " / "
        + d.pow10("length(" + fraction15 + ")")
        + " END) / (CASE WHEN "
        + d.reFind(rest, "%")
        + " THEN "
        + d.cast("100", Dialect.SqlType.DOUBLE)
        + " ELSE "
        + one
        + " END) END";
  }

  /** A group of a regular expression's match, '' when it took no part or nothing matches. */
  private static String part(WarehouseDialect d, String s, String re, int group) {
    return "coalesce(" + d.reGroup(s, re, group) + ", '')";
  }

  /**
   * The date-time in the text under kpi's pattern, or NULL; null (no SQL) for a pattern outside the
   * numeric subset ({@link DatePatternRegex}). The fields are taken by the pattern's regular
   * expression, checked as DateTimeParser checks them (hour to 23, minute and second to 59; the
   * month and the day in its month by the engine's reading of the ISO text, which refuses the 31st
   * of September), a missing month or day 1, a missing time 0, a two-digit year in 2000–2099, a
   * fraction's first three digits as milliseconds.
   */
  static String timestamp(WarehouseDialect d, String text, String javaPattern) {
    DatePatternRegex.Compiled c = DatePatternRegex.of(javaPattern);
    if (c == null) return null;
    String re = c.regex();
    int fields = c.names().size();
    while (re.endsWith("()")) {
      re = re.substring(0, re.length() - 2);
      fields--;
    }
    // "^ *…" and "… *$": the anchors are the dialect's; an escaped literal is a class of itself.
    re =
        java.util.regex.Pattern.compile("\\\\(.)")
            .matcher(re.substring(1, re.length() - 1))
            .replaceAll(m -> "^\\[]".contains(m.group(1)) ? "$0" : "[$1]");
    String full = d.start() + re + d.end();
    List<String> names = c.names().subList(0, fields);
    String y4 = field(d, text, full, names, "y4");
    String y2 = field(d, text, full, names, "y2");
    String year =
        y4 != null
            ? y4
            : d.cast("2000 + " + d.cast(y2, Dialect.SqlType.INTEGER), Dialect.SqlType.TEXT);
    String iso =
        pad(year, 4)
            + " || '-' || "
            + padded(d, text, full, names, "mo", "01")
            + " || '-' || "
            + padded(d, text, full, names, "d", "01")
            + " || ' ' || "
            + padded(d, text, full, names, "h", "00")
            + " || ':' || "
            + padded(d, text, full, names, "mi", "00")
            + " || ':' || "
            + padded(d, text, full, names, "s", "00")
            + " || '.' || "
            + (names.contains("f")
                ? "rpad(substr(" + field(d, text, full, names, "f") + ", 1, 3), 3, '0')"
                : "'000'");
    List<String> out = new ArrayList<>();
    for (String[] f : new String[][] {{"h", "23"}, {"mi", "59"}, {"s", "59"}}) {
      String v = field(d, text, full, names, f[0]);
      if (v != null) out.add(d.cast(v, Dialect.SqlType.INTEGER) + " > " + f[1]);
    }
    return "CASE WHEN "
        + d.reFind(text, full)
        + (out.isEmpty() ? "" : " AND NOT (" + String.join(" OR ", out) + ")")
        + " THEN "
        + d.tryTimestampIso(iso)
        + " END";
  }

  private static String field(
      WarehouseDialect d, String text, String re, List<String> names, String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : d.reGroup(text, re, i + 1);
  }

  private static String padded(
      WarehouseDialect d, String text, String re, List<String> names, String name, String none) {
    String v = field(d, text, re, names, name);
    return v == null ? "'" + none + "'" : pad(v, 2);
  }

  private static String pad(String v, int width) {
    return "lpad(" + v + ", " + width + ", '0')";
  }
}
