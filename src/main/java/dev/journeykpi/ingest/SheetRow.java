package dev.journeykpi.ingest;

/** A spreadsheet row: its 1-based number and its cells by 0-based column (missing cells are null). */
record SheetRow(int number, SheetCell[] cells) {
  SheetCell cell(int column) {
    return column < cells.length && cells[column] != null ? cells[column] : SheetCell.BLANK;
  }

  boolean isBlank() {
    for (SheetCell c : cells) {
      if (c != null && !c.isBlank()) return false;
    }
    return true;
  }
}
