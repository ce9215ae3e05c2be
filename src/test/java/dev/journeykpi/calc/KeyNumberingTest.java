package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Numbers in order of first appearance, blanks -1, the same numbers whether the column is an
 * imported one (keys 0, 1, 2 … numbered through an array) or one Tablesaw built itself (keys in a
 * hash map).
 */
class KeyNumberingTest {
  /** Rows 0–6: KH-1, KH-2, (blank), KH-1, " " (blank), KH-3, KH-2. */
  private static final List<String> IDS = List.of("KH-1", "KH-2", "", "KH-1", "  ", "KH-3", "KH-2");

  /**
   * Worked out by hand: KH-1 first (row 0) is 0, KH-2 (row 1) is 1, KH-3 (row 5) is 2; the blank
   * rows 2 and 4 are -1; repeats keep their first number.
   */
  private static final int[] EXPECTED = {0, 1, -1, 0, -1, 2, 1};

  @Test
  void tablesawsOwnColumn() {
    check(StringColumn.create("customer", IDS));
  }

  @Test
  void importedColumn(@TempDir Path dir) throws Exception {
    // A second column, so that the rows of a blank id are not empty lines (which are skipped).
    StringBuilder csv = new StringBuilder("customer,n\n");
    for (String id : IDS) csv.append('"').append(id).append("\",1\n");
    Files.writeString(dir.resolve("c.csv"), csv);
    Files.writeString(
        dir.resolve("def.yaml"),
        "version: 1\ntimezone: UTC\nsources:\n  s:\n    file: c.csv\n    columns:\n"
            + "      customer: customer\n"
            + "kpis:\n  - { id: rows, type: count, source: s, time: none }\n");
    Definition d = KpiKinds.load(List.of(dir.resolve("def.yaml")));
    Table t = SourceLoader.load(d.sources().get("s"), null, d.zone()).table();
    StringColumn c = t.stringColumn("customer");
    assertThat(c.getDictionary().getClass().getSimpleName()).isEqualTo("ImportedDictionary");
    check(c);
  }

  @Test
  void rowsAskedOutOfOrderAreNumberedAsAsked() {
    KeyNumbering n = new KeyNumbering(StringColumn.create("customer", IDS));
    // Asked from the last row back: KH-2 (row 6) first is 0, KH-3 (row 5) is 1, KH-1 (row 3) is 2.
    assertThat(n.of(6)).isEqualTo(0);
    assertThat(n.of(5)).isEqualTo(1);
    assertThat(n.of(4)).isEqualTo(-1);
    assertThat(n.of(3)).isEqualTo(2);
    assertThat(n.of(1)).isEqualTo(0);
    assertThat(n.ids()).containsExactly("KH-2", "KH-3", "KH-1");
  }

  private static void check(StringColumn c) {
    KeyNumbering n = new KeyNumbering(c);
    int[] got = new int[c.size()];
    for (int r = 0; r < got.length; r++) got[r] = n.of(r);
    assertThat(got).containsExactly(EXPECTED);
    assertThat(n.size()).isEqualTo(3);
    assertThat(n.ids()).containsExactly("KH-1", "KH-2", "KH-3");
    assertThat(n.id(2)).isEqualTo("KH-3");
  }
}
