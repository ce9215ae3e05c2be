package dev.journeykpi.calc;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.columns.Column;

/**
 * Numbers the distinct non-blank values of a column 0, 1, 2 … in order of first appearance, for the
 * rows asked about. Text is numbered by its dictionary key (the value decided once per key, no
 * String per row); other columns by their label.
 *
 * <p>An imported text column numbers its keys 0, 1, 2 … ({@code ImportedDictionary}): its keys'
 * numbers are then kept in an array indexed by key, not a hash map, and a number's value is read
 * back from the dictionary when asked for, not kept in a list. On the customers benchmark (eight
 * KPIs over 1,000,000 rows, two of them numbering 1,000,000 distinct order ids) the hash map's
 * lookups and the list of values were a third of the KPIs' CPU time.
 */
public final class KeyNumbering {
  private static final int UNSEEN = -1;
  private static final int BLANK = -2;

  /**
   * Keys from 0 up to this bound go in the array: a dictionary's own count of keys when it is not
   * much larger than its rows (imported dictionaries); others (Tablesaw's own dictionaries number
   * from -128, -32,768 or Integer.MIN_VALUE) go in the hash map.
   */
  private final int[] byDenseKey;

  private final Column<?> column;
  private final tech.tablesaw.columns.strings.DictionaryMap dict;
  private it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap byKey;
  private final Map<String, Integer> byLabel = new HashMap<>();

  /** per number: its dictionary key (text), or its value's index in {@link #labels} */
  private int[] keyOf = new int[256];

  private final java.util.List<String> labels = new java.util.ArrayList<>();
  private int size;

  public KeyNumbering(Column<?> column) {
    this.column = column;
    this.dict = column instanceof tech.tablesaw.api.StringColumn s ? s.getDictionary() : null;
    int bound = dict == null ? 0 : dict.nextKeyWithoutIncrementing();
    if (dict != null && bound > 0 && bound <= 4L * dict.size() + 1024) {
      byDenseKey = new int[bound];
      java.util.Arrays.fill(byDenseKey, UNSEEN);
    } else {
      byDenseKey = null;
    }
  }

  /** The value's number, or -1 when the row's value is blank. */
  public int of(int row) {
    if (dict == null) {
      if (Cells.isBlank(column, row)) return -1;
      String label = Cells.label(column, row);
      if (label.isBlank()) return -1;
      return byLabel.computeIfAbsent(
          label,
          k -> {
            labels.add(k);
            return add(labels.size() - 1);
          });
    }
    int key = dict.getKeyAtIndex(row);
    int[] dense = byDenseKey;
    if (dense != null && key >= 0 && key < dense.length) {
      int number = dense[key];
      if (number == UNSEEN) dense[key] = number = numberOf(key);
      return number == BLANK ? -1 : number;
    }
    if (byKey == null) {
      byKey = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
      byKey.defaultReturnValue(UNSEEN);
    }
    int number = byKey.get(key);
    if (number == UNSEEN) {
      number = numberOf(key);
      byKey.put(key, number);
    }
    return number == BLANK ? -1 : number;
  }

  /** A new number for a dictionary key seen for the first time, or BLANK. */
  private int numberOf(int key) {
    if (dict instanceof dev.journeykpi.model.BlankText b) // imported: no String made for the key
    return b.isBlankKey(key) ? BLANK : add(key);
    String v = dict.getValueForKey(key);
    if (v == null || v.isEmpty() || (v.charAt(0) <= ' ' || v.charAt(0) > '~') && v.isBlank())
      return BLANK; // String.isBlank only when the first character may be white space
    return add(key);
  }

  private int add(int key) {
    if (size == keyOf.length) keyOf = java.util.Arrays.copyOf(keyOf, size * 2);
    keyOf[size] = key;
    return size++;
  }

  /** The value numbered {@code number}. */
  public String id(int number) {
    java.util.Objects.checkIndex(number, size);
    return dict == null ? labels.get(keyOf[number]) : dict.getValueForKey(keyOf[number]);
  }

  public int size() {
    return size;
  }

  public String[] ids() {
    String[] out = new String[size];
    for (int i = 0; i < size; i++) out[i] = id(i);
    return out;
  }
}
