package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Which files PostgreSQL's COPY reads line for line as kpi's importer does, and the first line that
 * says why not, worked out by hand (lines counted as the importer counts them: CR, LF and CR LF
 * each end one line).
 */
class PgCopyLinesTest {
  private static String why(String text) throws Exception {
    return why(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String why(byte[] bytes) throws Exception {
    return PgCopyLines.whyNot(new ByteArrayInputStream(bytes));
  }

  @Test
  void plainFilesAreReadByCopy() throws Exception {
    // LF everywhere, a quoted field spanning lines 2-3 (the SQL joins them with LF, as they are).
    assertThat(why("Mã;Ghi chú\nT1;\"a\nb\"\nT2;Võ Thị\n")).isNull();
    // CR LF everywhere, every line's quotes balanced: no line is joined to another.
    assertThat(why("Mã;Ghi chú\r\nT1;\"a;b\"\r\nT2;x")).isNull();
    // CR alone everywhere (COPY takes the first line's kind).
    assertThat(why("Mã;Ghi chú\rT1;x\r")).isNull();
    // A byte-order mark, Vietnamese, an empty line, no final line end.
    assertThat(why("\uFEFFMã;Ghi chú\n\nT1;Đặng")).isNull();
    assertThat(why("")).isNull();
  }

  @Test
  void aNulOrCopysOwnDelimiterOrQuoteIsNamedByLine() throws Exception {
    // Line 1 header, line 2 T1, line 3 the NUL inside quotes.
    assertThat(why("Mã;Ghi chú\nT1;x\nT2;\"Võ\0 Thị\"\n")).isEqualTo("line 3 holds a NUL byte");
    // Outside quotes too.
    assertThat(why("Mã;Ghi chú\nT1;x\0\n")).isEqualTo("line 2 holds a NUL byte");
    assertThat(why("Mã;Ghi chú\nT1;a\u0001b\n")).isEqualTo("line 2 holds the control byte 0x01");
    assertThat(why("Mã;Ghi chú\nT1;a\u0002b\n")).isEqualTo("line 2 holds the control byte 0x02");
    // Other controls (0x03, DEL, C1) reach SQL, which cleans and counts them as the importer does.
    assertThat(why("Mã;Ghi chú\nT1;a\u0003\u007f\u0085b\n")).isNull();
  }

  @Test
  void aCarriageReturnThatIsNotTheFilesLineEndIsNamedByLine() throws Exception {
    // The quoted CR ends line 2 for the importer: line 1 ended with LF.
    assertThat(why("Mã;Ghi chú\nT1;\"a\rb\"\n")).isEqualTo("line 2 ends with CR, line 1 with LF");
    // Excel's layout: CR LF between records, LF alone inside a quoted cell (line 2).
    assertThat(why("Mã;Ghi chú\r\nT1;\"a\nb\"\r\n"))
        .isEqualTo("line 2 ends with LF, line 1 with CR LF");
    // CR LF inside quotes in a CR LF file: line 2 ends inside quotes, joined with LF by the SQL.
    assertThat(why("Mã;Ghi chú\r\nT1;\"a\r\nb\"\r\n"))
        .isEqualTo(
            "line 2 ends inside quotes, and the file's lines end with CR LF (COPY would keep LF"
                + " only)");
    // A final CR after LF lines: line 3 (lines 1 and 2 ended with LF).
    assertThat(why("Mã\nT1\nT2\r")).isEqualTo("line 3 ends with CR, line 1 with LF");
  }

  @Test
  void aCrLfSplitBetweenTwoBuffersIsOneLineEnd() throws Exception {
    // The first buffer is 65,536 bytes: the header fills it up to its CR, the LF opens the next.
    StringBuilder s = new StringBuilder("x".repeat(65_535)).append("\r\nT1;a\r\nT2;b\r\n");
    assertThat(why(s.toString())).isNull();
    // … and so does a lone CR there, then LF line ends: line 2 ends with LF, line 1 with CR.
    assertThat(why("x".repeat(65_535) + "\rT1;a\n"))
        .isEqualTo("line 2 ends with LF, line 1 with CR");
  }

  @Test
  void copysEndOfDataLineIsNamed() throws Exception {
    assertThat(why("Mã\nT1\n\\.\nT2\n")).isEqualTo("line 3 is \\. (COPY's end)");
    assertThat(why("Mã\nT1\n\\.")).isEqualTo("line 3 is \\. (COPY's end)");
    assertThat(why("Mã\nT1\n\\.x\n\\\n")).isNull();
  }

  @Test
  void bytesThatAreNotUtf8AreNamedByLine() throws Exception {
    byte[][] bad = {
      {(byte) 0xFF}, // never in UTF-8
      {(byte) 0xC0, (byte) 0x80}, // an overlong NUL
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate, U+D800
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
      {(byte) 0xE1, (byte) 0xBB}, // "ệ" (E1 BB 87) cut short at the line end
    };
    for (byte[] b : bad) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("Mã\nT1\nT2;".getBytes(StandardCharsets.UTF_8));
      out.writeBytes(b);
      out.writeBytes("\nT3\n".getBytes(StandardCharsets.UTF_8));
      assertThat(why(out.toByteArray())).isEqualTo("line 3 holds bytes that are not UTF-8");
    }
    // Cut short by the end of the file.
    assertThat(why(new byte[] {'M', '\n', (byte) 0xE1, (byte) 0xBB}))
        .isEqualTo("line 2 holds bytes that are not UTF-8");
    // The largest of each length is well formed: U+007F, U+07FF, U+FFFF, U+10FFFF.
    assertThat(why("\u007f\u07ff\uffff\udbff\udfff\n")).isNull();
  }
}
