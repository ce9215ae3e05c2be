package dev.journeykpi.sql;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between SQL engines, as small pure string hooks: each takes SQL text and returns SQL
 * text, so each can be checked without an engine (issue 17; the design is in the research note
 * sql-engines.md, §4). The KPI templates are written once against these hooks.
 *
 * <p>The parsing hooks mirror kpi's own import exactly (the same texts read, the same texts
 * refused), because the SQL path must reject and blank the same cells as the Tablesaw path: a
 * number read differently would be a different KPI.
 */
public interface Dialect {
  /** The name {@code kpi sql --dialect} and {@code --engine} take. */
  String name();

  /** Statements the compiled SQL needs first (the parsing macros), each without its semicolon. */
  List<String> preamble();

  /** An identifier, quoted. */
  String quoteIdent(String name);

  /** A text literal. */
  String literal(String text);

  /** A date-time literal. */
  String timestamp(LocalDateTime t);

  /** The exact PERCENTILE.INC of {@code expr} over a group, {@code p} in 0..100. */
  String percentile(String expr, double p);

  /** Seconds since the epoch of a local date-time, as a number. */
  String epochSeconds(String timestamp);

  /** Milliseconds since the epoch of a local date-time, as a whole number. */
  String epochMillis(String timestamp);

  /**
   * A number written as people write them in exports ({@code 1.250.000 ₫}, {@code (1.000)}, {@code
   * 12,5%}) under the declared decimal mark, or NULL when the text is not one.
   */
  String tryParseNumber(String text, char decimalMark);

  /**
   * A date-time in kpi's pattern ({@code dd/MM/yyyy HH:mm}), or NULL when the text does not match;
   * null (no SQL) when the dialect cannot read that pattern yet.
   */
  String tryParseTimestamp(String text, String javaPattern);

  /**
   * TRUE or FALSE for the source's yes/no tokens (compared without case), NULL for any other text.
   * The tokens are written in sorted order, so the printed SQL is stable.
   */
  default String tryParseBoolean(String text, Set<String> trueTokens, Set<String> falseTokens) {
    String lower = "lower(coalesce(" + text + ", ''))";
    return "CASE WHEN "
        + isOneOf(lower, sortedLiterals(trueTokens))
        + " THEN TRUE WHEN "
        + isOneOf(lower, sortedLiterals(falseTokens))
        + " THEN FALSE END";
  }

  /** The texts as SQL literals in sorted order; a NULL when there are none (matches nothing). */
  private List<String> sortedLiterals(Set<String> texts) {
    List<String> out = new ArrayList<>();
    for (String t : new TreeSet<>(texts)) out.add(literal(t));
    return out.isEmpty() ? List.of("NULL") : out;
  }

  /** The text as kpi compares texts: NFC and lower case. */
  String lowerNfc(String text);

  /** A field trimmed of spaces and tabs, as the import trims it. */
  String trimmed(String field);

  /**
   * Whether a text cell is NULL or only whitespace by Java's {@code String.isBlank} (the import
   * trims spaces and tabs only, so a cell of a line break or an ideographic space is text there,
   * but a blank id to the default engine's KeyNumbering).
   */
  String isBlank(String text);

  /**
   * Whether a raw CSV field is NULL or only whitespace by the import's byte test (ingest's
   * RecordTyper: {@code Character.isWhitespace} of each byte, so ASCII whitespace only: tab, line
   * feed, U+000B, form feed, carriage return, U+001C to U+001F, space). A row of such fields is an
   * "empty row".
   */
  String isBlankField(String field);

  /** A text in NFC. */
  String nfc(String text);

  /**
   * A trimmed text cell as kpi imports it: without control characters (then trimmed again), in NFC.
   */
  String importedText(String trimmed);

  /**
   * A trimmed text cell as kpi imports it ({@link #importedText}), NULL when nothing is left: an
   * empty cell, or one of control characters only, which the import leaves blank ('' would be a
   * group of its own beside the blank rows).
   */
  default String importedNonBlankText(String trimmed) {
    return "NULLIF(" + importedText(trimmed) + ", '')";
  }

  /** Whether a trimmed text cell has control characters the import removes. */
  String hasControlCharacters(String trimmed);

  /** Whether {@code expr} is one of the (non-empty) literals: {@code expr IN (…)}. */
  default String isOneOf(String expr, List<String> literals) {
    return expr + " IN (" + String.join(", ", literals) + ")";
  }

  /** A deterministic sum of doubles (the same bytes on every run, whatever the parallelism). */
  String sumExact(String expr);

  /** A table of literal rows: {@code (VALUES (…), (…)) AS name(columns)}. */
  String values(String name, List<String> columns, List<List<String>> rows);

