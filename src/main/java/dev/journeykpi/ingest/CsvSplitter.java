package dev.journeykpi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a CSV file whose delimiter, quote and line breaks are single bytes (UTF-8, ASCII,
 * ISO-8859-1) into {@link RecordBatch}es, with FastCSV's rules: RFC 4180 quoting ({@code ""} inside
 * quotes is one quote), a quote only opens a field at its start, text after a closing quote is
 * kept, CR, LF and CRLF end lines, empty lines are skipped, and each record remembers the line it
 * starts on.
 *
 * <p>Why not FastCSV itself, which {@code kpi inspect} and non-UTF-8 imports still use: measured on
 * the benchmark file (scripts/bench.sh, 146 MB), FastCSV's callback path (decode to chars, hand
 * over each field, copy it into the batch) took about 1 s of a core; this splitter finds field ends
 * eight bytes at a time and leaves fields where they lie in its buffer (only quoted fields with
 * escaped quotes are rewritten, in place). {@code CsvSplitterTest} checks it against FastCSV on
 * files full of quoting corner cases.
 */
final class CsvSplitter {
  private static final long ONES = ByteWords.ONES;
  private static final long LFS = ONES * '\n';
  private static final long CRS = ONES * '\r';
  private static final long QUOTES = ONES * '"';
  private static final byte QUOTE = '"';

  private final InputStream in;
  private final byte delimiter;
  private final long delimiters;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private boolean unclosedQuote;

  /**
   * Whether an unterminated quote is cut short ({@link #brokenQuote}) rather than read to the end
   * of the input as FastCSV does; tests comparing the two turn it off.
   */
  boolean recoverQuotes = true;

  /**
   * A quoted field holding more line breaks than this is noted on its record ({@link
   * RecordBatch#note}), so that a record rejected for its number of fields says where the field
   * opened: a stray quote closed by another far below makes one such field of every row between
   * them. It is still read as one field, as RFC 4180 says: a cell of a thousand lines is
   * implausible in an export (Excel's own cells hold 32,767 characters), not invalid.
   */
  static final int LONG_QUOTED_LINES = 1_000;

  private static final int BROKEN = -2;
  // The unterminated quote being cut short (the input ended inside it): where it is, the line it is
  // on, and the line breaks read after it.
  private int brokenAt;
  private long brokenLine;
  private long brokenLines;
  private long brokenQuotes;

  /**
   * Where the record being split starts (a line's start): columns are counted from the line starts
   * after it.
   */
  private int recordStart;

  // Quoted fields whose text must be rewritten (an escaped quote, or text after the closing quote):
  // the batch field index and the byte range from after the opening quote to the field's end.
  private int[] rewrite = new int[48];
  private int rewrites;

  /**
   * @param shared whether batches may point into this splitter's buffer, which the next {@link
   *     #fill} overwrites: for a caller that types each batch before asking for the next; otherwise
   *     each batch gets a copy of its bytes
   */
  CsvSplitter(InputStream in, char delimiter, boolean shared) {
    this(in, delimiter, 1 << 20, shared);
  }

  /**
   * With a first buffer of {@code bufferSize} bytes (tests use tiny ones to cross buffer ends
   * everywhere).
   */
  CsvSplitter(InputStream in, char delimiter, int bufferSize, boolean shared) {
    this.buf = new byte[bufferSize];
    if (delimiter > 0x7f)
      throw new IllegalArgumentException("delimiter must be ASCII: " + delimiter);
    this.in = in;
    this.delimiter = (byte) delimiter;
    this.delimiters = ONES * delimiter;
    this.shared = shared;
  }

  private final boolean shared;

  /**
   * Fills an empty batch with up to {@link RecordBatch#RECORDS} records; false when the input has
   * no more.
   */
  boolean fill(RecordBatch b) throws IOException {
    rewrites = 0;
    int base = pos;
    while (!b.isFull() && !(eof && pos >= limit)) {
      int fieldsBefore = b.fields;
      long lineBefore = line;
      int end = record(b, pos);
      if (end >= 0) {
        pos = end;
        continue;
      }
      if (end == BROKEN) {
        b.fields = fieldsBefore;
        while (rewrites > 0 && rewrite[3 * (rewrites - 1)] >= fieldsBefore) rewrites--;
        pos = brokenRecord(b, pos, lineBefore);
        continue;
      }
      // The record runs past the bytes read so far: undo it, and read on.
      b.fields = fieldsBefore;
      line = lineBefore;
      while (rewrites > 0 && rewrite[3 * (rewrites - 1)] >= fieldsBefore) rewrites--;
      if (b.records > 0)
        break; // hand over what is complete; the next batch starts with this record
      refill();
      base = pos;
    }
    if (b.records == 0) return false;
    unquote(b);
    if (shared) {
      b.bytes = buf;
    } else {
      if (b.bytes.length < pos) b.bytes = new byte[Math.max(pos, buf.length)];
      System.arraycopy(buf, base, b.bytes, base, pos - base);
    }
    b.used = pos - base;
    return true;
  }

