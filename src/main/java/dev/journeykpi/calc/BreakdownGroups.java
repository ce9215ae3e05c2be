package dev.journeykpi.calc;

import dev.journeykpi.model.ResultRow;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A KPI's rows split by its breakdown columns: the rows of each combination of values, in display
 * order.
 *
 * <p>Held as a few large arrays (each group's labels, every row grouped in one array with each
 * group's start), and a group's row array made only when it is measured: a breakdown on a ticket id
 * has a million groups, and a million small objects kept alive through the calculation were copied
 * by each garbage collection.
 */
final class BreakdownGroups {
  /** labels[j][g]: group g's value of breakdown column j, {@link ResultRow#BLANK} for blanks */
  private final String[][] labels;

  /** group g's rows, ascending, are members[start[g]] up to members[start[g + 1]] */
  private final int[] members;

  private final int[] start;

  /** the groups in display order */
  private final int[] order;

  private BreakdownGroups(String[][] labels, int[] members, int[] start, int[] order) {
    this.labels = labels;
    this.members = members;
    this.start = start;
    this.order = order;
  }

  int size() {
    return order.length;
  }

  /** The labels of the i-th group in display order. */
  List<String> key(int i) {
    int g = order[i];
    if (labels.length == 1) return List.of(labels[0][g]);
    List<String> key = new ArrayList<>(labels.length);
    for (String[] column : labels) key.add(column[g]);
    return key;
  }

  /** The ascending rows of the i-th group in display order, a new array. */
  int[] rows(int i) {
    int g = order[i];
    return Arrays.copyOfRange(members, start[g], start[g + 1]);
  }

  /** The groups as a map in display order, for the callers that add or merge groups. */
  Map<List<String>, int[]> toMap() {
    Map<List<String>, int[]> out = new LinkedHashMap<>(2 * size());
    for (int i = 0; i < size(); i++) out.put(key(i), rows(i));
    return out;
  }

  /** Groups already in display order. */
  static BreakdownGroups inOrder(Map<List<String>, int[]> groups, int columns) {
    Found found = new Found(columns);
    groups.forEach(found::add);
    return found.build(null);
  }

  /**
   * The ascending rows of each combination of the {@code by} columns' values among {@code rs}, in
   * display order.
   */
  static BreakdownGroups of(Table table, List<String> by, int[] rs, LabelOrder order) {
    if (by.isEmpty())
      return new BreakdownGroups(new String[0][], new int[0], new int[] {0}, new int[0]);
    List<Column<?>> cols = by.stream().<Column<?>>map(table::column).toList();
    // Group with hashing, then sort the keys once: comparing with the collator on every row was the
    // slowest part of a million-row report.
    if (cols.size() == 1) {
      // The usual single breakdown: group on the label itself, no key list per row.
      Column<?> c = cols.get(0);
      if (c instanceof StringColumn s) return groupTextColumn(s, rs, order);
      Map<String, IntArrayList> byLabel = new LinkedHashMap<>();
      for (int row : rs) {
        byLabel.computeIfAbsent(Cells.groupLabel(c, row), k -> new IntArrayList()).add(row);
      }
      Found found = new Found(1);
      byLabel.forEach((k, v) -> found.add(List.of(k), v.toIntArray()));
      return found.build(order);
    }
    if (cols.stream().allMatch(c -> c instanceof StringColumn))
      return groupTextColumns(cols, rs, order);
    return groupByLabels(cols, rs, order);
  }

  /**
   * One text column, grouped on dictionary keys: an int per row instead of a string lookup. Two
   * passes: number the keys and count their rows, then place each row in its group's part of one
   * array.
   */
  private static BreakdownGroups groupTextColumn(StringColumn s, int[] rs, LabelOrder order) {
    var dict = s.getDictionary();
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int row : rs) {
      int k = dict.getKeyAtIndex(row);
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    // Keys usually lie in a range not much wider than the rows (imported dictionaries number their
    // values 0, 1, 2 …): then a group number per key in the range, sized once, where a hash map of
    // a million ids grew five times.
    long range = (long) max - min + 1;
    boolean dense = rs.length > 0 && range <= 4L * rs.length + 1024;
    int[] groupOfKey = dense ? new int[(int) range] : null;
    if (dense) Arrays.fill(groupOfKey, -1);
    var groupOf = dense ? null : new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
    if (!dense) groupOf.defaultReturnValue(-1);
    // Sized for every group at once where the number is bounded: arrays of a million grown step by
    // step leave their old copies in the old generation until a full collection.
    int most = dense ? (int) Math.min(range, rs.length) : 16;
    IntArrayList keys = new IntArrayList(most);
    IntArrayList sizes = new IntArrayList(most);
    int[] group = new int[rs.length];
    int lastKey = 0;
    int last = -1;
    for (int i = 0; i < rs.length; i++) {
      int k = dict.getKeyAtIndex(rs[i]);
      if (k != lastKey || last < 0) { // neighbouring rows often share their value
        last = dense ? groupOfKey[k - min] : groupOf.get(k);
        if (last < 0) {
          last = keys.size();
          if (dense) groupOfKey[k - min] = last;
          else groupOf.put(k, last);
          keys.add(k);
          sizes.add(0);
        }
        lastKey = k;
      }
      group[i] = last;
      sizes.set(last, sizes.getInt(last) + 1);
    }
    String[][] labels = new String[1][keys.size()];
    for (int g = 0; g < keys.size(); g++) {
      String label = dict.getValueForKey(keys.getInt(g));
      labels[0][g] =
          label.isEmpty() ? ResultRow.BLANK : dev.journeykpi.model.BreakdownLabel.of(label);
    }
    return counted(labels, group, sizes, rs, order);
  }

  /**
   * Several text columns: each row's dictionary keys, numbered densely per column, make one number
   * per combination (mixed radix); rows are counted, then placed, per combination, and each group's
   * labels are read from its first row. A list of labels per row as a hash key cost about 0.3 s per
   * KPI at 1,000,000 rows.
   */
  private static BreakdownGroups groupTextColumns(
      List<Column<?>> cols, int[] rs, LabelOrder order) {
    int m = cols.size();
    int[][] dense = new int[m][rs.length];
    long[] radix = new long[m];
    for (int j = 0; j < m; j++) {
      var dict = ((StringColumn) cols.get(j)).getDictionary();
      it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap number =
          new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
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
    if (combinations >= Long.MAX_VALUE / 2)
      return groupByLabels(cols, rs, order); // not seen in practice
    it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap groupOf =
        new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
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
    String[][] labels = new String[m][sizes.size()];
    for (int j = 0; j < m; j++) {
      for (int g = 0; g < sizes.size(); g++)
        labels[j][g] = Cells.groupLabel(cols.get(j), firstRow.getInt(g));
    }
    return counted(labels, group, sizes, rs, order);
  }

  /** Any columns: a list of labels per row as the key. */
  private static BreakdownGroups groupByLabels(List<Column<?>> cols, int[] rs, LabelOrder order) {
    Map<List<String>, IntArrayList> byKey = new LinkedHashMap<>();
    for (int row : rs) {
      List<String> key = new ArrayList<>(cols.size());
      for (Column<?> c : cols) key.add(Cells.groupLabel(c, row));
      byKey.computeIfAbsent(key, k -> new IntArrayList()).add(row);
    }
    Found found = new Found(cols.size());
    byKey.forEach((k, v) -> found.add(k, v.toIntArray()));
    return found.build(order);
  }

  /** Groups numbered per row ({@code group[i]} for row {@code rs[i]}), placed by counting. */
  private static BreakdownGroups counted(
      String[][] labels, int[] group, IntArrayList sizes, int[] rs, LabelOrder order) {
    int n = sizes.size();
    // Each group's end, then rows placed from the last backwards: the ends become the starts, rows
    // stay ascending.
    int[] start = new int[n + 1];
    for (int g = 0; g < n; g++) start[g + 1] = start[g] + sizes.getInt(g);
    System.arraycopy(start, 1, start, 0, n);
    int[] members = new int[rs.length];
    for (int i = rs.length - 1; i >= 0; i--) members[--start[group[i]]] = rs[i];
    return new BreakdownGroups(labels, members, start, sorted(labels, order));
  }

  /**
   * The display order of the groups. Sorted once, not kept in a sorted map: a merge sort of their
   * numbers takes labels that come in order (an export's ids, first seen first) in one pass, and
   * each label's primary weights are worked out once, into one array per column ({@link
   * LabelOrder.Weights}), rather than in every comparison (1,000,000 ticket ids in a TreeMap with
   * the collator: 43 s).
   */
  private static int[] sorted(String[][] labels, LabelOrder order) {
    int n = labels.length == 0 ? 0 : labels[0].length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = i;
    if (order == null || inOrder(labels, order)) return perm;
    int m = labels.length;
    LabelOrder.Weights[] weights = new LabelOrder.Weights[m];
    for (int j = 0; j < m; j++) weights[j] = LabelOrder.Weights.of(labels[j]);
    it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(
        perm,
        (x, y) -> {
          for (int j = 0; j < m; j++) {
            int c = order.compare(labels[j], weights[j], x, y);
            if (c != 0) return c;
          }
          return 0;
        });
    return perm;
  }

  /**
   * Whether the groups, numbered first seen first, are in display order already (ids in an export
   * usually are).
   */
  private static boolean inOrder(String[][] labels, LabelOrder order) {
    int n = labels.length == 0 ? 0 : labels[0].length;
    for (int i = 1; i < n; i++) {
      int c = 0;
      for (int j = 0; j < labels.length && c == 0; j++)
        c = order.compare(labels[j][i - 1], labels[j][i]);
      if (c > 0) return false;
    }
    return true;
  }

  /** Groups collected one by one, first seen first. */
  private static final class Found {
    private final List<List<String>> labels = new ArrayList<>();
    private final IntArrayList members = new IntArrayList();
    private final IntArrayList start = IntArrayList.of(0);

    Found(int columns) {
      for (int j = 0; j < columns; j++) labels.add(new ArrayList<>());
    }

    void add(List<String> key, int[] rows) {
      for (int j = 0; j < labels.size(); j++) labels.get(j).add(key.get(j));
      members.addElements(members.size(), rows);
      start.add(members.size());
    }

    /**
     * @param order null to keep the order they were added in
     */
    BreakdownGroups build(LabelOrder order) {
      String[][] l = new String[labels.size()][];
      for (int j = 0; j < l.length; j++) l[j] = labels.get(j).toArray(String[]::new);
      return new BreakdownGroups(l, members.toIntArray(), start.toIntArray(), sorted(l, order));
    }
  }
}
