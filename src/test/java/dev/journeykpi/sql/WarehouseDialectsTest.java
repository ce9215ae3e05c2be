package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.ingest.NumberParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hooks of {@link TrinoDialect}, {@link BigQueryDialect} and {@link SnowflakeDialect} against
 * each engine's documented form (no engine runs here: each expectation is written by hand from the
 * page named beside it), and the arithmetic they share ({@link WarehouseDialect}, {@link
 * WarehouseParsers}) run on DuckDB through a dialect that spells the same steps with DuckDB's
 * functions.
 */
class WarehouseDialectsTest {
  private final TrinoDialect trino = new TrinoDialect();
  private final BigQueryDialect bq = new BigQueryDialect();
  private final SnowflakeDialect sf = new SnowflakeDialect();
  private static final LocalDateTime T = LocalDateTime.of(2026, 10, 1, 8, 0);

  @Test
  void typeNames() {
    // trino.io/docs/current/language/types.html; BigQuery data-types (a local date-time is
    // DATETIME); Snowflake data-types-datetime (TIMESTAMP_NTZ: wall clock, no zone).
    assertThat(trino.cast("x", Dialect.SqlType.TIMESTAMP)).isEqualTo("CAST(x AS TIMESTAMP(3))");
    assertThat(bq.cast("x", Dialect.SqlType.TEXT)).isEqualTo("CAST(x AS STRING)");
    assertThat(bq.cast("x", Dialect.SqlType.DOUBLE)).isEqualTo("CAST(x AS FLOAT64)");
    assertThat(bq.cast("x", Dialect.SqlType.INTEGER)).isEqualTo("CAST(x AS INT64)");
    assertThat(bq.cast("x", Dialect.SqlType.BOOLEAN)).isEqualTo("CAST(x AS BOOL)");
    assertThat(bq.cast("x", Dialect.SqlType.TIMESTAMP)).isEqualTo("CAST(x AS DATETIME)");
    assertThat(sf.cast("x", Dialect.SqlType.TIMESTAMP)).isEqualTo("CAST(x AS TIMESTAMP_NTZ)");
  }

  @Test
  void literalsAndIdentifiers() {
    // Trino: standard literals, '' for a quote. BigQuery lexical: backquoted identifiers, escape
    // sequences in strings (\\ \' \xhh). Snowflake data-types-text: a doubled backslash and
    // u-escapes in strings.
    assertThat(trino.literal("it's a\\b")).isEqualTo("'it''s a\\b'");
    assertThat(bq.literal("it's a\\b\t")).isEqualTo("'it\\'s a\\\\b\\x09'");
    assertThat(bq.quoteIdent("kpi_rows_tickets")).isEqualTo("`kpi_rows_tickets`");
    assertThat(sf.literal("it's a\\b\t")).isEqualTo("'it''s a\\\\b\\u0009'");
    assertThat(sf.quoteIdent("kpi_rows_tickets")).isEqualTo("\"kpi_rows_tickets\"");
    assertThat(trino.timestamp(T)).isEqualTo("TIMESTAMP '2026-10-01 08:00:00'");
    assertThat(bq.timestamp(T)).isEqualTo("DATETIME '2026-10-01 08:00:00'");
    assertThat(sf.timestamp(T)).isEqualTo("CAST('2026-10-01 08:00:00' AS TIMESTAMP_NTZ)");
  }

  @Test
  void timeArithmetic() {
    // Trino datetime.html: date_add(unit, value, timestamp), date_diff(unit, t1, t2),
    // day_of_week (ISO), date_trunc. BigQuery datetime_functions: DATETIME_ADD(d, INTERVAL n
    // SECOND), EXTRACT(DAYOFWEEK) is Sunday 1..Saturday 7, UNIX_MILLIS(TIMESTAMP(d)) reads d in
    // UTC. Snowflake: DATEADD(SECOND, n, t), DAYOFWEEKISO, DATE_PART(EPOCH_MILLISECOND, t).
    assertThat(trino.plusSeconds("t", -90)).isEqualTo("date_add('second', -90, t)");
    assertThat(bq.plusSeconds("t", 3)).isEqualTo("DATETIME_ADD(t, INTERVAL 3 SECOND)");
    assertThat(sf.plusSeconds("t", 3)).isEqualTo("DATEADD(SECOND, 3, t)");
    assertThat(trino.epochMillis("t"))
        .isEqualTo("date_diff('millisecond', TIMESTAMP '1970-01-01 00:00:00.000', t)");
    assertThat(bq.epochMillis("t")).isEqualTo("UNIX_MILLIS(TIMESTAMP(t))");
    assertThat(sf.epochMillis("t")).isEqualTo("DATE_PART(EPOCH_MILLISECOND, t)");
    assertThat(trino.isoDayOfWeek("d")).isEqualTo("day_of_week(d)");
    assertThat(sf.isoDayOfWeek("d")).isEqualTo("DAYOFWEEKISO(d)");
    // Sunday is 1: (1 + 5) mod 7 + 1 = 7; Monday 2: (2 + 5) mod 7 + 1 = 1; Saturday 7:
    // (7 + 5) mod 7 + 1 = 5 + 1 = 6.
    assertThat(bq.isoDayOfWeek("d")).isEqualTo("(MOD(EXTRACT(DAYOFWEEK FROM d) + 5, 7) + 1)");
    for (int[] dow : new int[][] {{1, 7}, {2, 1}, {7, 6}})
      assertThat((dow[0] + 5) % 7 + 1).isEqualTo(dow[1]);
    assertThat(bq.wholeSeconds("t")).isEqualTo("DATETIME_TRUNC(t, SECOND)");
    assertThat(sf.wholeSeconds("t")).isEqualTo("DATE_TRUNC('SECOND', t)");
  }

