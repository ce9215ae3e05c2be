package dev.journeykpi.calc;

import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code count}: rows, or distinct non-blank values of a column. */
final class CountMeasurer implements Measurer {
  private final String distinct;

  CountMeasurer(String distinct) {
    this.distinct = distinct;
  }

  @Override
  public Measure measure(Table table, int[] rows) {
    if (distinct == null) return Measure.of(rows.length, rows.length);
    Column<?> c = table.column(distinct);
    int blank = 0;
    int count;
    if (c instanceof tech.tablesaw.api.StringColumn s) {
      // Distinct dictionary keys: no string hashing per row.
      var dict = s.getDictionary();
      java.util.OptionalInt blankKey = Cells.blankKey(s);
      boolean anyBlank = blankKey.isPresent();
      int blankValue = blankKey.orElse(0);
      // Keys may be negative (Tablesaw starts small dictionaries at Byte.MIN_VALUE).
      it.unimi.dsi.fastutil.ints.IntOpenHashSet seen = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
      for (int row : rows) {
        int k = dict.getKeyAtIndex(row);
        if (anyBlank && k == blankValue) blank++; else seen.add(k);
      }
      count = seen.size();
    } else {
      Set<String> seen = new HashSet<>();
      for (int row : rows) {
        if (Cells.isBlank(c, row)) blank++; else seen.add(Cells.label(c, row));
      }
      count = seen.size();
    }
    Measure m = Measure.of(count, rows.length);
    return blank == 0 ? m : m.withNote(blank + " rows without " + distinct + " not counted");
  }
}
