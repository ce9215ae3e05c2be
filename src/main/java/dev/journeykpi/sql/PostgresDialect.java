package dev.journeykpi.sql;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
  private static String u(int c) {
    return String.format("\\u%04x", c);
  }

  private static String currencyWords() {
    List<String> words = new ArrayList<>(List.of("''"));
    for (String w : DuckDbDialect.CURRENCY_WORDS) words.add("'" + w + "'");
    return String.join(", ", words);
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
        + currencyWords()
        + ") THEN NULL"
        // 19 or more whole digits: NumberParser's slowParse (what DuckDB's TRY_CAST accepts).
        + " WHEN length(regexp_replace(whole, '[^0-9]', '', 'g')) >= 19 THEN (SELECT CASE"
        + " WHEN t ~ '^-?[0-9]+(\\.[0-9]*)?$' THEN CAST(t AS double precision) END FROM (SELECT"
        + " replace(regexp_replace(s, '[^-0-9' || mark || ']', '', 'g'), mark, '.') AS t) AS kpi_t)"
        + " WHEN length(regexp_replace(rest, '[^%]', '', 'g')) > 1"
        + " OR regexp_replace(rest, "
        + stripRest
        + ", '', 'g') NOT IN ("
        + currencyWords()
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

  @Override
  public List<String> preamble() {
    return List.of(numberFunction(), DATETIME);
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
  public String tryParseBoolean(String text, Set<String> trueTokens, Set<String> falseTokens) {
    String lower = "lower(coalesce(" + text + ", ''))";
    return "CASE WHEN "
        + isOneOf(lower, tokens(trueTokens))
        + " THEN TRUE WHEN "
        + isOneOf(lower, tokens(falseTokens))
        + " THEN FALSE END";
  }

  private List<String> tokens(Set<String> tokens) {
    List<String> out = new ArrayList<>();
    for (String t : new TreeSet<>(tokens)) out.add(literal(t));
    return out.isEmpty() ? List.of("NULL") : out;
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

  /**
   * The file is loaded by {@code COPY … FROM 'file'} (the server reads it: a superuser or a member
   * of {@code pg_read_server_files}; from psql, {@code \copy} with the same options reads it on the
   * client) one physical line a row, as a single field ({@code FORMAT csv} with a delimiter and a
   * quote, U+0001 and U+0002, that exports do not hold), each line numbered by an identity column
   * in the file's order. SQL then does what COPY's own CSV reading cannot do as kpi's import does:
   * the header's line and those before it are skipped by number (COPY's HEADER skips one line
   * only); lines inside an open quote are joined into one record; empty lines are no record; each
   * record is split into fields (a quoted field unquoted, {@code ""} inside it a quote; an unquoted
   * empty field NULL, a quoted one ''); and a record with the wrong number of fields goes to {@code
   * rejects} with its line, where COPY would stop the whole load.
   */
  @Override
  public CsvRead readCsv(
      SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    String lines = quoteIdent(scan + "_lines");
    String records = quoteIdent(scan + "_records");
    String delim = u(l.delimiter());
    List<String> st = new ArrayList<>();
    st.add(
        "DROP TABLE IF EXISTS pg_temp."
            + lines
            + " CASCADE;\nCREATE TEMP TABLE "
            + lines
            + " (kpi_line bigint GENERATED ALWAYS AS IDENTITY, kpi_text text)");
    st.add(
        "COPY "
            + lines
            + " (kpi_text) FROM "
            + literal(l.file())
            + " (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02', ENCODING 'UTF8')");
    // A record starts on a line before which the quotes are balanced; most lines are a record by
    // themselves (balanced, and nothing open before them) and are kept as they are; only the lines
    // of a quoted field that spans lines are grouped and joined (on the 1M-row bench export,
    // grouping every line cost twice the time of this).
    String parity =
        "(length(coalesce(kpi_text, '')) - length(replace(coalesce(kpi_text, ''), '\"', ''))) % 2";
    String joined =
        "WITH kpi_o AS (SELECT kpi_line, kpi_text, kpi_q, coalesce(sum(kpi_q) OVER (ORDER BY"
            + " kpi_line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) % 2 AS kpi_open FROM"
            + " (SELECT kpi_line, kpi_text, "
            + parity
            + " AS kpi_q FROM "
            + lines
            + " WHERE kpi_line > "
            + l.skip()
            + ") AS kpi_l) SELECT kpi_line, kpi_text FROM kpi_o WHERE kpi_open = 0 AND kpi_q = 0"
            + " UNION ALL SELECT min(kpi_line), string_agg(coalesce(kpi_text, ''), E'\\n' ORDER BY"
            + " kpi_line) FROM (SELECT kpi_line, kpi_text, sum(CASE WHEN kpi_open = 0 THEN 1 ELSE 0"
            + " END) OVER (ORDER BY kpi_line) AS kpi_rec FROM kpi_o WHERE kpi_open = 1 OR kpi_q = 1)"
            + " AS kpi_r GROUP BY kpi_rec";
    // A record whose quotes only wrap whole, non-empty fields without a quote or delimiter inside
    // (the usual export: "Hỏi về khuyến mãi") is split by string_to_array, its quotes dropped; any
    // other by a regular expression, field by field: a quoted one (its "" a quote) or the text up
    // to the next delimiter (on the bench export, 8 s against 121 s for every record so).
    String plainField = "([^\"" + delim + "]*|\"[^\"" + delim + "]+\")";
    String plain = "^" + plainField + "(" + delim + plainField + ")*$";
    String field = "(?:^|" + delim + ")(\"(?:[^\"]|\"\")*\"|[^" + delim + "]*)";
    String split =
        "CASE WHEN kpi_text ~ "
            + literal(plain)
            + " THEN string_to_array(replace(kpi_text, '\"', ''), "
            + literal(String.valueOf(l.delimiter()))
            + ", '') ELSE ARRAY(SELECT CASE WHEN f[1] LIKE '\"%' THEN replace(substr(f[1], 2,"
            + " length(f[1]) - 2), '\"\"', '\"') ELSE nullif(f[1], '') END FROM"
            + " regexp_matches(kpi_text, "
            + literal(field)
            + ", 'g') WITH ORDINALITY AS kpi_f(f, i) ORDER BY i) END";
    st.add(
        createTempTable(
            records,
            "SELECT kpi_line, "
                + split
                + " AS kpi_fields FROM ("
                + joined
                + ") AS kpi_j WHERE kpi_text <> ''"));
    st.add(
        createTempTable(
            quoteIdent(rejects),
            "SELECT kpi_line AS line, cardinality(kpi_fields) AS fields FROM "
                + records
                + " WHERE cardinality(kpi_fields) <> "
                + l.width()));
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++)
      columns.add("kpi_fields[" + (i + 1) + "] AS " + quoteIdent(fields.get(i)));
    String relation =
        "(SELECT row_number() OVER (ORDER BY kpi_line) AS kpi_n, "
            + String.join(", ", columns)
            + " FROM "
            + records
            + " WHERE cardinality(kpi_fields) = "
            + l.width()
            + ") AS kpi_csv";
    return new CsvRead(st, relation, "kpi_n");
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
}