  /**
   * The days from one date to another, both included, as a relation of one DATE column {@code
   * kpi_day}: the spine of the business calendar table ({@link CalendarTable}).
   */
  String daySeries(String fromDate, String toDate);

  /** The ISO day of the week of a date, Monday 1 to Sunday 7. */
  String isoDayOfWeek(String date);

  /**
   * Whole seconds since midnight of a date-time (its milliseconds dropped, as kpi's clock does).
   */
  String secondOfDay(String timestamp);

  /**
   * Milliseconds since the epoch of the instant a local date-time names in a zone, read as
   * java.time's {@code atZone} reads it: in a gap (clocks moved forward) shifted later by the gap,
   * in an overlap (clocks moved back) at the earlier offset.
   */
  String epochMillisInZone(String timestamp, java.time.ZoneId zone);

  /** A date-time to the whole second, earlier fractions dropped (as epoch seconds hold it). */
  String wholeSeconds(String timestamp);

  /** A text stripped of white space at both ends as Java's {@code String.strip} strips it. */
  String stripped(String text);

  /**
   * A text as kpi compares keys ({@code TextKey.of}: trimmed of characters up to the space, NFC,
   * lower case); NULL when nothing is left.
   */
  String textKey(String text);

  /** Whether a text contains a match of a regular expression in the engine's syntax. */
  String regexFind(String text, String pattern);

  // ---- Structure: what differs in how a statement or an expression is written (session 10). ----

  /** The value types the compiled SQL casts to, named per engine by {@link #type}. */
  enum SqlType {
    TEXT,
    DOUBLE,
    BIGINT,
    INTEGER,
    BOOLEAN,
    DATE,
    /** A local date-time, without a zone (kpi's date-times are local to the definition's zone). */
    TIMESTAMP
  }

  /** The engine's name of a value type ({@code VARCHAR}, {@code STRING}, {@code FLOAT64} …). */
  String type(SqlType t);

  /** {@code CAST(expr AS type)}. */
  default String cast(String expr, SqlType t) {
    return "CAST(" + expr + " AS " + type(t) + ")";
  }

  /** A local date-time {@code seconds} later (a whole number; may be negative). */
  String plusSeconds(String timestamp, long seconds);

  /**
   * The statement that makes (or replaces) a temporary table of a query's rows, for the session:
   * what the compiled SQL materialises once and reads many times.
   */
  String createTempTable(String name, String select);

  /** The statement that makes (or replaces) a temporary view of a query, for the session. */
  String createTempView(String name, String select);

  /**
   * How the engine reads a CSV export's fields as text, one row per record in the file's order.
   *
   * @param statements what must run first (a table made and loaded), none when {@code relation}
   *     reads the file itself
   * @param relation a FROM item whose columns are the fields, named {@code fields}, all text; a
   *     field missing from a short row is NULL
   * @param recordNumber each row's number in the file's order (1 for the first data row), as an
   *     expression over {@code relation}
   */
  record CsvRead(List<String> statements, String relation, String recordNumber) {}

  /**
   * The fields of a CSV export, read as text: the header's line and those before it skipped, the
   * delimiter and quotes as the layout says. Rows with the wrong number of fields go to {@code
   * rejects} where the engine can set them aside ({@code scan} names that engine's scan log).
   */
  CsvRead readCsv(SourceRelations.Layout l, List<String> fields, String rejects, String scan);

  // ---- Hooks added by helpers: each in its own section below, named for its part. ----

  // ---- Hooks added by portable-agg (the period types' SQL, issue 17) ----

  /**
   * A date {@code days} later (an integer SQL expression; may be negative), a DATE. The default is
   * {@code date + days}, as DuckDB, PostgreSQL, Spark and Snowflake read it.
   */
  default String plusDays(String date, String days) {
    return "(" + date + " + " + days + ")";
  }

  /**
   * The days from one date to another (an integer; negative when {@code to} is earlier). The
   * default is {@code to - from}, as DuckDB, PostgreSQL and Snowflake read it.
   */
  default String daysBetween(String from, String to) {
    return "(" + to + " - " + from + ")";
  }

  /**
   * A local date-time {@code days} later (an integer SQL expression), its time of day and fractions
   * kept: the SQL standard's interval arithmetic.
   */
  default String timestampPlusDays(String timestamp, String days) {
    return "(" + timestamp + " + " + days + " * INTERVAL '1' DAY)";
  }

  /**
   * Whether a DOUBLE's sign bit is set: a negative number or -0.0 (which compares equal to 0, so
   * that only its text tells it apart: every engine writes it with its minus). NULL for NULL.
   */
  default String signBit(String number) {
    return "CASE WHEN "
        + number
        + " = 0 THEN "
        + cast(number, SqlType.TEXT)
        + " LIKE '-%' ELSE "
        + number
        + " < 0 END";
  }

  // ---- Hooks added by portable-sources ----

