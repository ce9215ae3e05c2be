package dev.journeykpi.ingest;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.NoKeysAvailableException;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * The dictionary of an imported text column, read straight from the import's arrays: a row's key is
 * its code in {@link TextDictionary} (dense, 0 for the blank value), a key's value and row count
 * are array entries.
 *
 * <p>Why not Tablesaw's own {@link IntDictionaryMap}: it needs three hash maps (key to value, key
 * to count, value to key) built up front, and for a column of ids (289,000 distinct customer ids on
 * the benchmark) building them took about 0.1 s of the import's critical path and tens of
 * megabytes, although a report reads such a column by key. Here the value-to-key map is built only
 * when a value is looked up (a filter or a count of one value), once.
 *
 * <p>Imported columns are read, not changed. The first change (append, set, sort, clear) turns this
 * into a plain {@link IntDictionaryMap} with the same keys, which then answers every call, so
 * Tablesaw's own semantics hold from there on. A blank value is missing ({@link #isMissing}), as it
 * is for the columns Tablesaw builds itself.
 */
final class ImportedDictionary implements DictionaryMap, dev.journeykpi.model.BlankText {
  private static final int BLANK = 0;

  private final TextValues values; // by key; value BLANK is ""
  private final int[] counts; // rows per key; a key of rows the import rejected has 0
  private final int[] rows; // key per row, the first `size` entries
  private final int size;
  private final int keys;
  private IntDictionaryMap changed;

  ImportedDictionary(TextValues values, int[] counts, int keys, int[] rows, int size) {
    this.values = values;
    this.counts = counts;
    this.keys = keys;
    this.rows = rows;
    this.size = size;
  }

  /** The key of {@code value}, or -1 when no row holds it. */
  private int keyOf(String value) {
    if (value == null) return -1;
    // The blank value is asked for by every count of distinct values (Cells.blankKey): no map for
    // it.
    if (value.isEmpty()) return counts[BLANK] > 0 ? BLANK : -1;
    // Over the values' bytes (TextValues builds its table on the first lookup, once): no String per
    // value, where a map from String held one for each of 10,000,000 ids.
    int k = values.find(value);
    return k >= 0 && counts[k] > 0 ? k : -1;
  }

  /** The Tablesaw map this one becomes on its first change: the same keys, values and counts. */
  private IntDictionaryMap changing() {
    if (changed == null) {
      Int2ObjectOpenHashMap<String> keyToValue = new Int2ObjectOpenHashMap<>(keys);
      Int2IntOpenHashMap keyToCount = new Int2IntOpenHashMap(keys);
      Object2IntOpenHashMap<String> valueToKey = new Object2IntOpenHashMap<>(keys);
      valueToKey.defaultReturnValue(Integer.MIN_VALUE); // Tablesaw's "no such value"
      for (int k = 0; k < keys; k++) {
        if (counts[k] == 0) continue;
        String v = values.get(k);
        keyToValue.put(k, v);
        keyToCount.put(k, counts[k]);
        valueToKey.put(v, k);
      }
      changed =
          new IntDictionaryMap.IntDictionaryBuilder()
              .setNextIndex(keys)
              .setKeyToValue(keyToValue)
              .setValueToKey(valueToKey)
              .setKeyToCount(keyToCount)
              .setValues(java.util.Arrays.copyOf(rows, size))
              .build();
    }
    return changed;
  }

  /**
   * The dictionary of the given rows (in that order) of an unchanged imported column: the same
   * values and keys, the rows' keys copied and their counts recounted; null once the column was
   * changed. Copying a text column this way costs an array copy, where Tablesaw's own copy hashes
   * each row's value again (seconds for a million rows of ids).
   */
  ImportedDictionary rows(int[] kept) {
    if (changed != null) return null;
    int[] newRows = new int[kept.length];
    int[] newCounts = new int[counts.length];
    for (int i = 0; i < kept.length; i++) {
      int k = rows[java.util.Objects.checkIndex(kept[i], size)];
      newRows[i] = k;
      newCounts[k]++;
    }
    return new ImportedDictionary(values, newCounts, keys, newRows, kept.length);
  }

  /**
   * The arrays of an unchanged imported column, as the import cache writes them; null once changed.
   */
  record Parts(TextValues values, int[] counts, int keys, int[] rows, int size) {}

  Parts parts() {
    return changed != null ? null : new Parts(values, counts, keys, rows, size);
  }

  /**
   * The number of keys of an unchanged imported column, dense from 0 (0 the blank); -1 once it was
   * changed.
   */
  int keyCount() {
    return changed != null ? -1 : keys;
  }

  @Override
  public int getKeyAtIndex(int rowNumber) {
    if (changed != null) return changed.getKeyAtIndex(rowNumber);
    java.util.Objects.checkIndex(rowNumber, size);
    return rows[rowNumber];
  }

  @Override
  public boolean isEmptyAt(int row) {
    if (changed != null) return blank(changed.getValueForIndex(row), false);
    return getKeyAtIndex(row) == BLANK;
  }

