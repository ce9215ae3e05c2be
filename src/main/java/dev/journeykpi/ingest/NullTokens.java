package dev.journeykpi.ingest;

import java.util.Set;

/** The "no value" tokens of a source, matched against a slice of chars without making a String. */
final class NullTokens {
  private final char[][] tokens;

  NullTokens(Set<String> nulls) {
    this.tokens = nulls.stream().map(String::toCharArray).toArray(char[][]::new);
  }

  boolean matches(char[] buf, int off, int len) {
    if (len == 0) return true;
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