  /**
   * Whether a text contains another: the standard {@code POSITION(part IN text) > 0}. NULL when
   * either is NULL; an empty part is in every text.
   */
  default String textContains(String text, String part) {
    return "(POSITION(" + part + " IN " + text + ") > 0)";
  }

  /** Whether a text starts with another (NULL when either is NULL), in standard SQL. */
  default String textStartsWith(String text, String prefix) {
    return "(SUBSTRING(" + text + " FROM 1 FOR CHAR_LENGTH(" + prefix + ")) = " + prefix + ")";
  }

  /**
   * Whether a text ends with another (NULL when either is NULL), in standard SQL: the length test
   * first, so that a text shorter than the suffix is FALSE whatever an engine makes of a substring
   * that starts before the text.
   */
  default String textEndsWith(String text, String suffix) {
    return "(CHAR_LENGTH("
        + text
        + ") >= CHAR_LENGTH("
        + suffix
        + ") AND SUBSTRING("
        + text
        + " FROM CHAR_LENGTH("
        + text
        + ") - CHAR_LENGTH("
        + suffix
        + ") + 1) = "
        + suffix
        + ")";
  }

  /** A date-time to the millisecond, finer fractions dropped (as kpi holds date-times). */
  default String wholeMillis(String timestamp) {
    return "date_trunc('millisecond', " + timestamp + ")";
  }

  /**
   * The statement that makes an empty table of the columns ({@code name TYPE} each), which kpi then
   * fills with the rows its own importer typed (Excel workbooks, patterns of files). A table, not a
   * temporary one: an engine's loader may reach only its ordinary tables.
   */
  default String createLoadedTable(String name, List<String> columns) {
    return "CREATE TABLE " + name + " (" + String.join(", ", columns) + ")";
  }

  /**
   * The rows the CSV reader of {@link #readCsv} set aside in {@code rejects} (a quoted name), as a
   * query of one row per refused record in the order of the file: {@code line} (its line in the
   * file), {@code found} (its number of fields, NULL when it was refused for another reason),
   * {@code message} (the reader's) and {@code csv_line} (the record's text). Null when the
   * dialect's reader sets no rows aside: the quality report then comes from the typed table alone.
   */
  default String refusedCsvRows(String rejects) {
    return null;
  }

  /**
   * The rows of Parquet files as a FROM item: the files' columns, and {@code record}, each row's
   * number: its file's place in {@code files} (from 0) shifted left by {@code fileBits}, plus its
   * place in its file (from 1), so that the numbers order the rows as the files and the files' own
   * order. Null when the engine does not read Parquet (the source is then refused).
   *
   * @param files the files, in their order, as the engine reaches them
   */
  default String readParquet(List<String> files, String record, int fileBits) {
    return null;
  }

  /**
   * A {@code matches:} pattern (a Java regular expression, case ignored with Unicode case) in the
   * syntax of {@link #regexFind}, with Java's meaning, or {@link SqlRefused} where the engine's
   * expressions would find other texts. By default RE2's syntax ({@link JavaRegex}: DuckDB,
   * BigQuery); an engine whose expressions are Java's can take the pattern as it is.
   */
  default String regexFromJava(String javaPattern) {
    return JavaRegex.toRe2(javaPattern);
  }

  // ---- Hooks added by portable-funnel (funnels, customers, stalled) ----

  /**
   * Days since 1970-01-01 of a DATE, as a whole number: the day numbers the customers and stalled
   * queries count gaps in. Subtracting two dates is a number of days on DuckDB, PostgreSQL and
   * Snowflake but an interval on Spark and Trino, so the portable form goes through the epoch
   * seconds of the date's midnight, an exact multiple of 86,400.
   */
  default String epochDay(String date) {
    return cast(epochSeconds(cast(date, SqlType.TIMESTAMP)) + " / 86400", SqlType.BIGINT);
  }

  /**
   * The least of the values that are not NULL, NULL when all are. DuckDB's, PostgreSQL's and
   * Spark's {@code least} skip NULLs; Trino's, BigQuery's and Snowflake's return NULL when any
   * argument is, so the portable form is a CASE that picks the value no other non-NULL value is
   * below (one comparison per pair: a few stages' times, so the text stays small).
   */
  default String leastNonNull(List<String> values) {
    if (values.size() == 1) return values.get(0);
    StringBuilder out = new StringBuilder("CASE");
    for (int i = 0; i < values.size(); i++) {
      out.append(" WHEN ").append(values.get(i)).append(" IS NOT NULL");
      for (int j = 0; j < values.size(); j++)
        if (j != i)
          out.append(" AND (")
              .append(values.get(j))
              .append(" IS NULL OR ")
              .append(values.get(i))
              .append(" <= ")
              .append(values.get(j))
              .append(")");
      out.append(" THEN ").append(values.get(i));
    }
    return out.append(" END").toString();
  }

