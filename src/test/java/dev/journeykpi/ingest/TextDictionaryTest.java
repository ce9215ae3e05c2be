package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;

class TextDictionaryTest {
  /** Keys around the 8-byte boundary between the packed and the general table, ASCII and UTF-8. */
  @Test
  void everyDistinctKeyGetsOneCodeAndComesBackAsItsText() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) keys.add("C" + i); // 2 to 6 chars
    for (int i = 0; i < 2_000; i++) keys.add("agent" + (100 + i)); // 8 and 9 chars
    keys.addAll(
        List.of("", "x", "12345678", "123456789", "Điện thoại", "Hà Nội", "ĐT", "\u00ff\u00fe"));
    TextDictionary dict = new TextDictionary(true);
    Map<String, Integer> seen = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      for (String k : keys) {
        byte[] padded = ("[" + k + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int code = dict.code(padded, 1, padded.length - 2);
        assertThat(seen.computeIfAbsent(k, x -> code)).as(k).isEqualTo(code);
        assertThat(dict.value(code)).isEqualTo(k);
        dict.append(code);
      }
    }
    assertThat(seen.values()).doesNotHaveDuplicates();
    StringColumn col = dict.toColumn("c");
    assertThat(col.size()).isEqualTo(2 * keys.size());
    assertThat(col.get(keys.size() + 3)).isEqualTo(keys.get(3));
    assertThat(col.countUnique()).isEqualTo(keys.size());
  }

  /**
   * UTF-8 read as bytes: a decomposed spelling (a + U+0300) shares the code of the composed one
   * (à).
   */
  @Test
  void decomposedUtf8BytesShareTheComposedCode() {
    TextDictionary dict = new TextDictionary(true);
    int composed = dict.code(utf8("Ngày"), 0, utf8("Ngày").length);
    byte[] decomposed = utf8("Nga\u0300y");
    assertThat(dict.code(decomposed, 0, decomposed.length)).isEqualTo(composed);
    assertThat(dict.value(composed)).isEqualTo("Ngày");
  }

  /**
   * Two halves of a column, each with its own dictionary, joined: every row keeps its text, each
   * text has one code, whether it was in the first half, the second, or both, short or long, ASCII
   * or not, composed or decomposed.
   */
  @Test
  void absorbedHalvesKeepEveryRowsTextWithOneCodePerText() {
    List<String> first =
        List.of("C1", "C2", "", "Ngày", "a-rather-long-customer-id-1", "C1", "Điện thoại");
    List<String> second =
        List.of(
            "C2",
            "C3",
            "Nga\u0300y",
            "",
            "a-rather-long-customer-id-1",
            "a-rather-long-id-2",
            "Hà Nội",
            "C3",
            "Ha\u0300 Nội");
    TextDictionary a = filled(first);
    TextDictionary b = filled(second);
    a.absorb(b);
    StringColumn col = a.toColumn("c");
    List<String> want = new ArrayList<>(first);
    for (String x : second)
      want.add(java.text.Normalizer.normalize(x, java.text.Normalizer.Form.NFC));
    assertThat(col.asList()).isEqualTo(want);
    // C1 C2 "" Ngày long-1 Điện-thoại C3 long-2 Hà-Nội: 9 distinct texts, one code each
    assertThat(col.countUnique()).isEqualTo(9);
    // Later reads into the joined dictionary find the absorbed values, decomposed spellings
    // included.
    byte[] ha = utf8("Ha\u0300 Nội");
    assertThat(a.value(a.code(ha, 0, ha.length))).isEqualTo("Hà Nội");
    byte[] c3 = utf8("C3");
    assertThat(a.value(a.code(c3, 0, c3.length))).isEqualTo("C3");
  }

  /**
   * Raw keys longer than 8 bytes that are not their value's own bytes: a control character removed
   * ("TCK-0000\u00011", 10 bytes, is the value "TCK-00001", 9 bytes, flagged as cleaned), and
   * ISO-8859-1 bytes ("Crème brûlée", 12 bytes in Latin-1, 14 in UTF-8). Each is found again by its
   * raw bytes with the same code, and the clean spelling shares the code.
   */
  @Test
  void longRawKeysOtherThanTheirValueFindTheirCodeAgain() {
    TextDictionary utf8 = new TextDictionary(true);
    byte[] dirty = utf8("TCK-0000\u00011");
    int flagged = utf8.code(dirty, 0, dirty.length);
    assertThat(flagged & TextDictionary.CLEANED).isNotZero();
    int code = flagged & TextDictionary.CODE;
    assertThat(utf8.value(code)).isEqualTo("TCK-00001");
    assertThat(utf8.code(dirty, 0, dirty.length)).isEqualTo(flagged);
    byte[] clean = utf8("TCK-00001");
    assertThat(utf8.code(clean, 0, clean.length)).isEqualTo(code);

    TextDictionary latin1 = new TextDictionary(false);
    byte[] creme = "Crème brûlée".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    int c = latin1.code(creme, 0, creme.length);
    assertThat(latin1.value(c)).isEqualTo("Crème brûlée");
    assertThat(latin1.code(creme, 0, creme.length)).isEqualTo(c);
    assertThat(latin1.codeOfText("Crème brûlée")).isEqualTo(c);
  }

  /**
   * Two ISO-8859-1 halves joined: "Crème brûlée" (in both) keeps one code; the rows keep their
   * texts; the joined codes follow first appearance: "" 0, Crème brûlée 1, TCK-00000001 2,
   * café-au-lait-1 3 (the second half's new values after the first's).
   */
  @Test
  void absorbedLatin1HalvesKeepOneCodePerText() {
    TextDictionary a = latin1(List.of("Crème brûlée", "TCK-00000001"));
    TextDictionary b = latin1(List.of("café-au-lait-1", "Crème brûlée", ""));
    a.absorb(b);
    StringColumn col = a.toColumn("c");
    assertThat(col.asList())
        .containsExactly("Crème brûlée", "TCK-00000001", "café-au-lait-1", "Crème brûlée", "");
    var dict = col.getDictionary();
    int[] keys = new int[5];
    for (int r = 0; r < 5; r++) keys[r] = dict.getKeyAtIndex(r);
    assertThat(keys).containsExactly(1, 2, 3, 1, 0);
  }

  private static TextDictionary latin1(List<String> texts) {
    TextDictionary d = new TextDictionary(false);
    for (String t : texts) {
      byte[] c = t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      d.append(d.code(c, 0, c.length));
    }
    return d;
  }

  private static TextDictionary filled(List<String> texts) {
    TextDictionary d = new TextDictionary(true);
    for (String t : texts) {
      byte[] c = utf8(t);
      d.append(d.code(c, 0, c.length));
    }
    return d;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * A combining mark that composes with nothing (found by the session 13 review: a second tone mark
   * typed on "ễ", a lone acute on "q") stays in the NFC spelling. It crashed the import with a
   * StackOverflowError: the NFC spelling was looked up as an alias of itself for ever. By hand:
   * "Nguy" + U+1EC5 (ễ) + U+0300 is already NFC (ễ has no composed form with a grave); "Nguy" + e +
   * U+0302 + U+0303 + U+0300 composes to the same text (e + circumflex + tilde = ễ, the grave
   * stays), so both spellings share one code whose value is the NFC text; "q" + U+0301 is its own
   * value, from bytes and from text (Excel's path) alike.
   */
  @Test
  void aMarkThatComposesWithNothingIsItsOwnValue() {
    String nfc = "Nguy\u1ec5\u0300n";
    String decomposed = "Nguye\u0302\u0303\u0300n";
    TextDictionary dict = new TextDictionary(true);
    byte[] a = nfc.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] b = decomposed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int ca = dict.code(a, 0, a.length);
    int cb = dict.code(b, 0, b.length);
    assertThat(cb).isEqualTo(ca);
    assertThat(dict.value(ca)).isEqualTo(nfc);
    assertThat(dict.code(a, 0, a.length)).isEqualTo(ca);
    int q = dict.codeOfText("q\u0301");
    assertThat(q).isNotEqualTo(ca);
    assertThat(dict.value(q)).isEqualTo("q\u0301");
    byte[] qb = "q\u0301".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(dict.code(qb, 0, qb.length)).isEqualTo(q);
  }

  /**
   * Every NFD or compatibility spelling shares its NFC value, not only those with a combining mark
   * (found by the session 13 review: the default engine kept them apart, DuckDB joined them). By
   * hand: "한국" written as jamo (U+1112 U+1161 U+11AB, U+1100 U+116E U+11A8) composes to U+D55C
   * U+AD6D; the ångström sign U+212B and "A" + U+030A are both U+00C5 in NFC.
   */
  @Test
  void everySpellingThatIsNotNfcSharesItsNfcValue() {
    TextDictionary dict = new TextDictionary(true);
    int korean = dict.codeOfText("\ud55c\uad6d");
    assertThat(dict.codeOfText("\u1112\u1161\u11ab\u1100\u116e\u11a8")).isEqualTo(korean);
    int ring = dict.codeOfText("\u00c5");
    assertThat(dict.codeOfText("\u212b")).isEqualTo(ring);
    assertThat(dict.codeOfText("A\u030a")).isEqualTo(ring);
    assertThat(ring).isNotEqualTo(korean);
    assertThat(dict.value(ring)).isEqualTo("\u00c5");
    assertThat(dict.value(korean)).isEqualTo("\ud55c\uad6d");
  }
}
