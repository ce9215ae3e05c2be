package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Snowflake ({@code kpi sql --dialect snowflake}), written from its SQL reference
 * (https://docs.snowflake.com/en/sql-reference/; no Snowflake runs here).
 *
 * <ul>
 *   <li>kpi's date-times are local: TIMESTAMP_NTZ (data-types-datetime).
 *   <li>PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY x) is an exact aggregate, linear interpolation
 *       between the two nearest values, NULLs ignored (functions/percentile_cont): kpi's rule.
 *   <li>No NFC function: texts are compared as stored, so the warehouse must hold them in NFC
 *       (docs/engines.md says so).
 *   <li>Regular expressions are POSIX extended (functions-regexp): no {@code (?i)}, {@code \x{…}}
 *       or {@code \p{…}}, so a {@code matches:} filter is refused; kpi's own parsing uses classes
 *       of plain characters, which POSIX reads as the others do.
 *   <li>A single-quoted string reads backslash escapes (data-types-text#escape-sequences…): a
 *       backslash is written {@code \\}, a control character {@code \\uhhhh}.
 * </ul>
 */
public final class SnowflakeDialect extends WarehouseDialect {
  @Override
  public String name() {
    return "snowflake";
  }

  /** Without the 'm' parameter, ^ and $ are the subject's ends. */
  @Override
  String start() {
    return "^";
  }

  @Override
  String end() {
    return "$";
  }

  /**
   * REGEXP_INSTR: the position of the first match, 0 for none (REGEXP_LIKE and RLIKE match the
   * whole subject, not a part of it).
   */
  @Override
  String reFind(String text, String re) {
    return "REGEXP_INSTR(" + text + ", " + literal(re) + ") > 0";
  }

  /** REGEXP_REPLACE replaces every occurrence by default (occurrence 0). */
  @Override
  String reReplaceAll(String text, String re, String replacement) {
    return "REGEXP_REPLACE(" + text + ", " + literal(re) + ", " + literal(replacement) + ")";
  }

  /** REGEXP_SUBSTR(subject, pattern, 1, 1, 'e', group): the group of the first match, or NULL. */
  @Override
  String reGroup(String text, String re, int group) {
    return "REGEXP_SUBSTR(" + text + ", " + literal(re) + ", 1, 1, 'e', " + group + ")";
  }

  /** POSIX has no escape for a character in a class: the character itself (see literal). */
  @Override
  String classChar(int codePoint) {
    return new String(Character.toChars(codePoint));
  }

  /**
   * Not NUL: a class holds its characters themselves, and a NUL in a pattern is a risk the
   * documentation does not rule out (a text's NUL is then kept, where kpi's import removes it).
   */
  @Override
  int lowestChar() {
    return 0x01;
  }

  @Override
  String tryDouble(String text) {
    return "TRY_CAST(" + text + " AS DOUBLE)";
  }

  /** TRY_TO_TIMESTAMP_NTZ with an explicit format: NULL for a day its month lacks. */
  @Override
  String tryTimestampIso(String text) {
    return "TRY_TO_TIMESTAMP_NTZ(" + text + ", 'YYYY-MM-DD HH24:MI:SS.FF3')";
  }

  @Override
  String pow10(String n) {
    return "POWER(10, " + n + ")";
  }

  /** Temporary SQL UDFs (CREATE FUNCTION … TEMPORARY): the number parser written once. */
  @Override
  List<String> numberFunctions() {
    List<String> out = new ArrayList<>();
    for (char mark : new char[] {'.', ','})
      out.add(
          "CREATE OR REPLACE TEMPORARY FUNCTION "
              + numberFunction(mark)
              + "(s VARCHAR) RETURNS DOUBLE AS $$ "
              + WarehouseParsers.number(this, "s", mark)
              + " $$");
    return out;
  }

  @Override
  public String literal(String text) {
    StringBuilder out = new StringBuilder("'");
    for (char c : text.toCharArray()) {
      if (c == '\\') out.append("\\\\");
      else if (c == '\'') out.append("''");
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('\'').toString();
  }

  @Override
  public String timestamp(java.time.LocalDateTime t) {
    return "CAST('" + t.format(SECONDS) + "' AS TIMESTAMP_NTZ)";
  }

  @Override
  public String type(SqlType t) {
    return switch (t) {
      case TEXT -> "VARCHAR";
      case DOUBLE -> "DOUBLE";
      case BIGINT -> "BIGINT";
      case INTEGER -> "INTEGER";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP_NTZ";
    };
  }

  @Override
  public String percentile(String expr, double p) {
    return "PERCENTILE_CONT("
        + doubleLiteral(p / 100.0)
        + ") WITHIN GROUP (ORDER BY "
        + cast(expr, SqlType.DOUBLE)
        + ")";
  }

  /** DATE_PART(EPOCH_MILLISECOND, …): a TIMESTAMP_NTZ counts as UTC. */
  @Override
  public String epochMillis(String timestamp) {
    return "DATE_PART(EPOCH_MILLISECOND, " + timestamp + ")";
  }

  /** Snowflake has no NFC normalisation: the text as stored. */
  @Override
  public String nfc(String text) {
    return text;
  }

  @Override
  public String regexFind(String text, String pattern) {
    throw new SqlRefused(
        "matches: Snowflake's regular expressions are POSIX (no (?i), \\x{…} or \\p{…} for kpi's"
            + " Java patterns), not compiled for snowflake");
  }

  /** TRIM(expr, characters): spaces and tabs only, as the import. */
  @Override
  public String trimmed(String field) {
    return "TRIM(" + field + ", " + literal(" \t") + ")";
  }

  /**
   * No series function of dates: ARRAY_GENERATE_RANGE(0, days + 1) flattened (FLATTEN's VALUE is a
   * VARIANT), each added to the first day.
   */
  @Override
  public String daySeries(String fromDate, String toDate) {
    String from = "CAST(" + fromDate + " AS DATE)";
    return "(SELECT DATEADD(DAY, CAST(kpi_n.VALUE AS INTEGER), "
        + from
        + ") AS kpi_day FROM TABLE(FLATTEN(INPUT => ARRAY_GENERATE_RANGE(0, DATEDIFF(DAY, "
        + from
        + ", CAST("
        + toDate
        + " AS DATE)) + 1))) AS kpi_n)";
  }

  /** DAYOFWEEKISO: Monday 1 to Sunday 7, whatever WEEK_START says. */
  @Override
  public String isoDayOfWeek(String date) {
    return "DAYOFWEEKISO(" + date + ")";
  }

  @Override
  public String secondOfDay(String timestamp) {
    return "(HOUR("
        + timestamp
        + ") * 3600 + MINUTE("
        + timestamp
        + ") * 60 + SECOND("
        + timestamp
        + "))";
  }

  @Override
  public String wholeSeconds(String timestamp) {
    return "DATE_TRUNC('SECOND', " + timestamp + ")";
  }

  /**
   * Snowflake multiplies no interval by a number: {@code DATEADD(day, n, ts)} (a date plus a number
   * of days, and a date minus a date, are the defaults' own spellings on Snowflake).
   */
  @Override
  public String timestampPlusDays(String timestamp, String days) {
    return "DATEADD(DAY, " + days + ", " + timestamp + ")";
  }

  /** Snowflake's string functions: {@code CONTAINS}, {@code STARTSWITH}, {@code ENDSWITH}. */
  @Override
  public String textContains(String text, String part) {
    return "CONTAINS(" + text + ", " + part + ")";
  }

  @Override
  public String textStartsWith(String text, String prefix) {
    return "STARTSWITH(" + text + ", " + prefix + ")";
  }

  @Override
  public String textEndsWith(String text, String suffix) {
    return "ENDSWITH(" + text + ", " + suffix + ")";
  }

  @Override
  public String plusSeconds(String timestamp, long seconds) {
    return "DATEADD(SECOND, " + seconds + ", " + timestamp + ")";
  }

  @Override
  public String createTempTable(String name, String select) {
    return "CREATE OR REPLACE TEMPORARY TABLE " + name + " AS " + select;
  }

  @Override
  public String createTempView(String name, String select) {
    return "CREATE OR REPLACE TEMPORARY VIEW " + name + " AS " + select;
  }

  /**
   * Snowflake reads no local file from SQL: the file is put on a stage (PUT, from SnowSQL or a
   * driver) and copied into a temporary table, each field as text, with METADATA$FILE_ROW_NUMBER
   * (querying-metadata) as the row's place in the file. NULL_IF = () keeps a field's text as
   * written (the default would read \N as NULL); a row with another number of fields is loaded with
   * the missing ones NULL (ERROR_ON_COLUMN_COUNT_MISMATCH = FALSE).
   */
  @Override
  public CsvRead readCsv(
      SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    String table = quoteIdent(rawTable(rejects));
    List<String> columns = new ArrayList<>(List.of("kpi_line NUMBER"));
    List<String> names = new ArrayList<>(List.of("kpi_line"));
    List<String> from = new ArrayList<>(List.of("METADATA$FILE_ROW_NUMBER"));
    for (int i = 0; i < fields.size(); i++) {
      columns.add(quoteIdent(fields.get(i)) + " VARCHAR");
      names.add(quoteIdent(fields.get(i)));
      from.add("$" + (i + 1));
    }
    List<String> out = new ArrayList<>();
    out.add(
        "-- "
            + l.file()
            + ": PUT file://"
            + l.file()
            + " @kpi_stage (a stage of yours) first\n"
            + "CREATE OR REPLACE TEMPORARY TABLE "
            + table
            + " ("
            + String.join(", ", columns)
            + ")");
    out.add(
        "COPY INTO "
            + table
            + " ("
            + String.join(", ", names)
            + ") FROM (SELECT "
            + String.join(", ", from)
            + " FROM @kpi_stage/"
            + fileName(l.file())
            + ") FILE_FORMAT = (TYPE = CSV, SKIP_HEADER = "
            + l.skip()
            + ", FIELD_DELIMITER = "
            + literal(String.valueOf(l.delimiter()))
            + ", FIELD_OPTIONALLY_ENCLOSED_BY = '\"', NULL_IF = (),"
            + " ERROR_ON_COLUMN_COUNT_MISMATCH = FALSE, ENCODING = 'UTF8')");
    return new CsvRead(out, table, "kpi_line");
  }

  // ---- Hooks added by sqlgaps ----

  /** CONVERT_TIMEZONE of three arguments takes and gives a TIMESTAMP_NTZ. */
  @Override
  public String localAtOffset(String localTimestamp, String offsetSeconds, java.time.ZoneId zone) {
    return "CONVERT_TIMEZONE('UTC', "
        + literal(zone.getId())
        + ", DATEADD(second, -("
        + offsetSeconds
        + "), "
        + localTimestamp
        + "))";
  }

  // ---- NaN and infinities in typed number columns ----

  /**
   * Snowflake's FLOAT names its special values 'NaN', 'inf' and '-inf', and its NaN equals itself
   * (it sorts above every number), so the three are compared as any others.
   */
  @Override
  public String finiteOrNull(String number) {
    return "CASE WHEN "
        + number
        + " IN ('NaN'::FLOAT, 'inf'::FLOAT, '-inf'::FLOAT) THEN NULL ELSE "
        + number
        + " END";
  }
}
