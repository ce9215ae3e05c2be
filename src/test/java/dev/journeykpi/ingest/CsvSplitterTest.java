package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The import's own splitter must split exactly as FastCSV does (which inspect and validate use).
 */
class CsvSplitterTest {
  /**
   * Hand-picked corner cases: quoting, escaped quotes, text after a closing quote, line breaks of
   * every kind.
   */
  @Test
  void cornerCasesSplitAsFastCsvDoes() throws Exception {
    List<String> cases =
        List.of(
            "a,b,c\n1,2,3\n",
            "a,b\r\n1,2\r\n",
            "a,b\r1,2\r",
            "a,b\n1,2", // no final line break
            "a,b\n1,\n", // trailing empty field
            "a,b\n1,", // ... at the very end
            "\n\na,b\n\n1,2\n\r\n\r3,4\n", // empty lines of every kind
            "a,\"b\"\n\"x,y\",\"she said \"\"hi\"\"\"\n",
            "a,\"line one\nline two\",c\n2,3,4\n",
            "a,\"crlf\r\nlf\ncrlf\r\n\",c\n2,3,4\n", // line breaks inside quotes count as lines
            "a,\"b\"junk,c\n", // text after a closing quote
            "a,\"b\"\"\",c\n",
            "\"\"\n\"\",\"\"\n", // quoted empty fields are not empty lines
            "a,b\"c,d\n", // a quote inside an unquoted field is text
            "a,\"unterminated\nstill,going", // a quote never closed runs to the end
            "Mã,Kênh\nP1,\"Điện thoại, web\"\n", // UTF-8 read as bytes
            "",
            ",",
            ",,\n,,\n");
    for (String c : cases) assertSameSplit(c, 7);
  }

  /**
   * Random files over an alphabet heavy in quotes, delimiters and line breaks, read through tiny
   * buffers. A lone CR appears only outside quotes: inside a quoted field FastCSV 3.6 loses text
   * after one (see the next test).
   */
  @Test
  void randomFilesSplitAsFastCsvDoes() throws Exception {
    Random rnd = new Random(42);
    String[] tokens = {"a", "b", " ", "é", ",", ",", "\"", "\"", "\"", "\n", "\r\n"};
    for (int n = 0; n < 5000; n++) {
      StringBuilder s = new StringBuilder();
      int len = rnd.nextInt(60);
      for (int i = 0; i < len; i++) s.append(tokens[rnd.nextInt(tokens.length)]);
      if (rnd.nextInt(4) == 0) s.append("\rz,y\r"); // lone CRs ending lines
      // A file ending in a doubled quote inside an unclosed quoted field: FastCSV drops the last
      // quote, we keep it.
      if (s.length() > 0 && s.charAt(s.length() - 1) == '"') s.append('a');
      assertSameSplit(s.toString(), 1 + rnd.nextInt(24));
    }
  }

  /**
   * A lone CR inside quotes is text and a line break; FastCSV 3.6 returns {@code [a, b]} for this
   * record.
   */
  @Test
  void loneCarriageReturnInsideQuotesIsKept() throws Exception {
    RecordBatch b = new RecordBatch();
    CsvSplitter splitter =
        new CsvSplitter(
            new ByteArrayInputStream("a,\"x\r\ry\"\nb\n".getBytes(StandardCharsets.UTF_8)),
            ',',
            3,
            false);
    assertThat(splitter.fill(b)).isTrue();
    assertThat(b.records).isEqualTo(2);
    assertThat(new String(b.bytes, b.fieldStart[1], b.fieldLen[1], StandardCharsets.ISO_8859_1))
        .isEqualTo("x\r\ry");
    assertThat(b.line[1]).isEqualTo(4); // "x", CR, CR, "y": the record ends on line 3
  }

  /**
   * A long file through the default buffer: batches fill up and carry the unfinished record over.
   */
  @Test
  void manyRecordsAcrossBatchesAndBuffers() throws Exception {
    StringBuilder s = new StringBuilder("id,note,n\n");
    for (int i = 0; i < 5000; i++)
      s.append(i)
          .append(",\"note ")
          .append(i)
          .append(" \"\"q\"\"\nmore\",")
          .append(i % 7)
          .append("\r\n");
    assertSameSplit(s.toString(), 4096);
    assertSameSplit(s.toString(), 1 << 20);
  }

  private static void assertSameSplit(String text, int bufferSize) throws Exception {
    // Batches pointing into the splitter's buffer, and batches with their own copy of the bytes,
    // alike.
    assertSameSplit(text, bufferSize, true);
    assertSameSplit(text, bufferSize, false);
  }

  private static void assertSameSplit(String text, int bufferSize, boolean shared)
      throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> expected = new ArrayList<>();
    for (CsvRecord r :
        CsvReader.builder()
            .fieldSeparator(',')
            .quoteCharacter('"')
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(new StringReader(latin))) {
      expected.add(visible(r.getStartingLineNumber() + ":" + String.join("|", r.getFields())));
    }
    List<String> actual = new ArrayList<>();
    CsvSplitter splitter =
        new CsvSplitter(new ByteArrayInputStream(bytes), ',', bufferSize, shared);
    splitter.recoverQuotes = false; // FastCSV reads an unterminated quote to the end
    RecordBatch b = new RecordBatch();
    while (splitter.fill(b)) {
      for (int r = 0; r < b.records; r++) {
        List<String> fields = new ArrayList<>();
        for (int f = b.firstField[r]; f < b.firstField[r] + b.fieldCount[r]; f++) {
          fields.add(
              new String(b.bytes, b.fieldStart[f], b.fieldLen[f], StandardCharsets.ISO_8859_1));
        }
        actual.add(visible(b.line[r] + ":" + String.join("|", fields)));
      }
      b.clear();
    }
    assertThat(actual)
        .as("%s (buffer %d, shared %s)", visible(text), bufferSize, shared)
        .isEqualTo(expected);
  }

  private static String visible(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r");
  }
}
