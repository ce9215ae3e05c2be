package dev.journeykpi.sql;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * PostgreSQL 15 and later ({@code kpi sql --dialect postgres}, issues 17 and 18). The SQL expects a
 * database in UTF8 with a UTF-8 ctype ({@code C.UTF-8}, {@code en_US.UTF-8} …): {@code normalize}
 * needs the UTF8 encoding, and {@code lower} and the regular expressions' case folding follow the
 * ctype ({@code C} lowers ASCII only, so {@code Đ} would stay upper case).
 *
 * <p>The parsing hooks are temporary SQL functions ({@code pg_temp.kpi_number}, {@code
 * pg_temp.kpi_datetime}) made by the preamble, following kpi's NumberParser and DateTimeParser step
 * by step as DuckDB's macros do; PostgreSQL's regular expressions (ARE) have no {@code \p{…}}
 * classes, so every class here is written out ({@code \}{@code uXXXX}), never through {@code
 * [[:alpha:]]}, which follows the ctype. Exact percentiles are {@code percentile_cont … WITHIN
 * GROUP}; sums of doubles are taken in sorted order ({@code sum(x ORDER BY x)}), which PostgreSQL
 * never splits over parallel workers, so the same rows give the same bits whatever the plan.
 */
public final class PostgresDialect implements Dialect {
  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public List<String> preamble() {
    return PostgresParsers.functions();
  }

  @Override
  public String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** With standard_conforming_strings on (the default since 9.1), a backslash is itself. */
  @Override
  public String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public String timestamp(LocalDateTime t) {
    return "TIMESTAMP '" + t.toLocalDate() + " " + t.toLocalTime().withNano(0) + "'";
  }

  /** Exact: PERCENTILE.INC's interpolation between the two nearest values. */
  @Override
  public String percentile(String expr, double p) {
    return "percentile_cont("
        + p / 100.0
        + ") WITHIN GROUP (ORDER BY CAST("
        + expr
        + " AS double precision))";
  }

  @Override
  public String epochSeconds(String timestamp) {
    return "CAST(extract(epoch FROM " + timestamp + ") AS double precision)";
  }

  @Override
  public String epochMillis(String timestamp) {
    return "CAST(floor(extract(epoch FROM " + timestamp + ") * 1000) AS bigint)";
  }

  @Override
  public String tryParseNumber(String text, char decimalMark) {
    return "pg_temp.kpi_number(" + text + ", '" + (decimalMark == ',' ? ',' : '.') + "')";
  }

  @Override
  public String tryParseTimestamp(String text, String javaPattern) {
    DatePatternRegex.Compiled c = DatePatternRegex.of(javaPattern);
    if (c == null) return null;
    StringBuilder groups = new StringBuilder();
    for (String f : DuckDbDialect.DATE_FIELDS) groups.append(", ").append(c.names().indexOf(f) + 1);
    return "pg_temp.kpi_datetime(regexp_match("
        + text
        + ", "
        + literal(c.regex())
        + ")"
        + groups
        + ")";
  }

  @Override
  public String lowerNfc(String text) {
    return "lower(normalize(" + text + ", NFC))";
  }

  @Override
  public String trimmed(String field) {
    return "btrim(" + field + ", E' \\t')";
  }

  /** Character.isWhitespace's characters (String.strip's and isBlank's), as a class of ARE. */
  static final String JAVA_WHITESPACE =
      "[\\u0009-\\u000d\\u001c-\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029"
          + "\\u205f\\u3000]";

  @Override
  public String isBlank(String text) {
    return "(" + text + " IS NULL OR " + text + " ~ '^" + JAVA_WHITESPACE + "*$')";
  }

  @Override
  public String isBlankField(String field) {
    return "(" + field + " IS NULL OR " + field + " ~ '^[\\u0009-\\u000d\\u001c-\\u0020]*$')";
  }

  @Override
  public String nfc(String text) {
    return "normalize(" + text + ", NFC)";
  }

  /**
   * ControlChars.stripped: C0 but tab, line feed and carriage return; DEL; C1 (a text of PostgreSQL
   * holds no U+0000).
   */
  private static final String CONTROL =
      "'[\\u0001-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]'";

  @Override
  public String importedText(String trimmed) {
    return "normalize(CASE WHEN "
        + hasControlCharacters(trimmed)
        + " THEN btrim(regexp_replace("
        + trimmed
        + ", "
        + CONTROL
        + ", '', 'g'), E' \\t') ELSE "
        + trimmed
        + " END, NFC)";
  }

  @Override
  public String hasControlCharacters(String trimmed) {
    return "(" + trimmed + " ~ " + CONTROL + ")";
  }

