package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.PeriodChoice;
import dev.journeykpi.report.LeadListRenderer;
import dev.journeykpi.report.QualitySummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code kpi leads} from options to outcome: load the definitions, list the leads or customers
 * behind a KPI in the last period, refuse data that cannot be listed, write the CSV and say how
 * many.
 */
public final class LeadsJob {
  /**
   * What to list and where.
   *
   * @param stage the funnel stage, or null for other KPIs
   * @param status which answers of a score KPI (detractor, passive, promoter; low), or null for its
   *     default
   * @param periods the periods the options give; the list is of the last
   * @param output the CSV file, or null for standard output
   * @param bom a byte-order mark before the CSV, for Excel
   * @param quiet no quality summary and count on stderr
   * @param stderrWidth the columns the quality summary on stderr wraps at (0: whole lines), as kpi
   *     report's
   */
  public record Request(
      List<Path> configs,
      Map<String, Path> data,
      String kpiId,
      String stage,
      String status,
      PeriodChoice periods,
      boolean allowEmptyPeriod,
      Path output,
      boolean bom,
      boolean quiet,
      int stderrWidth) {}

  private final Request request;
  private final OutputFiles files;
  private final PrintWriter out;
  private final PrintWriter err;

  public LeadsJob(Request request, OutputFiles files, PrintWriter out, PrintWriter err) {
    this.request = request;
    this.files = files;
    this.out = out;
    this.err = err;
  }

  public Outcome run() throws IOException {
    Definition def = KpiEngine.load(request.configs());
    LeadList list =
        KpiEngine.leads(
            def,
            request.kpiId(),
            request.stage(),
            request.status(),
            request.periods(),
            request.data(),
            java.time.LocalDate.now(def.zone()));
    if (request.periods().isLast() && !request.quiet())
      err.println(DataGate.lastPeriodLine(List.of(list.period()), List.of(list.quality())));
    List<String> unusable =
        DataGate.unusable(
            List.of(list.quality()), List.of(list.period()), request.allowEmptyPeriod(), err);
    if (!unusable.isEmpty()) {
      // An empty list from an export none of whose rows could be read is not "nobody to follow up".
      err.print(QualitySummary.text(List.of(list.quality()), request.stderrWidth()));
      DataGate.refuse(unusable, err);
      return Outcome.DATA_REFUSED;
    }
    if (request.output() != null) {
      files.text(request.output(), w -> csv(list, w));
    } else {
      csv(list, out);
      out.flush();
    }
    err.print(QualitySummary.notes(List.of(list.quality())));
    err.flush();
    if (!request.quiet()) {
      err.print(QualitySummary.text(List.of(list.quality()), request.stderrWidth()));
      err.println(list.entries().size() + " " + noun(list.kind()));
      err.flush();
    }
    return Outcome.OK;
  }

  private static String noun(LeadList.Kind kind) {
    return switch (kind) {
      case CUSTOMERS -> "customers";
      case ANSWERS -> "answers";
      case FUNNEL, STALLED -> "leads";
    };
  }

  private void csv(LeadList list, Writer w) throws IOException {
    if (request.bom()) w.write('\ufeff');
    LeadListRenderer.csv(list, w);
  }
}
