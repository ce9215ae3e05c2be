package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;

class TextDictionaryTest {
  /** Keys around the 8-char boundary between the packed and the general table, and chars above U+00FF. */
  @Test
  void everyDistinctKeyGetsOneCodeAndComesBackAsItsText() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) keys.add("C" + i);                 // 2 to 6 chars
    for (int i = 0; i < 2_000; i++) keys.add("agent" + (100 + i));      // 8 and 9 chars
    keys.addAll(List.of("", "x", "12345678", "123456789", "Điện thoại", "Hà Nội", "ĐT", "\u00ff\u00fe"));
    TextDictionary dict = new TextDictionary(false);
    Map<String, Integer> seen = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      for (String k : keys) {
        char[] padded = ("[" + k + "]").toCharArray();
        int code = dict.code(padded, 1, k.length());
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

  /** UTF-8 read as bytes: a decomposed spelling (a + U+0300) shares the code of the composed one (à). */
  @Test
  void decomposedUtf8BytesShareTheComposedCode() {
    TextDictionary dict = new TextDictionary(true);
    int composed = dict.code(bytesAsChars("Ngày"), 0, bytesAsChars("Ngày").length);
    char[] decomposed = bytesAsChars("Nga\u0300y");
    assertThat(dict.code(decomposed, 0, decomposed.length)).isEqualTo(composed);
    assertThat(dict.value(composed)).isEqualTo("Ngày");
  }

  private static char[] bytesAsChars(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    char[] c = new char[b.length];
    for (int i = 0; i < b.length; i++) c[i] = (char) (b[i] & 0xff);
    return c;
  }
}