  /**
   * In sorted order: PostgreSQL does not split an aggregate with ORDER BY over parallel workers,
   * and the sorted values' sum is the same bits whatever order the rows came in (a float sum
   * depends on its order, so a plain parallel sum can differ in the last bits between runs).
   */
  @Override
  public String sumExact(String expr) {
    return "sum(CAST("
        + expr
        + " AS double precision) ORDER BY CAST("
        + expr
        + " AS double precision))";
  }

  @Override
  public String values(String name, List<String> columns, List<List<String>> rows) {
    List<String> rs = new ArrayList<>();
    for (List<String> r : rows) rs.add("(" + String.join(", ", r) + ")");
    return "(VALUES "
        + String.join(", ", rs)
        + ") AS "
        + name
        + "("
        + String.join(", ", columns)
        + ")";
  }

  @Override
  public String daySeries(String fromDate, String toDate) {
    return "(SELECT CAST(kpi_g AS date) AS kpi_day FROM generate_series(CAST("
        + fromDate
        + " AS timestamp), CAST("
        + toDate
        + " AS timestamp), INTERVAL '1 day') AS kpi_g)";
  }

  @Override
  public String isoDayOfWeek(String date) {
    return "CAST(extract(isodow FROM " + date + ") AS bigint)";
  }

  @Override
  public String secondOfDay(String timestamp) {
    return "CAST(floor(extract(epoch FROM CAST(" + timestamp + " AS time))) AS bigint)";
  }

  /**
   * PostgreSQL's {@code AT TIME ZONE} reads a time in a gap as java.time does (at the offset before
   * the gap, so an hour later on the clock), but one in an overlap at the later offset: when the
   * instant one overlap earlier shows the same local time, that earlier instant is the one
   * java.time means (as in DuckDbDialect). Neither depends on the session's TimeZone.
   */
  @Override
  public String epochMillisInZone(String timestamp, ZoneId zone) {
    String z = literal(zone.getId());
    String later = "(" + timestamp + " AT TIME ZONE " + z + ")";
    StringBuilder out = new StringBuilder("CAST(floor(extract(epoch FROM CASE");
    for (long seconds : overlaps(zone)) {
      String earlier = "(" + later + " - INTERVAL '" + seconds + " seconds')";
      out.append(" WHEN (")
          .append(earlier)
          .append(" AT TIME ZONE ")
          .append(z)
          .append(") = ")
          .append(timestamp)
          .append(" THEN ")
          .append(earlier);
    }
    return out.append(" ELSE ").append(later).append(" END) * 1000) AS bigint)").toString();
  }

  /** The lengths in seconds of the zone's overlaps (clocks moved back), past and by its rules. */
  private static SortedSet<Long> overlaps(ZoneId zone) {
    SortedSet<Long> out = new TreeSet<>();
    ZoneRules rules = zone.getRules();
    for (ZoneOffsetTransition t : rules.getTransitions())
      if (t.isOverlap()) out.add(-t.getDuration().getSeconds());
    for (ZoneOffsetTransitionRule r : rules.getTransitionRules())
      if (r.getOffsetAfter().getTotalSeconds() < r.getOffsetBefore().getTotalSeconds())
        out.add(
            (long) r.getOffsetBefore().getTotalSeconds() - r.getOffsetAfter().getTotalSeconds());
    return out;
  }

  @Override
  public String wholeSeconds(String timestamp) {
    return "date_trunc('second', " + timestamp + ")";
  }

  @Override
  public String stripped(String text) {
    return "regexp_replace("
        + text
        + ", '^"
        + JAVA_WHITESPACE
        + "+|"
        + JAVA_WHITESPACE
        + "+$', '', 'g')";
  }

  @Override
  public String textKey(String text) {
    // String.trim removes every character up to the space, control characters included.
    return "nullif(lower(normalize(regexp_replace("
        + text
        + ", '^[\\u0001-\\u0020]+|[\\u0001-\\u0020]+$', '', 'g'), NFC)), '')";
  }

  /**
   * The pattern comes in RE2's syntax with Java's meaning (JavaRegex) and is rewritten to ARE's by
   * {@link PostgresRegex}: {@code \d} and {@code \w} as their ASCII classes and the Unicode classes
   * of Java's {@code \b} as Java's own ranges (ARE's classes follow the database's ctype: with a
   * UTF-8 one, its {@code \w} takes Vietnamese letters, Java's does not). Greedy and lazy
   * quantifiers find the same texts, which is all a find asks.
   */
  @Override
  public String regexFind(String text, String pattern) {
    return "(" + text + " ~ " + literal(PostgresRegex.fromRe2(pattern)) + ")";
  }

  @Override
  public String type(SqlType t) {
    return switch (t) {
      case TEXT -> "text";
      case DOUBLE -> "double precision";
      case BIGINT -> "bigint";
      case INTEGER -> "integer";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
    };
  }

