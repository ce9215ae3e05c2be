package dev.journeykpi.ingest;

import dev.journeykpi.model.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding and delimiter of a CSV file: declared, or detected from its first 64 KiB. A
 * byte-order mark decides UTF-8 or UTF-16; without one the file must be valid UTF-8 (Excel's "CSV
 * UTF-8" and most tools) or declare its encoding, since guessing among single-byte code pages
 * (windows-1258, cp1252) silently corrupts Vietnamese text.
 */
public record CsvDialect(Charset charset, int bomLength, char delimiter) {
  private static final int SAMPLE = 64 * 1024;
  static final char[] CANDIDATES = {',', ';', '\t', '|'};

  public static CsvDialect detect(Path file, String declaredEncoding, char declaredDelimiter)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return detect(in, file.toString(), declaredEncoding, declaredDelimiter);
    }
  }

  /**
   * The same from a file's first bytes, read from {@code in} (a file kpi reaches otherwise than
   * through Java's files: {@code --engine spark} reads {@code hdfs://} and {@code s3a://} ones
   * through Hadoop); {@code file} names it in messages.
   */
  public static CsvDialect detect(
      InputStream in, String file, String declaredEncoding, char declaredDelimiter)
      throws IOException {
    byte[] head = in.readNBytes(SAMPLE);
    Charset cs;
    int bom = 0;
    if (head.length >= 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      cs = StandardCharsets.UTF_8;
      bom = 3;
    } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (declaredEncoding != null) {
      cs = Charset.forName(declaredEncoding);
    } else {
      cs = StandardCharsets.UTF_8;
      checkUtf8(file, head);
    }
    String text = new String(head, bom, head.length - bom, cs);
    char delim = declaredDelimiter != 0 ? declaredDelimiter : detectDelimiter(text);
    return new CsvDialect(cs, bom, delim);
  }

  /**
   * Refuses a file that is not UTF-8 at all: more invalid byte sequences than valid multi-byte
   * characters, at least two (windows-1258 or cp1252 text has an invalid sequence at nearly every
   * accented letter). A UTF-8 file with a character cut short here and there is read as UTF-8: its
   * cells with a broken character are reported one by one.
   */
  private static void checkUtf8(String file, byte[] head) {
    // A multi-byte character may be cut at the end of the sample: the last 3 bytes of a full sample
    // are not judged.
    int len = head.length == SAMPLE ? head.length - 3 : head.length;
    int invalid = 0;
    int valid = 0;
    for (int i = 0; i < len; ) {
      int b = head[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int n =
          b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      boolean ok = n > 0 && i + n <= head.length;
      for (int k = 1; ok && k < n; k++) ok = (head[i + k] & 0xc0) == 0x80;
      if (ok && n == 3) {
        int v = ((b & 0x0f) << 12) | ((head[i + 1] & 0x3f) << 6); // overlong or surrogate
        ok = v >= 0x800 && (v < 0xd800 || v > 0xdfff);
      }
      if (ok) {
        valid++;
        i += n;
      } else {
        invalid++;
        i++;
      }
    }
    if (invalid < 2 || invalid <= valid) return;
    throw new DataException(
        file
            + ": not valid UTF-8 and no encoding declared; add `encoding: windows-1258` (Vietnamese "
            + "Windows), `encoding: cp1252` (Western) or the file's real encoding to the source");
  }

  /**
   * The candidate that splits the first lines into the same, largest number of fields, ignoring
   * quoted text.
   */
  static char detectDelimiter(String text) {
    String[] lines = text.split("\r?\n", 21);
    int usable = Math.max(1, Math.min(lines.length - (lines.length > 20 ? 1 : 0), 20));
    char best = ',';
    double bestScore = 0;
    for (char c : CANDIDATES) {
      int first = -1;
      int consistent = 0;
      for (int i = 0; i < usable; i++) {
        if (lines[i].isBlank()) continue;
        int n = countOutsideQuotes(lines[i], c);
        if (first < 0) first = n;
        if (n == first && n > 0) consistent++;
      }
      double score = first <= 0 ? 0 : consistent * 1000.0 + first;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private static int countOutsideQuotes(String line, char c) {
    boolean quoted = false;
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      char x = line.charAt(i);
      if (x == '"') quoted = !quoted;
      else if (x == c && !quoted) n++;
    }
    return n;
  }
}
