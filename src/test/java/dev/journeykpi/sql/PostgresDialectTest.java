package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.config.TextKey;
import dev.journeykpi.ingest.DateTimeParser;
import dev.journeykpi.ingest.NumberParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postgres dialect's hooks on a real PostgreSQL server (issues 17 and 18): the parsing
 * functions read exactly what kpi's import reads (numbers as NumberParser, date-times as
 * DateTimeParser, on hand-worked texts and thousands of random ones, fixed seeds, as
 * DuckDbDialectTest checks DuckDB's macros), the zone hook agrees with java.time in gaps and
 * overlaps, texts are lowered, normalised, trimmed and keyed as in Java (Vietnamese included), and
 * a CSV is read as the import reads it. Skipped where no PostgreSQL is installed.
 */
@ExtendWith(PostgresServer.class)
class PostgresDialectTest {
  static final PostgresDialect D = new PostgresDialect();
  static Connection conn;
  @TempDir static Path dir;

  @BeforeAll
  static void connect() throws Exception {
    conn = PostgresServer.connect();
    for (String s : D.preamble()) PostgresServer.execute(conn, s);
  }

  @AfterAll
  static void close() throws Exception {
    if (conn != null) conn.close();
  }

  /** Each text's value through the SQL expression made by {@code hook} (null: NULL). */
  static List<Object> eval(List<String> texts, UnaryOperator<String> hook) throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) rows.add("(" + i + ", " + D.literal(texts.get(i)) + ")");
    List<Object> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT i, "
                    + hook.apply("s")
                    + " FROM (VALUES "
                    + String.join(", ", rows)
                    + ") AS t(i, s) ORDER BY i")) {
      while (r.next()) out.add(r.getObject(2));
    }
    return out;
  }

  @Test
  void numbersAsPeopleWriteThem() throws Exception {
    // Worked by hand with NumberParser's rules (as in DuckDbDialectTest): ',' the decimal mark,
    // '.' grouping; a currency word or symbol around the digits; (…) and a minus negate; % divides
    // by 100: 12,5% = 0.125; 1.2.3 is 123 (grouping dots); --4 has two signs: no number.
    List<String> texts =
        List.of("1.250.000 ₫", "(1.000)", "12,5%", "-5", "VND 500", "3,25", "1.2.3", "abc", "--4");
    assertThat(eval(texts, s -> D.tryParseNumber(s, ',')))
        .containsExactly(1_250_000.0, -1000.0, 0.125, -5.0, 500.0, 3.25, 123.0, null, null);
    // With '.' the decimal mark: 1,250.50 is 1250.5, and 1.2.3 is no number (a second mark).
    assertThat(
            eval(List.of("1,250.50", "1.2.3", "$12.50", "+250000"), s -> D.tryParseNumber(s, '.')))
        .containsExactly(1250.5, null, 12.5, 250000.0);
  }

  @Test
  void numbersAgreeWithNumberParserOnRandomTexts() throws Exception {
    Random rnd = new Random(2026);
    String alphabet = "0123456789012345678901234.,.,- +()%₫$€VNDđĐvndxa'\u00a0\u2212";
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
      texts.add("1234567890123456789012.5");
      texts.add("£ 12"); // a currency symbol other than those of the alphabet
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

  /** A date-time as DateTimeParser packs it, read from PostgreSQL's fields (NULL: NO_MATCH). */
  static List<Long> packed(List<String> texts, String pattern) throws Exception {
    String t = D.tryParseTimestamp("s", pattern);
    List<Object> parts =
        eval(
            texts,
            s ->
                "CASE WHEN "
                    + t
                    + " IS NOT NULL THEN concat_ws(',', extract(year FROM "
                    + t
                    + "), extract(month FROM "
                    + t
                    + "), extract(day FROM "
                    + t
                    + "), extract(hour FROM "
                    + t
                    + "), extract(minute FROM "
                    + t
                    + "), floor(extract(milliseconds FROM "
                    + t
                    + "))) END");
    List<Long> out = new ArrayList<>();
    for (Object o : parts) {
      if (o == null) {
        out.add(DateTimeParser.NO_MATCH);
        continue;
      }
      String[] f = o.toString().split(",");
      int year = Integer.parseInt(f[0]);
      int ms = Integer.parseInt(f[5]);
      out.add(
          DateTimeParser.pack(
              year < 0 ? year + 1 : year, // PostgreSQL's 1 BC is Java's year 0
              Integer.parseInt(f[1]),
              Integer.parseInt(f[2]),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              ms / 1000,
              ms % 1000));
    }
    return out;
  }

  @Test
  void dateTimesAsKpiReadsThem() throws Exception {
    // 31/09 and 29/02/2026 do not exist; 24:00 is no hour; a one-digit day does not fill dd;
    // 2028 is a leap year.
    List<String> texts =
        List.of(
            "31/10/2026 14:05",
            "31/09/2026 10:15",
            "29/02/2026 10:00",
            "29/02/2028 10:00",
            "15/03/2026 24:00",
            "1/03/2026 10:00");
    assertThat(packed(texts, "dd/MM/yyyy HH:mm"))
        .containsExactly(
            DateTimeParser.pack(2026, 10, 31, 14, 5, 0, 0),
            DateTimeParser.NO_MATCH,
            DateTimeParser.NO_MATCH,
            DateTimeParser.pack(2028, 2, 29, 10, 0, 0, 0),
            DateTimeParser.NO_MATCH,
            DateTimeParser.NO_MATCH);
  }

  @Test
  void dateTimesAgreeWithDateTimeParserOnRandomTexts() throws Exception {
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
        // Texts near the pattern: its own shape with random digits, sometimes a character changed.
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
      texts.add(pattern.startsWith("yyyy") ? "0000-02-29" : "29.02.00"); // year 0 (1 BC): leap
      List<Long> sql = packed(texts, pattern);
      for (int i = 0; i < texts.size(); i++)
        assertThat(sql.get(i))
            .as("'%s' as %s", texts.get(i), pattern)
            .isEqualTo(java.parse(texts.get(i)));
    }
  }

  @Test
  void percentilesAreExact() throws Exception {
    // PERCENTILE.INC of [1, 2, 7.5, 10] at 90: h = 3 × 0.9 = 2.7, 7.5 + 0.7 × 2.5 = 9.25.
    assertThat(
            scalar(
                "SELECT "
                    + D.percentile("x", 90)
                    + " FROM (VALUES (1.0), (2.0), (7.5), (10.0)) AS t(x)"))
        .isEqualTo(9.25);
  }

  /**
   * 1e16, −1e16 and 1 summed in the order they come: 1e16 − 1e16 + 1 = 1; in sorted order: −1e16 +
   * 1 = −1e16 (1 is below half the spacing of doubles there, 2), then + 1e16 = 0. The sorted sum is
   * 0 whatever order the rows are stored in, so a plan that splits the rows differently cannot
   * change the bits.
   */
  @Test
  void sumsOfDoublesDoNotDependOnTheRowsOrder() throws Exception {
    for (String rows :
        List.of("(1e16), (-1e16), (1)", "(1), (-1e16), (1e16)", "(-1e16), (1), (1e16)")) {
      assertThat(scalar("SELECT " + D.sumExact("x") + " FROM (VALUES " + rows + ") AS t(x)"))
          .as(rows)
          .isEqualTo(0.0);
    }
    assertThat(scalar("SELECT sum(x) FROM (VALUES (1e16::float8), (-1e16), (1)) AS t(x)"))
        .isEqualTo(1.0); // the plain sum: the order shows
  }

  static double scalar(String sql) throws Exception {
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getDouble(1);
    }
  }

  /**
   * Local date-times in and around every change of the clocks of 2024–2027 in zones with daylight
   * saving (Europe/Paris, America/New_York, Australia/Lord_Howe's half hour) and one without
   * (Asia/Ho_Chi_Minh), each second of the hour before to the hour after in 7-minute steps plus
   * random ones: the SQL's instant is java.time's {@code atZone} (a gap shifted later by its
   * length, an overlap at the earlier offset).
   */
  @Test
  void zonesAgreeWithJavaTimeInGapsAndOverlaps() throws Exception {
    for (String zoneId :
        List.of("Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Ho_Chi_Minh")) {
      ZoneId zone = ZoneId.of(zoneId);
      List<LocalDateTime> times = new ArrayList<>();
      ZoneOffsetTransition t =
          zone.getRules()
              .nextTransition(LocalDateTime.of(2024, 1, 1, 0, 0).atZone(zone).toInstant());
      while (t != null && t.getDateTimeBefore().getYear() < 2028) {
        LocalDateTime at = t.getDateTimeBefore();
        for (int m = -70; m <= 70; m += 7) times.add(at.plusMinutes(m).plusSeconds(m % 3));
        t = zone.getRules().nextTransition(t.getInstant());
      }
      Random rnd = new Random(5);
      for (int i = 0; i < 500; i++)
        times.add(LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(rnd.nextInt(366 * 86400)));
      times.add(LocalDateTime.of(2026, 10, 25, 2, 30, 0, 123_000_000)); // milliseconds kept
      List<String> texts = times.stream().map(LocalDateTime::toString).toList();
      List<Object> sql =
          eval(texts, s -> D.epochMillisInZone("CAST(" + s + " AS timestamp)", zone));
      for (int i = 0; i < times.size(); i++)
        assertThat(((Number) sql.get(i)).longValue())
            .as("%s in %s", times.get(i), zoneId)
            .isEqualTo(times.get(i).atZone(zone).toInstant().toEpochMilli());
    }
  }

  /**
   * The calendar hooks: 2026-10-05 is a Monday (ISO 1), 2026-10-11 a Sunday (7); 13:45:30.9 is 13 ×
   * 3600 + 45 × 60 + 30 = 49530 whole seconds; the series from 10-30 to 11-02 has 4 days.
   */
  @Test
  void calendarHooks() throws Exception {
    assertThat(eval(List.of("2026-10-05", "2026-10-11"), s -> D.isoDayOfWeek("CAST(s AS date)")))
        .containsExactly(1L, 7L);
    assertThat(eval(List.of("2026-10-05 13:45:30.9"), s -> D.secondOfDay("CAST(s AS timestamp)")))
        .containsExactly(49530L);
    assertThat(
            scalar(
                "SELECT count(*) FROM "
                    + D.daySeries("DATE '2026-10-30'", "DATE '2026-11-02'")
                    + " AS s"))
        .isEqualTo(4.0);
    assertThat(
            eval(
                List.of("2026-10-05 13:45:30"),
                s -> "CAST(" + D.plusSeconds("CAST(s AS timestamp)", -49530) + " AS text)"))
        .containsExactly("2026-10-05 00:00:00");
  }

  /**
   * The calendar table built on the postgres hooks (daySeries, isoDayOfWeek, secondOfDay) gives
   * BusinessCalendar's business seconds: 20,000 random pairs (fixed seed) in the night-shift
   * calendar of CalendarTableTest and in the default one, in one query each.
   */
  @Test
  void theCalendarTableAgreesWithBusinessCalendar() throws Exception {
    for (dev.journeykpi.config.CalendarDef def :
        List.of(CalendarTableTest.nightShifts(), dev.journeykpi.config.CalendarDef.standard())) {
      dev.journeykpi.calc.BusinessCalendar cal = new dev.journeykpi.calc.BusinessCalendar(def);
      Random rnd = new Random(17);
      List<String> rows = new ArrayList<>();
      List<Long> expected = new ArrayList<>();
      long first = java.time.LocalDate.of(2025, 6, 1).toEpochDay() * 86400L;
      for (int i = 0; i < 20_000; i++) {
        long a = first + rnd.nextInt(580 * 86400);
        long b =
            rnd.nextInt(10) == 0
                ? first + rnd.nextInt(580 * 86400)
                : a - 86400L + rnd.nextInt(5 * 86400) / 1800 * 1800;
        expected.add(cal.businessSeconds(a, b));
        rows.add(
            "("
                + i
                + ", "
                + D.timestamp(LocalDateTime.ofEpochSecond(a, 0, java.time.ZoneOffset.UTC))
                + ", "
                + D.timestamp(LocalDateTime.ofEpochSecond(b, 0, java.time.ZoneOffset.UTC))
                + ")");
      }
      // The pairs as a table: CalendarTable reads its rows twice, once by name in a subquery.
      PostgresServer.execute(conn, "DROP TABLE IF EXISTS pg_temp.kpi_pairs");
      PostgresServer.execute(
          conn,
          "CREATE TEMP TABLE kpi_pairs AS SELECT * FROM (VALUES "
              + String.join(", ", rows)
              + ") AS p(i, a, b)");
      String sql =
          "SELECT i, secs FROM "
              + new CalendarTable(D, cal).withBusinessSeconds("kpi_pairs", "a", "b", "secs")
              + " AS t ORDER BY i";
      List<Long> got = new ArrayList<>();
      try (Statement st = conn.createStatement();
          ResultSet r = st.executeQuery(sql)) {
        while (r.next()) got.add(r.getLong(2));
      }
      assertThat(got).containsExactlyElementsOf(expected);
    }
  }

  /**
   * Vietnamese in both forms (NFC, and NFD as some exports write it: a base letter and combining
   * marks), and texts with odd white space and control characters: each text hook gives Java's
   * answer — TextKey.of, String.isBlank, String.strip, the import's trim of spaces and tabs.
   */
  @Test
  void textsAsJavaComparesThem() throws Exception {
    List<String> texts =
        List.of(
            "ĐẶNG VĂN ÂU",
            Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD),
            "  Khách Hàng Mới\t",
            "\u3000\u00a0x\u2007 ",
            " \n\u000b ",
            "\u00a0",
            "a\u0001b\u007f c\u0085 ",
            "ỨNG DỤNG");
    List<Object> lower = eval(texts, D::lowerNfc);
    List<Object> key = eval(texts, D::textKey);
    List<Object> blank = eval(texts, D::isBlank);
    List<Object> strip = eval(texts, D::stripped);
    List<Object> trim = eval(texts, D::trimmed);
    List<Object> imported = eval(texts, s -> D.importedText(D.trimmed(s)));
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      String nfc = Normalizer.normalize(t, Normalizer.Form.NFC);
      assertThat(lower.get(i)).as("lower %s", t).isEqualTo(nfc.toLowerCase(Locale.ROOT));
      String k = TextKey.of(t);
      assertThat(key.get(i)).as("key %s", t).isEqualTo(k.isEmpty() ? null : k);
      assertThat(blank.get(i)).as("blank %s", t).isEqualTo(t.isBlank());
      assertThat(strip.get(i)).as("strip %s", t).isEqualTo(t.strip());
      assertThat(trim.get(i)).as("trim %s", t).isEqualTo(trimSpacesAndTabs(t));
      String cleaned =
          trimSpacesAndTabs(
              trimSpacesAndTabs(t).replaceAll("[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]", ""));
      assertThat(imported.get(i))
          .as("imported %s", t)
          .isEqualTo(Normalizer.normalize(cleaned, Normalizer.Form.NFC));
    }
    // By hand: the lower case of the NFC form, as kpi compares names.
    assertThat(lower.get(0)).isEqualTo("đặng văn âu");
    assertThat(lower.get(1)).isEqualTo("nguyễn thị ánh");
  }

  private static String trimSpacesAndTabs(String s) {
    return s.replaceAll("^[ \t]+|[ \t]+$", "");
  }

  @Test
  void yesNoTokensWithoutCase() throws Exception {
    // Có and không in any case are yes and no; "co" (no diacritic) is neither.
    assertThat(
            eval(
                List.of("CÓ", "Không", "co", ""),
                s ->
                    D.tryParseBoolean(
                        s, java.util.Set.of("có", "yes"), java.util.Set.of("không", "no"))))
        .containsExactly(true, false, null, null);
  }

  /**
   * Patterns of {@code matches:} through JavaRegex and the dialect find what Java finds (case
   * ignored with Unicode case, as the default engine searches), on texts chosen at each rewrite's
   * edge: {@code \\w} is ASCII in Java (ARE's follows the ctype), {@code \\b} beside a letter is
   * Java's Unicode boundary ({@code ĐKM} has none before K). {@code \\D} inside a class, which ARE
   * cannot say, is refused by name.
   */
  @Test
  void patternsFindWhatJavaFinds() throws Exception {
    List<String> texts =
        List.of(
            "khuyến mãi 20%",
            "KHUYẾN MÃI",
            "mã 123",
            "mã ①",
            "Đơn_7",
            "line\nend",
            "a.b",
            "ticket-42",
            "",
            "ẞ straße",
            "ĐKM 10",
            "giảm KM",
            "KM_x",
            "km5",
            "(km)");
    for (String p :
        List.of(
            "khuyến mãi",
            "\\d+",
            "^mã \\d",
            "\\w+_\\d",
            "[a-c]\\.b",
            "end$",
            "^line.end",
            "ticket-(\\d{2}|x)",
            "[^\\d\\s]{3}",
            "mãi|đơn",
            "khuyến mãi|\\bKM\\b",
            "\\bđơn")) {
      Pattern java = Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      List<Object> sql = eval(texts, s -> D.regexFind(s, JavaRegex.toRe2(p)));
      for (int i = 0; i < texts.size(); i++)
        assertThat(sql.get(i))
            .as("'%s' ~ %s", texts.get(i), p)
            .isEqualTo(java.matcher(texts.get(i)).find());
    }
    assertThatThrownBy(() -> D.regexFind("s", JavaRegex.toRe2("[\\D]")))
        .isInstanceOf(SqlRefused.class)
        .hasMessageContaining("postgres");
  }

  /**
   * A CSV read as the import reads it: two lines before the data (a title and the header), a quoted
   * field with the delimiter, a doubled quote and a line break, an empty line (no row), a row of
   * two fields where three are expected (set aside with its line, 7), a blank unquoted field (NULL)
   * and a quoted empty one (''). By hand: the lines are 1 title, 2 header, 3 row, 4–5 one row, 6
   * empty, 7 short, 8 row; the rows kept are those of lines 3, 4 and 8 → kpi_n 1, 2, 3.
   */
  @Test
  void aCsvFileIsReadAsTheImportReadsIt() throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(
        csv,
        "Report of October\n"
            + "id;name;note\n"
            + "1;\"Lê, \"\"Ba\"\"\";x\n"
            + "2;\"two\nlines\";\n"
            + "\n"
            + "3;short\n"
            + "4;\"\";y\n"
            + "5;\"An\";\n");
    SourceRelations.Layout l =
        new SourceRelations.Layout(
            csv.toString(), "t.csv", ';', 2, 3, Map.of("id", 0, "name", 1, "note", 2));
    Dialect.CsvRead read =
        D.readCsv(l, List.of("column0", "column1", "column2"), "kpi_rejects_t", "kpi_scan_t");
    for (String s : read.statements())
      for (String one : s.split(";\n")) PostgresServer.execute(conn, one);
    List<String> rows = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + read.recordNumber()
                    + ", column0, column1, column2 FROM "
                    + read.relation()
                    + " ORDER BY 1")) {
      while (r.next())
        rows.add(r.getLong(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4));
    }
    assertThat(rows)
        .containsExactly("1|1|Lê, \"Ba\"|x", "2|2|two\nlines|null", "3|4||y", "4|5|An|null");
    assertThat(scalar("SELECT line FROM kpi_rejects_t")).isEqualTo(7.0);
  }
}
