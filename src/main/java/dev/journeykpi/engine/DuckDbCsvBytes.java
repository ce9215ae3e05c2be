package dev.journeykpi.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * Whether DuckDB's {@code read_csv} (as DuckDbCsv sets it up) reads a CSV file's records as kpi's
 * importer does, found in one streaming pass over its bytes. It does unless the file holds one of
 * these, on which its reader stops where the importer reads on (each tried on DuckDB 1.x; before
 * session 14 the run stopped, exit 3):
 *
 * <ul>
 *   <li>bytes that are not UTF-8, in any column (DuckDB refuses the row; the importer blanks the
 *       cell and counts it, "not valid UTF-8");
 *   <li>a quote left open at the end of the file (DuckDB: "Value with unterminated quote"; the
 *       importer rejects that row and reads the lines after it as rows);
 *   <li>text after a quoted field's closing quote, before the delimiter ({@code "Be"ta}: DuckDB
 *       stops, the importer keeps {@code Beta});
 *   <li>line ends of more than one kind (LF, CR LF, CR) outside quotes: DuckDB takes one kind and
 *       stops on another ("the CSV Parser state machine reached an invalid state"), the importer
 *       ends a line at each.
 * </ul>
 *
 * <p>Such a file is read by kpi's importer instead, its typed rows appended to a DuckDB table (as
 * for a pattern of files), so its rows and quality report are the default engine's. Quotes are
 * followed as the importer's splitter follows them: a quote opens a field only at the field's start
 * (elsewhere it is text, as DuckDB reads it too); inside quotes {@code ""} is a quote.
 */
final class DuckDbCsvBytes {
  private DuckDbCsvBytes() {}

  /** The states of a field: at its start, unquoted, inside quotes, just after a quote inside. */
  private static final int START = 0;

  private static final int PLAIN = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_SEEN = 3;

  private static final int LF = 1;
  private static final int CRLF = 2;
  private static final int CR = 3;

  /**
   * Why DuckDB's reader would not read the file as the importer does, naming the first line that
   * shows it (lines counted as the importer counts them: CR, LF and CR LF each end one), or null.
   */
  static String whyNot(InputStream in, char delimiter) throws IOException {
    byte[] buf = new byte[1 << 16];
    int delim = delimiter;
    long line = 1;
    long opened = 0; // the line of the last quote that opened a field
    int state = START;
    int ends = 0; // the kind of the first line end outside quotes
    boolean afterCr = false;
    int more = 0; // continuation bytes still due in a UTF-8 character
    int lo = 0x80;
    int hi = 0xBF;
    int n;
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        int c = buf[i] & 0xFF;
        // UTF-8, byte by byte (Unicode's table of well-formed sequences, as PgCopyLines).
        if (more > 0) {
          if (c < lo || c > hi) return notUtf8(line);
          more--;
          lo = 0x80;
          hi = 0xBF;
          continue; // a continuation byte is text, in whatever state the field is
        }
        if (c >= 0x80) {
          if (c >= 0xC2 && c <= 0xDF) more = 1;
          else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
          } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
          } else return notUtf8(line);
        }
        if (afterCr) {
          afterCr = false;
          if (c == '\n') {
            // The CR LF of a line end outside quotes.
            if (state != QUOTED) {
              String why = lineEnd(line, ends, CRLF);
              if (why != null) return why;
              if (ends == 0) ends = CRLF;
              line++;
              state = START;
            } else line++;
            continue;
          }
          if (state != QUOTED) {
            String why = lineEnd(line, ends, CR);
            if (why != null) return why;
            if (ends == 0) ends = CR;
            state = START;
          }
          line++;
        }
        if (c == '\r') {
          // Whether it is CR or CR LF is known at the next byte; inside quotes it is text.
          if (state == QUOTE_SEEN) state = START;
          afterCr = true;
          continue;
        }
        if (c == '\n') {
          if (state != QUOTED) {
            String why = lineEnd(line, ends, LF);
            if (why != null) return why;
            if (ends == 0) ends = LF;
            state = START;
          }
          line++;
          continue;
        }
        switch (state) {
          case START -> {
            if (c == '"') {
              state = QUOTED;
              opened = line;
            } else if (c != delim) state = PLAIN;
          }
          case PLAIN -> {
            if (c == delim) state = START;
          }
          case QUOTED -> {
            if (c == '"') state = QUOTE_SEEN;
          }
          default -> { // QUOTE_SEEN: a doubled quote, the field's end, or text after it
            if (c == '"') state = QUOTED;
            else if (c == delim) state = START;
            else return "line " + line + " has text after a closing quote";
          }
        }
      }
    }
    if (more > 0) return notUtf8(line);
    if (afterCr && state != QUOTED) {
      String why = lineEnd(line, ends, CR);
      if (why != null) return why;
    }
    if (state == QUOTED) return "line " + opened + " opens a quote that the file never closes";
    return null;
  }

  private static String lineEnd(long line, int ends, int kind) {
    if (ends == 0 || ends == kind) return null;
    return "line " + line + " ends with " + name(kind) + ", the lines before with " + name(ends);
  }

  private static String notUtf8(long line) {
    return "line " + line + " holds bytes that are not UTF-8";
  }

  private static String name(int kind) {
    return kind == LF ? "LF" : kind == CRLF ? "CR LF" : "CR";
  }
}