  @Test
  void dayArithmetic() {
    // Trino adds only intervals to dates (datetime.html: date_add, date_diff); GoogleSQL's
    // DATE_ADD(d, INTERVAL n DAY), DATE_DIFF(end, start, DAY), DATETIME_ADD; Snowflake adds a
    // number of days to a DATE with + and subtracts dates to days, but multiplies no interval.
    assertThat(trino.plusDays("d", "-1")).isEqualTo("date_add('day', -1, d)");
    assertThat(trino.daysBetween("a", "b")).isEqualTo("date_diff('day', a, b)");
    assertThat(trino.timestampPlusDays("t", "n")).isEqualTo("date_add('day', n, t)");
    assertThat(bq.plusDays("d", "2")).isEqualTo("DATE_ADD(d, INTERVAL 2 DAY)");
    assertThat(bq.daysBetween("a", "b")).isEqualTo("DATE_DIFF(b, a, DAY)");
    assertThat(bq.timestampPlusDays("t", "n")).isEqualTo("DATETIME_ADD(t, INTERVAL n DAY)");
    assertThat(sf.plusDays("d", "2")).isEqualTo("(d + 2)");
    assertThat(sf.daysBetween("a", "b")).isEqualTo("(b - a)");
    assertThat(sf.timestampPlusDays("t", "n")).isEqualTo("DATEADD(DAY, n, t)");
  }

  @Test
  void textSearches() {
    // Trino string.md: strpos, starts_with, length, substr(string, start); GoogleSQL: STRPOS,
    // STARTS_WITH, ENDS_WITH; Snowflake: CONTAINS, STARTSWITH, ENDSWITH.
    assertThat(trino.textContains("x", "'ma'")).isEqualTo("(strpos(x, 'ma') > 0)");
    assertThat(trino.textStartsWith("x", "'C'")).isEqualTo("starts_with(x, 'C')");
    assertThat(trino.textEndsWith("x", "'z'"))
        .isEqualTo("(length(x) >= length('z') AND substr(x, length(x) - length('z') + 1) = 'z')");
    assertThat(bq.textContains("x", "'ma'")).isEqualTo("(STRPOS(x, 'ma') > 0)");
    assertThat(bq.textStartsWith("x", "'C'")).isEqualTo("STARTS_WITH(x, 'C')");
    assertThat(bq.textEndsWith("x", "'z'")).isEqualTo("ENDS_WITH(x, 'z')");
    assertThat(sf.textContains("x", "'ma'")).isEqualTo("CONTAINS(x, 'ma')");
    assertThat(sf.textStartsWith("x", "'C'")).isEqualTo("STARTSWITH(x, 'C')");
    assertThat(sf.textEndsWith("x", "'z'")).isEqualTo("ENDSWITH(x, 'z')");
  }

