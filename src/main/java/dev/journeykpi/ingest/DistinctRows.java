package dev.journeykpi.ingest;

import dev.journeykpi.config.DistinctDef;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;

/**
 * A source's {@code distinct:}: one row per key, the first or the last by a column, on the typed
 * table right after the import. Column by column: each row gets a key number and an order value in
 * an array, one pass picks each key's row, and the table is copied once without the others.
 *
 * <ul>
 *   <li>Keys are compared as filters compare text: trimmed, NFC, without case ({@code INC-7} and
 *       {@code inc-7 } are one incident). A key with a blank part names no incident: its row is
 *       kept as a row of its own (it matches nothing, so it duplicates nothing), and said in a
 *       note.
 *   <li>A row whose {@code by} is blank cannot be placed in its key's order: a row of the same key
 *       that has one is kept before it, whether the first or the last is wanted. Among rows without
 *       one (or without {@code by}), the file's order decides.
 *   <li>Rows of equal {@code by} are in the file's order: {@code keep: last} keeps the later one,
 *       {@code keep: first} the earlier.
 * </ul>
 *
 * Every row left out is counted in the quality report as dropped, with its key and order value.
 */
final class DistinctRows {
  private DistinctRows() {}

  /** The table with one row per key; the same table when no two rows share a key. */
  static Table apply(Table table, DistinctDef distinct, QualityRecorder quality, String file) {
    int n = table.rowCount();
    int[] group = keys(table, distinct, n);
    Column<?> byColumn = distinct.by() == null ? null : table.column(distinct.by());
    long[] order = byColumn == null ? null : order(byColumn, n);
    boolean[] blankBy = new boolean[n];
    if (byColumn != null) for (int r = 0; r < n; r++) blankBy[r] = byColumn.isMissing(r);

    int groups = 0;
    for (int g : group) groups = Math.max(groups, g + 1);
    int[] kept = new int[groups];
    Arrays.fill(kept, -1);
    long blankKeys = 0;
    for (int r = 0; r < n; r++) {
      int g = group[r];
      if (g < 0) {
        blankKeys++;
        continue;
      }
      int cur = kept[g];
      if (cur < 0 || better(r, cur, distinct.keepLast(), order, blankBy)) kept[g] = r;
    }

    // Rows left out, by reason: rows placed by their `by` value (or by the file's order when there
    // is no `by`), and rows without a `by` value, which come after those that have one.
    int[] byOrder = new int[n];
    int[] noBy = new int[n];
    int nByOrder = 0;
    int nNoBy = 0;
    for (int r = 0; r < n; r++) {
      int g = group[r];
      if (g < 0 || kept[g] == r) continue;
      if (blankBy[r]) noBy[nNoBy++] = r;
      else byOrder[nByOrder++] = r;
    }
    if (blankKeys > 0) {
      quality.note(
          "distinct: "
              + blankKeys
              + (blankKeys == 1 ? " row has" : " rows have")
              + " a blank "
              + distinct.keyText()
              + "; each is kept as a row of its own");
    }
    if (byColumn != null) {
      long keptWithoutBy = 0;
      for (int g = 0; g < groups; g++) if (kept[g] >= 0 && blankBy[kept[g]]) keptWithoutBy++;
      if (keptWithoutBy > 0) {
        quality.note(
            "distinct: "
                + keptWithoutBy
                + " "
                + (keptWithoutBy == 1 ? "key has" : "keys have")
                + " no "
                + distinct.by()
                + " on any row; the "
                + (distinct.keepLast() ? "last" : "first")
                + " in the file is kept");
      }
    }
    if (nByOrder + nNoBy == 0) return table;
    String key = distinct.keyText();
    String keep = distinct.keepLast() ? "last" : "first";
    String reason =
        distinct.by() == null
            ? "duplicate "
                + key
                + ": "
                + (distinct.keepLast() ? "an earlier" : "a later")
                + " row in the file (distinct keeps the "
                + keep
                + ")"
            : "duplicate "
                + key
                + ": "
                + (distinct.keepLast() ? "an earlier" : "a later")
                + " row by "
                + distinct.by()
                + " (distinct keeps the "
                + keep
                + ")";
    int[] a = byOrder;
    quality.drop(reason, file, key, nByOrder, i -> shown(table, distinct, a[i]));
    int[] b = noBy;
    quality.drop(
        "duplicate "
            + key
            + " without "
            + distinct.by()
            + " (distinct keeps the "
            + keep
            + ": a row with "
            + distinct.by()
            + ", else the "
            + keep
            + " in the file)",
        file,
        key,
        nNoBy,
        i -> shown(table, distinct, b[i]));
    BitmapBackedSelection keep1 = new BitmapBackedSelection();
    for (int r = 0; r < n; r++) if (group[r] < 0 || kept[group[r]] == r) keep1.add(r);
    return table.where(keep1);
  }

