package dev.journeykpi.ingest;

import java.util.List;

/**
 * What {@code kpi inspect} found in a file.
 *
 * @param layout a short description of how the file was read (encoding, delimiter, sheet, header row)
 * @param encoding the charset a source must declare to read the file (one without a byte-order mark that is not
 *     UTF-8), or null
 */
public record Inspection(String file, String format, String layout, String sheet, int headerRow, long rows,
    String encoding, List<ColumnReport> columns) {

  /**
   * @param type inferred type (string, number, boolean, date, datetime, duration)
   * @param formats date patterns, or the decimal mark for numbers
   * @param note anything ambiguous the user should check
   */
  public record ColumnReport(String header, String name, String type, List<String> formats, long blanks,
      List<String> samples, String note) {}
}