  @Test
  void tablesAndRows() {
    // Trino has no temporary tables: a table of the session's schema, dropped first. BigQuery
    // scripting: CREATE TEMP TABLE, no temporary views. Snowflake: TEMPORARY tables and views.
    assertThat(trino.createTempTable("t", "SELECT 1"))
        .isEqualTo("DROP TABLE IF EXISTS t;\nCREATE TABLE t AS SELECT 1");
    assertThat(trino.createTempView("v", "SELECT 1"))
        .isEqualTo("CREATE OR REPLACE VIEW v AS SELECT 1");
    assertThat(bq.createTempView("v", "SELECT 1"))
        .isEqualTo("CREATE OR REPLACE TEMP TABLE v AS SELECT 1");
    assertThat(sf.createTempView("v", "SELECT 1"))
        .isEqualTo("CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 1");
    // BigQuery has no VALUES table: an array of structs, unnested (arrays#building_arrays).
    assertThat(bq.values("p", List.of("a", "b"), List.of(List.of("1", "'x'"), List.of("2", "'y'"))))
        .isEqualTo(
            "(SELECT * FROM UNNEST([STRUCT(1 AS a, 'x' AS b), STRUCT(2 AS a, 'y' AS b)])) AS p");
    assertThat(sf.values("p", List.of("a"), List.of(List.of("1"))))
        .isEqualTo("(VALUES (1)) AS p(a)");
    // Snowflake has no series of dates: a range of day numbers, flattened (FLATTEN's VALUE).
    assertThat(sf.daySeries("f", "t"))
        .isEqualTo(
            "(SELECT DATEADD(DAY, CAST(kpi_n.VALUE AS INTEGER), CAST(f AS DATE)) AS kpi_day FROM"
                + " TABLE(FLATTEN(INPUT => ARRAY_GENERATE_RANGE(0, DATEDIFF(DAY, CAST(f AS DATE),"
                + " CAST(t AS DATE)) + 1))) AS kpi_n)");
    assertThat(trino.daySeries("f", "t"))
        .isEqualTo(
            "(SELECT kpi_day FROM UNNEST(sequence(CAST(f AS DATE), CAST(t AS DATE))) AS"
                + " kpi_series(kpi_day))");
    assertThat(bq.daySeries("f", "t"))
        .isEqualTo(
            "(SELECT kpi_day FROM UNNEST(GENERATE_DATE_ARRAY(CAST(f AS DATE), CAST(t AS DATE)))"
                + " AS kpi_day)");
  }

  @Test
  void exactPercentileAndSums() {
    // Snowflake percentile_cont: an exact aggregate with kpi's interpolation.
    assertThat(sf.percentile("x", 90))
        .isEqualTo("PERCENTILE_CONT(0.9E0) WITHIN GROUP (ORDER BY CAST(x AS DOUBLE))");
    // Trino: array_agg, filter, array_sort; the array bound once by transform.
    assertThat(trino.percentile("x", 50))
        .startsWith(
            "element_at(transform(ARRAY[array_sort(filter(array_agg(CAST(x AS DOUBLE)), v -> v IS"
                + " NOT NULL))], kpi_a -> CASE WHEN coalesce(cardinality(kpi_a), 0) = 0 THEN NULL"
                + " ELSE element_at(kpi_a, CAST(floor(((cardinality(kpi_a) - 1) * 50.0E0 / 100))"
                + " AS BIGINT) + 1)");
    assertThat(bq.percentile("x", 50))
        .contains("ARRAY_AGG(CAST(x AS FLOAT64) IGNORE NULLS ORDER BY CAST(x AS FLOAT64))[OFFSET(");
    assertThat(bq.sumExact("x")).isEqualTo("CAST(SUM(CAST(x AS BIGNUMERIC)) AS FLOAT64)");
    assertThat(trino.sumExact("x")).isEqualTo("CAST(sum(CAST(x AS DECIMAL(38, 9))) AS DOUBLE)");
  }

  @Test
  void textHooks() {
    // Trino string.html normalize(string, NFC); BigQuery NORMALIZE(value, NFC); Snowflake: none.
    assertThat(trino.lowerNfc("x")).isEqualTo("lower(normalize(x, NFC))");
    assertThat(bq.lowerNfc("x")).isEqualTo("lower(NORMALIZE(x, NFC))");
    assertThat(sf.lowerNfc("x")).isEqualTo("lower(x)");
    assertThat(bq.trimmed("x")).isEqualTo("TRIM(x, ' \\x09')");
    assertThat(sf.trimmed("x")).isEqualTo("TRIM(x, ' \\u0009')");
    assertThat(trino.trimmed("x"))
        .isEqualTo("regexp_replace(x, '\\A[\\x{20}\\x{9}]+|[\\x{20}\\x{9}]+\\z', '')");
    // ControlChars' characters as a class: Java's \x{h} on Trino; the characters themselves on
    // Snowflake (POSIX has no escape in a class), written as u-escapes of its string, NUL left out.
    assertThat(trino.hasControlCharacters("x"))
        .isEqualTo("regexp_like(x, '[\\x{0}-\\x{8}\\x{b}\\x{c}\\x{e}-\\x{1f}\\x{7f}-\\x{9f}]')");
    assertThat(sf.hasControlCharacters("x"))
        .isEqualTo(
            "REGEXP_INSTR(x, '[\\u0001-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]') > 0");
    // A matches: pattern (RE2 from JavaRegex) as it is on Trino and BigQuery; refused on Snowflake.
    assertThat(bq.regexFind("x", "(?i)k\\d")).isEqualTo("REGEXP_CONTAINS(x, '(?i)k\\\\d')");
    assertThat(trino.regexFind("x", "(?i)k")).isEqualTo("regexp_like(x, '(?i)k')");
    assertThatThrownBy(() -> sf.regexFind("x", "k"))
        .isInstanceOf(SqlRefused.class)
        .hasMessageContaining("snowflake");
    // BigQuery's REGEXP_EXTRACT takes one capturing group: the others become (?:…).
    assertThat(BigQueryDialect.onlyGroup("^([a(]*)(b)?[)(](c)$", 2))
        .isEqualTo("^(?:[a(]*)(b)?[)(](?:c)$");
  }

