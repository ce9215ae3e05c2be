package dev.journeykpi.calc;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.columns.Column;

/**
 * Numbers the distinct non-blank values of a column 0, 1, 2 … in order of first appearance, for the
 * rows asked about. Text is numbered by its dictionary key (the value decided once per key, no
 * String per row); other columns by their label.
 */
public final class KeyNumbering {
  private static final int UNSEEN = -1;
  private static final int BLANK = -2;
  private final Column<?> column;
  private final tech.tablesaw.columns.strings.DictionaryMap dict;
  private final it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap byKey =
      new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
  private final Map<String, Integer> byLabel = new HashMap<>();
  private final java.util.List<String> ids = new java.util.ArrayList<>();

  public KeyNumbering(Column<?> column) {
    this.column = column;
    this.dict = column instanceof tech.tablesaw.api.StringColumn s ? s.getDictionary() : null;
    byKey.defaultReturnValue(UNSEEN);
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
            ids.add(k);
            return ids.size() - 1;
          });
    }
    int key = dict.getKeyAtIndex(row);
    int number = byKey.get(key);
    if (number == UNSEEN) {
      String v = dict.getValueForKey(key);
      if (v == null || v.isBlank()) {
        number = BLANK;
      } else {
        number = ids.size();
        ids.add(v);
      }
      byKey.put(key, number);
    }
    return number == BLANK ? -1 : number;
  }

  /** The value numbered {@code number}. */
  public String id(int number) {
    return ids.get(number);
  }

  public int size() {
    return ids.size();
  }

  public String[] ids() {
    return ids.toArray(new String[0]);
  }
}
