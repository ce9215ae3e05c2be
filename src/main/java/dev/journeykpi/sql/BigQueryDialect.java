package dev.journeykpi.sql;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * BigQuery's GoogleSQL ({@code kpi sql --dialect bigquery}), written from its reference
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/; no BigQuery runs here). The
 * printed SQL is one multi-statement query (a script): its temporary functions and tables live for
 * the script.
 *
 * <ul>
 *   <li>kpi's date-times are local: DATETIME, never TIMESTAMP (an instant in UTC).
 *   <li>PERCENTILE_CONT is a navigation (window) function only, not an aggregate: the exact
 *       percentile comes from {@code ARRAY_AGG(x IGNORE NULLS ORDER BY x)} and {@code OFFSET}.
 *   <li>No temporary views: a view is a temporary table too ({@code CREATE TEMP TABLE} in a
 *       script).
 *   <li>No {@code VALUES} table: rows are {@code UNNEST([STRUCT(…), …])}.
 *   <li>String literals read backslash escapes, so a backslash is written {@code \\}.
 *   <li>Regular expressions are RE2's, as DuckDB's: a {@code matches:} pattern is the same text.
 * </ul>
 */
public final class BigQueryDialect extends WarehouseDialect {
  @Override
  public String name() {
    return "bigquery";
  }

  /** RE2 without the m flag: ^ and $ are the text's ends only. */
  @Override
  String start() {
    return "^";
  }

  @Override
  String end() {
    return "$";
  }

  @Override
  String reFind(String text, String re) {
    return "REGEXP_CONTAINS(" + text + ", " + literal(re) + ")";
  }

  @Override
  String reReplaceAll(String text, String re, String replacement) {
    return "REGEXP_REPLACE(" + text + ", " + literal(re) + ", " + literal(replacement) + ")";
  }

  /**
   * REGEXP_EXTRACT returns the one capturing group a pattern may have (more is an error), NULL
   * without a match: the other groups are made non-capturing.
   */
  @Override
  String reGroup(String text, String re, int group) {
    return "REGEXP_EXTRACT(" + text + ", " + literal(onlyGroup(re, group)) + ")";
  }

