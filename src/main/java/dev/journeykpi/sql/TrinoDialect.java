package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Trino ({@code kpi sql --dialect trino}), written from Trino's documentation
 * (https://trino.io/docs/current/, checked against release 476's pages; no Trino runs here).
 *
 * <ul>
 *   <li>No exact percentile aggregate: {@code approx_percentile} is approximate and {@code
 *       percentile_cont … WITHIN GROUP} does not parse, so the values are sorted into an array
 *       ({@code array_agg}, {@code filter}, {@code array_sort}; functions/array.html) and
 *       interpolated as kpi does, {@code element_at} being 1-based.
 *   <li>No temporary tables: what kpi materialises is a table of the session's current schema
 *       ({@code DROP TABLE IF EXISTS}, then {@code CREATE TABLE … AS}), its views {@code CREATE OR
 *       REPLACE VIEW}: run the script in a schema of your own, in a catalog that can write tables
 *       (Hive, Iceberg, Delta Lake, memory).
 *   <li>No functions in a script: the parsers are written inline (an inline {@code WITH FUNCTION}
 *       routine would be part of one query only).
 *   <li>Regular expressions: Java's syntax (Joni; functions/regexp.html), so the anchors are {@code
 *       \A} and {@code \z}, which never match at a line break inside a cell.
 * </ul>
 */
public final class TrinoDialect extends WarehouseDialect {
  @Override
  public String name() {
    return "trino";
  }

  @Override
  String start() {
    return "\\A";
  }

  @Override
  String end() {
    return "\\z";
  }

  /** regexp_like(string, pattern): true when the pattern is found anywhere in the string. */
  @Override
  String reFind(String text, String re) {
    return "regexp_like(" + text + ", " + literal(re) + ")";
  }

  @Override
  String reReplaceAll(String text, String re, String replacement) {
    return "regexp_replace(" + text + ", " + literal(re) + ", " + literal(replacement) + ")";
  }

  /** regexp_extract(string, pattern, group): NULL when the pattern is not found. */
  @Override
  String reGroup(String text, String re, int group) {
    return "regexp_extract(" + text + ", " + literal(re) + ", " + group + ")";
  }

  /** Java's {@code \x{h…h}} (the docs: "must be specified as \x{10000}"). */
  @Override
  String classChar(int codePoint) {
    return "\\x{" + Integer.toHexString(codePoint) + "}";
  }

  /** try_cast: NULL where CAST fails (functions/conversion.html). */
  @Override
  String tryDouble(String text) {
    return "try_cast(" + text + " AS DOUBLE)";
  }

  @Override
  String tryTimestampIso(String text) {
    return "try_cast(" + text + " AS TIMESTAMP(3))";
  }

