package dev.journeykpi.ingest;

import java.util.Set;

/** The "no value" tokens of a source, matched against a slice of chars without making a String. */
final class NullTokens {
  private final char[][] tokens;
  /** Bit n set when some token has n chars (tokens over 63 chars set bit 63): most cells are ruled out by length. */
  private final long lengths;

  NullTokens(Set<String> nulls) {
    this.tokens = nulls.stream().map(String::toCharArray).toArray(char[][]::new);
    long l = 0;
    for (char[] t : tokens) l |= 1L << Math.min(t.length, 63);
    this.lengths = l;
  }

  boolean matches(char[] buf, int off, int len) {
    if (len == 0) return true;
    if ((lengths & (1L << Math.min(len, 63))) == 0) return false;
    for (char[] t : tokens) {
      if (t.length == len && t[0] == buf[off] && java.util.Arrays.equals(t, 0, len, buf, off, off + len)) return true;
    }
    return false;
  }

  /** Without making a String: this runs for every cell of every typed column. */
  boolean matches(CharSequence s) {
    int len = s.length();
    if (len == 0) return true;
    for (char[] t : tokens) {
      if (t.length != len) continue;
      int i = 0;
      while (i < len && t[i] == s.charAt(i)) i++;
      if (i == len) return true;
    }
    return false;
  }
}
