package dev.journeykpi.sql;

import java.util.List;

/**
 * kpi's number and date-time parsing as PostgreSQL functions ({@code pg_temp.kpi_number}, {@code
 * pg_temp.kpi_datetime}), made by {@link PostgresDialect}'s preamble and following NumberParser and
 * DateTimeParser step by step as DuckDB's macros do. ARE has no {@code \p{…}} classes, so every
 * class is written out ({@code \}{@code uXXXX}) from Java's own character types.
 */
final class PostgresParsers {
  private PostgresParsers() {}

  /** The statements that make the functions, each without its semicolon. */
  static List<String> functions() {
    return List.of(numberFunction(), DATETIME);
  }

  /**
   * Character.getType(c) == CURRENCY_SYMBOL over the UTF-16 units, as NumberParser tests each char:
   * the class of ARE that PostgreSQL lacks as {@code \p{Sc}}, taken from Java itself.
   */
  static final String CURRENCY_SYMBOLS =
      charClass(c -> Character.getType(c) == Character.CURRENCY_SYMBOL);

  private static String charClass(java.util.function.IntPredicate in) {
    StringBuilder out = new StringBuilder();
    int c = 0;
    while (c <= 0xFFFF) {
      if (!in.test(c)) {
        c++;
        continue;
      }
      int end = c;
      while (end + 1 <= 0xFFFF && in.test(end + 1)) end++;
      out.append(u(c));
      if (end > c) out.append('-').append(u(end));
      c = end + 1;
    }
    return out.toString();
  }

  /** A character as ARE writes it in and out of a class: backslash, u, four hex digits. */
  static String u(int c) {
    return String.format("\\u%04x", c);
  }

  /**
   * NumberParser.parse, as DuckDB's kpi_number macro reads it (DuckDbDialect): plain digits read
   * straight; otherwise the text split once into what comes before the digits, the whole digits
   * with their grouping, the decimal mark with the fraction, and what follows. Where DuckDB keeps
   * only the letters of the parts before and after the digits (\p{L}) and checks them against the
   * currency words, this removes the signs, spaces and currency symbols and checks what is left:
   * the same test, since the words are letters only, without a letter class that ARE lacks.
   */
  private static String numberFunction() {
    String strip = "'[-+\u2212( \\u00a0" + CURRENCY_SYMBOLS + "]'";
    String stripRest = "'[%) \\u00a0" + CURRENCY_SYMBOLS + "]'";
    String sign = "'([(+\\-\u2212])[^(+\\-\u2212]*$'";
    return "CREATE OR REPLACE FUNCTION pg_temp.kpi_number(s text, mark text) RETURNS double precision"
        + " LANGUAGE sql IMMUTABLE STRICT AS $kpi$ SELECT CASE"
        + " WHEN s ~ '^[0-9]{1,15}$' THEN CAST(CAST(s AS bigint) AS double precision)"
        + " ELSE (SELECT CASE"
        + " WHEN length(regexp_replace(lead, '[^-+\u2212]', '', 'g')) > 1"
        + " OR regexp_replace(lead, "
        + strip
        + ", '', 'g') NOT IN ("
        + DuckDbDialect.currencyWords()
        + ") THEN NULL"
        // 19 or more whole digits: NumberParser's slowParse (what DuckDB's TRY_CAST accepts).
        + " WHEN length(regexp_replace(whole, '[^0-9]', '', 'g')) >= 19 THEN (SELECT CASE"
        + " WHEN t ~ '^-?[0-9]+(\\.[0-9]*)?$' THEN CAST(t AS double precision) END FROM (SELECT"
        + " replace(regexp_replace(s, '[^-0-9' || mark || ']', '', 'g'), mark, '.') AS t) AS kpi_t)"
        + " WHEN length(regexp_replace(rest, '[^%]', '', 'g')) > 1"
        + " OR regexp_replace(rest, "
        + stripRest
        + ", '', 'g') NOT IN ("
        + DuckDbDialect.currencyWords()
        + ")"
        + " OR (whole = '' AND length(frac) < 2) THEN NULL"
        + " ELSE (CASE WHEN substring(lead FROM "
        + sign
        + ") IN ('(', '-', '\u2212') THEN CAST(-1 AS double precision)"
        + " ELSE CAST(1 AS double precision) END)"
        + " * (CAST(CAST(CASE WHEN whole = '' THEN '0' ELSE regexp_replace(whole, '[^0-9]', '', 'g')"
        + " END AS bigint) AS double precision)"
        + " + CASE WHEN length(frac) < 2 THEN CAST(0 AS double precision)"
        + " ELSE CAST(CAST(left(substr(frac, 2), 15) AS bigint) AS double precision)"
        + " / power(CAST(10 AS double precision), length(left(substr(frac, 2), 15))) END)"
        + " / (CASE WHEN strpos(rest, '%') > 0 THEN CAST(100 AS double precision)"
        + " ELSE CAST(1 AS double precision) END) END"
        + " FROM (SELECT coalesce(m[1], '') AS lead, coalesce(m[2], '') AS whole,"
        + " coalesce(m[3], '') AS frac, coalesce(m[4], '') AS rest FROM (SELECT regexp_match(s,"
        + " CASE WHEN mark = '.' THEN '^([^0-9.]*)([0-9][0-9, \\u00a0'']*)?(\\.[0-9]*)?(.*)$'"
        + " ELSE '^([^0-9,]*)([0-9][0-9. \\u00a0'']*)?(,[0-9]*)?(.*)$' END) AS m) AS kpi_m) AS p)"
        + " END $kpi$";
  }