  @Override
  String pow10(String n) {
    return "power(DOUBLE '10', " + n + ")";
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
      // Milliseconds, as kpi keeps them (TIMESTAMP alone is TIMESTAMP(3) too; written out).
      case TIMESTAMP -> "TIMESTAMP(3)";
    };
  }

  @Override
  public String percentile(String expr, double p) {
    String sorted =
        "array_sort(filter(array_agg(" + cast(expr, SqlType.DOUBLE) + "), v -> v IS NOT NULL))";
    return percentileOfSorted(
        sorted,
        a -> "cardinality(" + a + ")",
        (a, rank) -> "element_at(" + a + ", " + rank + " + 1)",
        p);
  }

  /**
   * transform(array, function) over a one-element array binds the sorted values to a name, so that
   * the aggregate is written once (functions/array.html#transform, functions/lambda.html).
   */
  @Override
  String bindArray(String array, java.util.function.UnaryOperator<String> body) {
    return "element_at(transform(ARRAY[" + array + "], kpi_a -> " + body.apply("kpi_a") + "), 1)";
  }

  /** date_diff('millisecond', x, y): whole milliseconds from x to y (functions/datetime.html). */
  @Override
  public String epochMillis(String timestamp) {
    return "date_diff('millisecond', TIMESTAMP '1970-01-01 00:00:00.000', " + timestamp + ")";
  }

  /** normalize(string, NFC) (functions/string.html). */
  @Override
  public String nfc(String text) {
    return "normalize(" + text + ", NFC)";
  }

  /**
   * {@link JavaRegex} writes the common part of RE2 and Java's syntax ({@code (?i)}, {@code \x{…}},
   * {@code \p{L}}, classes, groups, quantifiers), which Trino reads with the same meaning.
   */
  @Override
  public String regexFind(String text, String pattern) {
    return reFind(text, pattern);
  }

  /** sequence(start, stop) of dates steps a day (at most 10,000 entries: 27 years). */
  @Override
  public String daySeries(String fromDate, String toDate) {
    return "(SELECT kpi_day FROM UNNEST(sequence(CAST("
        + fromDate
        + " AS DATE), CAST("
        + toDate
        + " AS DATE))) AS kpi_series(kpi_day))";
  }

  /** day_of_week(x): the ISO day of the week, Monday 1 to Sunday 7. */
  @Override
  public String isoDayOfWeek(String date) {
    return "day_of_week(" + date + ")";
  }

  @Override
  public String secondOfDay(String timestamp) {
    return "(hour("
        + timestamp
        + ") * 3600 + minute("
        + timestamp
        + ") * 60 + second("
        + timestamp
        + "))";
  }

  @Override
  public String wholeSeconds(String timestamp) {
    return "date_trunc('second', " + timestamp + ")";
  }

  /** date_add(unit, value, timestamp), the value negative for earlier times. */
  /**
   * Trino adds only intervals to a DATE ({@code date_add(unit, value, timestamp)}, Trino's docs).
   */
  @Override
  public String plusDays(String date, String days) {
    return "date_add('day', " + days + ", " + date + ")";
  }

  /**
   * A DATE minus a DATE is an interval on Trino: {@code date_diff(unit, timestamp1, timestamp2)}.
   */
  @Override
  public String daysBetween(String from, String to) {
    return "date_diff('day', " + from + ", " + to + ")";
  }

  @Override
  public String timestampPlusDays(String timestamp, String days) {
    return "date_add('day', " + days + ", " + timestamp + ")";
  }

  /** Trino's string functions (functions/string.md): {@code strpos}, {@code starts_with}. */
  @Override
  public String textContains(String text, String part) {
    return "(strpos(" + text + ", " + part + ") > 0)";
  }

  @Override
  public String textStartsWith(String text, String prefix) {
    return "starts_with(" + text + ", " + prefix + ")";
  }

  /** Trino has {@code length} and {@code substr(string, start)}, not CHAR_LENGTH or FROM … FOR. */
  @Override
  public String textEndsWith(String text, String suffix) {
    return "(length("
        + text
        + ") >= length("
        + suffix
        + ") AND substr("
        + text
        + ", length("
        + text
        + ") - length("
        + suffix
        + ") + 1) = "
        + suffix
        + ")";
  }

  @Override
  public String plusSeconds(String timestamp, long seconds) {
    return "date_add('second', " + seconds + ", " + timestamp + ")";
  }

  @Override
  public String createTempTable(String name, String select) {
    return "DROP TABLE IF EXISTS " + name + ";\nCREATE TABLE " + name + " AS " + select;
  }

  @Override
  public String createTempView(String name, String select) {
    return "CREATE OR REPLACE VIEW " + name + " AS " + select;
  }

  /**
   * Trino reads no local file from SQL: the file is a table of the Hive connector over the folder
   * that holds it (connector/hive.html: {@code format = 'CSV'} takes VARCHAR columns only, which is
   * what kpi wants; {@code skip_header_line_count}, {@code csv_separator}, {@code csv_quote}). Hive
   * keeps no row's place in its file: the rows are numbered by their fields.
   */
  @Override
  public CsvRead readCsv(
      SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    String table = quoteIdent(rawTable(rejects));
    List<String> columns = new ArrayList<>();
    for (String f : fields) columns.add(quoteIdent(f) + " VARCHAR");
    String create =
        "-- "
            + l.file()
            + ": put the file alone in a folder of your object store and name it below\n"
            + "CREATE TABLE IF NOT EXISTS "
            + table
            + " ("
            + String.join(", ", columns)
            + ") WITH (format = 'CSV', external_location = 's3://YOUR-BUCKET/"
            + fileName(l.file())
            + "/', skip_header_line_count = "
            + l.skip()
            + ", csv_separator = "
            + literal(String.valueOf(l.delimiter()))
            + ", csv_quote = '\"')";
    return new CsvRead(List.of(create), table, recordByFields(fields));
  }

  // ---- Hooks added by sqlgaps ----

  /** with_timezone places the local time at UTC; AT TIME ZONE moves it; the cast drops the zone. */
  @Override
  public String localAtOffset(String localTimestamp, String offsetSeconds, java.time.ZoneId zone) {
    return cast(
        "with_timezone(date_add('second', -("
            + offsetSeconds
            + "), "
            + localTimestamp
            + "), 'UTC') AT TIME ZONE "
            + literal(zone.getId()),
        SqlType.TIMESTAMP);
  }

  // ---- NaN and infinities in typed number columns ----

  @Override
  public String finiteOrNull(String number) {
    return "CASE WHEN is_nan("
        + number
        + ") OR is_infinite("
        + number
        + ") THEN NULL ELSE "
        + number
        + " END";
  }
}
