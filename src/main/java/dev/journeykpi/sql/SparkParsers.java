package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * kpi's number and date-time parsing as Spark SQL expressions, for {@link SparkDialect}: Spark has
 * no macros, so each parser is written inline, its text bound once through a lambda ({@code
 * transform(array(text), s -> …)[0]}) and split once into a struct of parts, step by step as
 * DuckDB's macros take it. Regular expressions are Java's, ends written {@code \z} (Java's {@code
 * $} also matches before a final line break).
 */
final class SparkParsers {
  private SparkParsers() {}

  /**
   * NumberParser.parse, step by step as DuckDB's macros take it: plain digits (the usual cell) are
   * read straight; otherwise the text is split once into what comes before the digits, the whole
   * digits with their grouping, the decimal mark with the fraction, and what follows (see {@code
   * DuckDbDialect.NUMBER} for each rule).
   */
  static String number(SparkDialect dialect, String text, char mark) {
    String d = mark == '.' ? "\\." : ",";
    String g = mark == '.' ? "," : "\\.";
    String split =
        dialect.literal(
            "^([^0-9" + d + "]*)([0-9][0-9" + g + " \\x{a0}']*)?(" + d + "[0-9]*)?(.*)\\z");
    String parts =
        "named_struct('lead', regexp_extract(s, R, 1), 'whole', regexp_extract(s, R, 2),"
                .replace("R", split)
            + " 'frac', regexp_extract(s, R, 3), 'rest', regexp_extract(s, R, 4))"
                .replace("R", split);
    String minus = "+\\-−";
    String body =
        "CASE WHEN NOT (p.lead RLIKE "
            + dialect.literal("^[" + minus + "(\\p{L}\\p{Sc} \\x{a0}]*\\z")
            + ") OR length(regexp_replace(p.lead, "
            + dialect.literal("[^" + minus + "]")
            + ", '')) > 1 OR regexp_replace(p.lead, "
            + dialect.literal("[^\\p{L}]")
            + ", '') NOT IN ("
            + DuckDbDialect.currencyWords()
            + ") THEN NULL WHEN length(regexp_replace(p.whole, '[^0-9]', '')) >= 19"
            + " THEN try_cast(replace(regexp_replace(s, "
            + dialect.literal("[^0-9\\-" + mark + "]")
            + ", ''), "
            + dialect.literal(String.valueOf(mark))
            + ", '.') AS DOUBLE) WHEN NOT (p.rest RLIKE "
            + dialect.literal("^[%)\\p{L}\\p{Sc} \\x{a0}]*\\z")
            + ") OR length(regexp_replace(p.rest, '[^%]', '')) > 1 OR regexp_replace(p.rest, "
            + dialect.literal("[^\\p{L}]")
            + ", '') NOT IN ("
            + DuckDbDialect.currencyWords()
            + ") OR (p.whole = '' AND length(p.frac) < 2) THEN NULL"
            + " ELSE (CASE WHEN regexp_extract(p.lead, "
            + dialect.literal("([(" + minus + "])[^(" + minus + "]*\\z")
            + ", 1) IN ('(', '-', '−') THEN -1.0D ELSE 1.0D END)"
            + " * (CAST(CAST(CASE WHEN p.whole = '' THEN '0'"
            + " ELSE regexp_replace(p.whole, '[^0-9]', '') END AS BIGINT) AS DOUBLE)"
            + " + CASE WHEN length(p.frac) < 2 THEN 0.0D"
            + " ELSE CAST(CAST(left(substr(p.frac, 2), 15) AS BIGINT) AS DOUBLE)"
            + " / pow(10.0D, length(left(substr(p.frac, 2), 15))) END)"
            + " / (CASE WHEN instr(p.rest, '%') > 0 THEN 100.0D ELSE 1.0D END) END";
    return bind(
        text,
        "CASE WHEN s RLIKE "
            + dialect.literal("^[0-9]{1,15}\\z")
            + " THEN CAST(CAST(s AS BIGINT) AS DOUBLE)"
            + " ELSE transform(array("
            + parts
            + "), p -> "
            + body
            + ")[0] END");
  }

  /**
   * {@code expr} over the text bound to {@code s} once: a lambda's parameter, so that a long text
   * expression is not repeated at each use.
   */
  private static String bind(String text, String expr) {
    return "transform(array(" + text + "), s -> " + expr + ")[0]";
  }

  /**
   * DateTimeParser's fixed fields, from the same regular expression as DuckDB's (its end written
   * {@code \z}): no year is no date; a missing month or day is 1, a missing time 0; the fields
   * written as an ISO text and cast with {@code try_cast}, which refuses a field out of range or a
   * day not in its month as DateTimeParser does; a fraction counts its first three digits.
   */
  static String dateTime(SparkDialect dialect, String text, String javaPattern) {
    DatePatternRegex.Compiled c = DatePatternRegex.of(javaPattern);
    if (c == null) return null;
    String re = dialect.literal(c.regex().replace(" *$", " *\\z"));
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < c.names().size(); i++)
      fields.add("'" + c.names().get(i) + "', regexp_extract(s, " + re + ", " + (i + 1) + ")");
    String year =
        "CASE WHEN p.y4 <> '' THEN p.y4 ELSE CAST(2000 + CAST(p.y2 AS INT) AS STRING) END";
    String iso =
        "concat("
            + year
            + ", '-', lpad(CASE WHEN p.mo = '' THEN '1' ELSE p.mo END, 2, '0')"
            + ", '-', lpad(CASE WHEN p.d = '' THEN '1' ELSE p.d END, 2, '0')"
            + ", ' ', lpad(CASE WHEN p.h = '' THEN '0' ELSE p.h END, 2, '0')"
            + ", ':', lpad(CASE WHEN p.mi = '' THEN '0' ELSE p.mi END, 2, '0')"
            + ", ':', lpad(CASE WHEN p.s = '' THEN '0' ELSE p.s END, 2, '0')"
            + ", '.', rpad(left(p.f, 3), 3, '0'))";
    return bind(
        text,
        "transform(array(named_struct("
            + String.join(", ", fields)
            + ")), p -> CASE WHEN p.y4 = '' AND p.y2 = '' THEN NULL"
            + " ELSE try_cast("
            + iso
            + " AS TIMESTAMP_NTZ) END)[0]");
  }
}
