package dev.journeykpi.sql;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What Trino, BigQuery and Snowflake share: SQL that kpi prints ({@code kpi sql --dialect}) for an
 * engine it does not run. Each hook is written from the engine's documentation only (no engine runs
 * here); the subclasses give the few primitives that differ — regular-expression calls, safe casts,
 * the character of a regular expression's class — and the hooks are built from them once, so that
 * the three engines parse a cell by the same steps as DuckDB's macros (kpi's NumberParser and
 * DateTimeParser).
 *
 * <p>The regular expressions written here use only what RE2 (BigQuery), Java's syntax (Trino's
 * Joni) and POSIX ERE (Snowflake) read alike: bracket classes of single characters and ranges
 * (never a backslash inside a class, {@code -} last), groups, {@code * + ? {m,n}}, alternation, and
 * the anchors of {@link #start} and {@link #end}.
 */
abstract class WarehouseDialect implements Dialect {
  /** The DOUBLE sum's DECIMAL: nine decimals, up to 10^29 (a larger sum is the engine's error). */
  static final String EXACT_DECIMAL = "DECIMAL(38, 9)";

  // ---- Primitives each engine spells its own way. ----

  /** The anchor at the very start of the text (never after a line break). */
  abstract String start();

  /** The anchor at the very end of the text (never before a final line break). */
  abstract String end();

  /** Whether the text contains a match of the regular expression. */
  abstract String reFind(String text, String re);

  /** Every match of the regular expression replaced by {@code replacement} (plain text). */
  abstract String reReplaceAll(String text, String re, String replacement);

  /**
   * The text of the regular expression's group {@code group} (1-based; its groups are flat, never
   * nested) in the first match, NULL or '' when there is no match or the group took no part.
   */
  abstract String reGroup(String text, String re, int group);

  /** One code point inside a bracket class of a regular expression. */
  abstract String classChar(int codePoint);

  /** A text read as a DOUBLE, NULL when it is not one. */
  abstract String tryDouble(String text);

  /** A text {@code yyyy-MM-dd HH:mm:ss.SSS} read as a local date-time, NULL when no such time. */
  abstract String tryTimestampIso(String text);

  /** 10 to the power of a whole number, as a DOUBLE. */
  abstract String pow10(String n);

  /** The statements that define {@link #numberFunction}'s functions, or none (then inline). */
  List<String> numberFunctions() {
    return List.of();
  }

  // ---- Shared hooks. ----

  /** The whole text matches the regular expression. */
  String reFull(String text, String re) {
    return reFind(text, start() + "(" + re + ")" + end());
  }

  @Override
  public List<String> preamble() {
    return numberFunctions();
  }

  @Override
  public String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Override
  public String cast(String expr, SqlType t) {
    return "CAST(" + expr + " AS " + type(t) + ")";
  }

  @Override
  public String tryParseNumber(String text, char decimalMark) {
    return numberFunctions().isEmpty()
        ? WarehouseParsers.number(this, text, decimalMark)
        : numberFunction(decimalMark) + "(" + text + ")";
  }

  /** The name of the function that parses a number under the mark. */
  static String numberFunction(char decimalMark) {
    return decimalMark == ',' ? "kpi_number_comma" : "kpi_number_dot";
  }

  @Override
  public String tryParseTimestamp(String text, String javaPattern) {
    return WarehouseParsers.timestamp(this, text, javaPattern);
  }

  @Override
  public String lowerNfc(String text) {
    return "lower(" + nfc(text) + ")";
  }

  @Override
  public String trimmed(String field) {
    String st = cls("[", " \t");
    return reReplaceAll(field, start() + st + "]+|" + st + "]+" + end(), "");
  }

  /** A bracket class opened by {@code open} ("[" or "[^") of the characters, not closed. */
  String cls(String open, String chars) {
    StringBuilder out = new StringBuilder(open);
    chars.codePoints().forEach(c -> out.append(classChar(c)));
    return out.toString();
  }

  /** A range of a bracket class. */
  String range(int from, int to) {
    return classChar(from) + "-" + classChar(to);
  }

  /** Character.isWhitespace's characters, as a closed bracket class. */
  String javaWhitespace() {
    return "["
        + range(0x09, 0x0d)
        + range(0x1c, 0x20)
        + classChar(0x1680)
        + range(0x2000, 0x2006)
        + range(0x2008, 0x200a)
        + classChar(0x2028)
        + classChar(0x2029)
        + classChar(0x205f)
        + classChar(0x3000)
        + "]";
  }

  @Override
  public String isBlank(String text) {
    return "(" + text + " IS NULL OR " + reFull(text, javaWhitespace() + "*") + ")";
  }

  @Override
  public String isBlankField(String field) {
    return "("
        + field
        + " IS NULL OR "
        + reFull(field, "[" + range(0x09, 0x0d) + range(0x1c, 0x20) + "]*")
        + ")";
  }

  /** The lowest character a regular expression of the engine may hold. */
  int lowestChar() {
    return 0x00;
  }

  /** ControlChars.stripped's characters: C0 but tab, line feed and carriage return; DEL; C1. */
  String control() {
    return "["
        + range(lowestChar(), 0x08)
        + classChar(0x0b)
        + classChar(0x0c)
        + range(0x0e, 0x1f)
        + range(0x7f, 0x9f)
        + "]";
  }

  @Override
  public String importedText(String trimmed) {
    return nfc(
        "CASE WHEN "
            + hasControlCharacters(trimmed)
            + " THEN "
            + trimmed(reReplaceAll(trimmed, control(), ""))
            + " ELSE "
            + trimmed
            + " END");
  }

  @Override
  public String hasControlCharacters(String trimmed) {
    return reFind(trimmed, control());
  }

  @Override
  public String stripped(String text) {
    String ws = javaWhitespace();
    return reReplaceAll(text, start() + ws + "+|" + ws + "+" + end(), "");
  }

  @Override
  public String textKey(String text) {
    // String.trim removes every character up to the space, control characters included.
    String low = "[" + range(lowestChar(), 0x20) + "]";
    return "nullif(lower("
        + nfc(reReplaceAll(text, start() + low + "+|" + low + "+" + end(), ""))
        + "), '')";
  }

  @Override
  public String timestamp(LocalDateTime t) {
    return "TIMESTAMP '" + t.format(SECONDS) + "'";
  }

  @Override
  public String epochSeconds(String timestamp) {
    return "(" + cast(epochMillis(timestamp), SqlType.DOUBLE) + " / 1000)";
  }

  /**
   * The instant a local date-time names in the zone, as java.time's {@code atZone}: the offset
   * before the first change of offset whose later local time is after the date-time — in a gap
   * (clocks moved forward) the offset before it, so the time is shifted later by the gap; in an
   * overlap (clocks moved back) the earlier offset; else the offset of the time's own span. The
   * changes are the zone's past ones, written out, so that no engine's own time-zone rules (which
   * may read a gap or an overlap another way, and are not documented to agree) are involved. A zone
   * that still changes its clocks (daylight saving, rules for every future year) is refused.
   */
  @Override
  public String epochMillisInZone(String timestamp, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    if (!rules.getTransitionRules().isEmpty())
      throw new SqlRefused(
          "calendar-clock durations in "
              + zone.getId()
              + ", a zone with daylight saving, are not compiled for "
              + name()
              + " yet");
    StringBuilder offset = new StringBuilder("CASE");
    for (ZoneOffsetTransition t : rules.getTransitions()) {
      LocalDateTime later =
          t.getDateTimeBefore().isAfter(t.getDateTimeAfter())
              ? t.getDateTimeBefore()
              : t.getDateTimeAfter();
      offset
          .append(" WHEN ")
          .append(timestamp)
          .append(" < ")
          .append(timestamp(later))
          .append(" THEN ")
          .append(t.getOffsetBefore().getTotalSeconds());
    }
    List<ZoneOffsetTransition> all = rules.getTransitions();
    int last =
        all.isEmpty()
            ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds()
            : all.get(all.size() - 1).getOffsetAfter().getTotalSeconds();
    if (all.isEmpty()) return "(" + epochMillis(timestamp) + " - " + last * 1000L + ")";
    offset.append(" ELSE ").append(last).append(" END");
    return "(" + epochMillis(timestamp) + " - (" + offset + ") * 1000)";
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
   * The sum of DOUBLEs as the sum of DECIMALs, cast back: the same bytes on every run (a DOUBLE sum
   * is added in whatever order the workers finish on these engines). Each value is rounded to nine
   * decimals first, so the sum is within n × 5e-10 of kpi's.
   */
  @Override
  public String sumExact(String expr) {
    return cast("sum(CAST(" + expr + " AS " + EXACT_DECIMAL + "))", SqlType.DOUBLE);
  }

  /**
   * The exact PERCENTILE.INC from the values sorted into an array, in kpi's arithmetic (Stats): h =
   * (n - 1) · p / 100, lo = floor(h), a = the value at rank lo, b the next (a itself at the top),
   * then a + (h - lo) · (b - a); NULL without values.
   *
   * @param sorted the group's non-NULL values sorted ascending, as an array
   * @param n its length
   * @param at the element at a 0-based rank
   */
  String percentileOfSorted(
      String sorted, java.util.function.UnaryOperator<String> n, Element at, double p) {
    return bindArray(
        sorted,
        array -> {
          String count = n.apply(array);
          String h = "((" + count + " - 1) * " + doubleLiteral(p) + " / 100)";
          String lo = cast("floor(" + h + ")", SqlType.BIGINT);
          String hi =
              "CASE WHEN " + lo + " + 1 < " + count + " THEN " + lo + " + 1 ELSE " + lo + " END";
          String a = at.apply(array, lo);
          String b = at.apply(array, hi);
          return "CASE WHEN coalesce("
              + count
              + ", 0) = 0 THEN NULL ELSE "
              + a
              + " + ("
              + h
              + " - "
              + lo
              + ") * ("
              + b
              + " - "
              + a
              + ") END";
        });
  }

  /**
   * An expression over an array computed once, where the engine can name it (Trino: a lambda); else
   * the array written at each use (the engine's planner computes one aggregate once).
   */
  String bindArray(String array, java.util.function.UnaryOperator<String> body) {
    return body.apply(array);
  }

  /** An array's element at a 0-based rank. */
  interface Element {
    String apply(String array, String rank);
  }

  /** A DOUBLE literal of the value. */
  String doubleLiteral(double v) {
    // A literal with an exponent is a DOUBLE on Trino, BigQuery and Snowflake alike (90.0 alone is
    // a DECIMAL on Trino and Snowflake).
    return java.math.BigDecimal.valueOf(v).toPlainString() + "E0";
  }

  /** The raw table's name of a source, from the name its rejects table would have. */
  static String rawTable(String rejects) {
    return rejects.replaceFirst("^kpi_rejects_", "kpi_raw_");
  }

  /**
   * Each row's number in an order every engine keeps from run to run, where the engine cannot tell
   * a row's place in its file: the fields in order (the quality report's examples then come in that
   * order, not the file's).
   */
  String recordByFields(List<String> fields) {
    List<String> keys = new ArrayList<>();
    for (String f : fields) keys.add(quoteIdent(f) + " NULLS FIRST");
    return "row_number() OVER (ORDER BY " + String.join(", ", keys) + ")";
  }

  /** The file's name without its folders, as a loader's URI or stage names it. */
  static String fileName(String file) {
    String f = file.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }

  // ---- Hooks added by sqlgaps ----

  @Override
  public String regexFull(String text, String re) {
    return reFull(text, re);
  }

  @Override
  public String regexGroup(String text, String re, int group) {
    return reGroup(text, start() + re + end(), group);
  }
}
