package dev.journeykpi.model;

/**
 * A text column's dictionary that tells blank cells by their key, without making the cell's text:
 * the importer's ({@code ingest.ImportedDictionary}) keeps its values as bytes and makes a String
 * only when one is read, so a check of every row through {@code StringColumn.get} made a String per
 * row (a million per KPI over a column of ids). Checks that read every row ask this first.
 */
public interface BlankText {
  /** Whether the row's text is empty (the blank cell). */
  boolean isEmptyAt(int row);

  /** Whether the row's text is empty or white space only, as {@link String#isBlank} says. */
  boolean isBlankAt(int row);

  /**
   * Whether the text of dictionary key {@code key} is empty or white space only, or no row holds it
   * ({@code getValueForKey} is null).
   */
  boolean isBlankKey(int key);
}
