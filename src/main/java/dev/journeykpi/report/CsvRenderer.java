package dev.journeykpi.report;

import dev.journeykpi.calc.ResultRow;
import dev.journeykpi.engine.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tidy rows as CSV: UTF-8, '\n' line ends, plain numbers, header first; the same input gives the same bytes.
 * Text that a spreadsheet would run as a formula is neutralised ({@link SpreadsheetSafe}).
 */
public final class CsvRenderer implements Renderer {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    List<String> dims = TidyColumns.dimensions(card.rows());
    CSVPrinter p = new CSVPrinter(out, FORMAT);
    p.printRecord(TidyColumns.header(dims));
    for (ResultRow r : card.rows()) p.printRecord(SpreadsheetSafe.cells(TidyColumns.cells(r, dims)));
    p.flush();
  }
}
