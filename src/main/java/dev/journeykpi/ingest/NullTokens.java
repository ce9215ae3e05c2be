package dev.journeykpi.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The "no value" tokens of a source, matched against a field's bytes or a text without making a
 * String.
 */
final class NullTokens {
  private final byte[][] bytes;
  private final char[][] chars;

  /**
   * Bit n set when some token has n bytes (tokens over 63 bytes set bit 63): most cells are ruled
   * out by length.
   */
  private final long lengths;

  /**
   * @param utf8 whether fields come as UTF-8 bytes (else ISO-8859-1)
   */
  NullTokens(Set<String> nulls, boolean utf8) {
    this.bytes =
        nulls.stream()
            .map(t -> t.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1))
            .toArray(byte[][]::new);
    this.chars = nulls.stream().map(String::toCharArray).toArray(char[][]::new);
    long l = 0;
    for (byte[] t : bytes) l |= 1L << Math.min(t.length, 63);
    this.lengths = l;
  }

  boolean matches(byte[] buf, int off, int len) {
    if (len == 0) return true;
    if ((lengths & (1L << Math.min(len, 63))) == 0) return false;
    for (byte[] t : bytes) {
      if (t.length == len
          && t[0] == buf[off]
          && java.util.Arrays.equals(t, 0, len, buf, off, off + len)) return true;
    }
    return false;
  }

  /** Without making a String: this runs for every cell of every typed column. */
  boolean matches(CharSequence s) {
    int len = s.length();
    if (len == 0) return true;
    for (char[] t : chars) {
      if (t.length != len) continue;
      int i = 0;
      while (i < len && t[i] == s.charAt(i)) i++;
      if (i == len) return true;
    }
    return false;
  }
}
