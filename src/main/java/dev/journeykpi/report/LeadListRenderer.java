package dev.journeykpi.report;

import dev.journeykpi.calc.FunnelLeadList;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The leads behind a funnel stage as CSV, for a follow-up list: neutralised for spreadsheets like every CSV output. */
public final class LeadListRenderer {
  private LeadListRenderer() {}

  /** @param stalled the entries are stalled leads (last touch, idle span) rather than a funnel stage's (entry, days there) */
  public static void csv(List<String> by, List<FunnelLeadList.Entry> entries, boolean stalled, Writer out) throws IOException {
    List<String> header = new ArrayList<>(List.of("lead"));
    header.addAll(by);
    header.addAll(stalled ? List.of("status", "last_touch", "idle_days") : List.of("status", "entered_at", "days_there"));
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      p.printRecord(header);
      for (FunnelLeadList.Entry e : entries) {
        List<String> cells = new ArrayList<>();
        cells.add(SpreadsheetSafe.cell(e.lead()));
        e.dims().forEach(d -> cells.add(SpreadsheetSafe.cell(d)));
        cells.add(e.status());
        cells.add(e.entered() == null ? "" : stalled ? e.entered().toLocalDate().toString() : e.entered().toString().replace('T', ' '));
        cells.add(e.daysThere() == null ? "" : e.daysThere().toString());
        p.printRecord(cells);
      }
    }
  }
}