  @Override
  public boolean isBlankAt(int row) {
    if (changed != null) return blank(changed.getValueForIndex(row), true);
    int k = getKeyAtIndex(row);
    return k == BLANK || values.isBlank(k);
  }

  @Override
  public boolean isBlankKey(int key) {
    if (changed != null) return blank(changed.getValueForKey(key), true);
    return key == BLANK || key < 0 || key >= keys || counts[key] == 0 || values.isBlank(key);
  }

  private static boolean blank(String v, boolean orWhiteSpace) {
    return v == null || (orWhiteSpace ? v.isBlank() : v.isEmpty());
  }

  @Override
  public int getKeyForIndex(int i) {
    return getKeyAtIndex(i);
  }

  @Override
  public String getValueForKey(int key) {
    if (changed != null) return changed.getValueForKey(key);
    return key >= 0 && key < keys && counts[key] > 0 ? values.get(key) : null;
  }

  @Override
  public String getValueForIndex(int rowIndex) {
    if (changed != null) return changed.getValueForIndex(rowIndex);
    return values.get(getKeyAtIndex(rowIndex));
  }

  @Override
  public int size() {
    return changed != null ? changed.size() : size;
  }

  @Override
  public int countOccurrences(String value) {
    if (changed != null) return changed.countOccurrences(value);
    int k = keyOf(value);
    return k < 0 ? 0 : counts[k];
  }

  @Override
  public Set<String> asSet() {
    if (changed != null) return changed.asSet();
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int k = 0; k < keys; k++) {
      if (counts[k] > 0) out.add(values.get(k));
    }
    return out;
  }

  @Override
  public int firstIndexOf(String value) {
    if (changed != null) return changed.firstIndexOf(value);
    int k = keyOf(value);
    if (k < 0) return -1;
    for (int r = 0; r < size; r++) {
      if (rows[r] == k) return r;
    }
    return -1;
  }

  @Override
  public String[] asObjectArray() {
    if (changed != null) return changed.asObjectArray();
    String[] out = new String[size];
    for (int r = 0; r < size; r++) out[r] = values.get(rows[r]);
    return out;
  }

  @Override
  public Selection selectIsIn(String... strings) {
    return selectIsIn(java.util.Arrays.asList(strings));
  }

  @Override
  public Selection selectIsIn(Collection<String> strings) {
    if (changed != null) return changed.selectIsIn(strings);
    boolean[] wanted = new boolean[keys];
    for (String s : strings) {
      int k = keyOf(s);
      if (k >= 0) wanted[k] = true;
    }
    Selection out = new BitmapBackedSelection();
    for (int r = 0; r < size; r++) {
      if (wanted[rows[r]]) out.add(r);
    }
    return out;
  }

  @Override
  public Selection isEqualTo(String string) {
    return selectIsIn(Collections.singletonList(string));
  }

  @Override
  public int countUnique() {
    if (changed != null) return changed.countUnique();
    int n = 0;
    for (int k = 0; k < keys; k++) {
      if (counts[k] > 0) n++;
    }
    return n;
  }

  @Override
  public int countMissing() {
    if (changed != null) return changed.countMissing();
    return counts[BLANK];
  }

  @Override
  public boolean isMissing(int rowNumber) {
    if (changed != null) return changed.isMissing(rowNumber);
    return getKeyAtIndex(rowNumber) == BLANK;
  }

  @Override
  public Iterator<String> iterator() {
    if (changed != null) return changed.iterator();
    return new Iterator<>() {
      private int r;

      @Override
      public boolean hasNext() {
        return r < size;
      }

      @Override
      public String next() {
        if (r >= size) throw new java.util.NoSuchElementException();
        return values.get(rows[r++]);
      }
    };
  }

  @Override
  public Table countByCategory(String columnName) {
    return changing().countByCategory(columnName);
  }

  @Override
  public List<BooleanColumn> getDummies() {
    return changing().getDummies();
  }

  @Override
  public byte[] asBytes(int rowNumber) {
    return java.nio.ByteBuffer.allocate(4).putInt(getKeyAtIndex(rowNumber)).array();
  }

  @Override
  public int nextKeyWithoutIncrementing() {
    return changed != null ? changed.nextKeyWithoutIncrementing() : keys;
  }

  @Override
  public boolean canPromoteToText() {
    return true;
  }

  @Override
  public DictionaryMap promoteYourself() {
    return changing().promoteYourself();
  }

  // Changes: from here on, Tablesaw's own map.

  @Override
  public void sortDescending() {
    changing().sortDescending();
  }

  @Override
  public void sortAscending() {
    changing().sortAscending();
  }

  @Override
  public void append(String value) throws NoKeysAvailableException {
    changing().append(value);
  }

  @Override
  public void appendMissing() {
    changing().appendMissing();
  }

  @Override
  public void set(int rowIndex, String stringValue) throws NoKeysAvailableException {
    changing().set(rowIndex, stringValue);
  }

  @Override
  public void clear() {
    changing().clear();
  }
}
