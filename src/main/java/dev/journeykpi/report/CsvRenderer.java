package dev.journeykpi.report;

import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The tidy rows as CSV: UTF-8, '\n' line ends, plain numbers, header first; the same input gives
 * the same bytes. Text that a spreadsheet would run as a formula is neutralised ({@link
 * SpreadsheetSafe}).
 */
public final class CsvRenderer implements Renderer {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    List<String> dims = TidyColumns.dimensions(card.rows());
    boolean intervals = card.hasIntervals();
    boolean levels = card.kpiLevels();
    boolean compared = !card.comparisons().isEmpty();
    ComparisonColumns comparisons = new ComparisonColumns(card);
    // Each record is built in a builder, then written whole: a CSVPrinter on the writer took a lock
    // and cut a substring for every cell (a breakdown of 1,000,000 rows: 2 s and 3 GB of
    // short-lived text).
    Writer w = new java.io.BufferedWriter(out, 1 << 16);
    char[] chars = new char[256];
    for (int i = -1; i < card.rows().size(); i++) {
      StringBuilder line =
          record(
              i < 0
                  ? TidyColumns.header(dims, intervals, levels, compared)
                  : cells(
                      card.rows().get(i), dims, intervals, levels, compared ? comparisons : null));
      if (line.length() > chars.length) chars = new char[2 * line.length()];
      line.getChars(
          0,
          line.length(),
          chars,
          0); // written from a reused array, not copied into a String first
      w.write(chars, 0, line.length());
    }
    w.flush();
  }

  private static List<String> cells(
      dev.journeykpi.model.ResultRow r,
      List<String> dims,
      boolean intervals,
      boolean levels,
      ComparisonColumns comparisons) {
    List<String> c =
        TidyColumns.cells(
            r, dims, intervals, levels, comparisons == null ? null : comparisons.of(r));
    if (comparisons != null) c.addAll(comparisons.cells(r));
    return c;
  }

  private static StringBuilder record(List<String> cells) {
    // A new builder per record: one that held a Vietnamese cell stays at two bytes a character.
    StringBuilder line = new StringBuilder(160);
    for (int i = 0; i < cells.size(); i++) {
      String cell = SpreadsheetSafe.cell(cells.get(i));
      if (plain(cell)) {
        if (i > 0) line.append(',');
        line.append(cell);
      } else if (i > 0 && "".equals(cell)) {
        line.append(
            ','); // an empty cell after the first: nothing to quote (most cells of a breakdown row)
      } else {
        try {
          FORMAT.print(cell, line, i == 0);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
      }
    }
    try {
      FORMAT.println(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return line;
  }

  /**
   * Whether Commons CSV would write the cell as it is, so it can be appended directly: not blank,
   * no quote, comma or line break, and neither starting with a character up to '#' nor ending with
   * one up to a space (which it quotes). Any other cell goes through Commons CSV, which decides its
   * quoting.
   */
  static boolean plain(String cell) {
    int n = cell == null ? 0 : cell.length();
    if (n == 0 || cell.charAt(0) <= '#' || cell.charAt(n - 1) <= ' ') return false;
    for (int i = 0; i < n; i++) {
      char c = cell.charAt(i);
      if (c == '"' || c == ',' || c == '\n' || c == '\r') return false;
    }
    return true;
  }
}
