package dev.journeykpi.ingest;

/**
 * A spreadsheet row: its 1-based number and its cells by 0-based column (missing cells are null),
 * and for each cell whose value was filled in from the merged range above it, that range's rows
 * (null when none was filled).
 */
record SheetRow(int number, SheetCell[] cells, Span[] filled) {
  /** The rows of a merged range, 1-based, first and last included. */
  record Span(int firstRow, int lastRow) {
    int rows() {
      return lastRow - firstRow + 1;
    }
  }

  SheetRow(int number, SheetCell[] cells) {
    this(number, cells, null);
  }

  SheetCell cell(int column) {
    return column < cells.length && cells[column] != null ? cells[column] : SheetCell.BLANK;
  }

  /**
   * Whether the cell of {@code column} shows the value of the top-left cell of a merged range above
   * it.
   */
  boolean filled(int column) {
    return span(column) != null;
  }

  /** The merged range the cell of {@code column} was filled from, or null. */
  Span span(int column) {
    return filled != null && column < filled.length ? filled[column] : null;
  }

  /**
   * No value in the row; cells filled from a merged range do not count, as the row itself holds
   * nothing.
   */
  boolean isBlank() {
    for (int i = 0; i < cells.length; i++) {
      SheetCell c = cells[i];
      if (c != null && !c.isBlank() && !filled(i)) return false;
    }
    return true;
  }
}
