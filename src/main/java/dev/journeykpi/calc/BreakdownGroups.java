package dev.journeykpi.calc;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Splits a KPI's rows by its breakdown columns: the rows of each combination of values, in display order. */
final class BreakdownGroups {
  private BreakdownGroups() {}

  /** The ascending rows of each combination of the {@code by} columns' values among {@code rs}, in display order. */
  static Map<List<String>, int[]> of(Table table, List<String> by, int[] rs, LabelOrder order) {
    if (by.isEmpty()) return Map.of();
    List<Column<?>> cols = by.stream().<Column<?>>map(table::column).toList();
    // Group with hashing, then sort the few keys once: comparing with the collator on every row was the slowest
    // part of a million-row report.
    Found found = new Found();
    if (cols.size() == 1) {
      // The usual single breakdown: group on the label itself, no key list per row.
      Column<?> c = cols.get(0);
      if (c instanceof StringColumn s) {
        // Group text on dictionary keys: an int per row instead of a string lookup.
        // Two passes: number the keys and count their rows, then place each row in an array of its group's size.
        var dict = s.getDictionary();
        it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap groupOf = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
        groupOf.defaultReturnValue(-1);
        IntArrayList keys = new IntArrayList();
        IntArrayList sizes = new IntArrayList();
        int[] group = new int[rs.length];
        int lastKey = 0;
        int last = -1;
        for (int i = 0; i < rs.length; i++) {
          int k = dict.getKeyAtIndex(rs[i]);
          if (k != lastKey || last < 0) { // neighbouring rows often share their value
            last = groupOf.get(k);
            if (last < 0) {
              last = keys.size();
              groupOf.put(k, last);
              keys.add(k);
              sizes.add(0);
            }
            lastKey = k;
          }
          group[i] = last;
          sizes.set(last, sizes.getInt(last) + 1);
        }
        int[][] members = new int[keys.size()][];
        for (int g = 0; g < members.length; g++) members[g] = new int[sizes.getInt(g)];
        int[] filled = new int[members.length];
        for (int i = 0; i < rs.length; i++) members[group[i]][filled[group[i]]++] = rs[i];
        for (int g = 0; g < members.length; g++) {
          String label = dict.getValueForKey(keys.getInt(g));
          found.add(List.of(label.isEmpty() ? ResultRow.BLANK : label), members[g]);
        }
      } else {
        Map<String, IntArrayList> byLabel = new java.util.LinkedHashMap<>();
        for (int row : rs) {
          byLabel.computeIfAbsent(Cells.label(c, row), k -> new IntArrayList()).add(row);
        }
        byLabel.forEach((k, v) -> found.add(List.of(k), v.toIntArray()));
      }
    } else if (cols.stream().allMatch(c -> c instanceof StringColumn)) {
      groupTextColumns(cols, rs, found);
    } else {
      Map<List<String>, IntArrayList> byKey = new java.util.LinkedHashMap<>();
      for (int row : rs) {
        List<String> key = new ArrayList<>(cols.size());
        for (Column<?> c : cols) key.add(Cells.label(c, row));
        byKey.computeIfAbsent(key, k -> new IntArrayList()).add(row);
      }
      byKey.forEach((k, v) -> found.add(k, v.toIntArray()));
    }
    return found.sorted(order);
  }

  /** The groups as found, first seen first (an export's ids usually come in order, and then stay in order). */
  private static final class Found {
    final List<List<String>> keys = new ArrayList<>();
    final List<int[]> rows = new ArrayList<>();

    void add(List<String> key, int[] members) {
      keys.add(key);
      rows.add(members);
    }

    /**
     * The groups in display order. Sorted once, not kept in a sorted map: a merge sort of their numbers takes labels
     * that come in order in one pass, and each label's primary weights are worked out once, into one array per
     * column ({@link LabelOrder.Weights}), rather than in every comparison (1,000,000 ticket ids in a TreeMap: 43 s).
     */
    Map<List<String>, int[]> sorted(LabelOrder order) {
      int n = keys.size();
      int m = n == 0 ? 0 : keys.get(0).size();
      String[][] labels = new String[m][n];
      LabelOrder.Weights[] weights = new LabelOrder.Weights[m];
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < n; i++) labels[j][i] = keys.get(i).get(j);
        weights[j] = LabelOrder.Weights.of(labels[j]);
      }
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) perm[i] = i;
      it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(perm, (x, y) -> {
        for (int j = 0; j < m; j++) {
          int c = order.compare(labels[j], weights[j], x, y);
          if (c != 0) return c;
        }
        return 0;
      });
      Map<List<String>, int[]> out = new java.util.LinkedHashMap<>(2 * n);
      for (int i : perm) out.put(keys.get(i), rows.get(i));
      return out;
    }
  }

  /**
   * Several text columns: each row's dictionary keys, numbered densely per column, make one number per combination
   * (mixed radix); rows are counted, then placed, per combination, and each group's labels are read from its first
   * row. A list of labels per row as a hash key cost about 0.3 s per KPI at 1,000,000 rows.
   */
  private static void groupTextColumns(List<Column<?>> cols, int[] rs, Found found) {
    int m = cols.size();
    int[][] dense = new int[m][rs.length];
    long[] radix = new long[m];
    for (int j = 0; j < m; j++) {
      var dict = ((StringColumn) cols.get(j)).getDictionary();
      it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap number = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
      number.defaultReturnValue(-1);
      for (int i = 0; i < rs.length; i++) {
        int k = dict.getKeyAtIndex(rs[i]);
        int d = number.get(k);
        if (d < 0) {
          d = number.size();
          number.put(k, d);
        }
        dense[j][i] = d;
      }
      radix[j] = Math.max(1, number.size());
    }
    double combinations = 1;
    for (long r : radix) combinations *= r;
    if (combinations >= Long.MAX_VALUE / 2) { // not seen in practice: fall back to label lists
      Map<List<String>, IntArrayList> byKey = new java.util.LinkedHashMap<>();
      for (int row : rs) {
        List<String> key = new ArrayList<>(m);
        for (Column<?> c : cols) key.add(Cells.label(c, row));
        byKey.computeIfAbsent(key, k -> new IntArrayList()).add(row);
      }
      byKey.forEach((k, v) -> found.add(k, v.toIntArray()));
      return;
    }
    it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap groupOf = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
    groupOf.defaultReturnValue(-1);
    IntArrayList sizes = new IntArrayList();
    IntArrayList firstRow = new IntArrayList();
    int[] group = new int[rs.length];
    for (int i = 0; i < rs.length; i++) {
      long combo = 0;
      for (int j = 0; j < m; j++) combo = combo * radix[j] + dense[j][i];
      int g = groupOf.get(combo);
      if (g < 0) {
        g = sizes.size();
        groupOf.put(combo, g);
        sizes.add(0);
        firstRow.add(rs[i]);
      }
      sizes.set(g, sizes.getInt(g) + 1);
      group[i] = g;
    }
    int[][] members = new int[sizes.size()][];
    for (int g = 0; g < members.length; g++) members[g] = new int[sizes.getInt(g)];
    int[] filled = new int[members.length];
    for (int i = 0; i < rs.length; i++) members[group[i]][filled[group[i]]++] = rs[i];
    for (int g = 0; g < members.length; g++) {
      List<String> labels = new ArrayList<>(m);
      for (Column<?> c : cols) labels.add(Cells.label(c, firstRow.getInt(g)));
      found.add(labels, members[g]);
    }
  }

}