  /**
   * Adds the record starting at {@code start} whose quote at {@link #brokenAt} is unterminated as a
   * record of one field, its raw text up to the end of the quote's line, with the problem that
   * rejects it; returns where the next line starts: the lines after the quote's are read again as
   * rows, the quote taken for a stray one.
   */
  private int brokenRecord(RecordBatch b, int start, long startLine) {
    byte[] a = buf;
    int q = brokenAt;
    int column = column(start, q);
    int eol = q + 1;
    while (eol < limit && a[eol] != '\n' && a[eol] != '\r') eol++;
    int next = eol < limit ? lineEnd(eol) : limit;
    if (next < 0)
      next = eol + 1; // a CR ending what was read: what follows is read as the next line
    // The lines it spans: its own and one per line break after it, but for a break that ends the
    // file.
    long span = brokenLines + (a[limit - 1] == '\n' || a[limit - 1] == '\r' ? 0 : 1);
    b.beginRecord(startLine);
    b.problem[b.records] =
        "unterminated quote opened at line "
            + brokenLine
            + ", column "
            + column
            + ": "
            + "its field would run "
            + span
            + " lines to the end of the file; the lines after it are read as rows";
    b.addFieldAt(start, Math.min(eol, start + 4 * RecordTyper.SHOWN) - start);
    b.endRecord();
    line = brokenLine + 1;
    brokenQuotes++;
    return next;
  }

  /**
   * The column of the byte at {@code q}, in characters from its line's start (not before {@code
   * start}).
   */
  private int column(int start, int q) {
    byte[] a = buf;
    int lineStart = q;
    while (lineStart > start && a[lineStart - 1] != '\n' && a[lineStart - 1] != '\r') lineStart--;
    int column = 1;
    for (int i = lineStart; i < q; i++) {
      if ((a[i] & 0xc0) != 0x80) column++; // a character, not the continuation of one (UTF-8)
    }
    return column;
  }

  /** How many unterminated quotes were cut short ({@link #brokenRecord}). */
  long brokenQuotes() {
    return brokenQuotes;
  }

  /** Line breaks read so far, those inside quoted fields included. */
  long linesRead() {
    return line - 1;
  }

  /**
   * True when the input ended inside a quoted field (for a part of a file: the part was not cut
   * between records).
   */
  boolean endedInsideQuotes() {
    return unclosedQuote;
  }

  /**
   * Splits the record starting at {@code p} into the batch, field offsets into the buffer; returns
   * where the next record starts, or -1 when the record is not complete in the bytes read. An empty
   * line adds no record.
   */
  private int record(RecordBatch b, int p) {
    byte[] a = buf;
    int lim = limit;
    if (p >= lim) return -1;
    if (a[p] == '\n' || a[p] == '\r') { // an empty line
      int next = lineEnd(p);
      if (next < 0) return -1;
      line++;
      return next;
    }
    b.beginRecord(line);
    recordStart = p;
    while (true) {
      int end;
      if (a[p] == QUOTE) {
        end = quoted(b, p);
        if (end < 0) return end; // -1, or BROKEN
      } else {
        end = unquotedEnd(p);
        if (end < 0) return -1;
        b.addFieldAt(p, end - p);
      }
      if (end == lim) { // the last record of a file without a final line break
        b.endRecord();
        return lim;
      }
      if (a[end] == delimiter) {
        p = end + 1;
        if (p == lim) {
          if (!eof) return -1;
          b.addFieldAt(p, 0);
          b.endRecord();
          return lim;
        }
        continue;
      }
      int next = lineEnd(end);
      if (next < 0) return -1;
      line++;
      b.endRecord();
      return next;
    }
  }

  /**
   * After the line break at {@code p} (CR, LF or CRLF): where the next line starts, or -1 when it
   * cannot tell yet.
   */
  private int lineEnd(int p) {
    if (buf[p] == '\n') return p + 1;
    if (p + 1 < limit) return buf[p + 1] == '\n' ? p + 2 : p + 1;
    return eof ? p + 1 : -1;
  }

  /**
   * The end of an unquoted field starting at {@code p}: its delimiter or line break, the end of
   * input, or -1.
   */
  private int unquotedEnd(int p) {
    int i = next(p, delimiters, LFS, CRS);
    return i < limit || eof ? i : -1;
  }

