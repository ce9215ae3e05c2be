package dev.journeykpi.report;

import dev.journeykpi.model.LeadList;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The leads or customers behind a KPI as CSV, for a follow-up list: neutralised for spreadsheets
 * like every CSV output.
 */
public final class LeadListRenderer {
  private LeadListRenderer() {}

  /**
   * The list as CSV: the lead (or customer), the KPI's breakdown columns, then the columns of its
   * kind.
   */
  /** The list's own columns: the lead (or customer) first, then those of its kind. */
  static List<String> header(LeadList.Kind kind) {
    return switch (kind) {
      case FUNNEL -> List.of("lead", "status", "entered_at", "days_there");
      case STALLED -> List.of("lead", "status", "last_touch", "idle_days");
      case CUSTOMERS -> List.of("customer", "status", "last_activity", "idle_days");
      case ANSWERS -> List.of("id", "score", "status", "answered_at", "comment");
    };
  }

  public static void csv(LeadList list, Writer out) throws IOException {
    if (list.kind() == LeadList.Kind.ANSWERS) {
      answers(list, out);
      return;
    }
    List<String> by = list.kpi().by();
    LeadList.Kind kind = list.kind();
    List<String> own = new ArrayList<>(header(kind));
    List<String> header = new ArrayList<>(own.subList(0, 1));
    header.addAll(TidyColumns.headed(by, own)); // by: [status] is headed by_status
    header.addAll(own.subList(1, own.size()));
    boolean dateOnly = kind != LeadList.Kind.FUNNEL;
    // Not closed: the writer is the caller's (standard output, or a file it still flushes and
    // renames).
    CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    p.printRecord(header);
    for (LeadList.Entry e : list.entries()) {
      List<String> cells = new ArrayList<>();
      cells.add(SpreadsheetSafe.cell(e.lead()));
      e.dims().forEach(d -> cells.add(SpreadsheetSafe.cell(d)));
      cells.add(e.status());
      cells.add(
          e.entered() == null
              ? ""
              : dateOnly
                  ? e.entered().toLocalDate().toString()
                  : e.entered().toString().replace('T', ' '));
      cells.add(e.daysThere() == null ? "" : e.daysThere().toString());
      p.printRecord(cells);
    }
    p.flush();
  }

  /**
   * A score KPI's answers: id, score, status and date, the KPI's breakdown columns (channel,
   * agent), then the customer's comment last, where a long text reads best in a spreadsheet.
   */
  private static void answers(LeadList list, Writer out) throws IOException {
    List<String> own = header(LeadList.Kind.ANSWERS);
    List<String> header = new ArrayList<>(own.subList(0, 4));
    header.addAll(TidyColumns.headed(list.kpi().by(), own));
    header.add(own.get(4));
    CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    p.printRecord(header);
    for (LeadList.Entry e : list.entries()) {
      LeadList.Answer a = e.answer();
      List<String> cells = new ArrayList<>();
      cells.add(SpreadsheetSafe.cell(e.lead()));
      double v = a.score();
      cells.add(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
      cells.add(e.status());
      cells.add(
          e.entered() == null
              ? ""
              : a.dateOnly()
                  ? e.entered().toLocalDate().toString()
                  : e.entered().toString().replace('T', ' '));
      e.dims().forEach(d -> cells.add(SpreadsheetSafe.cell(d)));
      cells.add(SpreadsheetSafe.cell(a.comment()));
      p.printRecord(cells);
    }
    p.flush();
  }
}
