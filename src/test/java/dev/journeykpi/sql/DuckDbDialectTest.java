package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.ingest.DateTimeParser;
import dev.journeykpi.ingest.NumberParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dialect's parsing macros read exactly what kpi's import reads: numbers as NumberParser, date-
 * times as DateTimeParser, checked on hand-worked texts and on thousands of random ones (fixed
 * seed) against the Java parsers themselves.
 */
class DuckDbDialectTest {
  static Connection conn;
  static final DuckDbDialect D = new DuckDbDialect();

  @BeforeAll
  static void connect() throws Exception {
    conn = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = conn.createStatement()) {
      for (String s : D.preamble()) st.execute(s);
    }
  }

  @AfterAll
  static void close() throws Exception {
    conn.close();
  }

  /** Each text's value through the SQL expression made by {@code hook} (null: NULL). */
  static List<Object> eval(List<String> texts, java.util.function.UnaryOperator<String> hook)
      throws Exception {
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
    // Worked by hand with NumberParser's rules: ',' the decimal mark, '.' grouping; a currency
    // word or symbol around the digits; (…) and a minus negate; % divides by 100.
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
  void dateTimesAsKpiReadsThem() throws Exception {
    // 31/09 and 29/02/2026 do not exist; 24:00 is no hour; a one-digit day does not fill dd.
    List<String> texts =
        List.of(
            "31/10/2026 14:05",
            "31/09/2026 10:15",
            "29/02/2026 10:00",
            "29/02/2028 10:00",
            "15/03/2026 24:00",
            "1/03/2026 10:00");
    List<Object> got = eval(texts, s -> D.tryParseTimestamp(s, "dd/MM/yyyy HH:mm"));
    assertThat(got.get(0).toString()).startsWith("2026-10-31 14:05");
    assertThat(got.get(1)).isNull();
    assertThat(got.get(2)).isNull();
    assertThat(got.get(3).toString()).startsWith("2028-02-29 10:00");
    assertThat(got.get(4)).isNull();
    assertThat(got.get(5)).isNull();
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
      List<Object> sql = eval(texts, s -> D.tryParseTimestamp(s, pattern));
      for (int i = 0; i < texts.size(); i++) {
        long expected = java.parse(texts.get(i));
        Object got = sql.get(i);
        if (expected == DateTimeParser.NO_MATCH) {
          assertThat(got).as("'%s' as %s", texts.get(i), pattern).isNull();
        } else {
          assertThat(got).as("'%s' as %s", texts.get(i), pattern).isNotNull();
          LocalDateTime t = ((java.sql.Timestamp) got).toLocalDateTime();
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
  void patternsItCannotReadExactlyAreNotCompiled() {
    assertThat(D.tryParseTimestamp("s", "dd MMM yyyy")).isNull(); // month names
    assertThat(D.tryParseTimestamp("s", "iso")).isNull();
    assertThat(D.tryParseTimestamp("s", "dMyyyy")).isNull(); // a varying field before another
    assertThat(D.tryParseTimestamp("s", "h:mm a")).isNull(); // AM/PM
  }

  @Test
  void percentilesAreExactOnDoubles() throws Exception {
    // PERCENTILE.INC of [1, 2, 7.5, 10] at 90: h = 3 × 0.9 = 2.7, 7.5 + 0.7 × 2.5 = 9.25.
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + D.percentile("x", 90)
                    + " FROM (VALUES (1.0), (2.0), (7.5), (10.0)) AS t(x)")) {
      r.next();
      assertThat(r.getDouble(1)).isEqualTo(9.25);
    }
  }

  /**
   * The null-token test is true for each listed text only (as IN would be), and leaves a view's
   * unread columns out of a query's plan: with IN, DuckDB joined on each text column's tokens, so a
   * count over one column typed them all.
   */
  @Test
  void oneOfIsInWithoutAJoinThatKeepsUnreadColumns() throws Exception {
    List<String> tokens = List.of(D.literal(""), D.literal("-"), D.literal("N/A"));
    // '', '-' and 'N/A' are listed; 'n/a' differs in case and 'x' is not there.
    assertThat(eval(List.of("", "-", "N/A", "n/a", "x"), s -> D.isOneOf(s, tokens)))
        .containsExactly(true, true, true, false, false);
    try (Statement st = conn.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP VIEW one_of_v AS SELECT CASE WHEN "
              + D.isOneOf("a", tokens)
              + " THEN NULL ELSE a END AS a, CASE WHEN "
              + D.isOneOf("b", tokens)
              + " THEN NULL ELSE b END AS b FROM (VALUES ('x', 'unread_b')) t(a, b)");
      StringBuilder plan = new StringBuilder();
      try (ResultSet r = st.executeQuery("EXPLAIN SELECT count(a) FROM one_of_v")) {
        while (r.next()) plan.append(r.getString(2));
      }
      assertThat(plan.toString()).doesNotContain("MARK").doesNotContain("unread_b");
    }
  }

  /**
   * A field is trimmed of spaces and tabs at its two ends only, whether or not trim() runs (it runs
   * only on a field that starts or ends with one: issue 17), and a text cell loses its control
   * characters before NFC, which is applied in each branch of the test for them.
   */
  @Test
  void fieldsTrimmedAndTextsCleanedAsTheImportDoes() throws Exception {
    // "  a b\t" → "a b" (two spaces before, a tab after; the inner space kept); "\ta" → "a";
    // "a " → "a"; "a" and "" as they are; " \t " (blanks only) → "".
    assertThat(eval(List.of("  a b\t", "\ta", "a ", "a", "", " \t "), D::trimmed))
        .containsExactly("a b", "a", "a", "a", "", "");
    // "e" U+0001 U+0301: the control character removed, then e + combining acute composed by NFC
    // into "é" (U+00E9); "Ha" U+0300: no control character, NFC composes "Hà" (U+00E0);
    // "x " U+0007: the bell removed, then the space it left at the end trimmed → "x"; "Billing"
    // unchanged.
    assertThat(eval(List.of("e\u0001\u0301", "Ha\u0300", "x \u0007", "Billing"), D::importedText))
        .containsExactly("\u00e9", "H\u00e0", "x", "Billing");
  }

  /**
   * The bytes' test that guards the cleaning ({@code mayHaveControlCharacters}) lets through every
   * control character and the kept ones (tab, line feed, carriage return), which the cleaning then
   * leaves as they are: each text gives ControlChars' result, and has control characters exactly
   * when it has one of C0 (but tab, LF, CR), DEL or C1.
   */
  @Test
  void textsWithAndWithoutControlCharactersAreCleanedExactly() throws Exception {
    // By hand: "a\tb" (tab kept), "a\nb" (line feed kept), "a\rb" (carriage return kept),
    // "Kỹ thuật" (multi-byte letters, bytes E1 BB B9 and E1 BA AD: no C2 8N/9N) → as they are;
    // "a\\x01" (a backslash, then the text "x01": written \x5C in a BLOB, not a control) → as
    // is; "a\u001fb" → "ab" (C0's last); "a\u007fb" → "ab" (DEL); "a\u0080b" and "a\u009fb" →
    // "ab" (C1's first and last); "a\u00a0b" (no-break space, C2 A0: not C1) → as is; "\u0085"
    // alone → "" (nothing left).
    List<String> texts =
        List.of(
            "a\tb",
            "a\nb",
            "a\rb",
            "K\u1ef9 thu\u1eadt",
            "a\\x01",
            "a\u001fb",
            "a\u007fb",
            "a\u0080b",
            "a\u009fb",
            "a\u00a0b",
            "\u0085");
    assertThat(eval(texts, D::importedText))
        .containsExactly(
            "a\tb",
            "a\nb",
            "a\rb",
            "K\u1ef9 thu\u1eadt",
            "a\\x01",
            "ab",
            "ab",
            "ab",
            "ab",
            "a\u00a0b",
            "");
    assertThat(eval(texts, t -> "CAST(" + D.hasControlCharacters(t) + " AS VARCHAR)"))
        .containsExactly(
            "false", "false", "false", "false", "false", "true", "true", "true", "true", "false",
            "true");
  }

  /**
   * The test for control characters is exact on every code point, wherever the character stands:
   * true for ControlChars' 62 and no other. By hand: C0 is U+0000–U+001F, 32 characters, less tab,
   * line feed and carriage return, 29 (0–8: 9, 11 and 12: 2, 14–31: 18); DEL, 1; C1 U+0080–U+009F,
   * 32: 29 + 1 + 32 = 62. Each code point but the surrogates (which no text holds) is tested alone,
   * first in a text and in its middle ("ab" + c + "cd"): the GLOB's byte class at either end of its
   * stars, and the C1 pair's test in the BLOB's text after and before other bytes.
   */
  @Test
  void controlCharactersAreFoundExactlyOnEveryCodePoint() throws Exception {
    List<Integer> expected = new ArrayList<>();
    for (int c = 0; c <= 0xffff; c++)
      if (dev.journeykpi.model.ControlCharacters.removed((char) c)) expected.add(c);
    assertThat(expected).hasSize(62);
    try (Statement st = conn.createStatement()) {
      for (String text : List.of("chr(c)", "(chr(c) || 'cd')", "('ab' || chr(c) || 'cd')")) {
        List<Integer> found = new ArrayList<>();
        try (ResultSet r =
            st.executeQuery(
                "SELECT c FROM (SELECT CAST(range AS INTEGER) AS c FROM range(0, 1114112)) AS t"
                    + " WHERE (c < 55296 OR c > 57343) AND "
                    + D.hasControlCharacters(text)
                    + " ORDER BY c")) {
          while (r.next()) found.add(r.getInt(1));
        }
        assertThat(found).as(text).isEqualTo(expected);
      }
    }
  }

  /**
   * A field typed as a text column types it (trimmed, then {@code importedNonBlankText}): the text
   * as imported, NULL when nothing is left. The edges of the fast path, by hand: "C0012\t" (a
   * trailing tab: trimmed, never cleaned) → "C0012"; "e" U+0301 (ASCII and a combining mark: not
   * ASCII by its bytes, 3 bytes for 2 characters, but no control) → NFC "é" U+00E9; "À" (U+00C0,
   * the bytes C3 80: an 80 not after C2) → as is; "Â" U+0080 (C3 82, then C1's first, C2 80) → "Â";
   * "😀" (F0 9F 98 80: a 9F and an 80, neither after C2) → as is; "a" U+00A0 (no-break space, C2
   * A0: not C1, and not trimmed) → as is; "x" U+007F (DEL at the end) → "x"; U+0085 alone (C1) →
   * nothing left → NULL; U+0001 " " U+0002 → " " → trimmed → "" → NULL; "" → NULL; 100,000 "x" then
   * a bell (U+0007) → the 100,000 "x".
   */
  @Test
  void textCellsTypedFastAndSlowAlike() throws Exception {
    String longCell = "x".repeat(100_000);
    List<String> texts =
        List.of(
            "C0012\t",
            "e\u0301",
            "\u00c0",
            "\u00c2\u0080",
            "\ud83d\ude00",
            "a\u00a0",
            "x\u007f",
            "\u0085",
            "\u0001 \u0002",
            "",
            longCell + "\u0007");
    List<String> typed = new ArrayList<>();
    for (Object o : eval(texts, t -> D.importedNonBlankText(D.trimmed(t)))) typed.add((String) o);
    assertThat(typed)
        .containsExactly(
            "C0012",
            "\u00e9",
            "\u00c0",
            "\u00c2",
            "\ud83d\ude00",
            "a\u00a0",
            "x",
            null,
            null,
            null,
            longCell);
    // The field's test for the quality report: "C0012\t" has none (a tab is kept), the others as
    // their cleaning says.
    assertThat(eval(texts, t -> "CAST(" + D.hasControlCharacters(t) + " AS VARCHAR)"))
        .containsExactly(
            "false", "false", "false", "true", "false", "false", "true", "true", "true", "false",
            "true");
  }
}
