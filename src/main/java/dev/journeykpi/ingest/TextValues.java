package dev.journeykpi.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct values of an imported text column, numbered 0, 1, 2 … (0 the blank), kept as their
 * UTF-8 bytes end to end in one array with an offset per value: a String is made only when a value
 * is read. A String per value cost about 56 bytes for an 11-byte ticket id (its object, its byte
 * array and their headers), so a column of 10,000,000 distinct ids held 560 MB of Strings; here it
 * is the 11 bytes and a 4-byte offset.
 *
 * <p>A value is found by its text ({@link #find}) through an open-addressing table of ints over a
 * hash of the bytes, built on the first lookup, once: 4 bytes per slot where a {@code
 * HashMap<String, Integer>} held an entry object, a boxed Integer and the String per value.
 *
 * <p>Filled by one thread (the import), then read by many (the KPIs run on both cores): the arrays
 * are not changed once the column is made, and the lookup table and the Strings read from a small
 * dictionary are published safely (a volatile field, Strings' final fields).
 */
final class TextValues {
  /**
   * Dictionaries of up to this many values keep each value's String once read (a team, a channel, a
   * status: read per row by some measurers); larger ones (ids) make it anew on each read.
   */
  private static final int CACHED = 1 << 16;

  private byte[] bytes;
  private int used;
  private int[] starts; // value k is bytes[starts[k], starts[k + 1])
  private int count;
  private volatile int[] index; // code + 1 by hash of the bytes, 0 empty
  private volatile String[] strings; // the Strings read, when count <= CACHED

  TextValues() {
    bytes = new byte[1 << 10];
    starts = new int[257];
  }

  /** Values read back whole (the import cache): {@code starts} has {@code count + 1} entries. */
  TextValues(byte[] bytes, int[] starts, int count) {
    this.bytes = bytes;
    this.starts = starts;
    this.count = count;
    this.used = starts[count];
  }

  /** Adds a value by its UTF-8 bytes and returns its number. */
  int add(byte[] buf, int off, int len) {
    if (count + 2 > starts.length) starts = Arrays.copyOf(starts, grown(starts.length, count + 2));
    if (used + len > bytes.length || used + len < 0) {
      if ((long) used + len > Integer.MAX_VALUE - 16)
        throw new IllegalStateException("a text column's distinct values exceed 2 GB");
      bytes = Arrays.copyOf(bytes, grown(bytes.length, used + len));
    }
    System.arraycopy(buf, off, bytes, used, len);
    used += len;
    starts[++count] = used;
    return count - 1;
  }

  /** Adds a value by its text. */
  int add(String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    return add(b, 0, b.length);
  }

  /** Grows by half (not double): the slack of a doubled 100 MB array is itself 100 MB. */
  private static int grown(int length, int needed) {
    long n = Math.max((long) needed, length + (length >> 1) + 16);
    return (int) Math.min(n, Integer.MAX_VALUE - 16);
  }

  /** Frees the slack of the arrays once the import is over (a copy, only when it is a tenth). */
  void trim() {
    if (bytes.length - used > used / 10 + 64) bytes = Arrays.copyOf(bytes, used);
    if (starts.length - (count + 1) > count / 10 + 16) starts = Arrays.copyOf(starts, count + 1);
  }

  int size() {
    return count;
  }

  /** The text of value {@code k}. */
  String get(int k) {
    String[] cache = strings;
    if ((cache == null || cache.length < count) && count <= CACHED) {
      synchronized (this) {
        cache = strings;
        if (cache == null || cache.length < count)
          strings = cache = cache == null ? new String[count] : Arrays.copyOf(cache, count);
      }
    }
    if (cache != null && k < cache.length) {
      String s = cache[k];
      if (s == null) cache[k] = s = decode(k);
      return s;
    }
    return decode(k);
  }

  private String decode(int k) {
    int from = starts[k];
    return new String(bytes, from, starts[k + 1] - from, StandardCharsets.UTF_8);
  }

  int start(int k) {
    return starts[k];
  }

  int length(int k) {
    return starts[k + 1] - starts[k];
  }

  /** The array the values' bytes are in (read only). */
  byte[] bytes() {
    return bytes;
  }

  /** The offsets, {@code size() + 1} of them (read only). */
  int[] starts() {
    return starts;
  }

  /** Whether value {@code k} has only ASCII bytes. */
  boolean ascii(int k) {
    for (int i = starts[k], e = starts[k + 1]; i < e; i++) {
      if (bytes[i] < 0) return false;
    }
    return true;
  }

  /**
   * Whether value {@code k} is empty or white space only ({@link String#isBlank}), read from its
   * bytes: an ASCII value is decided by its first bytes, others are decoded.
   */
  boolean isBlank(int k) {
    for (int i = starts[k], e = starts[k + 1]; i < e; i++) {
      int b = bytes[i];
      if (b < 0) return decode(k).isBlank();
      if (!Character.isWhitespace(b)) return false;
    }
    return true;
  }

  /** Whether value {@code k}'s bytes are {@code buf[off, off + len)}. */
  boolean same(int k, byte[] buf, int off, int len) {
    int from = starts[k];
    if (starts[k + 1] - from != len) return false;
    byte[] b = bytes;
    for (int i = 0; i < len; i++) {
      if (b[from + i] != buf[off + i]) return false;
    }
    return true;
  }

  static int hash(byte[] buf, int off, int len) {
    int h = 0;
    for (int i = off, e = off + len; i < e; i++) h = 31 * h + (buf[i] & 0xff);
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  /** The number of the value whose text is {@code value}, or -1. */
  int find(String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    int[] t = index();
    int mask = t.length - 1;
    for (int s = hash(b, 0, b.length) & mask; ; s = (s + 1) & mask) {
      int e = t[s];
      if (e == 0) return -1;
      if (same(e - 1, b, 0, b.length)) return e - 1;
    }
  }

  private int[] index() {
    int[] t = index;
    if (t == null) {
      synchronized (this) {
        t = index;
        if (t == null) {
          t = new int[Integer.highestOneBit(Math.max(2, count) * 2 - 1) * 2];
          int mask = t.length - 1;
          for (int k = 0; k < count; k++) {
            int from = starts[k];
            int s = hash(bytes, from, starts[k + 1] - from) & mask;
            while (t[s] != 0) s = (s + 1) & mask;
            t[s] = k + 1;
          }
          index = t;
        }
      }
    }
    return t;
  }
}
