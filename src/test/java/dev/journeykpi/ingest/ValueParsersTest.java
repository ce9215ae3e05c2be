package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

class ValueParsersTest {
  /**
   * Parses both ways the import does, as text and in place from a field's bytes (trimmed), which
   * must agree.
   */
  static LocalDateTime date(String pattern, String text) {
    DateTimeParser parser = new DateTimeParser(pattern);
    long v = parser.parse(text);
    byte[] padded = ("##" + text.strip() + "##").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int len = text.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(parser.parse(padded, 2, len)).as("in place: %s", text).isEqualTo(v);
    return v == DateTimeParser.NO_MATCH ? null : PackedLocalDateTime.asLocalDateTime(v);
  }

  @Test
  void packsLikeTablesaw() {
    for (LocalDateTime t :
        java.util.List.of(
            LocalDateTime.of(2026, 10, 31, 14, 5),
            LocalDateTime.of(1999, 1, 1, 0, 0),
            LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_000_000),
            LocalDateTime.of(2100, 12, 31, 12, 30, 1))) {
      assertThat(
              DateTimeParser.pack(
                  t.getYear(),
                  t.getMonthValue(),
                  t.getDayOfMonth(),
                  t.getHour(),
                  t.getMinute(),
                  t.getSecond(),
                  t.getNano() / 1_000_000))
          .as("%s", t)
          .isEqualTo(PackedLocalDateTime.pack(t));
    }
  }

  @Test
  void datesInDeclaredPatterns() {
    assertThat(date("dd/MM/yyyy HH:mm", "31/10/2026 14:05"))
        .isEqualTo(LocalDateTime.of(2026, 10, 31, 14, 5));
    assertThat(date("dd/MM/yyyy HH:mm", " 31/10/2026 14:05 "))
        .isEqualTo(LocalDateTime.of(2026, 10, 31, 14, 5));
    assertThat(date("M/d/yyyy H:mm", "6/1/2023 9:05"))
        .isEqualTo(LocalDateTime.of(2023, 6, 1, 9, 5));
    assertThat(date("M/d/yyyy H:mm:ss", "12/31/2023 23:59:58"))
        .isEqualTo(LocalDateTime.of(2023, 12, 31, 23, 59, 58));
    assertThat(date("yyyy-MM-dd'T'HH:mm:ss.SSS", "2026-10-31T14:05:06.250"))
        .isEqualTo(LocalDateTime.of(2026, 10, 31, 14, 5, 6, 250_000_000));
    assertThat(date("dd/MM/yyyy", "01/02/2026")).isEqualTo(LocalDateTime.of(2026, 2, 1, 0, 0));
    assertThat(date("dd/MM/yy", "01/02/26")).isEqualTo(LocalDateTime.of(2026, 2, 1, 0, 0));
  }

  @Test
  void impossibleOrMismatchedDatesDoNotParse() {
    assertThat(date("dd/MM/yyyy HH:mm", "31/09/2026 10:00")).isNull(); // September has 30 days
    assertThat(date("dd/MM/yyyy HH:mm", "29/02/2026 10:00")).isNull(); // 2026 is no leap year
    assertThat(date("dd/MM/yyyy HH:mm", "31/10/2026")).isNull(); // time missing
    assertThat(date("dd/MM/yyyy", "2026-10-31")).isNull();
    assertThat(date("dd/MM/yyyy HH:mm", "31/10/2026 24:10")).isNull();
    assertThat(date("dd/MM/yyyy HH:mm", "3a/10/2026 14:05")).isNull(); // right length, not a digit
    assertThat(date("dd/MM/yyyy HH:mm", "31-10-2026 14:05"))
        .isNull(); // right length, wrong separators
    assertThat(date("dd/MM/yyyy HH:mm", "00/10/2026 14:05")).isNull();
    assertThat(date("dd/MM/yyyy HH:mm", "31/13/2026 14:05")).isNull();
    assertThat(date("dd/MM/yyyy HH:mm", "1/10/2026 14:05")).isNull(); // dd wants two digits
  }

  @Test
  void formatterFallbackForMonthNames() {
    assertThat(date("dd-MMM-yyyy", "05-Oct-2026")).isEqualTo(LocalDateTime.of(2026, 10, 5, 0, 0));
    assertThat(date("M/d/yyyy h:mm a", "10/5/2026 2:30 PM"))
        .isEqualTo(LocalDateTime.of(2026, 10, 5, 14, 30));
  }

  @Test
  void isoDatesAndOffsets() {
    assertThat(date("iso", "2026-10-31")).isEqualTo(LocalDateTime.of(2026, 10, 31, 0, 0));
    assertThat(date("iso", "2026-10-31 14:05:00")).isEqualTo(LocalDateTime.of(2026, 10, 31, 14, 5));
    assertThat(new DateTimeParser("iso").parseOffset("2026-10-31T07:05:00Z"))
        .hasToString("2026-10-31T07:05:00Z");
    assertThat(new DateTimeParser("iso").parseOffset("2026-10-31T14:05:00")).isNull();
  }

  @Test
  void numbersWithDeclaredDecimalMark() {
    NumberParser vi = new NumberParser(',');
    assertThat(vi.parse("1.250.000")).isEqualTo(1_250_000.0);
    assertThat(vi.parse("1.250.000 ₫")).isEqualTo(1_250_000.0);
    assertThat(vi.parse("1.250.000 VND")).isEqualTo(1_250_000.0);
    assertThat(vi.parse("1,5")).isEqualTo(1.5);
    assertThat(vi.parse("-2,25")).isEqualTo(-2.25);
    assertThat(vi.parse("1.250")).isEqualTo(1250.0);
    NumberParser en = new NumberParser('.');
    assertThat(en.parse("1,250.50")).isEqualTo(1250.5);
    assertThat(en.parse("$12.50")).isEqualTo(12.5);
    assertThat(en.parse("85%")).isEqualTo(0.85);
    assertThat(en.parse("(1,000)")).isEqualTo(-1000.0);
    assertThat(en.parse("1.250")).isEqualTo(1.25);
  }

  /**
   * Issue 14: an explicit plus sign, as some exports write positive amounts, is a number; two signs
   * are not.
   */
  @Test
  void plusSignedNumbers() {
    NumberParser en = new NumberParser('.');
    assertThat(en.parse("+250000")).isEqualTo(250_000.0);
    assertThat(en.parse("+1,250.5")).isEqualTo(1250.5);
    assertThat(new NumberParser(',').parse("+1.250.000 ₫")).isEqualTo(1_250_000.0);
    assertThat(en.parse("+-5")).isNaN();
    assertThat(en.parse("-+5")).isNaN();
    assertThat(en.parse("++5")).isNaN();
    assertThat(en.parse("+")).isNaN();
  }

  /**
   * Issue 14: quoted words in a pattern are literals ('ngày' 5 'tháng' 3 'năm' 2024 is 5 March
   * 2024), and 'a' reads AM/PM as well as SA/CH (sáng/chiều, as Windows vi-VN writes times), in any
   * case.
   */
  @Test
  void quotedWordsAndVietnameseAmPm() {
    String vn = "'ngày' d 'tháng' M 'năm' yyyy";
    assertThat(dev.journeykpi.config.DatePatterns.problem(vn)).isNull();
    assertThat(date(vn, "ngày 5 tháng 3 năm 2024")).isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0));
    assertThat(date(vn, "ngày 31 tháng 12 năm 2024"))
        .isEqualTo(LocalDateTime.of(2024, 12, 31, 0, 0));
    assertThat(date(vn, "5 tháng 3 năm 2024")).isNull();
    String t = "dd/MM/yyyy h:mm:ss a";
    assertThat(dev.journeykpi.config.DatePatterns.problem(t)).isNull();
    assertThat(date(t, "05/03/2024 2:30:15 CH"))
        .isEqualTo(LocalDateTime.of(2024, 3, 5, 14, 30, 15)); // 2 p.m.
    assertThat(date(t, "05/03/2024 2:30:15 SA")).isEqualTo(LocalDateTime.of(2024, 3, 5, 2, 30, 15));
    assertThat(date(t, "05/03/2024 12:00:00 SA"))
        .isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0)); // midnight
    assertThat(date(t, "05/03/2024 12:00:00 ch"))
        .isEqualTo(LocalDateTime.of(2024, 3, 5, 12, 0)); // noon
    assertThat(date(t, "05/03/2024 2:30:15 pm"))
        .isEqualTo(LocalDateTime.of(2024, 3, 5, 14, 30, 15));
    assertThat(date(t, "05/03/2024 2:30:15 AM")).isEqualTo(LocalDateTime.of(2024, 3, 5, 2, 30, 15));
    assertThat(date(t, "05/03/2024 2:30:15 XY")).isNull();
    // A quoted word with the letters of pattern fields is no field: 'h' in 'tháng' needs no 'a'.
    assertThat(dev.journeykpi.config.DatePatterns.problem("'tháng' M yyyy d")).isNull();
    assertThat(dev.journeykpi.config.DatePatterns.problem("'day' dd 'of' MM"))
        .isEqualTo("has no year (yyyy)");
    assertThat(dev.journeykpi.config.DatePatterns.problem("dd/MM/yyyy hh:mm"))
        .contains("without 'a'");
  }

  @Test
  void notNumbers() {
    NumberParser en = new NumberParser('.');
    assertThat(en.parse("TCK-001")).isNaN();
    assertThat(en.parse("abc")).isNaN();
    assertThat(en.parse("1.250.000")).isNaN(); // two decimal marks: declare decimal ','
    assertThat(en.parse("12 apples")).isNaN();
    assertThat(en.parse("")).isNaN();
  }

  @Test
  void durations() {
    assertThat(new DurationParser("seconds", '.').parse("90")).isEqualTo(90.0);
    assertThat(new DurationParser("seconds", '.').parse("1:30")).isEqualTo(90.0); // M:SS
    assertThat(new DurationParser("seconds", '.').parse("01:02:03")).isEqualTo(3723.0); // H:MM:SS
    assertThat(new DurationParser("minutes", ',').parse("1,5")).isEqualTo(90.0);
    assertThat(new DurationParser("hours", '.').parse("2")).isEqualTo(7200.0);
    assertThat(new DurationParser("seconds", '.').parse("1:75")).isNaN();
    assertThat(new DurationParser("seconds", '.').parse("-5")).isNaN();
    assertThat(new DurationParser("seconds", '.').parse("soon")).isNaN();
  }
}