  /**
   * A common table expression ({@code name AS (select)}) the engine should compute once, for a
   * small relation that a large one is joined to (a funnel's distinct stage values, each mapped
   * once). A hint: where the engine has no way to say it, the plain CTE.
   */
  default String materializedCte(String name, String select) {
    return name + " AS (" + select + ")";
  }

  /**
   * A common table expression ({@code name AS (select)}) whose columns the next one reads in
   * several expressions each: a step of a funnel's path walk, whose state (still going, started,
   * the previous stage's time) the next step reads three to six times. An engine that inlines a CTE
   * read once and substitutes its expressions without sharing them (PostgreSQL) would grow them
   * exponentially with the stages (five stages exhausted the server's memory); such a dialect
   * computes the step apart (PostgreSQL: {@code AS MATERIALIZED}). The default is the plain CTE,
   * for engines that share such expressions (DuckDB).
   */
  default String stepCte(String name, String select) {
    return name + " AS (" + select + ")";
  }

  // ---- Hooks added by sqlgaps (duration columns, ISO dates without a format; issue 17) ----

  /**
   * Whether the whole text matches a regular expression of the syntax every engine's shares
   * (bracket classes of ASCII characters, groups, {@code ? * + |}; no backslash), anchored at both
   * ends by the hook. NULL for NULL. A dialect without it refuses what needs it ({@link
   * SqlRefused}).
   */
  default String regexFull(String text, String re) {
    throw new SqlRefused("regular expressions are not written for --dialect " + name() + " yet");
  }

  /**
   * The text of group {@code group} (1-based; the groups flat, never nested) of a match of the
   * whole text (anchored by the hook), as {@link #regexFull}'s syntax; NULL or '' when the text
   * does not match.
   */
  default String regexGroup(String text, String re, int group) {
    throw new SqlRefused("regular expressions are not written for --dialect " + name() + " yet");
  }

  /**
   * An expression over the groups of {@code re}'s match of the whole text ({@link #regexGroup}'s
   * syntax): {@code body} is given each group's SQL, 1 to {@code groups} in order, '' where the
   * text does not match. By default each is {@link #regexGroup}, written again wherever the body
   * uses it; an engine that can bind values computes the match once per row.
   */
  default String withGroups(
      String text, String re, int groups, java.util.function.Function<List<String>, String> body) {
    List<String> each = new java.util.ArrayList<>();
    for (int i = 1; i <= groups; i++) each.add("coalesce(" + regexGroup(text, re, i) + ", '')");
    return body.apply(each);
  }

  /**
   * A duration column's text (trimmed, not blank) as seconds, by the default import's rule
   * (DurationParser): a plain number in {@code unit} ({@code seconds}, {@code minutes}, {@code
   * hours}, {@code days}) under the decimal mark, or {@code H:MM:SS} / {@code M:SS}; NULL when it
   * is not one. Portable over {@link #regexFull}, {@link #regexGroup} and {@link #tryParseNumber}
   * ({@link DurationSql}).
   */
  default String tryParseDuration(String text, String unit, char decimalMark) {
    return DurationSql.parse(this, text, unit, decimalMark);
  }

  /**
   * A date or date-time column's text without {@code format:} (trimmed, not blank), read as the
   * default import reads ISO texts, as a local date-time of {@code zone} (a text with an offset is
   * that instant's local time there), NULL when it is not ISO. Portable over {@link
   * #tryParseTimestamp}, {@link #regexFull}, {@link #regexGroup} and {@link #localAtOffset} ({@link
   * IsoDateSql}).
   */
  default String tryParseIso(String text, java.time.ZoneId zone) {
    return IsoDateSql.parse(this, text, zone);
  }

  /**
   * The local date-time in {@code zone} of the instant that a local date-time names at a UTC offset
   * of {@code offsetSeconds} (an integer expression; east of Greenwich positive), by the engine's
   * time-zone rules.
   */
  default String localAtOffset(String localTimestamp, String offsetSeconds, java.time.ZoneId zone) {
    throw new SqlRefused(
        "times with a UTC offset are not converted by --dialect " + name() + " yet");
  }

  // ---- NaN and infinities in typed number columns ----

  /**
   * A DOUBLE's value, or NULL when it is NaN, +Infinity or -Infinity: a number column taken as
   * stored (a Parquet file's, a table's) holds only finite numbers, as kpi's CSV parsing gives them
   * and as the default engine blanks the others ({@code model.ParquetColumn.NOT_FINITE}). Without
   * it a NaN makes a sum NaN on one engine and NULL on another, and an infinity an infinite mean.
   *
   * @param number a DOUBLE expression, evaluated more than once (a column)
   */
  String finiteOrNull(String number);
}
