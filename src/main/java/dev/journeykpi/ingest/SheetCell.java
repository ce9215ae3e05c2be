package dev.journeykpi.ingest;

import org.apache.poi.ss.usermodel.DataFormatter;

/**
 * One spreadsheet cell as stored: text, a number (with whether Excel shows it as a date, time or duration), a
 * boolean, or an error. Formula cells arrive as their cached result.
 */
record SheetCell(Kind kind, String text, double number, boolean dateFormatted, int formatIndex, String formatString) {
  enum Kind {
    BLANK,
    TEXT,
    NUMBER,
    BOOLEAN,
    ERROR
  }

  static final SheetCell BLANK = new SheetCell(Kind.BLANK, "", 0, false, 0, null);
  private static final DataFormatter FORMATTER = new DataFormatter();

  static SheetCell text(String s) {
    return new SheetCell(Kind.TEXT, s, 0, false, 0, null);
  }

  static SheetCell bool(boolean b) {
    return new SheetCell(Kind.BOOLEAN, b ? "TRUE" : "FALSE", b ? 1 : 0, false, 0, null);
  }

  static SheetCell number(double v, boolean dateFormatted, int formatIndex, String formatString) {
    return new SheetCell(Kind.NUMBER, null, v, dateFormatted, formatIndex, formatString);
  }

  boolean isBlank() {
    return kind == Kind.BLANK || (kind == Kind.TEXT && text.isBlank());
  }

  /** The value as Excel shows it, for headers, samples and problem reports. */
  String shown() {
    if (kind != Kind.NUMBER) return text;
    return formatString == null ? FORMATTER.formatRawCellContents(number, 0, "General")
        : FORMATTER.formatRawCellContents(number, formatIndex, formatString);
  }
}
