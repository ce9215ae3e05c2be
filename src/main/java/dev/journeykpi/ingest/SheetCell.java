package dev.journeykpi.ingest;

import org.apache.poi.ss.usermodel.DataFormatter;

/**
 * One spreadsheet cell as stored: text, a number (with whether Excel shows it as a date, time or
 * duration, and whether the workbook counts dates from 1904), a boolean, or an error. Formula cells
 * arrive as their cached result; a formula saved without one (by openpyxl, pandas, report
 * generators: Excel computes it on opening) is {@link Kind#FORMULA}, its text the formula.
 */
record SheetCell(
    Kind kind,
    String text,
    double number,
    boolean dateFormatted,
    int formatIndex,
    String formatString,
    boolean date1904) {
  enum Kind {
    BLANK,
    TEXT,
    NUMBER,
    BOOLEAN,
    ERROR,
    /**
     * A formula without a cached value: its value is unknown until a spreadsheet program computes
     * it.
     */
    FORMULA
  }

  static final SheetCell BLANK = new SheetCell(Kind.BLANK, "", 0, false, 0, null, false);
  private static final DataFormatter FORMATTER = new DataFormatter();

  static SheetCell text(String s) {
    return new SheetCell(Kind.TEXT, s, 0, false, 0, null, false);
  }

  static SheetCell bool(boolean b) {
    return new SheetCell(Kind.BOOLEAN, b ? "TRUE" : "FALSE", b ? 1 : 0, false, 0, null, false);
  }

  static SheetCell error() {
    return new SheetCell(Kind.ERROR, "#ERROR", 0, false, 0, null, false);
  }

  /**
   * @param formula as Excel shows it in the formula bar, with its leading '='
   */
  static SheetCell uncachedFormula(String formula) {
    return new SheetCell(Kind.FORMULA, formula, 0, false, 0, null, false);
  }

  static SheetCell number(double v, boolean dateFormatted, int formatIndex, String formatString) {
    return number(v, dateFormatted, formatIndex, formatString, false);
  }

  static SheetCell number(
      double v, boolean dateFormatted, int formatIndex, String formatString, boolean date1904) {
    return new SheetCell(Kind.NUMBER, null, v, dateFormatted, formatIndex, formatString, date1904);
  }

  boolean isBlank() {
    return kind == Kind.BLANK || (kind == Kind.TEXT && text.isBlank());
  }

  /** The value as Excel shows it, for headers, samples and problem reports. */
  String shown() {
    if (kind != Kind.NUMBER) return text;
    // As Java writes them, as a Parquet file's are shown ("Infinity", not POI's "∞").
    if (!Double.isFinite(number)) return Double.toString(number);
    return formatString == null
        ? FORMATTER.formatRawCellContents(number, 0, "General")
        : FORMATTER.formatRawCellContents(number, formatIndex, formatString, date1904);
  }
}