  /** Exact seconds: an interval of seconds only is added as microseconds, never as days. */
  @Override
  public String plusSeconds(String timestamp, long seconds) {
    return "(" + timestamp + " + INTERVAL '" + seconds + " seconds')";
  }

  /**
   * PostgreSQL has no {@code CREATE OR REPLACE TEMP TABLE}: the temporary table is dropped first
   * (named in {@code pg_temp}, so a permanent table of the same name is never touched), then made
   * and analysed (autovacuum never analyses temporary tables, and the planner needs their sizes).
   * Three statements in one text: the JDBC driver runs them in turn, and {@code kpi sql} prints
   * them one a line.
   */
  @Override
  public String createTempTable(String name, String select) {
    return "DROP TABLE IF EXISTS pg_temp."
        + name
        + " CASCADE;\nCREATE TEMP TABLE "
        + name
        + " AS "
        + select
        + ";\nANALYZE "
        + name;
  }

  /**
   * The table kpi fills with its importer's rows (Excel workbooks, patterns of files): temporary,
   * as every relation of a run, since kpi fills it over the same connection (its INSERTs reach the
   * session's own tables); dropped first in {@code pg_temp} for a second run in the session.
   */
  @Override
  public String createLoadedTable(String name, List<String> columns) {
    return "DROP TABLE IF EXISTS pg_temp."
        + name
        + " CASCADE;\nCREATE TEMP TABLE "
        + name
        + " ("
        + String.join(", ", columns)
        + ")";
  }

  /** Dropped and made again, as a table: {@code CREATE OR REPLACE VIEW} cannot drop columns. */
  @Override
  public String createTempView(String name, String select) {
    return "DROP VIEW IF EXISTS pg_temp."
        + name
        + " CASCADE;\nCREATE TEMP VIEW "
        + name
        + " AS "
        + select;
  }

  /** The file read by {@link PostgresCsv}: COPY for the lines, SQL for the records. */
  @Override
  public CsvRead readCsv(
      SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    return PostgresCsv.read(this, l, fields, rejects, scan);
  }

  /** The records {@link PostgresCsv} set aside (a wrong number of fields). */
  @Override
  public String refusedCsvRows(String rejects) {
    return PostgresCsv.refused(rejects);
  }

  /** PostgreSQL 12+ inlines a CTE read once unless told otherwise: the hint is its own syntax. */
  @Override
  public String materializedCte(String name, String select) {
    return name + " AS MATERIALIZED (" + select + ")";
  }

  /**
   * A funnel's path-walk steps must be materialised on PostgreSQL: inlined, each step's expressions
   * are substituted into the next's and grow exponentially (a 5-stage funnel ran out of memory).
   */
  @Override
  public String stepCte(String name, String select) {
    return name + " AS MATERIALIZED (" + select + ")";
  }

  // ---- Hooks added by sqlgaps ----

  /** ARE: without the n flag, ^ and $ are the text's ends only. */
  @Override
  public String regexFull(String text, String re) {
    return "(" + text + " ~ " + literal("^(" + re + ")$") + ")";
  }

  /** regexp_match: an array of the groups, NULL when the text does not match. */
  @Override
  public String regexGroup(String text, String re, int group) {
    return "(regexp_match(" + text + ", " + literal("^" + re + "$") + "))[" + group + "]";
  }

  /** A timestamp AT TIME ZONE 'UTC' is a timestamptz, which AT TIME ZONE gives as local time. */
  @Override
  public String localAtOffset(String localTimestamp, String offsetSeconds, java.time.ZoneId zone) {
    return "((("
        + localTimestamp
        + ") - ("
        + offsetSeconds
        + ") * INTERVAL '1 second')"
        + " AT TIME ZONE 'UTC') AT TIME ZONE "
        + literal(zone.getId());
  }

  /** The match once, in a scalar subquery: regexp_match's array of groups, NULL without a match. */
  @Override
  public String withGroups(
      String text, String re, int groups, java.util.function.Function<List<String>, String> body) {
    List<String> refs = new java.util.ArrayList<>();
    for (int i = 1; i <= groups; i++) refs.add("coalesce(kpi_g.m[" + i + "], '')");
    return "(SELECT "
        + body.apply(refs)
        + " FROM (SELECT regexp_match("
        + text
        + ", "
        + literal("^" + re + "$")
        + ") AS m) AS kpi_g)";
  }

  // ---- NaN and infinities in typed number columns ----

  /**
   * PostgreSQL's NaN equals itself (and sorts above every number), so the three values are compared
   * as any others.
   */
  @Override
  public String finiteOrNull(String number) {
    return "CASE WHEN "
        + number
        + " IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN NULL ELSE "
        + number
        + " END";
  }
}
