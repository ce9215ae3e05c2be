package dev.journeykpi.ingest;

import java.util.Arrays;

/**
 * A block of CSV records copied out of the parser's buffer: the parsing thread fills one while the importing thread
 * types the previous one, so the two halves of an import run on both cores.
 */
final class RecordBatch {
  static final int RECORDS = 512;

  char[] chars = new char[RECORDS * 64];
  int used;
  int[] fieldStart = new int[RECORDS * 16];
  int[] fieldLen = new int[RECORDS * 16];
  int fields;
  final int[] firstField = new int[RECORDS];
  final int[] fieldCount = new int[RECORDS];
  final long[] line = new long[RECORDS];
  int records;
  /** Set on the last batch of a file; {@code failure} when the parser stopped on an error. */
  boolean last;
  RuntimeException failure;

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
    firstField[records] = fields;
    fieldCount[records] = 0;
  }

  /** A field copied in from a parser's buffer (FastCSV's callback). */
  void addField(char[] b, int off, int len) {
    if (used + len > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
    System.arraycopy(b, off, chars, used, len);
    addFieldAt(used, len);
    used += len;
  }

  /** A field already in {@link #chars} (the splitter widens the batch's bytes there). */
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
