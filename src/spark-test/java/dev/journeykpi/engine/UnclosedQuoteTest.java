package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The driver's pass for a quote left open, by hand, with the default engine's quoting rules
 * (CsvSplitter): where the quote that opened the still-open field is, or none.
 */
class UnclosedQuoteTest {
  private static UnclosedQuote.Open find(String csv) throws Exception {
    try (InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))) {
      return UnclosedQuote.find(in, (byte) ',');
    }
  }

  @Test
  void aQuoteOpenedInALastFieldIsFoundAtItsLineAndField() throws Exception {
    // Line 1 the header, line 4 the third record: its third field opens a quote never closed.
    assertThat(find("id,at,note\n1,x,a\n2,x,b\n3,x,\"c\n4,x,d\n5,x,e\n"))
        .isEqualTo(new UnclosedQuote.Open(4, 3));
  }

  @Test
  void aQuoteOpenedInAMiddleFieldIsFoundToo() throws Exception {
    assertThat(find("id,at,note\n1,x,a\n2,x,b\n3,\"x,c\n4,x,d\n"))
        .isEqualTo(new UnclosedQuote.Open(4, 2));
  }

  @Test
  void closedQuotesHoweverWrittenAreNone() throws Exception {
    // Quoted line breaks (LF, CRLF, CR), "" as one quote, a quote inside an unquoted field (a
    // character: it opens nothing), text after a closing quote, an empty quoted field.
    assertThat(
            find(
                "id,note\r\n1,\"two\nlines\"\r\n2,\"say \"\"hi\"\"\"\r\n3,5\" screen\r\n"
                    + "4,\"a\"b\r\n5,\"\"\r6,\"x\r\ny\"\n"))
        .isNull();
    assertThat(find("")).isNull();
  }

  @Test
  void linesAreCountedAsTheDefaultEngineCountsThem() throws Exception {
    // CRLF is one line break, a lone CR one, and line breaks inside closed quotes count: the
    // quote on the last record opens on line 1 + 1 (CRLF) + 1 (CR) + 2 (inside quotes) + 1 (the
    // LF after them) = line 6.
    assertThat(find("h,n\r\n1,a\r2,\"x\ny\nz\"\n3,\"open")).isEqualTo(new UnclosedQuote.Open(6, 2));
  }

  @Test
  void aQuoteAfterTheClosingOneOpensQuotesAgainAndTheFieldsStartIsNamed() throws Exception {
    // Field 2 of line 2 opens, closes, and its quote after "b" opens again, to the end: the field
    // opened on line 2; "" inside it is one quote, not a close.
    assertThat(find("h,n\n1,\"a\"b\"c\nd\"\"e\n")).isEqualTo(new UnclosedQuote.Open(2, 2));
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rest = "\"h\",n\n1,\"a\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + rest.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(rest, 0, all, 3, rest.length);
    assertThat(UnclosedQuote.find(new ByteArrayInputStream(all), (byte) ','))
        .isEqualTo(new UnclosedQuote.Open(2, 2));
  }

  @Test
  void anOpenQuoteAcrossTheReadBuffersIsFound() throws Exception {
    // More than one 64 KiB buffer of rows before the quote: record 10,000 (line 10,001) opens it.
    StringBuilder csv = new StringBuilder("id,note\n");
    for (int i = 1; i < 10_000; i++) csv.append(i).append(",\"quoted, text\"\n");
    csv.append("10000,\"open\n10001,x\n");
    assertThat(find(csv.toString())).isEqualTo(new UnclosedQuote.Open(10_001, 2));
  }

  @Test
  void theFirstLineWithACarriageReturnInsideQuotesIsFound() throws Exception {
    // Lines 2-3: a quoted LF (not a CR); line 4 ends with CR LF, outside quotes; line 5's quoted
    // field holds a CR (its "b" is on line 6), then line 7's holds CR LF: the first is line 5.
    String csv = "h,n\n1,\"a\nb\"\n2,x\r\n3,\"a\rb\"\n4,\"c\r\nd\"\n";
    try (InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))) {
      assertThat(UnclosedQuote.scan(in, (byte) ',')).isEqualTo(new UnclosedQuote.Found(null, 5));
    }
    // None: CRs end lines only; a CR in an unquoted field ends its line.
    try (InputStream in =
        new ByteArrayInputStream(
            "h,n\r\n1,\"a\nb\"\r\n2,x\ry\r\n".getBytes(StandardCharsets.UTF_8))) {
      assertThat(UnclosedQuote.scan(in, (byte) ',').quotedCarriageReturn()).isZero();
    }
  }
}
