package dev.journeykpi.config;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How kpi compares texts, written once: a filter's value with a cell, join and distinct keys, a
 * declared group with the data's, a stage's or a score label's value with the data, a value a
 * definition expects with the values the data has. Two texts are the same when their keys are
 * equal:
 *
 * <ul>
 *   <li>trimmed of spaces and control characters ({@link String#trim}: a non-breaking space is
 *       kept, as the importer keeps it in a cell);
 *   <li>in Unicode NFC, so that "Hoàn thành" typed decomposed (as some Mac editors save Vietnamese)
 *       is the data's "Hoàn thành";
 *   <li>in lower case by {@link Locale#ROOT}, whatever the machine's language: on a Turkish system
 *       "INC" is still "inc", not "ınc".
 * </ul>
 *
 * <p>Keys are asked for once per distinct value (a dictionary's keys, a map's values), up to
 * hundreds of thousands of customer ids on a million rows: plain ASCII, the usual id or code, is
 * its own NFC form and skips the normaliser.
 */
public final class TextKey {
  private TextKey() {}

  /** The key of a whole value: trimmed, NFC, lower case. */
  public static String of(String text) {
    String t = text.trim();
    // The ASCII scan is written out in each method rather than shared: on the 1M bench's 289,259
    // customer ids, a shared one measured 5-20% slower under the client compiler kpi runs with
    // (scripts/kpi), this shape as fast as the copies it replaced.
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) >= 0x80) {
        t = nfcOf(t);
        break;
      }
    }
    return t.toLowerCase(Locale.ROOT);
  }

  /**
   * The key of a part of a text ({@code contains}, {@code starts_with}, {@code ends_with}): NFC and
   * lower case, its spaces kept, since a quoted {@code "Mr "} means the space.
   */
  public static String ofPart(String text) {
    return nfc(text).toLowerCase(Locale.ROOT);
  }

  /**
   * The key of a whole value except that ASCII letters keep their case: for a hash map whose
   * strategy ignores ASCII case itself, sparing a lowered copy of each of a few hundred thousand
   * ids. Any other text comes lowered, so lowering its ASCII letters again changes nothing and the
   * map sees the same classes as {@link #of}.
   */
  public static String ofButAsciiCase(String text) {
    String t = text.trim();
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) >= 0x80) return nfcOf(t).toLowerCase(Locale.ROOT);
    }
    return t;
  }

  /** The text in NFC, case and spaces kept: how a cell is shown after import. */
  public static String nfc(String text) {
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x80) return nfcOf(text);
    return text;
  }

  private static String nfcOf(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
