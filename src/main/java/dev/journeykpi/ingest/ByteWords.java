package dev.journeykpi.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time: a byte array read as little-endian {@code long}s, and bytes of a word
 * compared with one byte repeated ({@code ONES * '"'}) without a branch per byte. The CSV splitter
 * finds delimiters, quotes and line breaks this way, and a file's halves count quotes to choose
 * their cut.
 */
final class ByteWords {
  private ByteWords() {}

  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final long ONES = 0x0101010101010101L;
  static final long HIGHS = 0x8080808080808080L;
  static final long LOWS = 0x7f7f7f7f7f7f7f7fL;

  /** The eight bytes of {@code a} from {@code i} as one word, the first byte lowest. */
  static long word(byte[] a, int i) {
    return (long) LONGS.get(a, i);
  }

  /**
   * High bit set in each byte of {@code w} equal to the byte repeated in {@code rep}; exact up to
   * the lowest.
   */
  static long match(long w, long rep) {
    long x = w ^ rep;
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * High bit set in each byte of {@code w} equal to the byte repeated in {@code rep}, every one of
   * them exactly.
   */
  static long matchExactly(long w, long rep) {
    long x = w ^ rep;
    return ~(((x & LOWS) + LOWS) | x | LOWS);
  }

  /**
   * The index of the lowest byte flagged by {@link #match}: isolating its bit and multiplying by a
   * ladder of byte values reads the index off the top byte. Long.numberOfTrailingZeros would do,
   * but is no intrinsic in the client compiler the launcher runs with.
   */
  static int firstByte(long hit) {
    long lowest = (hit & -hit) >>> 7; // 1 << (8 × index)
    return 8 - (int) ((lowest * 0x0807060504030201L) >>> 56);
  }
}
