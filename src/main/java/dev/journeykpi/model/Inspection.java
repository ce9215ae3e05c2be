package dev.journeykpi.model;

import java.util.List;

/**
 * What {@code kpi inspect} found in a file.
 *
 * @param layout a short description of how the file was read (encoding, delimiter, sheet, header
 *     row)
 * @param encoding the charset a source must declare to read the file (one without a byte-order mark
 *     that is not UTF-8), or null
 * @param nulls the blank tokens seen in the file ("", then {@code N/A}, {@code ?}, {@code -} … as
 *     spelled, most frequent first), for the source's {@code nulls:}; empty when the file has none
 */
public record Inspection(
    String file,
    String format,
    String layout,
    String sheet,
    int headerRow,
    long rows,
    String encoding,
    List<ColumnReport> columns,
    List<String> nulls) {

  public Inspection(
      String file,
      String format,
      String layout,
      String sheet,
      int headerRow,
      long rows,
      String encoding,
      List<ColumnReport> columns) {
    this(file, format, layout, sheet, headerRow, rows, encoding, columns, List.of());
  }

  /**
   * @param type inferred type (string, number, boolean, date, datetime, duration)
   * @param formats date patterns, or the decimal mark for numbers
   * @param note anything ambiguous the user should check
   */
  public record ColumnReport(
      String header,
      String name,
      String type,
      List<String> formats,
      long blanks,
      List<String> samples,
      String note) {}
}
