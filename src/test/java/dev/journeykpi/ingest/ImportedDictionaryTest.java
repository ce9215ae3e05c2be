package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An imported text column answers as a column Tablesaw built itself would, through {@link
 * StringColumn}: values, counts, lookups by value, blanks as missing, and changes after the import.
 */
class ImportedDictionaryTest {
  /**
   * Rows: Zalo, "", Phone, Zalo, Email, "" — and "Fax", seen only on a rejected row, so in no row.
   */
  private static StringColumn channels() {
    TextDictionary dict = new TextDictionary(true);
    int fax = code(dict, "Fax"); // typed, then its row rejected: a code with no rows
    assertThat(fax).isPositive();
    for (String v : List.of("Zalo", "", "Phone", "Zalo", "Email", "")) dict.append(code(dict, v));
    return dict.toColumn("channel");
  }

  private static int code(TextDictionary dict, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return dict.code(b, 0, b.length);
  }

  @Test
  void readsValuesCountsAndLookups() {
    StringColumn c = channels();
    assertThat(c.size()).isEqualTo(6);
    assertThat(c.asList()).containsExactly("Zalo", "", "Phone", "Zalo", "Email", "");
    // Distinct values among the rows: Zalo, "", Phone, Email = 4 ("Fax" is in no row).
    assertThat(c.countUnique()).isEqualTo(4);
    assertThat(c.unique().asList()).containsExactlyInAnyOrder("Zalo", "", "Phone", "Email");
    assertThat(c.countOccurrences("Zalo")).isEqualTo(2);
    assertThat(c.countOccurrences("Fax")).isZero();
    assertThat(c.firstIndexOf("Phone")).isEqualTo(2);
    assertThat(c.firstIndexOf("Fax")).isEqualTo(-1);
    assertThat(c.firstIndexOf("")).isEqualTo(1);
    assertThat(c.isEqualTo("Zalo").toArray()).containsExactly(0, 3);
    assertThat(c.isIn("Email", "Phone", "Fax").toArray()).containsExactly(2, 4);
    assertThat(c.isNotIn("Zalo").toArray()).containsExactly(1, 2, 4, 5);
    assertThat(c.startsWith("Z").toArray()).containsExactly(0, 3);
    // Keys are the import's codes: one per value, the same for equal values.
    var dict = c.getDictionary();
    assertThat(dict.getKeyAtIndex(0))
        .isEqualTo(dict.getKeyAtIndex(3))
        .isNotEqualTo(dict.getKeyAtIndex(2));
    assertThat(dict.getValueForKey(dict.getKeyAtIndex(4))).isEqualTo("Email");
  }

  @Test
  void blankRowsAreMissing() {
    StringColumn c = channels();
    assertThat(c.countMissing()).isEqualTo(2);
    assertThat(c.isMissing(1)).isTrue();
    assertThat(c.isMissing(0)).isFalse();
    assertThat(c.isMissing().toArray()).containsExactly(1, 5);
    assertThat(c.removeMissing().asList()).containsExactly("Zalo", "Phone", "Zalo", "Email");
  }

  /**
   * Blank cells told by key (no String made): rows Zalo, "", Phone, Zalo, Email, "" are empty at 1
   * and 5; a value of spaces (" \t ", row 6) is blank but not empty; after a change (Tablesaw's own
   * map) the same answers.
   */
  @Test
  void blankCellsAreToldByKey() {
    TextDictionary dict = new TextDictionary(true);
    for (String v : List.of("Zalo", "", "Phone", "Zalo", "Email", "", " \t ", "Điện thoại"))
      dict.append(code(dict, v));
    StringColumn c = dict.toColumn("channel");
    var b = (dev.journeykpi.model.BlankText) c.getDictionary();
    boolean[] empty = new boolean[8];
    boolean[] blank = new boolean[8];
    for (int r = 0; r < 8; r++) {
      empty[r] = b.isEmptyAt(r);
      blank[r] = b.isBlankAt(r);
    }
    assertThat(empty).containsExactly(false, true, false, false, false, true, false, false);
    assertThat(blank).containsExactly(false, true, false, false, false, true, true, false);
    var keys = c.getDictionary();
    assertThat(b.isBlankKey(keys.getKeyAtIndex(6))).isTrue(); // " \t "
    assertThat(b.isBlankKey(keys.getKeyAtIndex(7))).isFalse(); // Điện thoại
    assertThat(b.isBlankKey(keys.getKeyAtIndex(1))).isTrue(); // ""
    c.set(0, ""); // a change: from here on Tablesaw's own map answers
    assertThat(b.isEmptyAt(0)).isTrue();
    assertThat(b.isBlankAt(6)).isTrue();
    assertThat(b.isBlankAt(7)).isFalse();
  }

  @Test
  void aColumnWithoutBlanksHasNoBlankRow() {
    TextDictionary dict = new TextDictionary(true);
    for (String v : List.of("C1", "C2", "C1")) dict.append(code(dict, v));
    StringColumn c = dict.toColumn("customer");
    assertThat(c.firstIndexOf("")).isEqualTo(-1);
    assertThat(c.countMissing()).isZero();
    assertThat(c.countUnique()).isEqualTo(2);
  }

  @Test
  void tableOperationsWork() {
    Table t = Table.create("t", channels());
    assertThat(t.where(t.stringColumn("channel").isEqualTo("Zalo")).rowCount()).isEqualTo(2);
    assertThat(t.sortAscendingOn("channel").stringColumn("channel").asList())
        .containsExactly("", "", "Email", "Phone", "Zalo", "Zalo");
    Table counts = t.countBy("channel");
    assertThat(counts.rowCount()).isEqualTo(4);
    assertThat(t.copy().stringColumn("channel").asList())
        .isEqualTo(t.stringColumn("channel").asList());
  }

  /**
   * The first change hands over to Tablesaw's own dictionary with the same keys; earlier keys stay
   * valid.
   */
  @Test
  void changesAfterTheImportKeepValuesAndKeys() {
    StringColumn c = channels();
    int zaloKey = c.getDictionary().getKeyAtIndex(0);
    c.append("Zalo");
    c.append("Web");
    c.set(2, "Email");
    assertThat(c.asList()).containsExactly("Zalo", "", "Email", "Zalo", "Email", "", "Zalo", "Web");
    assertThat(c.getDictionary().getKeyAtIndex(6)).isEqualTo(zaloKey);
    assertThat(c.countOccurrences("Zalo")).isEqualTo(3);
    assertThat(c.countOccurrences("Phone")).isZero();
    assertThat(c.isEqualTo("Web").toArray()).containsExactly(7);
    c.sortAscending();
    assertThat(c.asList()).containsExactly("", "", "Email", "Email", "Web", "Zalo", "Zalo", "Zalo");
  }
}
