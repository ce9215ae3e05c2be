package dev.journeykpi.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a definition file, decoded strictly as UTF-8 and checked for size before the YAML
 * parser sees it. A definition saved by Notepad as UTF-16, or by an old Vietnamese Windows as
 * windows-1258, must say so at the line where the text goes wrong rather than surface a decoder
 * exception.
 */
final class DefinitionText {
  /**
   * Characters of the whole file: far beyond any definition (the largest shipped one has 20,000),
   * but a data file.
   */
  static final int MAX_CHARS = 10_000_000;

  private DefinitionText() {}

  /** The text, or null after reporting why it cannot be read as a definition. */
  static String decode(byte[] bytes, String file, Diagnostics d) {
    if (looksUtf16(bytes)) {
      d.error(
          new Location(file, 1, 1),
          "file is UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)");
      return null;
    }
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, out, true);
    if (r.isError()) {
      // The decoder stops at the first byte that does not begin (or end) a valid sequence.
      int bad = in.position();
      d.error(
          where(bytes, start, bad, file),
          String.format(
              "file is not UTF-8 (byte 0x%02X here; windows-1258 or another Windows"
                  + " code page?); save it as UTF-8",
              bytes[bad] & 0xFF));
      return null;
    }
    String text = out.flip().toString();
    if (text.length() > MAX_CHARS) {
      d.error(
          new Location(file, 1, 1),
          String.format(
              "file has %,d characters; a definition is at most %,d (is this a data file?)",
              text.length(), MAX_CHARS));
      return null;
    }
    return text;
  }

  /** A byte-order mark, or ASCII text with every other byte NUL as UTF-16 writes it. */
  private static boolean looksUtf16(byte[] b) {
    if (b.length >= 2
        && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
            || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
      return true;
    }
    return b.length >= 4
        && (b[0] == 0 && b[2] == 0 && b[1] != 0 || b[1] == 0 && b[3] == 0 && b[0] != 0);
  }

  /** Line and column (in characters) of byte {@code at}; the bytes before it are valid UTF-8. */
  private static Location where(byte[] b, int start, int at, String file) {
    int lineStart = start;
    int line = 1;
    for (int i = start; i < at; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = new String(b, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
    return new Location(file, line, column);
  }
}
