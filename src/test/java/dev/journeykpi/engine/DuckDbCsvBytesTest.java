package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Which files DuckDB's read_csv reads as kpi's importer does, and the first line that says why not,
 * worked out by hand (lines counted as the importer counts them: CR, LF and CR LF each end one).
 */
class DuckDbCsvBytesTest {
  private static String why(String text) throws Exception {
    return why(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String why(byte[] bytes) throws Exception {
    return DuckDbCsvBytes.whyNot(new ByteArrayInputStream(bytes), ';');
  }

  @Test
  void plainFilesAreReadByDuckDb() throws Exception {
    // LF everywhere, a quoted field spanning lines 2-3, a doubled quote, a delimiter in quotes.
    assertThat(why("Mã;Ghi chú\nT1;\"a\nb\"\nT2;\"say \"\"hi\"\"\";\"x;y\"\n")).isNull();
    // CR LF everywhere; CR alone everywhere; a CR or CR LF inside quotes in an LF file (text).
    assertThat(why("Mã;Ghi chú\r\nT1;\"a;b\"\r\nT2;x")).isNull();
    assertThat(why("Mã;Ghi chú\rT1;x\r")).isNull();
    assertThat(why("Mã;Ghi chú\nT1;\"a\rb\"\nT2;\"c\r\nd\"\n")).isNull();
    // A quote inside an unquoted field is text, for DuckDB as for the importer.
    assertThat(why("Mã;Ghi chú\nT1;Be\"ta\n")).isNull();
    // A byte-order mark, Vietnamese, a 4-byte character, an empty line, no final line end.
    assertThat(why("\uFEFFMã;Ghi chú\n\nT1;Đặng 😀")).isNull();
    // Control bytes, NUL included: DuckDB reads them, SQL cleans and counts them.
    assertThat(why("Mã;Ghi chú\nT1;a\0b\u0001\n")).isNull();
    assertThat(why("")).isNull();
  }

  @Test
  void bytesThatAreNotUtf8AreNamedByLine() throws Exception {
    // Line 1 header, line 2 T1, line 3 "Béta" in windows-1252 (E9 alone).
    byte[] cp1252 = "Mã;Ghi chú\nT1;x\nT2;B\u00e9ta\n".getBytes(StandardCharsets.ISO_8859_1);
    // "Mã" is also E3 alone in ISO-8859-1: line 1 already.
    assertThat(why(cp1252)).isEqualTo("line 1 holds bytes that are not UTF-8");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("Mã;Ghi chú\nT1;x\nT2;".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {(byte) 0xC0, (byte) 0x80, '\n'}); // an overlong NUL
    assertThat(why(b.toByteArray())).isEqualTo("line 3 holds bytes that are not UTF-8");
    // A character cut short by the end of the file.
    assertThat(why(new byte[] {'a', ';', 'b', '\n', 'c', (byte) 0xE1, (byte) 0xBA}))
        .isEqualTo("line 2 holds bytes that are not UTF-8");
    // A surrogate's bytes (ED A0 80) are not UTF-8 either.
    assertThat(why(new byte[] {'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80}))
        .isEqualTo("line 2 holds bytes that are not UTF-8");
  }

  @Test
  void aQuoteLeftOpenOrTextAfterAClosingQuoteIsNamedByLine() throws Exception {
    // Line 3 opens a quote that nothing after it closes.
    assertThat(why("Mã;Ghi chú\nT1;x\nT2;\"Beta\nT3;y\n"))
        .isEqualTo("line 3 opens a quote that the file never closes");
    // Line 3 opens a quote, line 4's first quote closes it, and "y" follows it there.
    assertThat(why("Mã;Ghi chú\nT1;x\nT2;\"Beta\nT3;\"y\"\n"))
        .isEqualTo("line 4 has text after a closing quote");
    assertThat(why("Mã;Ghi chú\nT1;\"x"))
        .isEqualTo("line 2 opens a quote that the file never closes");
    // "Be"ta: text after the closing quote, on line 2.
    assertThat(why("Mã;Ghi chú\nT1;\"Be\"ta\n")).isEqualTo("line 2 has text after a closing quote");
    // Not a closing quote but a doubled one, then the field's end: read.
    assertThat(why("Mã;Ghi chú\nT1;\"Be\"\"ta\";x\n")).isNull();
  }

  @Test
  void lineEndsOfSeveralKindsOutsideQuotesAreNamedByLine() throws Exception {
    // Line 1 ends with CR LF, line 2 with LF.
    assertThat(why("Mã;Ghi chú\r\nT1;x\nT2;y\r\n"))
        .isEqualTo("line 2 ends with LF, the lines before with CR LF");
    // Line 1 LF, line 2 CR (the file's last byte).
    assertThat(why("Mã;Ghi chú\nT1;x\r"))
        .isEqualTo("line 2 ends with CR, the lines before with LF");
    // Line 1 LF, line 2 CR right after a closing quote.
    assertThat(why("Mã;Ghi chú\nT1;\"x\"\rT2;y\n"))
        .isEqualTo("line 2 ends with CR, the lines before with LF");
  }
}
