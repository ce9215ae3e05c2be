package dev.journeykpi.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * Whether PostgreSQL's COPY reads a CSV file's lines as kpi's importer does, found in one streaming
 * pass over its bytes. The postgres dialect loads a file one physical line a row ({@code FORMAT
 * csv} with U+0001 as delimiter and U+0002 as quote, PostgresCsv) and joins and splits the lines in
 * SQL. That is the importer's reading unless the file holds what COPY refuses or reads otherwise:
 *
 * <ul>
 *   <li>a NUL byte: no PostgreSQL text holds one ("invalid byte sequence … 0x00"), and the importer
 *       removes it from its cell and counts the cell ("control characters removed");
 *   <li>a byte 0x01 or 0x02: COPY's own delimiter and quote would split or unquote the line;
 *   <li>line ends of more than one kind: COPY takes the first line's (LF, CRLF or CR) and stops on
 *       any other ("unquoted carriage return found in data"), where the importer ends a line at
 *       each of them and keeps a CR inside quotes in its cell;
 *   <li>in a file whose lines end with CR LF or CR, a line whose quotes do not balance: the SQL
 *       joins such lines with LF, where the importer keeps the file's own line break in the cell;
 *   <li>a line that is {@code \.} alone: COPY's end of data;
 *   <li>bytes that are not UTF-8: COPY stops ("invalid byte sequence for encoding UTF8").
 * </ul>
 *
 * <p>Such a file is read by kpi's importer instead, its typed rows streamed to the server (as for a
 * pattern of files: ImportedSources, PgCopyText), so its rows and its quality report are the
 * default engine's. Measured on bench-data/tickets-1m.csv in docs/engines.md.
 */
final class PgCopyLines {
  private PgCopyLines() {}

  private static final int LF = 1;
  private static final int CRLF = 2;
  private static final int CR = 3;

  /**
   * Why COPY would not read the file's lines as the importer does (naming the first line that shows
   * it, counted as the importer counts lines: CR, LF and CR LF each end one), or null when it reads
   * them so.
   */
  static String whyNot(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    Scan s = new Scan();
    int n;
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        String why = s.next(buf[i]);
        if (why != null) return why;
      }
    }
    return s.end();
  }

  /** The pass's state between bytes (a CR or a UTF-8 character may end a buffer). */
  private static final class Scan {
    long line = 1;
    int ends; // the kind of the first line end: LF, CRLF or CR; 0 before it
    boolean afterCr;
    boolean oddQuotes;
    int lineLength;
    boolean dotLine = true; // the line so far is a prefix of "\."
    int more; // continuation bytes still due in the UTF-8 character
    int lo = 0x80; // the range of the next continuation byte
    int hi = 0xBF;

    String next(byte b) {
      int c = b & 0xFF;
      if (afterCr) {
        afterCr = false;
        if (c == '\n') return lineEnd(CRLF);
        String why = lineEnd(CR);
        if (why != null) return why;
      }
      if (c == '\r') {
        afterCr = true;
        return null;
      }
      if (c == '\n') return lineEnd(LF);
      lineLength++;
      if (dotLine) dotLine = lineLength == 1 ? c == '\\' : lineLength == 2 && c == '.';
      if (more > 0) {
        if (c < lo || c > hi) return notUtf8();
        more--;
        lo = 0x80;
        hi = 0xBF;
        return null;
      }
      if (c < 0x80) {
        if (c == 0) return "line " + line + " holds a NUL byte";
        if (c <= 2) return "line " + line + " holds the control byte 0x0" + c;
        if (c == '"') oddQuotes = !oddQuotes;
        return null;
      }
      // The lead byte: how many continuation bytes follow, and the first one's range (Unicode's
      // table of well-formed UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF).
      if (c >= 0xC2 && c <= 0xDF) more = 1;
      else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      } else return notUtf8();
      return null;
    }

    private String lineEnd(int kind) {
      if (more > 0) return notUtf8();
      if (ends == 0) ends = kind;
      else if (kind != ends)
        return "line " + line + " ends with " + name(kind) + ", line 1 with " + name(ends);
      if (kind != LF && oddQuotes)
        return "line "
            + line
            + " ends inside quotes, and the file's lines end with "
            + name(kind)
            + " (COPY would keep LF only)";
      String why = dotLine && lineLength == 2 ? "line " + line + " is \\. (COPY's end)" : null;
      line++;
      oddQuotes = false;
      lineLength = 0;
      dotLine = true;
      return why;
    }

    String end() {
      if (afterCr) {
        afterCr = false;
        return lineEnd(CR);
      }
      if (more > 0) return notUtf8();
      if (dotLine && lineLength == 2) return "line " + line + " is \\. (COPY's end)";
      return null;
    }

    private String notUtf8() {
      return "line " + line + " holds bytes that are not UTF-8";
    }

    private static String name(int kind) {
      return kind == LF ? "LF" : kind == CRLF ? "CR LF" : "CR";
    }
  }
}