  /** The pattern with every group but the n-th (1-based) non-capturing. */
  static String onlyGroup(String re, int n) {
    StringBuilder out = new StringBuilder();
    boolean inClass = false;
    int seen = 0;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      boolean hasNext = i + 1 < re.length();
      if (c == '\\' && hasNext) {
        out.append(c).append(re.charAt(++i));
      } else if (inClass) {
        out.append(c);
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        out.append(c);
        if (hasNext && re.charAt(i + 1) == '^') out.append(re.charAt(++i));
        if (i + 1 < re.length() && re.charAt(i + 1) == ']') out.append(re.charAt(++i));
      } else if (c == '(' && !(hasNext && re.charAt(i + 1) == '?')) {
        seen++;
        out.append(seen == n ? "(" : "(?:");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** RE2's {@code \x{h…h}}. */
  @Override
  String classChar(int codePoint) {
    return "\\x{" + Integer.toHexString(codePoint) + "}";
  }

  /** SAFE_CAST: NULL where CAST fails (conversion_functions). */
  @Override
  String tryDouble(String text) {
    return "SAFE_CAST(" + text + " AS FLOAT64)";
  }

  @Override
  String tryTimestampIso(String text) {
    return "SAFE_CAST(" + text + " AS DATETIME)";
  }

  @Override
  String pow10(String n) {
    return "POW(10.0, " + n + ")";
  }

  /**
   * Temporary SQL functions of the script (CREATE TEMP FUNCTION … AS (expression)): the number
   * parser is written once, not in every column that reads a number.
   */
  @Override
  List<String> numberFunctions() {
    List<String> out = new ArrayList<>();
    for (char mark : new char[] {'.', ','})
      out.add(
          "CREATE TEMP FUNCTION "
              + numberFunction(mark)
              + "(s STRING) RETURNS FLOAT64 AS ("
              + WarehouseParsers.number(this, "s", mark)
              + ")");
    return out;
  }

  /** Backquoted identifiers (lexical#quoted_identifiers), a backquote escaped by a backslash. */
  @Override
  public String quoteIdent(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  /**
   * A quoted string reads escape sequences (lexical#escape_sequences): backslash, quote and control
   * characters are escaped ({@code \xhh}).
   */
  @Override
  public String literal(String text) {
    StringBuilder out = new StringBuilder("'");
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '\'') out.append('\\').append(c);
      else if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c));
      else out.append(c);
    }
    return out.append('\'').toString();
  }

  @Override
  public String timestamp(LocalDateTime t) {
    return "DATETIME '" + t.format(SECONDS) + "'";
  }

  @Override
  public String type(SqlType t) {
    return switch (t) {
      case TEXT -> "STRING";
      case DOUBLE -> "FLOAT64";
      case BIGINT, INTEGER -> "INT64";
      case BOOLEAN -> "BOOL";
      case DATE -> "DATE";
      case TIMESTAMP -> "DATETIME";
    };
  }

  /**
   * ARRAY_AGG(x IGNORE NULLS ORDER BY x) (aggregate_functions#array_agg), indexed with OFFSET (0
   * based); an aggregate's array may be indexed where it is called. NULL when the group has no
   * value (ARRAY_AGG of no rows is NULL).
   */
  @Override
  public String percentile(String expr, double p) {
    String x = cast(expr, SqlType.DOUBLE);
    return percentileOfSorted(
        "ARRAY_AGG(" + x + " IGNORE NULLS ORDER BY " + x + ")",
        a -> "ARRAY_LENGTH(" + a + ")",
        (a, rank) -> a + "[OFFSET(" + rank + ")]",
        p);
  }

  /**
   * SUM of FLOAT64 is documented as non-deterministic; BIGNUMERIC (38 decimals) holds every double
   * a KPI sums to far more digits than kpi's six, and its sum is exact.
   */
  @Override
  public String sumExact(String expr) {
    return cast("SUM(CAST(" + expr + " AS BIGNUMERIC))", SqlType.DOUBLE);
  }

  /** TIMESTAMP(datetime) reads the date-time in UTC; UNIX_MILLIS counts whole milliseconds. */
  @Override
  public String epochMillis(String timestamp) {
    return "UNIX_MILLIS(TIMESTAMP(" + timestamp + "))";
  }

  /** NORMALIZE(value, NFC) (string_functions#normalize). */
  @Override
  public String nfc(String text) {
    return "NORMALIZE(" + text + ", NFC)";
  }

  /** JavaRegex writes RE2, BigQuery's own syntax (REGEXP_CONTAINS). */
  @Override
  public String regexFind(String text, String pattern) {
    return reFind(text, pattern);
  }

  /** TRIM(value, set_of_characters_to_remove): spaces and tabs only, as the import. */
  @Override
  public String trimmed(String field) {
    return "TRIM(" + field + ", " + literal(" \t") + ")";
  }

  @Override
  public String values(String name, List<String> columns, List<List<String>> rows) {
    List<String> structs = new ArrayList<>();
    for (List<String> r : rows) {
      List<String> fs = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) fs.add(r.get(i) + " AS " + columns.get(i));
      structs.add("STRUCT(" + String.join(", ", fs) + ")");
    }
    return "(SELECT * FROM UNNEST([" + String.join(", ", structs) + "])) AS " + name;
  }

  /** GENERATE_DATE_ARRAY(start, end): every day, both ends included. */
  @Override
  public String daySeries(String fromDate, String toDate) {
    return "(SELECT kpi_day FROM UNNEST(GENERATE_DATE_ARRAY(CAST("
        + fromDate
        + " AS DATE), CAST("
        + toDate
        + " AS DATE))) AS kpi_day)";
  }

  /** EXTRACT(DAYOFWEEK …) counts Sunday 1 to Saturday 7: Monday 2 becomes 1, Sunday 7. */
  @Override
  public String isoDayOfWeek(String date) {
    return "(MOD(EXTRACT(DAYOFWEEK FROM " + date + ") + 5, 7) + 1)";
  }

  @Override
  public String secondOfDay(String timestamp) {
    return "(EXTRACT(HOUR FROM "
        + timestamp
        + ") * 3600 + EXTRACT(MINUTE FROM "
        + timestamp
        + ") * 60 + EXTRACT(SECOND FROM "
        + timestamp
        + "))";
  }

  @Override
  public String wholeSeconds(String timestamp) {
    return "DATETIME_TRUNC(" + timestamp + ", SECOND)";
  }

  /** GoogleSQL: {@code DATE_ADD(date_expression, INTERVAL int64 DAY)}. */
  @Override
  public String plusDays(String date, String days) {
    return "DATE_ADD(" + date + ", INTERVAL " + days + " DAY)";
  }

  /** GoogleSQL: {@code DATE_DIFF(end_date, start_date, DAY)}, whole days, negative when earlier. */
  @Override
  public String daysBetween(String from, String to) {
    return "DATE_DIFF(" + to + ", " + from + ", DAY)";
  }

  /** GoogleSQL: {@code DATETIME_ADD(datetime_expression, INTERVAL int64 DAY)}. */
  @Override
  public String timestampPlusDays(String timestamp, String days) {
    return "DATETIME_ADD(" + timestamp + ", INTERVAL " + days + " DAY)";
  }

  /** GoogleSQL string functions: {@code STRPOS}, {@code STARTS_WITH}, {@code ENDS_WITH}. */
  @Override
  public String textContains(String text, String part) {
    return "(STRPOS(" + text + ", " + part + ") > 0)";
  }

  @Override
  public String textStartsWith(String text, String prefix) {
    return "STARTS_WITH(" + text + ", " + prefix + ")";
  }

  @Override
  public String textEndsWith(String text, String suffix) {
    return "ENDS_WITH(" + text + ", " + suffix + ")";
  }

  @Override
  public String plusSeconds(String timestamp, long seconds) {
    return "DATETIME_ADD(" + timestamp + ", INTERVAL " + seconds + " SECOND)";
  }

  @Override
  public String createTempTable(String name, String select) {
    return "CREATE OR REPLACE TEMP TABLE " + name + " AS " + select;
  }

  /** No temporary views in BigQuery: the view's rows are a temporary table of the script. */
  @Override
  public String createTempView(String name, String select) {
    return createTempTable(name, select);
  }

  /**
   * BigQuery reads no local file from SQL: LOAD DATA (other-statements#load_data) loads the file
   * from Cloud Storage into a table of the script's default dataset (SET @@dataset_id first), every
   * field a STRING; a short row's missing fields NULL (allow_jagged_rows). A load keeps no row's
   * place in its file: the rows are numbered by their fields.
   */
  @Override
  public CsvRead readCsv(
      SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    String table = quoteIdent(rawTable(rejects));
    List<String> columns = new ArrayList<>();
    for (String f : fields) columns.add(quoteIdent(f) + " STRING");
    String load =
        "-- "
            + l.file()
            + ": copy it to Cloud Storage and name it below; SET @@dataset_id to your dataset\n"
            + "LOAD DATA OVERWRITE "
            + table
            + " ("
            + String.join(", ", columns)
            + ") FROM FILES (format = 'CSV', uris = ['gs://YOUR-BUCKET/"
            + fileName(l.file())
            + "'], skip_leading_rows = "
            + l.skip()
            + ", field_delimiter = "
            + literal(String.valueOf(l.delimiter()))
            + ", quote = '\"', allow_jagged_rows = true, preserve_ascii_control_characters = true,"
            + " encoding = 'UTF-8')";
    return new CsvRead(List.of(load), table, recordByFields(fields));
  }

  // ---- Hooks added by sqlgaps ----

  /** TIMESTAMP(datetime, 'UTC') is the instant; DATETIME(timestamp, zone) its local time there. */
  @Override
  public String localAtOffset(String localTimestamp, String offsetSeconds, java.time.ZoneId zone) {
    return "DATETIME(TIMESTAMP(DATETIME_SUB("
        + localTimestamp
        + ", INTERVAL ("
        + offsetSeconds
        + ") SECOND), 'UTC'), "
        + literal(zone.getId())
        + ")";
  }

  // ---- NaN and infinities in typed number columns ----

  @Override
  public String finiteOrNull(String number) {
    return "CASE WHEN IS_NAN("
        + number
        + ") OR IS_INF("
        + number
        + ") THEN NULL ELSE "
        + number
        + " END";
  }
}
