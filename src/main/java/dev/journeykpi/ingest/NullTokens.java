package dev.journeykpi.ingest;

import java.util.Set;

/** The "no value" tokens of a source, matched against a slice of chars without making a String. */
final class NullTokens {
  private final char[][] tokens;
  private final Set<String> set;

  NullTokens(Set<String> nulls) {
    this.set = nulls;
    this.tokens = nulls.stream().map(String::toCharArray).toArray(char[][]::new);
  }

  boolean matches(char[] buf, int off, int len) {
    if (len == 0) return true;
    for (char[] t : tokens) {
      if (t.length == len && t[0] == buf[off] && java.util.Arrays.equals(t, 0, len, buf, off, off + len)) return true;
    }
    return false;
  }

  boolean matches(CharSequence s) {
    return s.length() == 0 || set.contains(s.toString());
  }
}
