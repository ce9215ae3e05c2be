package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.ingest.DateTimeParser;
import dev.journeykpi.ingest.NumberParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark dialect's hooks on Spark itself (local mode), checked as DuckDbDialectTest checks
 * DuckDB's: numbers and date-times on the same random texts (same seeds) read as NumberParser and
 * DateTimeParser read them, zones against java.time, and each structural hook run once.
 */
class SparkDialectTest {
  static final SparkDialect D = new SparkDialect();

  static {
    for (String s : D.preamble()) SparkSessions.get().sql(s);
  }

  /** Each text's value through the SQL expression made by {@code hook} (null: NULL). */
  static List<Object> eval(List<String> texts, UnaryOperator<String> hook) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) rows.add("(" + i + ", " + D.literal(texts.get(i)) + ")");
    List<Object> out = new ArrayList<>();
    for (List<Object> r :
        SparkSessions.rows(
            "SELECT i, "
                + hook.apply("s")
                + " FROM (VALUES "
                + String.join(", ", rows)
                + ") AS t(i, s) ORDER BY i")) out.add(r.get(1));
    return out;
  }

  static Object one(String expr) {
    return SparkSessions.rows("SELECT " + expr).get(0).get(0);
  }

  @Test
  void literalsKeepBackslashesQuotesAndLineBreaks() {
    // Spark reads \ as an escape and 'a' 'b' as 'ab': each text must come back as written.
    List<String> texts =
        List.of(
            "C:\\exports\\x.csv",
            "it's",
            "''",
            "\\'",
            "\\n is two characters",
            "\\u0041",
            "a\nb\tc",
            "\\",
            "đồng ₫ 🙂");
    for (String t : texts) assertThat(one(D.literal(t))).as(t).isEqualTo(t);
  }

  @Test
  void identifiersAreQuotedWithBackticks() {
    assertThat(SparkSessions.rows("SELECT 1 AS " + D.quoteIdent("a `b` c")).get(0))
        .containsExactly(1);
    assertThat(SparkSessions.get().sql("SELECT 1 AS " + D.quoteIdent("a `b` c")).columns())
        .containsExactly("a `b` c");
  }

  @Test
  void numbersAsPeopleWriteThem() {
    // Worked by hand with NumberParser's rules (DuckDbDialectTest's texts): ',' the decimal mark,
    // '.' grouping; a currency word or symbol around the digits; (…) and a minus negate; % / 100.
    List<String> texts =
        List.of("1.250.000 ₫", "(1.000)", "12,5%", "-5", "VND 500", "3,25", "1.2.3", "abc", "--4");
    assertThat(eval(texts, s -> D.tryParseNumber(s, ',')))
        .containsExactly(1_250_000.0, -1000.0, 0.125, -5.0, 500.0, 3.25, 123.0, null, null);
    assertThat(
            eval(List.of("1,250.50", "1.2.3", "$12.50", "+250000"), s -> D.tryParseNumber(s, '.')))
        .containsExactly(1250.5, null, 12.5, 250000.0);
  }

  @Test
  void numbersAgreeWithNumberParserOnRandomTexts() {
    Random rnd = new Random(2026);
    String alphabet = "0123456789012345678901234.,.,- +()%₫$€VNDđĐvndxa'\u00a0\u2212\\";
    for (char mark : new char[] {'.', ','}) {
      NumberParser java = new NumberParser(mark);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 4000; i++) {
        StringBuilder b = new StringBuilder();
        int len = 1 + rnd.nextInt(12);
        for (int k = 0; k < len; k++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        String t = b.toString().strip();
        if (!t.isEmpty()) texts.add(t);
      }
      texts.add("1234567890123456789012,5"); // 22 whole digits: NumberParser's slow path
      texts.add("12\n"); // a line break after the digits: no number ($ would match before it)
      List<Object> sql = eval(texts, s -> D.tryParseNumber(s, mark));
      for (int i = 0; i < texts.size(); i++) {
        double expected = java.parse(texts.get(i));
        Object got = sql.get(i);
        if (Double.isNaN(expected)) {
          assertThat(got).as("'%s' (mark %s)", texts.get(i), mark).isNull();
        } else {
          assertThat(got).as("'%s' (mark %s)", texts.get(i), mark).isNotNull();
          assertThat(((Number) got).doubleValue())
              .as("'%s' (mark %s)", texts.get(i), mark)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void dateTimesAsKpiReadsThem() {
    // 31/09 and 29/02/2026 do not exist; 24:00 is no hour; a one-digit day does not fill dd.
    List<String> texts =
        List.of(
            "31/10/2026 14:05",
            "31/09/2026 10:15",
            "29/02/2026 10:00",
            "29/02/2028 10:00",
            "15/03/2026 24:00",
            "1/03/2026 10:00",
            "29/03/2026 02:30"); // in the gap of Europe/Paris, the session's zone: a local time
    List<Object> got = eval(texts, s -> D.tryParseTimestamp(s, "dd/MM/yyyy HH:mm"));
    assertThat(got)
        .containsExactly(
            LocalDateTime.of(2026, 10, 31, 14, 5),
            null,
            null,
            LocalDateTime.of(2028, 2, 29, 10, 0),
            null,
            null,
            LocalDateTime.of(2026, 3, 29, 2, 30));
  }

  @Test
  void dateTimesAgreeWithDateTimeParserOnRandomTexts() {
    Random rnd = new Random(17);
    String alphabet = "0123456789012345678901234567890123/-: .T";
    for (String pattern :
        List.of(
            "dd/MM/yyyy HH:mm",
            "d/M/yyyy H:mm:ss",
            "yyyy-MM-dd",
            "yyyy-MM-dd'T'HH:mm:ss.SSS",
            "dd.MM.yy")) {
      DateTimeParser java = new DateTimeParser(pattern);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        StringBuilder b = new StringBuilder();
        for (char c : pattern.replace("'", "").toCharArray()) {
          if (Character.isLetter(c) && c != 'T') b.append((char) ('0' + rnd.nextInt(10)));
          else b.append(c);
        }
        if (rnd.nextInt(3) == 0) {
          int at = rnd.nextInt(b.length());
          if (rnd.nextBoolean()) b.deleteCharAt(at);
          else b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        texts.add(b.toString().strip());
      }
      List<Object> sql = eval(texts, s -> D.tryParseTimestamp(s, pattern));
      for (int i = 0; i < texts.size(); i++) {
        long expected = java.parse(texts.get(i));
        Object got = sql.get(i);
        if (expected == DateTimeParser.NO_MATCH) {
          assertThat(got).as("'%s' as %s", texts.get(i), pattern).isNull();
        } else {
          assertThat(got).as("'%s' as %s", texts.get(i), pattern).isNotNull();
          LocalDateTime t = (LocalDateTime) got;
          assertThat(
                  DateTimeParser.pack(
                      t.getYear(),
                      t.getMonthValue(),
                      t.getDayOfMonth(),
                      t.getHour(),
                      t.getMinute(),
                      t.getSecond(),
                      t.getNano() / 1_000_000))
              .as("'%s' as %s", texts.get(i), pattern)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void yesNoTokensWithoutCase() {
    // True: yes/có; false: no/không; compared lower-cased; anything else NULL.
    List<Object> got =
        eval(
            List.of("Yes", "KHÔNG", "có", "maybe", ""),
            s ->
                D.tryParseBoolean(
                    s, java.util.Set.of("yes", "có"), java.util.Set.of("no", "không")));
    assertThat(got).containsExactly(true, false, true, null, null);
  }

  @Test
  void percentilesAreExact() {
    // PERCENTILE.INC of [1, 2, 7.5, 10] at 90: h = 3 × 0.9 = 2.7, 7.5 + 0.7 × 2.5 = 9.25.
    assertThat(
            SparkSessions.rows(
                    "SELECT "
                        + D.percentile("x", 90)
                        + " FROM (VALUES (1.0), (2.0), (7.5), (10.0)) AS t(x)")
                .get(0))
        .containsExactly(9.25);
  }

  @Test
  void exactSumsAreTheSameWhateverThePartitions() {
    // 1/7.3 + 2/7.3 + … + 20000/7.3 = (20000 × 20001 / 2) / 7.3 = 200010000 / 7.3 =
    // 27398630.136986…
    List<Object> each = new ArrayList<>();
    for (int parts : new int[] {1, 2, 7}) {
      each.add(
          one(
              "(SELECT "
                  + D.sumExact("x")
                  + " FROM (SELECT /*+ REPARTITION("
                  + parts
                  + ") */ CAST(id AS DOUBLE) / 7.3D AS x FROM range(1, 20001)))"));
    }
    assertThat(each).containsOnly(each.get(0));
    assertThat((Double) each.get(0))
        .isCloseTo(200010000 / 7.3, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void localDateTimesHaveNoZone() {
    // The session's zone is Europe/Paris, whose clocks went from 02:00 to 03:00 on 2026-03-29: a
    // local 01:30 plus an hour is 02:30 all the same, and 86400 s after 2026-03-28 12:00 is
    // 2026-03-29 12:00 (a wall-clock day, as kpi's calendar-free arithmetic counts it).
    assertThat(one(D.plusSeconds(D.timestamp(LocalDateTime.of(2026, 3, 29, 1, 30)), 3600)))
        .isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
    assertThat(one(D.plusSeconds(D.timestamp(LocalDateTime.of(2026, 3, 28, 12, 0)), 86400)))
        .isEqualTo(LocalDateTime.of(2026, 3, 29, 12, 0));
    assertThat(one(D.plusSeconds(D.timestamp(LocalDateTime.of(2026, 3, 28, 12, 0)), -90)))
        .isEqualTo(LocalDateTime.of(2026, 3, 28, 11, 58, 30));
    // 2026-03-29 02:30:15.678 as UTC wall time: 20541 days × 86400 + 9015.678 s.
    String t = D.cast("'2026-03-29 02:30:15.678'", Dialect.SqlType.TIMESTAMP);
    assertThat(LocalDate.of(2026, 3, 29).toEpochDay()).isEqualTo(20541);
    assertThat(one(D.epochMillis(t))).isEqualTo(20541L * 86_400_000 + 9_015_678);
    assertThat(one(D.epochSeconds(t))).isEqualTo(20541.0 * 86400 + 9015.678);
    assertThat(one(D.wholeSeconds(t))).isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30, 15));
    assertThat(one(D.secondOfDay(t))).isEqualTo(9015);
    assertThat(one(D.cast(D.literal("x"), Dialect.SqlType.TEXT))).isEqualTo("x");
  }

  @Test
  void zonesAsJavaTimeReadsThem() {
    // Each local time's instant in the zone, as java.time's atZone gives it: gaps shifted later,
    // overlaps at the earlier offset. Every half hour around each zone's changes, and random times.
    Random rnd = new Random(18);
    for (String zone :
        List.of("Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Ho_Chi_Minh")) {
      ZoneId z = ZoneId.of(zone);
      List<LocalDateTime> times = new ArrayList<>();
      for (var tr : z.getRules().getTransitions()) {
        if (tr.getDateTimeBefore().getYear() < 2024 || tr.getDateTimeBefore().getYear() > 2027)
          continue;
        for (int m = -90; m <= 90; m += 15) times.add(tr.getDateTimeBefore().plusMinutes(m));
      }
      for (int y = 2026; y <= 2027; y++)
        for (var rule : z.getRules().getTransitionRules())
          for (int m = -90; m <= 90; m += 15)
            times.add(rule.createTransition(y).getDateTimeBefore().plusMinutes(m));
      for (int i = 0; i < 300; i++)
        times.add(
            LocalDateTime.of(2026, 1, 1, 0, 0)
                .plusSeconds(rnd.nextInt(366 * 86400))
                .plusNanos(rnd.nextInt(1000) * 1_000_000L));
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < times.size(); i++)
        rows.add("(" + i + ", " + D.literal(times.get(i).toString().replace('T', ' ')) + ")");
      List<List<Object>> got =
          SparkSessions.rows(
              "SELECT i, "
                  + D.epochMillisInZone(D.cast("s", Dialect.SqlType.TIMESTAMP), z)
                  + " FROM (VALUES "
                  + String.join(", ", rows)
                  + ") AS t(i, s) ORDER BY i");
      for (int i = 0; i < times.size(); i++)
        assertThat(got.get(i).get(1))
            .as("%s in %s", times.get(i), zone)
            .isEqualTo(times.get(i).atZone(z).toInstant().toEpochMilli());
    }
  }

  @Test
  void daySeriesAndIsoDaysOfTheWeek() {
    // 2028-02-27 (a Sunday) to 2028-03-01: four days over the 29th of February.
    List<List<Object>> got =
        SparkSessions.rows(
            "SELECT kpi_day, "
                + D.isoDayOfWeek("kpi_day")
                + " FROM "
                + D.daySeries("DATE '2028-02-27'", "DATE '2028-03-01'")
                + " AS d ORDER BY kpi_day");
    assertThat(got)
        .containsExactly(
            List.of(LocalDate.of(2028, 2, 27), 7),
            List.of(LocalDate.of(2028, 2, 28), 1),
            List.of(LocalDate.of(2028, 2, 29), 2),
            List.of(LocalDate.of(2028, 3, 1), 3));
    assertThat(LocalDate.of(2028, 2, 27).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    // An end before the start: no day (sequence would count down); no dates at all: no day.
    assertThat(
            SparkSessions.rows(
                "SELECT * FROM " + D.daySeries("DATE '2028-03-01'", "DATE '2028-02-27'") + " AS d"))
        .isEmpty();
    assertThat(SparkSessions.rows("SELECT * FROM " + D.daySeries("NULL", "NULL") + " AS d"))
        .isEmpty();
    assertThat(
            SparkSessions.rows(
                "SELECT a, b FROM "
                    + D.values(
                        "v", List.of("a", "b"), List.of(List.of("1", "'x'"), List.of("2", "NULL")))
                    + " ORDER BY a"))
        .containsExactly(List.of(1, "x"), java.util.Arrays.asList(2, null));
  }

  @Test
  void blanksWhitespaceAndControlCharactersAsTheImportSeesThem() {
    // isBlank: Character.isWhitespace (no-break spaces are text); isBlankField: ASCII only.
    List<String> texts = List.of("", " \t", "\u3000", "\u00a0", "x", "\u000b\u001f");
    assertThat(eval(texts, D::isBlank)).containsExactly(true, true, true, false, false, true);
    assertThat(eval(texts, D::isBlankField)).containsExactly(true, true, false, false, false, true);
    // strip: Java's whitespace at both ends; textKey: up to the space, lower case, NULL if empty.
    assertThat(eval(List.of("\u3000 Ab \u2028", " \u0001ĐKM\u0000 ", " \u0001 "), D::stripped))
        .containsExactly("Ab", "\u0001ĐKM\u0000", "\u0001");
    assertThat(eval(List.of("\u3000 Ab \u2028", " \u0001ĐKM\u0000 ", " \u0001 "), D::textKey))
        .containsExactly("\u3000 ab \u2028", "đkm", null);
    // Control characters out (C0 but tab/LF/CR, DEL, C1), then trimmed of spaces and tabs again.
    assertThat(eval(List.of("a\u0007b", "\u0085 x\t", "a\nb"), D::importedText))
        .containsExactly("ab", "x", "a\nb");
    assertThat(eval(List.of("a\u0007b", "a\nb"), D::hasControlCharacters))
        .containsExactly(true, false);
    assertThat(eval(List.of(" \t x \t"), D::trimmed)).containsExactly("x");
    assertThat(eval(List.of("ĐƠN Hàng"), D::lowerNfc)).containsExactly("đơn hàng");
  }

  @Test
  void matchesPatternsFindAsJavaFinds() {
    // A matches: pattern as kpi reads it (Java, case ignored with Unicode case, found anywhere):
    // "đkm" is in "mã ĐKM"; "\\" (one backslash) in "x\y"; "\d{3}" (three digits) in "ab123"
    // but not in "ab12"; "^x$" in "x\n" too (Java's $ before a final line break).
    List<String> texts = List.of("mã ĐKM", "x\\y", "ab123", "ab12", "x\n");
    assertThat(eval(texts, s -> D.regexFind(s, D.regexFromJava("đkm"))))
        .containsExactly(true, false, false, false, false);
    assertThat(eval(texts, s -> D.regexFind(s, D.regexFromJava("\\\\"))))
        .containsExactly(false, true, false, false, false);
    assertThat(eval(texts, s -> D.regexFind(s, D.regexFromJava("\\d{3}"))))
        .containsExactly(false, false, true, false, false);
    assertThat(eval(texts, s -> D.regexFind(s, D.regexFromJava("^x$"))))
        .containsExactly(false, false, false, false, true);
    for (String t : texts)
      assertThat(java.util.regex.Pattern.compile("^x$").matcher(t).find())
          .isEqualTo(t.equals("x\n"));
  }

  @Test
  void wholeMillisKeepsALocalTime() {
    // 02:30:15.678912 in the gap of the session's zone: 02:30:15.678, still local.
    assertThat(
            one(D.wholeMillis(D.cast("'2026-03-29 02:30:15.678912'", Dialect.SqlType.TIMESTAMP))))
        .isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30, 15, 678_000_000));
  }

  @Test
  void aTempTableIsReplaced() {
    // The compiled SQL makes each table once per run; a second run in the same session replaces it.
    for (int run = 1; run <= 2; run++) {
      SparkSessions.get().sql(D.createTempTable(D.quoteIdent("kpi_t"), "SELECT " + run + " AS a"));
      assertThat(SparkSessions.rows("SELECT a FROM `kpi_t`")).containsExactly(List.of(run));
    }
  }

  @Test
  void csvFieldsAsTextInTheFilesOrder(@TempDir Path dir) throws Exception {
    // A line before the header (skip 2), a quoted field with a line break, a comma and a doubled
    // quote; an empty field and an empty quoted one; a short row (line 5) and a long row (line 6),
    // which kpi rejects; a row after them. Records in file order: 1 a, 2 b, 3 short, 4 long, 5 e.
    Path f = dir.resolve("x.csv");
    Files.writeString(
        f,
        "exported by CRM\n"
            + "id,note,amount\n"
            + "a,\"two\nlines, \"\"quoted\"\"\",\n"
            + "b,\"\",1\n"
            + "c,short\n"
            + "d,long,1,2\n"
            + "e,\\back,3\n");
    SourceRelations.Layout l =
        new SourceRelations.Layout(f.toString(), "x.csv", ',', 2, 3, Map.of("id", 0));
    Dialect.CsvRead r =
        D.readCsv(l, List.of("column0", "column1", "column2"), "kpi_rejects_x", "kpi_scan_x");
    for (String s : r.statements()) SparkSessions.get().sql(s);
    assertThat(
            SparkSessions.rows(
                "SELECT "
                    + r.recordNumber()
                    + ", column0, column1, column2 FROM "
                    + r.relation()
                    + " AS x ORDER BY 1"))
        .containsExactly(
            // An empty field, quoted or not, is NULL, as DuckDB's reader gives it: a blank cell.
            java.util.Arrays.asList(1L, "a", "two\nlines, \"quoted\"", null),
            java.util.Arrays.asList(2L, "b", null, "1"),
            List.of(5L, "e", "\\back", "3"));
    // A field read beside the corrupt-record column: Spark refuses a scan of that column alone.
    assertThat(
            SparkSessions.rows(
                "SELECT kpi_line, column0, kpi_corrupt FROM `kpi_rejects_x` ORDER BY 1"))
        .containsExactly(List.of(3L, "c", "c,short"), List.of(4L, "d", "d,long,1,2"));
  }
}
