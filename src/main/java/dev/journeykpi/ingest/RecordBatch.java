package dev.journeykpi.ingest;

import java.util.Arrays;

/**
 * A block of CSV records: where each field's bytes lie in {@link #bytes}. A file read in halves
 * types each batch before splitting the next, so its batches point into the splitter's own buffer;
 * a file read by a splitting thread and a typing thread gets the bytes copied, since the splitter
 * reads on meanwhile.
 */
final class RecordBatch {
  static final int RECORDS = 512;

  /** The bytes the fields lie in: UTF-8, or ISO-8859-1 for such files (see ByteSlice). */
  byte[] bytes = new byte[RECORDS * 64];

  int used;
  int[] fieldStart = new int[RECORDS * 16];
  int[] fieldLen = new int[RECORDS * 16];
  int fields;
  final int[] firstField = new int[RECORDS];
  final int[] fieldCount = new int[RECORDS];
  final long[] line = new long[RECORDS];

  /**
   * Why a record cannot be used, set by the splitter for a row it had to cut short (an unterminated
   * quote); null for every other record. The record's one field is then its raw text.
   */
  final String[] problem = new String[RECORDS];

  /**
   * Where a quoted field of more than {@link CsvSplitter#LONG_QUOTED_LINES} line breaks opened and
   * how many lines it spans, for the reason of a record rejected for its number of fields; null for
   * every other record.
   */
  final String[] note = new String[RECORDS];

  int records;

  /** Set on the last batch of a file; {@code failure} when the parser stopped on an error. */
  boolean last;

  Throwable failure;

  void clear() {
    used = 0;
    fields = 0;
    records = 0;
    last = false;
    failure = null;
  }

  boolean isFull() {
    return records == RECORDS;
  }

  void beginRecord(long lineNumber) {
    line[records] = lineNumber;
    problem[records] = null;
    note[records] = null;
    firstField[records] = fields;
    fieldCount[records] = 0;
  }

  /** A field decoded by FastCSV (files in other encodings), stored as UTF-8. */
  void addField(char[] b, int off, int len) {
    if (used + 3 * len > bytes.length)
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + 3 * len));
    int start = used;
    for (int i = off, end = off + len; i < end; i++) {
      char c = b[i];
      if (c < 0x80) {
        bytes[used++] = (byte) c;
      } else {
        // Rare in these files' fields once decoded: encode the rest of the field the standard way.
        byte[] rest = new String(b, i, end - i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (used + rest.length > bytes.length)
          bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + rest.length));
        System.arraycopy(rest, 0, bytes, used, rest.length);
        used += rest.length;
        break;
      }
    }
    addFieldAt(start, used - start);
  }

  /** A field already in {@link #bytes}. */
  void addFieldAt(int start, int len) {
    if (fields == fieldStart.length) {
      fieldStart = Arrays.copyOf(fieldStart, fields * 2);
      fieldLen = Arrays.copyOf(fieldLen, fields * 2);
    }
    fieldStart[fields] = start;
    fieldLen[fields] = len;
    fields++;
    fieldCount[records]++;
  }

  void endRecord() {
    records++;
  }
}
