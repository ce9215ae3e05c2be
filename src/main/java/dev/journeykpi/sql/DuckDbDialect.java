package dev.journeykpi.sql;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * DuckDB (in process through JDBC, {@code --engine duckdb}). Exact percentiles are {@code
 * quantile_cont} on DOUBLE (on DECIMAL it rounds to the input's scale); sums are {@code fsum},
 * because DuckDB's parallel SUM of doubles changes in the last bits from run to run; texts are
 * parsed by the macros of {@link #preamble}, which follow kpi's NumberParser and DateTimeParser
 * step by step.
 */
public final class DuckDbDialect implements Dialect {
  /** The currency words NumberParser accepts around the digits, exactly as it spells them. */
  static final List<String> CURRENCY_WORDS =
      List.of(
          "VND", "vnd", "VNĐ", "vnđ", "đ", "Đ", "USD", "usd", "EUR", "eur", "GBP", "JPY", "đồng",
          "dong");

  /** The fields a date-time pattern can have, in the order of {@code kpi_datetime}'s struct. */
  static final List<String> DATE_FIELDS = List.of("y4", "y2", "mo", "d", "h", "mi", "s", "f");

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public List<String> preamble() {
    return List.of(NUMBER, DATETIME, numberParts('.'), numberParts(','));
  }

  /**
   * The parts of a number's text under one decimal mark: what comes before the digits (signs,
   * currency, an opening parenthesis), the whole digits with their grouping, the decimal mark with
   * the fraction's digits, and what follows. NumberParser reads the same four parts in turn.
   */
  private static String numberParts(char mark) {
    String d = mark == '.' ? "\\." : ",";
    String g = mark == '.' ? "," : "\\.";
    // Plain digits, the usual cell, are read straight (the same double: a whole number below
    // 10^15). Otherwise the parts are split once and bound to p through a one-element list: a
    // macro's parameter is substituted as text, so p.lead, p.whole … would each split it again.
    return "CREATE OR REPLACE TEMP MACRO kpi_number_"
        + (mark == '.' ? "dot" : "comma")
        + "(s) AS CASE WHEN regexp_full_match(s, '[0-9]{1,15}') THEN CAST(s AS BIGINT)::DOUBLE"
        + " ELSE list_transform([regexp_extract(s, '^([^0-9"
        + d
        + "]*)([0-9][0-9"
        + g
        + " \\x{a0}'']*)?("
        + d
        + "[0-9]*)?(.*)$', ['lead', 'whole', 'frac', 'rest'])], lambda p: kpi_number(s, p, '"
        + mark
        + "'))[1] END";
  }

  /**
   * NumberParser.parse over the parts: the text before the digits holds only signs (one at most),
   * parentheses, currency symbols, spaces and a currency word; after them only %, ), currency
   * symbols, spaces and a currency word; 19 or more whole digits are read as NumberParser's
   * slowParse reads them; the fraction's first 15 digits count; the value is whole + fraction /
   * 10^digits in the same double arithmetic, negated by a minus or an opening parenthesis (the last
   * sign or parenthesis decides, as there), divided by 100 after a %.
   */
  private static final String NUMBER =
      "CREATE OR REPLACE TEMP MACRO kpi_number(s, p, mark) AS CASE"
          + " WHEN NOT regexp_full_match(p.lead, '[+\\-−(\\p{L}\\p{Sc} \\x{a0}]*')"
          + " OR length(regexp_replace(p.lead, '[^+\\-−]', '', 'g')) > 1"
          + " OR regexp_replace(p.lead, '[^\\p{L}]', '', 'g') NOT IN ("
          + currencyWords()
          + ") THEN NULL"
          + " WHEN length(regexp_replace(p.whole, '[^0-9]', '', 'g')) >= 19"
          + " THEN TRY_CAST(replace(regexp_replace(s, '[^0-9\\-' || mark || ']', '', 'g'), mark, '.') AS DOUBLE)"
          + " WHEN NOT regexp_full_match(p.rest, '[%)\\p{L}\\p{Sc} \\x{a0}]*')"
          + " OR length(regexp_replace(p.rest, '[^%]', '', 'g')) > 1"
          + " OR regexp_replace(p.rest, '[^\\p{L}]', '', 'g') NOT IN ("
          + currencyWords()
          + ")"
          + " OR (p.whole = '' AND length(p.frac) < 2) THEN NULL"
          + " ELSE (CASE WHEN regexp_extract(p.lead, '([(+\\-−])[^(+\\-−]*$', 1) IN ('(', '-', '−')"
          + " THEN -1.0 ELSE 1.0 END)"
          + " * (CAST(CASE WHEN p.whole = '' THEN '0' ELSE regexp_replace(p.whole, '[^0-9]', '', 'g') END"
          + " AS BIGINT)::DOUBLE"
          + " + CASE WHEN length(p.frac) < 2 THEN 0.0"
          + " ELSE CAST(left(substr(p.frac, 2), 15) AS BIGINT)::DOUBLE"
          + " / pow(10.0, length(left(substr(p.frac, 2), 15))) END)"
          + " / (CASE WHEN contains(p.rest, '%') THEN 100.0 ELSE 1.0 END) END";

  /**
   * The currency words as an SQL list of text literals, the empty text first (no word at all):
   * plain letters, so one spelling every dialect reads.
   */
  static String currencyWords() {
    List<String> words = new ArrayList<>(List.of("''"));
    for (String w : CURRENCY_WORDS) words.add("'" + w + "'");
    return String.join(", ", words);
  }

  /**
   * DateTimeParser's fixed fields over a struct of their digits (empty when the pattern lacks one):
   * no year is no date; a missing month or day is 1, a missing time 0; every field in range and the
   * day in its month, else NULL; a fraction counts its first three digits as milliseconds.
   */
  private static final String DATETIME =
      "CREATE OR REPLACE TEMP MACRO kpi_datetime(p) AS CASE"
          + " WHEN p.y4 = '' AND p.y2 = '' THEN NULL"
          + " WHEN (p.h <> '' AND CAST(p.h AS INT) > 23) OR (p.mi <> '' AND CAST(p.mi AS INT) > 59)"
          + " OR (p.s <> '' AND CAST(p.s AS INT) > 59) THEN NULL"
          + " ELSE try(make_timestamp("
          + "CASE WHEN p.y4 <> '' THEN CAST(p.y4 AS BIGINT) ELSE 2000 + CAST(p.y2 AS BIGINT) END,"
          + " CASE WHEN p.mo = '' THEN 1 ELSE CAST(p.mo AS BIGINT) END,"
          + " CASE WHEN p.d = '' THEN 1 ELSE CAST(p.d AS BIGINT) END,"
          + " CASE WHEN p.h = '' THEN 0 ELSE CAST(p.h AS BIGINT) END,"
          + " CASE WHEN p.mi = '' THEN 0 ELSE CAST(p.mi AS BIGINT) END,"
          + " CASE WHEN p.s = '' THEN 0 ELSE CAST(p.s AS BIGINT) END)"
          + " + to_milliseconds(CASE WHEN p.f = '' THEN 0 ELSE CAST(rpad(left(p.f, 3), 3, '0') AS BIGINT) END))"
          + " END";

  @Override
  public String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public String timestamp(LocalDateTime t) {
    return "TIMESTAMP '" + t.toLocalDate() + " " + t.toLocalTime().withNano(0) + "'";
  }

  @Override
  public String percentile(String expr, double p) {
    return "quantile_cont(CAST(" + expr + " AS DOUBLE), " + p / 100.0 + ")";
  }

  @Override
  public String epochSeconds(String timestamp) {
    return "epoch(" + timestamp + ")";
  }

  @Override
  public String epochMillis(String timestamp) {
    return "epoch_ms(" + timestamp + ")";
  }

  @Override
  public String tryParseNumber(String text, char decimalMark) {
    return (decimalMark == ',' ? "kpi_number_comma(" : "kpi_number_dot(") + text + ")";
  }

  @Override
  public String tryParseTimestamp(String text, String javaPattern) {
    DatePatternRegex.Compiled c = DatePatternRegex.of(javaPattern);
    if (c == null) return null;
    if (c.strptime() != null) {
      // A pattern of fixed-width fields (dd/MM/yyyy HH:mm): DuckDB's own reader, on texts of the
      // pattern's exact length and shape only, so that it accepts nothing kpi's does not.
      return "CASE WHEN regexp_full_match("
          + text
          + ", "
          + literal(c.shape())
          + ") THEN try_strptime("
          + text
          + ", "
          + literal(c.strptime())
          + ") END";
    }
    List<String> names = new ArrayList<>();
    for (String f : c.names()) names.add("'" + f + "'");
    // The fields are split once and bound to p through a one-element list (see numberParts).
    return "list_transform([regexp_extract("
        + text
        + ", "
        + literal(c.regex())
        + ", ["
        + String.join(", ", names)
        + "])], lambda p: kpi_datetime(p))[1]";
  }

  @Override
  public String lowerNfc(String text) {
    return "lower(nfc_normalize(" + text + "))";
  }

  /**
   * Trimmed only when it starts or ends with a space or a tab (a rare field): trim() builds a new
   * text for every cell, which cost 1.7 s of CPU per 10,000,000 Parquet texts against 0.2 s for the
   * four tests (issue 17, docs/engines.md "Performance"); the text is the same either way.
   */
  @Override
  public String trimmed(String field) {
    return "CASE WHEN starts_with("
        + field
        + ", ' ') OR starts_with("
        + field
        + ", '\t') OR ends_with("
        + field
        + ", ' ') OR ends_with("
        + field
        + ", '\t') THEN trim("
        + field
        + ", ' \t') ELSE "
        + field
        + " END";
  }

  /**
   * Character.isWhitespace: the separators but the non-breaking ones (U+00A0, U+2007, U+202F), tab,
   * line feed, U+000B, form feed, carriage return, U+001C to U+001F.
   */
  @Override
  public String isBlank(String text) {
    return "(" + text + " IS NULL OR regexp_full_match(" + text + ", '" + JAVA_WHITESPACE + "*'))";
  }

  @Override
  public String isBlankField(String field) {
    return "(" + field + " IS NULL OR regexp_full_match(" + field + ", '[\\t-\\r\\x1c-\\x20]*'))";
  }

  @Override
  public String nfc(String text) {
    return "nfc_normalize(" + text + ")";
  }

  /**
   * ControlChars.stripped's characters (C0 but tab, line feed and carriage return; DEL; C1) as a
   * class of RE2 and Java regexes alike (Spark's too).
   */
  static final String CONTROL_CLASS = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x{9f}]";

  private static final String CONTROL = "'" + CONTROL_CLASS + "'";

  /**
   * ControlChars.stripped: C0 but tab, line feed and carriage return; DEL; C1. An exact test of the
   * text's bytes ({@link #hasControlCharacters}) guards the rare cell that has one; only that cell
   * is cleaned by a regular expression.
   *
   * <p>NFC inside each branch, not around the CASE: so the common cell's nfc_normalize reads the
   * text as the file gives it, and DuckDB normalises a Parquet column's dictionary once per
   * distinct text instead of every cell (a count by a team of Vietnamese names over 10,000,000
   * Parquet rows: 5.6 s of CPU → 1.3 s; issue 17). The same text either way: a cell without a
   * control character has no space or tab around it to trim (the field was trimmed of them).
   */
  @Override
  public String importedText(String trimmed) {
    return "CASE WHEN "
        + hasControlCharacters(trimmed)
        + " THEN "
        + cleanedText(trimmed)
        + " ELSE nfc_normalize("
        + trimmed
        + ") END";
  }

  /**
   * {@link #importedText}, NULL when nothing is left, with the empty text tested before and the
   * NULLIF inside the cleaning's branch: DuckDB expands {@code NULLIF(x, '')} into {@code CASE WHEN
   * x = '' THEN NULL ELSE x END} and computes {@code x} twice, which for the whole CASE doubled the
   * cost of a text column (counting 10,000,000 typed customer ids of Parquet, with the older test
   * for control characters: 6.8 s of CPU with it around the CASE, 3.7 s with it inside; issue 17,
   * docs/performance.md). Only the cleaning can empty a text that is not: NFC leaves a text of one
   * character or more at one character or more.
   */
  @Override
  public String importedNonBlankText(String trimmed) {
    return "CASE WHEN "
        + trimmed
        + " = '' THEN NULL WHEN "
        + hasControlCharacters(trimmed)
        + " THEN NULLIF("
        + cleanedText(trimmed)
        + ", '') ELSE nfc_normalize("
        + trimmed
        + ") END";
  }

  /** A text with control characters without them, trimmed again (a space they hid), in NFC. */
  private static String cleanedText(String trimmed) {
    return "nfc_normalize(trim(regexp_replace(" + trimmed + ", " + CONTROL + ", '', 'g'), ' \t'))";
  }

  /**
   * Exactly ControlChars.stripped's characters, by the text's bytes, without a regular expression
   * on every cell: a C0 control but tab, line feed and carriage return, or DEL, is one byte, which
   * a GLOB class finds (DuckDB's GLOB compares bytes, and no byte of a multi-byte UTF-8 character
   * is below 0x80); a C1 control (U+0080–U+009F) is the bytes C2 80 to C2 9F, looked for only in a
   * text that is not ASCII ({@code strlen}, its bytes, above {@code length}, its characters) in the
   * text's bytes as DuckDB writes a BLOB: {@code \xNN} for each byte outside printable ASCII and
   * for a backslash, so {@code \xC2\x8} and {@code \xC2\x9} are those pairs and nothing else.
   *
   * <p>GLOB, strlen, length and encode are functions of the text alone, which DuckDB computes once
   * per distinct value of a Parquet column's dictionary; a regular expression it computes for every
   * cell. Measured on 10,000,000 Parquet rows at a load average near 18 (issue 17,
   * docs/performance.md): over the customer ids, the GLOB cost 0.7 s of CPU above reading the
   * column, the five {@code contains} of the BLOB's text it replaces 1.0 s; over a team's names,
   * under 0.05 s.
   */
  @Override
  public String hasControlCharacters(String trimmed) {
    String bytes = "CAST(encode(" + trimmed + ") AS VARCHAR)";
    return "("
        + trimmed
        + " GLOB "
        + C0_AND_DEL_GLOB
        + " OR (strlen("
        + trimmed
        + ") <> length("
        + trimmed
        + ") AND (contains("
        + bytes
        + ", '\\xC2\\x8') OR contains("
        + bytes
        + ", '\\xC2\\x9'))))";
  }

  /**
   * A GLOB pattern matching a text with a C0 control but tab (9), line feed (10) and carriage
   * return (13), or DEL (127): the byte ranges 0–8, 11, 12, 14–31 and 127 in one class. The
   * characters are written with chr() so that the printed SQL shows no control character; DuckDB
   * folds the pattern to a constant once.
   */
  private static final String C0_AND_DEL_GLOB =
      "('*[' || chr(0) || '-' || chr(8) || chr(11) || chr(12) || chr(14) || '-' || chr(31)"
          + " || chr(127) || ']*')";

  /**
   * A position in a list, not {@code IN}: DuckDB plans an IN of several texts (and {@code
   * list_contains}, which it rewrites to one) as a join, which keeps every typed column of a
   * source's view alive in each query (on 1,000,000 Parquet rows a count by one column typed all
   * five text columns); a function call lets the optimiser leave the unread columns out.
   */
  @Override
  public String isOneOf(String expr, List<String> literals) {
    return "list_position([" + String.join(", ", literals) + "], " + expr + ") IS NOT NULL";
  }

  @Override
  public String sumExact(String expr) {
    return "fsum(" + expr + ")";
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
    return "(SELECT CAST(unnest(generate_series(CAST("
        + fromDate
        + " AS TIMESTAMP), CAST("
        + toDate
        + " AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS kpi_day)";
  }

  @Override
  public String isoDayOfWeek(String date) {
    return "isodow(" + date + ")";
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
   * DuckDB's {@code AT TIME ZONE} already shifts a time in a gap as java.time does, but in an
   * overlap takes the later offset: when the instant one overlap earlier has the same local time,
   * that earlier instant is the one java.time means. The overlaps' lengths come from the zone's
   * rules (an hour for Europe/Paris).
   */
  @Override
  public String epochMillisInZone(String timestamp, java.time.ZoneId zone) {
    String z = literal(zone.getId());
    String later = "(" + timestamp + " AT TIME ZONE " + z + ")";
    StringBuilder out = new StringBuilder("epoch_ms(CASE");
    for (long seconds : overlaps(zone)) {
      String earlier = "(" + later + " - INTERVAL " + seconds + " SECOND)";
      out.append(" WHEN (")
          .append(earlier)
          .append(" AT TIME ZONE ")
          .append(z)
          .append(") = ")
          .append(timestamp)
          .append(" THEN ")
          .append(earlier);
    }
    return out.append(" ELSE ").append(later).append(" END)").toString();
  }

  /** The lengths in seconds of the zone's overlaps (clocks moved back), past and by its rules. */
  private static java.util.SortedSet<Long> overlaps(java.time.ZoneId zone) {
    java.util.SortedSet<Long> out = new TreeSet<>();
    java.time.zone.ZoneRules rules = zone.getRules();
    for (java.time.zone.ZoneOffsetTransition t : rules.getTransitions())
      if (t.isOverlap()) out.add(-t.getDuration().getSeconds());
    for (java.time.zone.ZoneOffsetTransitionRule r : rules.getTransitionRules())
      if (r.getOffsetAfter().getTotalSeconds() < r.getOffsetBefore().getTotalSeconds())
        out.add(
            (long) r.getOffsetBefore().getTotalSeconds() - r.getOffsetAfter().getTotalSeconds());
    return out;
  }

  @Override
  public String wholeSeconds(String timestamp) {
    return "date_trunc('second', " + timestamp + ")";
  }

  /**
   * Character.isWhitespace's characters (String.strip's and isBlank's), a class of RE2 and Java
   * regexes alike (Spark's too).
   */
  static final String JAVA_WHITESPACE =
      "[\\t-\\r\\x1c-\\x20\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200a}\\x{2028}\\x{2029}"
          + "\\x{205f}\\x{3000}]";

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
    return "nullif(lower(nfc_normalize(regexp_replace("
        + text
        + ", '^[\\x00-\\x20]+|[\\x00-\\x20]+$', '', 'g'))), '')";
  }

  @Override
  public String regexFind(String text, String pattern) {
    return "regexp_matches(" + text + ", " + literal(pattern) + ")";
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
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  @Override
  public String plusSeconds(String timestamp, long seconds) {
    return "(" + timestamp + " + INTERVAL '" + seconds + " seconds')";
  }

  @Override
  public String createTempTable(String name, String select) {
    return "CREATE OR REPLACE TEMP TABLE " + name + " AS " + select;
  }

  @Override
  public String createTempView(String name, String select) {
    return "CREATE OR REPLACE TEMP VIEW " + name + " AS " + select;
  }

  /** DuckDB's read_csv, as {@link DuckDbCsv} sets it up. */
  @Override
  public CsvRead readCsv(
      SourceRelations.Layout l, List<String> fields, String rejects, String scan) {
    return DuckDbCsv.read(this, l, fields, rejects, scan);
  }

  // ---- Hooks added by portable-agg ----

  /** One function call rather than a cast to text on every answer. */
  @Override
  public String signBit(String number) {
    return "signbit(" + number + ")";
  }

  // ---- Hooks added by portable-sources ----

  @Override
  public String textContains(String text, String part) {
    return "contains(" + text + ", " + part + ")";
  }

  @Override
  public String textStartsWith(String text, String prefix) {
    return "prefix(" + text + ", " + prefix + ")";
  }

  @Override
  public String textEndsWith(String text, String suffix) {
    return "suffix(" + text + ", " + suffix + ")";
  }

  /** The table DuckDB's Appender fills: in the main schema, where the Appender looks. */
  @Override
  public String createLoadedTable(String name, List<String> columns) {
    return "CREATE OR REPLACE TABLE " + name + " (" + String.join(", ", columns) + ")";
  }

  /** The rows {@link DuckDbCsv} set aside in read_csv's rejects table. */
  @Override
  public String refusedCsvRows(String rejects) {
    return DuckDbCsv.refused(rejects);
  }

  /**
   * A row's number says its file and its place there (file_row_number counts from 0): the numbers
   * order the quality report's examples as the files have them, without a window over all rows.
   */
  @Override
  public String readParquet(List<String> files, String record, int fileBits) {
    List<String> names = new ArrayList<>();
    for (String f : files) names.add(literal(f));
    String number =
        files.size() == 1
            ? "file_row_number + 1"
            : "(list_position(["
                + String.join(", ", names)
                + "], filename) - 1) * "
                + (1L << fileBits)
                + " + file_row_number + 1";
    return "(SELECT "
        + number
        + " AS "
        + record
        + ", * FROM read_parquet(["
        + String.join(", ", names)
        + "], file_row_number = true, filename = true))";
  }

  // ---- Hooks added by portable-funnel ----

  /** A date's difference from the epoch's, which DuckDB counts in days (and computes fastest). */
  @Override
  public String epochDay(String date) {
    return "(" + date + " - DATE '1970-01-01')";
  }

  /** DuckDB's least skips NULLs, as the hook asks. */
  @Override
  public String leastNonNull(List<String> values) {
    return values.size() == 1 ? values.get(0) : "least(" + String.join(", ", values) + ")";
  }

  /**
   * DuckDB would otherwise inline the CTE into each reader; computed once, a million rows' stage
   * values are normalised once per distinct value.
   */
  @Override
  public String materializedCte(String name, String select) {
    return name + " AS MATERIALIZED (" + select + ")";
  }

  // ---- Hooks added by sqlgaps ----

  @Override
  public String regexFull(String text, String re) {
    return "regexp_full_match(" + text + ", " + literal(re) + ")";
  }

  /** regexp_extract: '' when the text does not match or the group took no part. */
  @Override
  public String regexGroup(String text, String re, int group) {
    return "regexp_extract(" + text + ", " + literal("^" + re + "$") + ", " + group + ")";
  }

  /**
   * A TIMESTAMP at UTC becomes a TIMESTAMPTZ, which AT TIME ZONE gives as the zone's local time.
   */
  @Override
  public String localAtOffset(String localTimestamp, String offsetSeconds, java.time.ZoneId zone) {
    return "((("
        + localTimestamp
        + ") - to_seconds("
        + offsetSeconds
        + ")) AT TIME ZONE 'UTC')"
        + " AT TIME ZONE "
        + literal(zone.getId());
  }

  /**
   * The groups extracted once into a struct and bound to a lambda's parameter through a one-element
   * list, as the number macros bind their parts ({@link #numberParts}).
   */
  @Override
  public String withGroups(
      String text, String re, int groups, java.util.function.Function<List<String>, String> body) {
    List<String> names = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (int i = 1; i <= groups; i++) {
      names.add("'g" + i + "'");
      refs.add("kpi_g.g" + i);
    }
    return "list_transform([regexp_extract("
        + text
        + ", "
        + literal("^" + re + "$")
        + ", ["
        + String.join(", ", names)
        + "])], lambda kpi_g: "
        + body.apply(refs)
        + ")[1]";
  }

  // ---- NaN and infinities in typed number columns ----

  /** {@code isfinite} is false for NaN and both infinities, NULL for NULL. */
  @Override
  public String finiteOrNull(String number) {
    return "CASE WHEN isfinite(" + number + ") THEN " + number + " END";
  }
}