  /**
   * A field starting with a quote at {@code p}: adds it and returns where it ends (the delimiter or
   * line break after it, or the end of input), or -1 when that is not yet read. Inside quotes
   * {@code ""} is one quote and a single quote closes; after the closing quote text is kept up to
   * the delimiter, and a quote there is kept and opens quotes again (FastCSV's reading of such
   * malformed fields).
   */
  private int quoted(RecordBatch b, int p) {
    byte[] a = buf;
    int lim = limit;
    int i = p + 1;
    long lines = 0;
    boolean inQuotes = true;
    int closes = 0;
    boolean plain = true; // one closing quote right before the end, nothing to rewrite
    int end;
    while (true) {
      if (inQuotes) {
        i = next(i, QUOTES, LFS, CRS);
        if (i >= lim) {
          if (!eof) return -1;
          unclosedQuote = true;
          if (recoverQuotes) return broken(p, lines);
          end = lim; // never closed: the field runs to the end of input
          break;
        }
        byte c = a[i];
        if (c == '\n') {
          lines++;
          i++;
        } else if (c == '\r') {
          if (i + 1 >= lim && !eof) return -1;
          if (i + 1 >= lim || a[i + 1] != '\n') lines++;
          i++;
        } else if (i + 1 >= lim && !eof) {
          return -1; // is this quote doubled? not known yet
        } else if (i + 1 < lim && a[i + 1] == QUOTE) {
          plain = false;
          i += 2;
        } else {
          inQuotes = false;
          closes++;
          i++;
        }
      } else {
        int stop = next(i, QUOTES, delimiters, LFS, CRS);
        if (stop >= lim && !eof) return -1;
        if (stop > i) plain = false;
        if (stop < lim && a[stop] == QUOTE) {
          plain = false;
          inQuotes = true;
          i = stop + 1;
          continue;
        }
        end = Math.min(stop, lim);
        break;
      }
    }
    if (lines > LONG_QUOTED_LINES && b.note[b.records] == null) {
      // Its line breaks and the line it opens on: the lines it spans.
      b.note[b.records] =
          "a quoted field opened at line "
              + line
              + ", column "
              + column(recordStart, p)
              + " runs "
              + (lines + 1)
              + " lines (a stray quote?)";
    }
    line += lines;
    if (plain && closes <= 1) {
      b.addFieldAt(p + 1, end - p - 1 - closes);
    } else {
      if (3 * rewrites == rewrite.length) rewrite = Arrays.copyOf(rewrite, rewrite.length * 2);
      rewrite[3 * rewrites] = b.fields;
      rewrite[3 * rewrites + 1] = p + 1;
      rewrite[3 * rewrites + 2] = end;
      rewrites++;
      b.addFieldAt(p + 1, end - p - 1); // the raw text; unquote() rewrites it
    }
    return end;
  }

  /** Notes the unterminated quote at {@code p} (on the current line) for {@link #brokenRecord}. */
  private int broken(int p, long lines) {
    brokenAt = p;
    brokenLine = line;
    brokenLines = lines;
    return BROKEN;
  }

  /**
   * The first byte at or after {@code i} equal to one of three repeated bytes, or {@code limit}.
   */
  private int next(int i, long x, long y, long z) {
    byte[] a = buf;
    int lim = limit;
    while (i + 8 <= lim) {
      long w = ByteWords.word(a, i);
      long hit = ByteWords.match(w, x) | ByteWords.match(w, y) | ByteWords.match(w, z);
      if (hit != 0) return i + ByteWords.firstByte(hit);
      i += 8;
    }
    byte bx = (byte) x;
    byte by = (byte) y;
    byte bz = (byte) z;
    while (i < lim && a[i] != bx && a[i] != by && a[i] != bz) i++;
    return i;
  }

  /** As above, for four bytes. */
  private int next(int i, long x, long y, long z, long v) {
    byte[] a = buf;
    int lim = limit;
    while (i + 8 <= lim) {
      long w = ByteWords.word(a, i);
      long hit =
          ByteWords.match(w, x)
              | ByteWords.match(w, y)
              | ByteWords.match(w, z)
              | ByteWords.match(w, v);
      if (hit != 0) return i + ByteWords.firstByte(hit);
      i += 8;
    }
    byte bx = (byte) x;
    byte by = (byte) y;
    byte bz = (byte) z;
    byte bv = (byte) v;
    while (i < lim && a[i] != bx && a[i] != by && a[i] != bz && a[i] != bv) i++;
    return i;
  }

  /**
   * Moves the unread bytes to the front of the buffer, growing it for a record longer than the
   * buffer, and reads.
   */
  private void refill() throws IOException {
    int rest = limit - pos;
    if (rest == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    System.arraycopy(buf, pos, buf, 0, rest);
    pos = 0;
    limit = rest;
    while (limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        break;
      }
      limit += n;
    }
  }

  /**
   * Rewrites, in the buffer, the quoted fields that need it (an escaped quote, text after the
   * closing quote): each only shrinks within its own bytes, which no later record reads.
   */
  private void unquote(RecordBatch b) {
    byte[] c = buf;
    for (int k = 0; k < rewrites; k++) {
      int field = rewrite[3 * k];
      int start = rewrite[3 * k + 1];
      int end = rewrite[3 * k + 2];
      int out = start;
      boolean inQuotes = true;
      for (int j = start; j < end; j++) {
        byte ch = c[j];
        if (ch == QUOTE) {
          if (!inQuotes) {
            c[out++] = QUOTE; // a quote after the closing one is kept, and opens quotes again
            inQuotes = true;
          } else if (j + 1 < end && c[j + 1] == QUOTE) {
            c[out++] = QUOTE;
            j++;
          } else {
            inQuotes = false;
          }
          continue;
        }
        c[out++] = ch;
      }
      b.fieldStart[field] = start;
      b.fieldLen[field] = out - start;
    }
  }
}
