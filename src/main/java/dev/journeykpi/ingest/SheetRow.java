package dev.journeykpi.ingest;

import java.util.BitSet;

/**
 * A spreadsheet row: its 1-based number and its cells by 0-based column (missing cells are null), the columns whose
 * value was filled in from a merged range, and of those the ones right of their range's first column, filled across
 * (both null when none).
 */
record SheetRow(int number, SheetCell[] cells, BitSet filled, BitSet across) {
  SheetRow(int number, SheetCell[] cells) {
    this(number, cells, null, null);
  }

  SheetCell cell(int column) {
    return column < cells.length && cells[column] != null ? cells[column] : SheetCell.BLANK;
  }

  /** Whether the cell of {@code column} shows the value of a merged range's top-left cell. */
  boolean filled(int column) {
    return filled != null && filled.get(column);
  }

  /** Whether the cell of {@code column} was filled from a merged range that starts in a column to its left. */
  boolean filledAcross(int column) {
    return across != null && across.get(column);
  }

  /** No value in the row; cells filled from a merged range do not count, as the row itself holds nothing. */
  boolean isBlank() {
    for (int i = 0; i < cells.length; i++) {
      SheetCell c = cells[i];
      if (c != null && !c.isBlank() && !filled(i)) return false;
    }
    return true;
  }
}
