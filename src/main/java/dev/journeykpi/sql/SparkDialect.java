package dev.journeykpi.sql;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark SQL 3.5 and 4.x ({@code kpi sql --dialect spark}): one statement per {@code spark.sql}
 * call, the same numbers as DuckDB (issue 17; issue 18 runs it). Written for both of Spark's modes
 * (ANSI, the default of 4.x, and the legacy one): every cast that could fail is a {@code try_cast}
 * or guarded by a pattern, so that no bad cell stops a query and none is read differently.
 *
 * <p>What differs from DuckDB, and why:
 *
 * <ul>
 *   <li>kpi's date-times are local: {@code TIMESTAMP_NTZ}. Spark's {@code TIMESTAMP} is an instant
 *       shown in the session's zone, so arithmetic on it would see that zone's daylight saving.
 *   <li>Text literals: Spark reads a backslash in a literal as an escape, and two quoted literals
 *       side by side as one ({@code 'it''s'} is {@code its}): a backslash is written {@code \\}, a
 *       quote {@code \'}, and the preamble sets {@code spark.sql.parser.escapedStringLiterals} to
 *       false so that a session that turned it on reads them the same.
 *   <li>There are no macros: the parsers are written inline, their parts bound once to a lambda's
 *       parameter through {@code transform(array(named_struct(…)), p -> …)[0]}.
 *   <li>Spark's regular expressions are Java's, kpi's own: the import's classes are used as they
 *       are, with {@code \z} for the end of the text ({@code $} also matches before a final line
 *       break in Java).
 *   <li>Spark has no NFC function: texts are taken as they come (see {@link #nfc}).
 *   <li>Sums of doubles: Spark adds partial sums in the order its tasks finish. {@link #sumExact}
 *       adds exact decimals instead, the same bytes on every run.
 * </ul>
 */
public final class SparkDialect implements Dialect {
  @Override
  public String name() {
    return "spark";
  }

  /**
   * The literals below escape backslashes; a session with {@code escapedStringLiterals} on would
   * read them doubled, so the compiled SQL says how it is to be read.
   */
  @Override
  public List<String> preamble() {
    return List.of("SET spark.sql.parser.escapedStringLiterals = false");
  }

  @Override
  public String quoteIdent(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  @Override
  public String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Override
  public String timestamp(LocalDateTime t) {
    return "TIMESTAMP_NTZ '" + t.toLocalDate() + " " + t.toLocalTime().withNano(0) + "'";
  }

  /** Spark's {@code percentile} is exact, with PERCENTILE.INC's interpolation. */
  @Override
  public String percentile(String expr, double p) {
    return "percentile(CAST(" + expr + " AS DOUBLE), " + p / 100.0 + ")";
  }

  /**
   * The days since the epoch and the time of day, apart: a local date-time's fields, with no zone
   * ({@code unix_seconds} takes an instant, which a cast from a local time would place in the
   * session's zone).
   */
  @Override
  public String epochSeconds(String timestamp) {
    return "(CAST(unix_date(CAST("
        + timestamp
        + " AS DATE)) AS DOUBLE) * 86400 + hour("
        + timestamp
        + ") * 3600 + minute("
        + timestamp
        + ") * 60 + CAST(date_part('SECOND', "
        + timestamp
        + ") AS DOUBLE))";
  }

  @Override
  public String epochMillis(String timestamp) {
    return "(CAST(unix_date(CAST("
        + timestamp
        + " AS DATE)) AS BIGINT) * 86400000 + hour("
        + timestamp
        + ") * 3600000 + minute("
        + timestamp
        + ") * 60000 + CAST(floor(date_part('SECOND', "
        + timestamp
        + ") * 1000) AS BIGINT))";
  }

  /** NumberParser.parse as an expression ({@link SparkParsers#number}). */
  @Override
  public String tryParseNumber(String text, char mark) {
    return SparkParsers.number(this, text, mark);
  }

  /** DateTimeParser under a fixed pattern as an expression ({@link SparkParsers#dateTime}). */
  @Override
  public String tryParseTimestamp(String text, String javaPattern) {
    return SparkParsers.dateTime(this, text, javaPattern);
  }

  /** Lower case; NFC as {@link #nfc} says. */
  @Override
  public String lowerNfc(String text) {
    return "lower(" + nfc(text) + ")";
  }

  @Override
  public String trimmed(String field) {
    return "btrim(" + field + ", ' \t')";
  }

  @Override
  public String isBlank(String text) {
    return "("
        + text
        + " IS NULL OR "
        + text
        + " RLIKE "
        + literal("^" + DuckDbDialect.JAVA_WHITESPACE + "*\\z")
        + ")";
  }

  @Override
  public String isBlankField(String field) {
    return "("
        + field
        + " IS NULL OR "
        + field
        + " RLIKE "
        + literal("^[\\t-\\r\\x1c-\\x20]*\\z")
        + ")";
  }

  /**
   * The text as it comes: Spark SQL has no NFC function. kpi's import brings every text to NFC, so
   * a text written decomposed (an accent as a separate mark, as some macOS tools write Vietnamese)
   * counts as another value here. Exports are nearly always composed already; docs/engines.md says
   * to normalise the others before (or to run them through kpi's own engines).
   */
  @Override
  public String nfc(String text) {
    return text;
  }

  @Override
  public String importedText(String trimmed) {
    return nfc(
        "CASE WHEN "
            + hasControlCharacters(trimmed)
            + " THEN btrim(regexp_replace("
            + trimmed
            + ", "
            + literal(DuckDbDialect.CONTROL_CLASS)
            + ", ''), ' \t') ELSE "
            + trimmed
            + " END");
  }

  @Override
  public String hasControlCharacters(String trimmed) {
    return "(" + trimmed + " RLIKE " + literal(DuckDbDialect.CONTROL_CLASS) + ")";
  }

  /**
   * An exact sum: each double as a DECIMAL(38, 18) (to 10^-18, up to 10^20), added exactly, so that
   * the order in which Spark's tasks add their partial sums does not change the last bits. The
   * result differs from the correctly rounded sum of the doubles by at most n × 5·10^-19.
   */
  @Override
  public String sumExact(String expr) {
    return "CAST(sum(CAST(" + expr + " AS DECIMAL(38, 18))) AS DOUBLE)";
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

  /**
   * {@code sequence} of the dates, exploded; none when the end is before the start (where {@code
   * sequence} would count down, or fail with a step).
   */
  @Override
  public String daySeries(String fromDate, String toDate) {
    return "(SELECT explode(CASE WHEN kpi_from <= kpi_to THEN sequence(kpi_from, kpi_to, INTERVAL 1"
        + " DAY) END) AS kpi_day FROM (SELECT CAST("
        + fromDate
        + " AS DATE) AS kpi_from, CAST("
        + toDate
        + " AS DATE) AS kpi_to) AS kpi_bounds)";
  }

  /** {@code weekday} counts Monday 0 to Sunday 6 ({@code dayofweek} starts on Sunday). */
  @Override
  public String isoDayOfWeek(String date) {
    return "(weekday(" + date + ") + 1)";
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

  /**
   * {@code convert_timezone} reads a local date-time in a zone with java.time's {@code atZone}
   * (Spark is written on java.time): in a gap shifted later by the gap, in an overlap at the
   * earlier offset. The instant's date-time in UTC then counts from the epoch.
   */
  @Override
  public String epochMillisInZone(String timestamp, ZoneId zone) {
    return epochMillis("convert_timezone(" + literal(zone.getId()) + ", 'UTC', " + timestamp + ")");
  }

  @Override
  public String wholeSeconds(String timestamp) {
    // date_trunc would return an instant (TIMESTAMP), read in the session's zone.
    return "timestampadd(MICROSECOND, -CAST((date_part('SECOND', "
        + timestamp
        + ") - second("
        + timestamp
        + ")) * 1000000 AS BIGINT), "
        + timestamp
        + ")";
  }

  @Override
  public String stripped(String text) {
    return "regexp_replace("
        + text
        + ", "
        + literal(
            "^" + DuckDbDialect.JAVA_WHITESPACE + "+|" + DuckDbDialect.JAVA_WHITESPACE + "+\\z")
        + ", '')";
  }

  @Override
  public String textKey(String text) {
    // String.trim removes every character up to the space, control characters included.
    return "nullif(lower("
        + nfc(
            "regexp_replace("
                + text
                + ", "
                + literal("^[\\x00-\\x20]+|[\\x00-\\x20]+\\z")
                + ", '')")
        + "), '')";
  }

  /** {@code RLIKE} searches (Java's {@code find}) with Java's own regular expressions. */
  @Override
  public String regexFind(String text, String pattern) {
    return "(" + text + " RLIKE " + literal(pattern) + ")";
  }

  /**
   * Spark's regular expressions are Java's: a {@code matches:} pattern is taken as it is, case
   * ignored with Unicode case as kpi matches it ({@code (?iu)}), with no rewriting and nothing
   * refused.
   */
  @Override
  public String regexFromJava(String javaPattern) {
    return "(?iu)" + javaPattern;
  }

  /** date_trunc would return an instant (TIMESTAMP): the microseconds are taken off instead. */
  @Override
  public String wholeMillis(String timestamp) {
    return "timestampadd(MICROSECOND, -CAST(date_part('SECOND', "
        + timestamp
        + ") * 1000000 % 1000 AS BIGINT), "
        + timestamp
        + ")";
  }

  @Override
  public String type(SqlType t) {
    return switch (t) {
      case TEXT -> "STRING";
      case DOUBLE -> "DOUBLE";
      case BIGINT -> "BIGINT";
      case INTEGER -> "INT";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP_NTZ";
    };
  }

  /** {@code timestampadd} keeps a TIMESTAMP_NTZ local: no zone, no daylight saving. */
  /** A DATE minus a DATE is an interval on Spark: {@code datediff(endDate, startDate)} is days. */
  @Override
  public String daysBetween(String from, String to) {
    return "datediff(" + to + ", " + from + ")";
  }

  /** Spark multiplies no day interval by a column: {@code timestampadd(DAY, n, ts)}. */
  @Override
  public String timestampPlusDays(String timestamp, String days) {
    return "timestampadd(DAY, " + days + ", " + timestamp + ")";
  }

  @Override
  public String plusSeconds(String timestamp, long seconds) {
    return "timestampadd(SECOND, " + seconds + ", " + timestamp + ")";
  }

  /**
   * A temporary view, not {@code CACHE TABLE name AS select}: that statement cannot replace a view
   * of the same name (the compiled SQL run twice in one session, as a notebook does, would fail at
   * its first table), and Spark has no {@code CREATE OR REPLACE} form of it. Spark then computes
   * the view for each query that reads it; a team that runs the SQL on large exports adds {@code
   * CACHE TABLE name} after it (docs/engines.md).
   */
  @Override
  public String createTempTable(String name, String select) {
    return createTempView(name, TABLE_MARK + select);
  }

  /**
   * Marks the views other engines make tables: {@code --engine spark} caches them ({@code CACHE
   * TABLE}, SparkBackend), so that an export is read and typed once, not once per query; a notebook
   * can do the same.
   */
  public static final String TABLE_MARK = "/* a table elsewhere: CACHE TABLE it */ ";

  @Override
  public String createTempView(String name, String select) {
    return "CREATE OR REPLACE TEMPORARY VIEW " + name + " AS " + select;
  }

  /** Spark's CSV reader, as {@link SparkCsv} sets it up. */
  @Override
  public CsvRead readCsv(
      SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    return SparkCsv.read(this, l, fields, rejects, scan);
  }

  /** The records {@link SparkCsv} set aside (malformed to Spark), with their record numbers. */
  @Override
  public String refusedCsvRows(String rejects) {
    return SparkCsv.refused(rejects);
  }

  /**
   * The table kpi's importer fills ({@code --engine spark} appends its rows as a DataFrame of these
   * types, SparkBackend): an empty temporary view of the typed columns, not a {@code CREATE TABLE},
   * which would write a table into the session's warehouse folder and fail on a second run. In a
   * notebook, replace it with your own DataFrame of the same columns ({@code
   * df.createOrReplaceTempView(name)}).
   */
  @Override
  public String createLoadedTable(String name, List<String> columns) {
    List<String> typed = new ArrayList<>();
    for (String c : columns) {
      // "`name` TYPE": the name quoted, the type one word (Dialect.type).
      int space = c.lastIndexOf(' ');
      typed.add("CAST(NULL AS " + c.substring(space + 1) + ") AS " + c.substring(0, space));
    }
    return createTempView(name, "SELECT " + String.join(", ", typed) + " WHERE FALSE");
  }

  /**
   * Each file read by Spark's Parquet reader ({@code parquet.`path`}), its rows numbered by the
   * file's place in the list and {@code _metadata.row_index} (the row's place in its file, from 0;
   * Spark 3.5 and later), the files one after another with {@code UNION ALL}. Paths are passed to
   * Spark as they are: any Hadoop path (hdfs://, s3a://) Spark reaches.
   */
  @Override
  public String readParquet(List<String> files, String record, int fileBits) {
    List<String> each = new ArrayList<>();
    for (int i = 0; i < files.size(); i++)
      each.add(
          "SELECT "
              + ((long) i << fileBits)
              + " + _metadata.row_index + 1 AS "
              + record
              + ", * FROM parquet."
              + quoteIdent(files.get(i)));
    return "(" + String.join(" UNION ALL ", each) + ")";
  }

  // ---- Hooks added by sqlgaps ----

  /** Java's regular expressions: {@code \z} the very end ({@code $} would allow a line break). */
  @Override
  public String regexFull(String text, String re) {
    return "(" + text + " RLIKE " + literal("^(" + re + ")\\z") + ")";
  }

  /** regexp_extract: '' when the text does not match. */
  @Override
  public String regexGroup(String text, String re, int group) {
    return "regexp_extract(" + text + ", " + literal("^" + re + "\\z") + ", " + group + ")";
  }

  /** convert_timezone (Spark 3.4) takes and gives a TIMESTAMP_NTZ, with no session zone. */
  @Override
  public String localAtOffset(String localTimestamp, String offsetSeconds, java.time.ZoneId zone) {
    return "convert_timezone('UTC', "
        + literal(zone.getId())
        + ", timestampadd(SECOND, -("
        + offsetSeconds
        + "), "
        + localTimestamp
        + "))";
  }

  // ---- NaN and infinities in typed number columns ----

  /** {@code isnan} (false for NULL) and the infinities as Spark casts their names. */
  @Override
  public String finiteOrNull(String number) {
    return "CASE WHEN isnan("
        + number
        + ") OR abs("
        + number
        + ") = double('Infinity') THEN NULL ELSE "
        + number
        + " END";
  }
}
