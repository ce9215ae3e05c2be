package dev.journeykpi.ingest;

import dev.journeykpi.config.DistinctDef;
import dev.journeykpi.config.TextKey;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenCustomHashMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.DateColumnType;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;

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
    boolean[] blankBy = new boolean[n];
    long[] order = byColumn == null ? null : order(byColumn, n, blankBy);

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
    int[] rows = new int[n - nByOrder - nNoBy];
    int i = 0;
    for (int r = 0; r < n; r++) if (group[r] < 0 || kept[group[r]] == r) rows[i++] = r;
    return rows(table, rows);
  }

  /**
   * The table of the given rows, column by column. An imported text column is copied by its keys
   * (Tablesaw's own copy hashes every row's value again); the others by Tablesaw.
   */
  private static Table rows(Table table, int[] rows) {
    Table out = Table.create(table.name());
    for (Column<?> c : table.columns()) {
      ImportedDictionary copied =
          c instanceof StringColumn s && s.getDictionary() instanceof ImportedDictionary d
              ? d.rows(rows)
              : null;
      out.addColumns(
          copied != null ? StringColumn.createInternal(c.name(), copied) : c.subset(rows));
    }
    return out;
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
      Object2IntOpenCustomHashMap<String> byText = new Object2IntOpenCustomHashMap<>(ASCII_CASE);
      byText.defaultReturnValue(-1);
      // An imported column's keys are dense from 0: its codes by key sit in an array.
      int dense = dict instanceof ImportedDictionary d ? d.keyCount() : -1;
      int[] byKey = dense < 0 ? null : new int[dense];
      if (byKey != null) Arrays.fill(byKey, Integer.MIN_VALUE);
      Int2IntOpenHashMap byDictKey = new Int2IntOpenHashMap();
      byDictKey.defaultReturnValue(Integer.MIN_VALUE);
      for (int r = 0; r < n; r++) {
        int k = dict.getKeyAtIndex(r);
        int code = byKey != null ? byKey[k] : byDictKey.get(k);
        if (code == Integer.MIN_VALUE) {
          String v = dict.getValueForKey(k);
          String t = v == null ? "" : TextKey.ofButAsciiCase(v);
          if (t.isEmpty()) {
            code = -1;
          } else {
            code = byText.getInt(t);
            if (code < 0) {
              code = byText.size();
              byText.put(t, code);
            }
          }
          if (byKey != null) byKey[k] = code;
          else byDictKey.put(k, code);
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

  /**
   * Equality and hash without the case of ASCII letters, completing {@link TextKey#ofButAsciiCase}
   * (keys compared as filters compare text: trimmed, NFC, without case): ASCII text (ids, the usual
   * key) arrives in its case, with no new string for each of a few hundred thousand ids; texts with
   * other letters arrive lowered, so lowering their ASCII letters again changes nothing.
   */
  static final it.unimi.dsi.fastutil.Hash.Strategy<String> ASCII_CASE =
      new it.unimi.dsi.fastutil.Hash.Strategy<>() {
        @Override
        public int hashCode(String s) {
          if (s == null) return 0;
          int h = 0;
          for (int i = 0; i < s.length(); i++) h = 31 * h + lower(s.charAt(i));
          return h;
        }

        @Override
        public boolean equals(String a, String b) {
          if (a == null || b == null) return a == b;
          if (a.length() != b.length()) return false;
          for (int i = 0; i < a.length(); i++)
            if (lower(a.charAt(i)) != lower(b.charAt(i))) return false;
          return true;
        }

        private static char lower(char c) {
          return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
      };

  /**
   * The order column as longs in the same order: Tablesaw's packed dates and date-times are already
   * in calendar order; a double's bits are turned so that they sort as the numbers do.
   */
  private static long[] order(Column<?> c, int n, boolean[] blank) {
    long[] out = new long[n];
    if (c instanceof DateTimeColumn dt) {
      long missing = DateTimeColumnType.missingValueIndicator();
      for (int r = 0; r < n; r++) blank[r] = (out[r] = dt.getLongInternal(r)) == missing;
    } else if (c instanceof DateColumn d) {
      int missing = DateColumnType.missingValueIndicator();
      for (int r = 0; r < n; r++) blank[r] = (out[r] = d.getIntInternal(r)) == missing;
    } else if (c instanceof NumericColumn<?> x) {
      for (int r = 0; r < n; r++) {
        double v = x.getDouble(r);
        blank[r] = Double.isNaN(v);
        long bits = Double.doubleToLongBits(v);
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
      b.append(" @ ");
      if (by.isMissing(row)) b.append("(blank)");
      else if (by instanceof DateTimeColumn dt) dateTime(b, dt.getLongInternal(row));
      else b.append(by.getString(row));
    }
    return b.toString();
  }

  /**
   * yyyy-MM-dd HH:mm (and :ss when not 0) straight from Tablesaw's packed form: a hundred thousand
   * dropped rows are shown in --quality-report, and a formatter per value was a third of the step.
   */
  private static void dateTime(StringBuilder b, long packed) {
    int date = (int) (packed >> 32);
    int time = (int) packed;
    int year = date >> 16;
    int month = (date >> 8) & 0xff;
    int day = date & 0xff;
    int hour = time >>> 24;
    int minute = (time >>> 16) & 0xff;
    int second = (time & 0xffff) / 1000;
    b.append(year).append('-');
    two(b, month);
    b.append('-');
    two(b, day);
    b.append(' ');
    two(b, hour);
    b.append(':');
    two(b, minute);
    if (second != 0) {
      b.append(':');
      two(b, second);
    }
  }

  private static void two(StringBuilder b, int v) {
    if (v < 10) b.append('0');
    b.append(v);
  }
}
