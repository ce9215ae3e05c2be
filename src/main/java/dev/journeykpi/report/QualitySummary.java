package dev.journeykpi.report;

import dev.journeykpi.model.QualityReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * The data-quality report: a short summary for stderr, and every problem as CSV for
 * --quality-report.
 */
public final class QualitySummary {
  private QualitySummary() {}

  public static String text(List<QualityReport> reports) {
    return text(reports, 0);
  }

  /**
   * The summary with its lines wrapped at {@code width} columns (0: as they are): a count's or a
   * reason's words under the line's own text, an example's value under its place ({@link
   * StderrLines}).
   */
  public static String text(List<QualityReport> reports, int width) {
    ValueFormat f = new ValueFormat("en");
    StderrLines b = new StderrLines(width);
    b.append("Data quality:\n");
    for (QualityReport q : reports) {
      b.append("  ")
          .append(Visible.text(q.source()))
          .append(": ")
          .append(Counts.of(q.rowsRead(), "row", "rows"))
          .append(" read, ")
          .append(f.count(q.rowsUsed()))
          .append(" used");
      if (q.rowsRejected() > 0)
        b.append(", ").append(f.count(q.rowsRejected())).append(" rejected");
      if (q.rowsDropped() > 0)
        b.append(", ").append(f.count(q.rowsDropped())).append(" dropped as duplicates");
      if (q.cellsBlanked() > 0)
        b.append(", ").append(Counts.of(q.cellsBlanked(), "cell", "cells")).append(" blanked");
      if (q.cellsFilled() > 0)
        b.append(", ")
            .append(Counts.of(q.cellsFilled(), "cell", "cells"))
            .append(" filled from a merged range");
      if (q.cellsCleaned() > 0)
        b.append(", ").append(Counts.of(q.cellsCleaned(), "cell", "cells")).append(" cleaned");
      b.endLine();
      reasons(b, "rejected", q.rejected(), f);
      reasons(b, "blanked", q.blanked(), f);
      reasons(b, "filled", q.filled(), f);
      reasons(b, "cleaned", q.cleaned(), f);
      reasons(b, "dropped", q.dropped(), f);
      q.excluded()
          .forEach(
              (reason, n) ->
                  b.append("    left out ")
                      .append(f.count(n))
                      .append(": ")
                      .append(Visible.text(reason))
                      .endLine());
    }
    return b.toString();
  }

  /**
   * How the sources were read, one line each ({@code kpi: tickets: reading sheet 'Data' of
   * tickets.xlsx (sheet 'Hướng dẫn' is hidden)}); printed even with {@code -q}, as a warning is.
   */
  public static String notes(List<QualityReport> reports) {
    StderrLines b = new StderrLines(0);
    for (QualityReport q : reports) {
      for (String n : q.notes())
        b.append("kpi: ")
            .append(Visible.text(q.source()))
            .append(": ")
            .append(Visible.text(n))
            .endLine();
    }
    return b.toString();
  }

  private static void reasons(
      StderrLines b, String kind, Map<String, QualityReport.Tally> tallies, ValueFormat f) {
    for (Map.Entry<String, QualityReport.Tally> e : tallies.entrySet()) {
      b.append("    ")
          .append(kind)
          .append(' ')
          .append(f.count(e.getValue().count()))
          .append(": ")
          .append(Visible.text(e.getKey()))
          .endLine();
      for (QualityReport.Problem p : e.getValue().examples())
        b.example("      " + Visible.text(p.where()), "'" + shorten(p.value()) + "'");
    }
  }

  /**
   * The value on one line, control characters shown (a CR once hid what came before it), cut at 60
   * characters.
   */
  private static String shorten(String v) {
    String s = v == null ? "" : Visible.text(v);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /**
   * One line per rejected row, blanked cell, cell filled from a merged range or cleaned, and row
   * dropped as a duplicate.
   */
  public static void csv(List<QualityReport> reports, Writer out) throws IOException {
    CSVPrinter p = new CSVPrinter(out, CsvRenderer.FORMAT);
    p.printRecord("source", "kind", "reason", "file", "row", "column", "value");
    for (QualityReport q : reports) {
      for (QualityReport.Problem x : q.details()) {
        p.printRecord(
            SpreadsheetSafe.cells(
                List.of(
                    q.source(),
                    x.kind().name().toLowerCase(),
                    x.reason(),
                    x.file(),
                    // No line (a lookup's column, a warning, a cell an SQL engine read): empty.
                    x.row() > 0 ? Long.toString(x.row()) : "",
                    x.column() == null ? "" : x.column(),
                    x.value() == null ? "" : x.value())));
      }
    }
    p.flush();
  }
}
