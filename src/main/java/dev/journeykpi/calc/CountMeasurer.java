package dev.journeykpi.calc;

import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/** {@code count}: rows, or distinct non-blank values of a column. */
final class CountMeasurer implements Measurer {
  private final String distinct;

  CountMeasurer(String distinct) {
    this.distinct = distinct;
  }

  @Override
  public Measure measure(Table table, Selection rows) {
    if (distinct == null) return Measure.of(rows.size(), rows.size());
    Column<?> c = table.column(distinct);
    Set<String> seen = new HashSet<>();
    int blank = 0;
    for (int row : rows) {
      if (c.isMissing(row)) blank++; else seen.add(Cells.label(c, row));
    }
    Measure m = Measure.of(seen.size(), rows.size());
    return blank == 0 ? m : m.withNote(blank + " rows without " + distinct + " not counted");
  }
}
