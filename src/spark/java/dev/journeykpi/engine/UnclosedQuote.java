package dev.journeykpi.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a CSV file ends inside quotes: the quote left open, found in one streaming pass over its
 * bytes with the default engine's quoting rules (CsvSplitter): a quote opens a field only at its
 * start, inside quotes {@code ""} is one quote and a single quote closes, after the closing quote a
 * quote opens quotes again up to the delimiter, and CR, LF and CRLF end lines.
 *
 * <p>Why: Spark's CSV reader ({@code multiLine}) reads everything after a quote that is never
 * closed into that field. Opened in a record's last field, the record still has the header's width,
 * so Spark keeps it and the rows after it are lost without a word; the default engine ends the
 * field at its line and reads on, and DuckDB's reader stops. So {@code --engine spark} looks for
 * such a quote on the driver before Spark reads the file (SparkBackend#checkCsv), and stops.
 *
 * <p>Only quotes, delimiters and line breaks change the state, so the loop is a byte comparison or
 * two per byte: measured on bench-data/tickets-1m.csv (152 MB) in docs/engines.md.
 */
final class UnclosedQuote {
  private UnclosedQuote() {}

  /**
   * A quote open at the end of the file: the line (from 1) of the quote that opened its field, and
   * the field's place in its record (from 1).
   */
  record Open(long line, int field) {}

  /**
   * The quote the file ends inside, or null when every quote is closed. {@code delimiter} is the
   * file's (an ASCII byte); a UTF-8 byte-order mark at the start is skipped.
   */
  static Open find(InputStream in, byte delimiter) throws IOException {
    return scan(in, delimiter).open();
  }

  /**
   * What one pass finds: the quote the file ends inside (or null), and the first line on which a
   * quoted field holds a carriage return (0 for none). Spark's reader turns such a CR, or CR LF,
   * into a line feed (its parser's normalising of line ends inside quotes, on with {@code
   * multiLine} and no {@code lineSep}), where the default engine keeps the cell's bytes.
   */
  record Found(Open open, long quotedCarriageReturn) {}

  static Found scan(InputStream in, byte delimiter) throws IOException {
    byte[] buf = new byte[1 << 16];
    long line = 1;
    int field = 1;
    boolean atFieldStart = true;
    boolean quotedField = false; // the field began with a quote: a quote after it reopens quotes
    boolean inQuotes = false;
    boolean afterCr = false;
    long openLine = 0;
    int openField = 0;
    long quotedCr = 0;
    boolean first = true;
    int n;
    while ((n = in.read(buf)) > 0) {
      int i = 0;
      if (first) {
        first = false;
        if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF)
          i = 3;
      }
      for (; i < n; i++) {
        byte c = buf[i];
        if (c == '\n') {
          if (!afterCr) line++;
          afterCr = false;
          if (!inQuotes) {
            field = 1;
            atFieldStart = true;
            quotedField = false;
          }
          continue;
        }
        if (c == '\r') {
          if (inQuotes && quotedCr == 0) quotedCr = line;
          line++;
          afterCr = true;
          if (!inQuotes) {
            field = 1;
            atFieldStart = true;
            quotedField = false;
          }
          continue;
        }
        afterCr = false;
        if (inQuotes) {
          // A closing quote, or the first of "": a quote right after it opens quotes again,
          // which reads "" as one quote.
          if (c == '"') inQuotes = false;
        } else if (c == delimiter) {
          field++;
          atFieldStart = true;
          quotedField = false;
        } else if (c == '"' && (atFieldStart || quotedField)) {
          if (atFieldStart) { // the field's opening quote: named as the default engine names it
            openLine = line;
            openField = field;
          }
          inQuotes = true;
          quotedField = true;
          atFieldStart = false;
        } else {
          atFieldStart = false; // a quote inside an unquoted field is a character of it
        }
      }
    }
    return new Found(inQuotes ? new Open(openLine, openField) : null, quotedCr);
  }
}