  @Test
  void aZoneWithDaylightSavingIsRefusedAndAFixedOneIsWrittenOut() {
    assertThatThrownBy(() -> trino.epochMillisInZone("t", ZoneId.of("Europe/Berlin")))
        .isInstanceOf(SqlRefused.class)
        .hasMessageContaining("Europe/Berlin")
        .hasMessageContaining("trino");
    // UTC never changed: the wall clock's milliseconds, minus 0.
    assertThat(sf.epochMillisInZone("t", ZoneId.of("UTC")))
        .isEqualTo("(DATE_PART(EPOCH_MILLISECOND, t) - 0)");
  }

  /**
   * The shared steps on DuckDB: the same parser and percentile text with DuckDB's names for the
   * regular-expression, cast and list functions, against kpi's own NumberParser.
   */
  @Test
  void theSharedParsersAndPercentileGiveKpisValuesOnDuckDb() throws Exception {
    OnDuckDb d = new OnDuckDb();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      // Worked by hand: 1.250.000 ₫ with mark ',' is 1250000; (1.000) is -1000; 12,5% is 0.125;
      // $12.50 with '.' is 12.5; 500 VND is 500; 12 xyz and 1,2,3 (mark ',') are not numbers.
      String[][] hand = {
        {"1.250.000 ₫", ",", "1250000.0"},
        {"(1.000)", ",", "-1000.0"},
        {"12,5%", ",", "0.125"},
        {"$12.50", ".", "12.5"},
        {"500 VND", ".", "500.0"},
        {"12 xyz", ".", null},
        {"1,2,3", ",", null},
      };
      for (String[] h : hand)
        assertThat(number(st, d, h[0], h[1].charAt(0))).as(h[0]).isEqualTo(h[2]);
      // And every text of a corpus as kpi's import reads it.
      String[] corpus = {
        "1.250.000 ₫",
        "(1.000)",
        "12,5%",
        "-5",
        "+250000",
        "$12.50",
        "500 VND",
        "abc",
        "1,2,3",
        "--5",
        "5%%",
        "1.5 USD",
        "đồng 5",
        "12 xyz",
        "5",
        "1 000",
        "1'000.5",
        ".5",
        ",5",
        "1.",
        "12345678901234567890",
        "−3",
        "( 2 )",
        "€ 3,50",
        "3 đ",
        "VND-7",
        "+-3",
        "1.234,56",
        "1,234.56",
        "100%",
        "(5)%",
        "0,0001",
        "99999999999999999",
        "1.2.3",
        "12 đồng",
        "US D 5"
      };
      for (String text : corpus)
        for (char mark : new char[] {'.', ','}) {
          double v = new NumberParser(mark).parse(text);
          assertThat(number(st, d, text, mark))
              .as("%s with mark %s", text, mark)
              .isEqualTo(Double.isNaN(v) ? null : String.valueOf(v));
        }
      // dd/MM/yyyy HH:mm: the 31st of September and 24:00 are no times; one-digit days are not dd.
      assertThat(time(st, d, "31/10/2026 08:15", "dd/MM/yyyy HH:mm"))
          .isEqualTo("2026-10-31 08:15:00");
      assertThat(time(st, d, " 01/02/2026 23:59 ", "dd/MM/yyyy HH:mm"))
          .isEqualTo("2026-02-01 23:59:00");
      assertThat(time(st, d, "31/09/2026 10:15", "dd/MM/yyyy HH:mm")).isNull();
      assertThat(time(st, d, "30/09/2026 24:00", "dd/MM/yyyy HH:mm")).isNull();
      assertThat(time(st, d, "1/10/2026 08:15", "dd/MM/yyyy HH:mm")).isNull();
      assertThat(time(st, d, "1/2/26 8:05:09.1234", "d/M/yy H:mm:ss.SSS"))
          .isEqualTo("2026-02-01 08:05:09.123");
      // PERCENTILE.INC of 1, 2, 7.5, 10 at 90: h = 3 × 0.9 = 2.7, lo = 2, 7.5 + 0.7 × 2.5 = 9.25;
      // at 100 the top value, 10; the median 4.75; no values NULL.
      String values = "(VALUES (1.0), (10.0), (NULL), (7.5), (2.0)) AS v(x)";
      assertThat(one(st, "SELECT " + d.percentile("x", 90) + " FROM " + values)).isEqualTo("9.25");
      assertThat(one(st, "SELECT " + d.percentile("x", 100) + " FROM " + values)).isEqualTo("10.0");
      assertThat(one(st, "SELECT " + d.percentile("x", 50) + " FROM " + values)).isEqualTo("4.75");
      assertThat(one(st, "SELECT " + d.percentile("x", 50) + " FROM " + values + " WHERE x > 99"))
          .isNull();
    }
  }

  private static String number(Statement st, OnDuckDb d, String text, char mark) throws Exception {
    return one(st, "SELECT " + WarehouseParsers.number(d, d.literal(text), mark));
  }

  private static String time(Statement st, OnDuckDb d, String text, String pattern)
      throws Exception {
    String t =
        one(st, "SELECT CAST(" + d.tryParseTimestamp(d.literal(text), pattern) + " AS VARCHAR)");
    return t;
  }

  private static String one(Statement st, String sql) throws Exception {
    try (ResultSet r = st.executeQuery(sql)) {
      r.next();
      Object o = r.getObject(1);
      return o == null ? null : o instanceof Double x ? String.valueOf(x) : o.toString();
    }
  }

  /** The warehouses' shared steps spelled with DuckDB's functions (RE2, as BigQuery's). */
  static final class OnDuckDb extends WarehouseDialect {
    private final DuckDbDialect duck = new DuckDbDialect();

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
      return "regexp_matches(" + text + ", " + literal(re) + ")";
    }

    @Override
    String reReplaceAll(String text, String re, String replacement) {
      return "regexp_replace(" + text + ", " + literal(re) + ", " + literal(replacement) + ", 'g')";
    }

    @Override
    String reGroup(String text, String re, int group) {
      return "regexp_extract(" + text + ", " + literal(re) + ", " + group + ")";
    }

    @Override
    String classChar(int codePoint) {
      return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    @Override
    String tryDouble(String text) {
      return "TRY_CAST(" + text + " AS DOUBLE)";
    }

    @Override
    String tryTimestampIso(String text) {
      return "TRY_CAST(" + text + " AS TIMESTAMP)";
    }

    @Override
    String pow10(String n) {
      return "pow(10.0, " + n + ")";
    }

    @Override
    public String name() {
      return "duckdb-as-warehouse";
    }

    @Override
    public String type(SqlType t) {
      return duck.type(t);
    }

    @Override
    public String percentile(String expr, double p) {
      return percentileOfSorted(
          "list_sort(list_filter(list("
              + cast(expr, SqlType.DOUBLE)
              + "), lambda v: v IS NOT NULL))",
          a -> "len(" + a + ")",
          (a, rank) -> "list_extract(" + a + ", " + rank + " + 1)",
          p);
    }

    @Override
    public String epochMillis(String timestamp) {
      return duck.epochMillis(timestamp);
    }

    @Override
    public String nfc(String text) {
      return duck.nfc(text);
    }

    @Override
    public String regexFind(String text, String pattern) {
      return duck.regexFind(text, pattern);
    }

    @Override
    public String daySeries(String fromDate, String toDate) {
      return duck.daySeries(fromDate, toDate);
    }

    @Override
    public String finiteOrNull(String number) {
      return duck.finiteOrNull(number);
    }

    @Override
    public String isoDayOfWeek(String date) {
      return duck.isoDayOfWeek(date);
    }

    @Override
    public String secondOfDay(String timestamp) {
      return duck.secondOfDay(timestamp);
    }

    @Override
    public String wholeSeconds(String timestamp) {
      return duck.wholeSeconds(timestamp);
    }

    @Override
    public String plusSeconds(String timestamp, long seconds) {
      return duck.plusSeconds(timestamp, seconds);
    }

    @Override
    public String createTempTable(String name, String select) {
      return duck.createTempTable(name, select);
    }

    @Override
    public String createTempView(String name, String select) {
      return duck.createTempView(name, select);
    }

    @Override
    public CsvRead readCsv(
        SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
      return duck.readCsv(l, fields, rejects, scan);
    }
  }
}