  /**
   * DateTimeParser's fixed fields, from the groups of the pattern's regular expression (each
   * field's group number given): no year is no date; a missing month or day is 1, a missing time 0;
   * every field in range and the day in its month, else NULL (checked before make_timestamp, which
   * raises an error where DuckDB's try() gives NULL); a fraction counts its first three digits as
   * milliseconds. Java's year 0 is PostgreSQL's 1 BC.
   */
  private static final String DATETIME =
      "CREATE OR REPLACE FUNCTION pg_temp.kpi_datetime(m text[], iy4 integer, iy2 integer,"
          + " imo integer, id integer, ih integer, imi integer, isec integer, ifr integer)"
          + " RETURNS timestamp LANGUAGE sql IMMUTABLE AS $kpi$ SELECT CASE"
          + " WHEN y IS NULL THEN NULL"
          + " WHEN mo < 1 OR mo > 12 OR d < 1 OR h > 23 OR mi > 59 OR s > 59 THEN NULL"
          + " WHEN d > CAST(extract(day FROM make_date(CASE WHEN y = 0 THEN -1 ELSE y END, mo, 1)"
          + " + INTERVAL '1 month' - INTERVAL '1 day') AS integer) THEN NULL"
          + " ELSE make_timestamp(CASE WHEN y = 0 THEN -1 ELSE y END, mo, d, h, mi, s)"
          + " + fr * INTERVAL '1 millisecond' END"
          + " FROM (SELECT CASE WHEN m[iy4] <> '' THEN CAST(m[iy4] AS integer)"
          + " WHEN m[iy2] <> '' THEN 2000 + CAST(m[iy2] AS integer) END AS y,"
          + " CASE WHEN m[imo] = '' THEN 1 ELSE CAST(m[imo] AS integer) END AS mo,"
          + " CASE WHEN m[id] = '' THEN 1 ELSE CAST(m[id] AS integer) END AS d,"
          + " CASE WHEN m[ih] = '' THEN 0 ELSE CAST(m[ih] AS integer) END AS h,"
          + " CASE WHEN m[imi] = '' THEN 0 ELSE CAST(m[imi] AS integer) END AS mi,"
          + " CASE WHEN m[isec] = '' THEN 0 ELSE CAST(m[isec] AS integer) END AS s,"
          + " CASE WHEN m[ifr] = '' THEN 0 ELSE CAST(rpad(left(m[ifr], 3), 3, '0') AS integer)"
          + " END AS fr) AS f $kpi$";
}
