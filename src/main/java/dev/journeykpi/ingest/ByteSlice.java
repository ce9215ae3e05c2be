package dev.journeykpi.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A reusable window onto the bytes of a CSV field, read as text without first becoming a String: on
 * a million-row export that avoids sixteen million short-lived objects. The bytes are those of the
 * file: UTF-8 (or ASCII) in all but ISO-8859-1 files, where each byte is one char. As a
 * CharSequence each byte is one char, which is the text itself for ASCII and ISO-8859-1; {@link
 * #text} decodes UTF-8 when a field has any non-ASCII byte.
 *
 * <p>Why bytes: the delimiter, quotes and line breaks are ASCII and never occur inside a multi-byte
 * UTF-8 sequence, so a file can be split and its numbers and dates read without decoding it, and
 * fields are read where the splitter found them (no copy into a char buffer, which took a tenth of
 * the import; README › Performance).
 */
final class ByteSlice implements CharSequence {
  private byte[] buf;
  private int off;
  private int len;

  ByteSlice set(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
    return this;
  }

  /**
   * The field as text: this slice when its bytes read as chars are the text, else its UTF-8
   * decoding.
   */
  CharSequence text(boolean utf8) {
    return utf8 && hasNonAscii() ? string(buf, off, len, true) : this;
  }

  /** The text of bytes, decoded as UTF-8 or ISO-8859-1. */
  static String string(byte[] buf, int off, int len, boolean utf8) {
    return new String(buf, off, len, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  boolean hasNonAscii() {
    for (int i = off, end = off + len; i < end; i++) {
      if (buf[i] < 0) return true;
    }
    return false;
  }

  /** Drops leading and trailing spaces and tabs, in place. */
  ByteSlice trim() {
    while (len > 0 && (buf[off] == ' ' || buf[off] == '\t')) {
      off++;
      len--;
    }
    while (len > 0 && (buf[off + len - 1] == ' ' || buf[off + len - 1] == '\t')) len--;
    return this;
  }

  @Override
  public int length() {
    return len;
  }

  @Override
  public char charAt(int index) {
    return (char) (buf[off + index] & 0xff);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return string(buf, off + start, end - start, false);
  }

  @Override
  public String toString() {
    return string(buf, off, len, false);
  }

  /** Trims any CharSequence: a String the usual way, a slice in place. */
  static CharSequence trim(CharSequence s) {
    if (s instanceof ByteSlice c) return c.trim();
    return s.toString().trim();
  }
}
