package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextValuesTest {
  /**
   * Values are kept end to end: "" (0 bytes), "C1" (2), "Hà Nội" (H, à = 2 bytes, space, N, ộ = 3
   * bytes, i: 9 bytes), "TCK-0000001" (11): they start at 0, 0, 2 and 11, and the array holds 0 + 2
   * + 9 + 11 = 22 bytes.
   */
  @Test
  void valuesAreKeptEndToEndAndReadBackAsTheirText() {
    TextValues v = new TextValues();
    assertThat(v.add("")).isEqualTo(0);
    assertThat(v.add("C1")).isEqualTo(1);
    assertThat(v.add("Hà Nội")).isEqualTo(2);
    byte[] id = "[TCK-0000001]".getBytes(StandardCharsets.UTF_8);
    assertThat(v.add(id, 1, 11)).isEqualTo(3);
    assertThat(v.size()).isEqualTo(4);
    assertThat(new int[] {v.start(0), v.start(1), v.start(2), v.start(3), v.start(4)})
        .containsExactly(0, 0, 2, 11, 22);
    assertThat(v.length(2)).isEqualTo(9);
    assertThat(v.get(0)).isEmpty();
    assertThat(v.get(2)).isEqualTo("Hà Nội");
    assertThat(v.get(3)).isEqualTo("TCK-0000001");
    assertThat(v.ascii(3)).isTrue();
    assertThat(v.ascii(2)).isFalse();
  }

  /** Each value is found by its text; a text that is no value (or a prefix of one) is not. */
  @Test
  void aValueIsFoundByItsTextAndOnlyByIt() {
    TextValues v = new TextValues();
    for (int i = 0; i < 100_000; i++) v.add("TCK-" + i); // grows the arrays many times
    v.add("Điện thoại");
    for (int i = 0; i < 100_000; i += 997) assertThat(v.find("TCK-" + i)).isEqualTo(i);
    assertThat(v.find("Điện thoại")).isEqualTo(100_000);
    assertThat(v.find("TCK-100000")).isEqualTo(-1);
    assertThat(v.find("TCK-")).isEqualTo(-1);
    assertThat(v.find("Dien thoai")).isEqualTo(-1);
    assertThat(v.get(99_999)).isEqualTo("TCK-99999");
  }

  /** Trimmed, the arrays hold the values and nothing more, and every value still reads back. */
  @Test
  void trimmingKeepsEveryValue() {
    TextValues v = new TextValues();
    for (int i = 0; i < 5_000; i++) v.add("agent" + i);
    v.trim();
    // "agent0" … "agent9": 10 × 6 bytes; 10 … 99: 90 × 7; 100 … 999: 900 × 8; 1000 … 4999: 4000 × 9
    // = 60 + 630 + 7,200 + 36,000 = 43,890 bytes
    assertThat(v.start(5_000)).isEqualTo(43_890);
    assertThat(v.bytes()).hasSize(43_890);
    assertThat(v.get(4_999)).isEqualTo("agent4999");
    assertThat(v.find("agent1234")).isEqualTo(1_234);
  }

  /**
   * A value read from a dictionary read back whole (the import cache) is its text: "" then "ab".
   */
  @Test
  void valuesReadBackWholeAreTheirText() {
    TextValues v = new TextValues(new byte[] {'a', 'b'}, new int[] {0, 0, 2}, 2);
    assertThat(v.get(1)).isEqualTo("ab");
    assertThat(v.find("ab")).isEqualTo(1);
    assertThat(v.find("")).isEqualTo(0);
  }
}
