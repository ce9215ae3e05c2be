package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cells CsvRenderer writes without Commons CSV are exactly those Commons CSV would write
 * unquoted.
 */
class CsvRendererTest {
  @Test
  void aPlainCellIsWrittenAsCommonsCsvWritesIt() throws IOException {
    String alphabet = "aZ09 -_.,;\"'#!\t\r\n()=+@|/ăĐ€";
    SplittableRandom r = new SplittableRandom(14);
    List<String> cells =
        new ArrayList<>(
            List.of(
                "", "(total)", "TCK-0000001", "12.5", "-5", "#1", " a", "a ", "a\"b", "Hà Nội"));
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(6); k > 0; k--)
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      cells.add(b.toString());
    }
    int plain = 0;
    for (String cell : cells) {
      if (!CsvRenderer.plain(cell)) continue;
      plain++;
      StringBuilder first = new StringBuilder();
      CsvRenderer.FORMAT.print(cell, first, true);
      StringBuilder later = new StringBuilder();
      CsvRenderer.FORMAT.print(cell, later, false);
      assertThat(first.toString()).as("'%s' first in its record", cell).isEqualTo(cell);
      assertThat(later.toString()).as("'%s' after another cell", cell).isEqualTo("," + cell);
    }
    assertThat(plain).isGreaterThan(10_000); // the fast path is taken, not only declined
  }

  @Test
  void anEmptyCellAfterTheFirstIsJustItsComma() throws IOException {
    StringBuilder later = new StringBuilder();
    CsvRenderer.FORMAT.print("", later, false);
    assertThat(later.toString()).isEqualTo(",");
  }
}