  /** Whether row {@code r}, later in the file, replaces {@code cur} as its key's row. */
  private static boolean better(int r, int cur, boolean last, long[] order, boolean[] blankBy) {
    if (blankBy[r] != blankBy[cur])
      return blankBy[cur]; // a row with a `by` value beats one without
    if (order == null || blankBy[r]) return last; // file order: the later row is the last
    return last ? order[r] >= order[cur] : order[r] < order[cur];
  }

  /**
   * A key number per row, from 0, equal for rows whose key columns all compare equal; -1 when a
   * part of the key is blank.
   */
  private static int[] keys(Table table, DistinctDef distinct, int n) {
    int[] group = null;
    for (String name : distinct.key()) {
      int[] codes = codes(table.column(name), n);
      if (group == null) {
        group = codes;
        continue;
      }
      // Combine with the columns before: a number for each pair seen.
      Long2IntOpenHashMap pairs = new Long2IntOpenHashMap();
      pairs.defaultReturnValue(-1);
      for (int r = 0; r < n; r++) {
        if (group[r] < 0 || codes[r] < 0) {
          group[r] = -1;
          continue;
        }
        long pair = ((long) group[r] << 32) | (codes[r] & 0xffffffffL);
        int g = pairs.get(pair);
        if (g < 0) {
          g = pairs.size();
          pairs.put(pair, g);
        }
        group[r] = g;
      }
    }
    return group;
  }

  /** One column's values as numbers, equal for values that compare equal; -1 for a blank. */
  private static int[] codes(Column<?> c, int n) {
    int[] out = new int[n];
    if (c instanceof StringColumn s) {
      // Text is dictionary-encoded: each distinct text is normalised once, not once per row.
      var dict = s.getDictionary();
      Map<String, Integer> byText = new HashMap<>();
      Int2IntOpenHashMap byDictKey = new Int2IntOpenHashMap();
      byDictKey.defaultReturnValue(Integer.MIN_VALUE);
      for (int r = 0; r < n; r++) {
        int k = dict.getKeyAtIndex(r);
        int code = byDictKey.get(k);
        if (code == Integer.MIN_VALUE) {
          String v = dict.getValueForKey(k);
          String t = v == null ? "" : normalised(v);
          code = t.isEmpty() ? -1 : byText.computeIfAbsent(t, x -> byText.size());
          byDictKey.put(k, code);
        }
        out[r] = code;
      }
      return out;
    }
    Map<Object, Integer> byValue = new HashMap<>();
    for (int r = 0; r < n; r++) {
      out[r] = c.isMissing(r) ? -1 : byValue.computeIfAbsent(c.get(r), x -> byValue.size());
    }
    return out;
  }

  /** As filters compare text: trimmed, NFC, without case. */
  static String normalised(String v) {
    return Normalizer.normalize(v.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /**
   * The order column as longs in the same order: Tablesaw's packed dates and date-times are already
   * in calendar order; a double's bits are turned so that they sort as the numbers do.
   */
  private static long[] order(Column<?> c, int n) {
    long[] out = new long[n];
    if (c instanceof DateTimeColumn dt) {
      for (int r = 0; r < n; r++) out[r] = dt.getLongInternal(r);
    } else if (c instanceof DateColumn d) {
      for (int r = 0; r < n; r++) out[r] = d.getIntInternal(r);
    } else if (c instanceof NumericColumn<?> x) {
      for (int r = 0; r < n; r++) {
        long bits = Double.doubleToLongBits(x.getDouble(r));
        out[r] = bits ^ ((bits >> 63) & Long.MAX_VALUE);
      }
    } else {
      throw new IllegalStateException("distinct: '" + c.name() + "' cannot be ordered");
    }
    return out;
  }

  /** A dropped row as the report shows it: its key, and its order value. */
  private static String shown(Table table, DistinctDef distinct, int row) {
    StringBuilder b = new StringBuilder();
    for (String k : distinct.key()) {
      if (b.length() > 0) b.append(", ");
      b.append(table.column(k).getString(row));
    }
    if (distinct.by() != null) {
      Column<?> by = table.column(distinct.by());
      b.append(" @ ")
          .append(
              by.isMissing(row)
                  ? "(blank)"
                  : by instanceof DateTimeColumn dt
                      ? dt.get(row).toString().replace('T', ' ')
                      : by.getString(row));
    }
    return b.toString();
  }
}
