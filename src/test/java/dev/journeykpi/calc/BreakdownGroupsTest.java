package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.ResultRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Breakdown groups come out in the order the plain collator comparison gives (blank last,
 * Vietnamese alphabetical, then code points), each with exactly its rows: checked against a TreeMap
 * of the labels, the way groups were sorted before, on random tables of ids, names and numbers.
 */
class BreakdownGroupsTest {
  static final String[] WORDS = {
    "TCK-0000010",
    "TCK-0000009",
    "tck-0000009",
    "TCK 0000009",
    "Đà Nẵng",
    "Da Nang",
    "Hà Nội",
    "Ha Noi",
    "Hải Phòng",
    "email",
    "Email",
    "e-mail",
    "",
    "ăn",
    "an",
    "Zalo",
    "zalo",
    "10",
    "9",
    "A1",
    "a1"
  };

  static Table table(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringColumn a = StringColumn.create("a");
    StringColumn b = StringColumn.create("b");
    DoubleColumn n = DoubleColumn.create("n");
    for (int i = 0; i < rows; i++) {
      // Half the rows a word, half an id of its own (a column of mostly distinct values, out of
      // order).
      a.append(r.nextBoolean() ? WORDS[r.nextInt(WORDS.length)] : "ID-" + r.nextInt(rows));
      b.append(WORDS[r.nextInt(WORDS.length)]);
      n.append(r.nextInt(10) == 0 ? Double.NaN : r.nextInt(50) / 2.0);
    }
    return Table.create("t", a, b, n);
  }

  /**
   * The groups as the plain comparison orders them: a TreeMap of label lists, rows in table order.
   */
  static Map<List<String>, List<Integer>> expected(Table t, List<String> by, int[] rows) {
    Comparator<String> plain = LabelOrderTest.PLAIN;
    Map<List<String>, List<Integer>> out =
        new TreeMap<>(
            (x, y) -> {
              for (int i = 0; i < x.size(); i++) {
                int c = plain.compare(x.get(i), y.get(i));
                if (c != 0) return c;
              }
              return 0;
            });
    for (int row : rows) {
      List<String> key = by.stream().map(c -> Cells.label(t.column(c), row)).toList();
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    return out;
  }

  static Map<List<String>, List<Integer>> actual(BreakdownGroups g) {
    Map<List<String>, List<Integer>> out = new LinkedHashMap<>();
    for (int i = 0; i < g.size(); i++) {
      List<Integer> rows = new ArrayList<>();
      for (int row : g.rows(i)) rows.add(row);
      out.put(g.key(i), rows);
    }
    return out;
  }

  @Test
  void groupsComeInThePlainCollatorOrderWithTheirRows() {
    Table t = table(5_000, 14);
    int[] all = new int[t.rowCount()];
    for (int i = 0; i < all.length; i++) all[i] = i;
    int[] some =
        java.util.stream.IntStream.range(0, t.rowCount()).filter(i -> i % 3 != 0).toArray();
    for (List<String> by :
        List.of(List.of("a"), List.of("b"), List.of("n"), List.of("b", "a"), List.of("a", "n"))) {
      for (int[] rows : List.of(all, some)) {
        BreakdownGroups g = BreakdownGroups.of(t, by, rows, new LabelOrder());
        // entrySet comparison: same keys, same rows, same order
        assertThat(new ArrayList<>(actual(g).entrySet()))
            .as("by %s", by)
            .containsExactlyElementsOf(new ArrayList<>(expected(t, by, rows).entrySet()));
      }
    }
  }

  @Test
  void blanksComeLast() {
    Table t = Table.create("t", StringColumn.create("a", "a", "b", "", "a", "B", ""));
    BreakdownGroups g =
        BreakdownGroups.of(t, List.of("a"), new int[] {0, 1, 2, 3, 4, 5}, new LabelOrder());
    assertThat(actual(g))
        .containsExactly(
            Map.entry(List.of("a"), List.of(0, 3)),
            Map.entry(List.of("b"), List.of(1)),
            Map.entry(List.of("B"), List.of(4)),
            Map.entry(List.of(ResultRow.BLANK), List.of(2, 5)));
  }
}
