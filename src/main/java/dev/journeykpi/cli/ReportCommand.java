package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.MemoryExhausted;
import dev.journeykpi.engine.QualityGate;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.report.HtmlRenderer;
import dev.journeykpi.report.QualitySummary;
import dev.journeykpi.report.Renderer;
import dev.journeykpi.report.ValueFormat;
import dev.journeykpi.report.View;
import dev.journeykpi.report.Visible;
import dev.journeykpi.report.XlsxRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kpi report}: compute the KPIs for a period and print or write them. */
@Command(name = "report", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
    description = "Compute the KPIs of the definitions for a period; results on stdout (or -o), the data-quality summary on stderr.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;
  @Mixin PeriodOptions period;
  @Mixin OutputOptions output;
  @Mixin DebugOption debug;

  @Option(names = "--compare", paramLabel = "WITH", defaultValue = "none",
      description = "previous or year: add each row's value in the period before, or the same period a year before, and the change.")
  RunRequest.Compare compare;

  @Option(names = "--no-timestamp",
      description = "No run-dependent time in HTML pages and Excel workbooks, so reruns give the same bytes.")
  boolean noTimestamp;

  @Mixin LangOption lang;

  @Option(names = "--by-owner", description = "Group the table and Markdown views by owning department (in journey order).")
  boolean byOwner;

  @Option(names = "--kpi", paramLabel = "ID", split = ",", description = "Only these KPIs (comma-separated or repeated).")
  List<String> kpis = new ArrayList<>();

  @Option(names = "--quality-report", paramLabel = "FILE", description = "Write every rejected row and blanked cell to FILE as CSV.")
  Path qualityReport;

  @Option(names = "--strict", description = "Exit 3 when any input row was rejected (after writing the outputs).")
  boolean strict;

  @Option(names = "--max-rejected", paramLabel = "SHARE",
      description = "e.g. 5%%: exit 3 when a source's rejected rows are more than this share of its rows (after writing the outputs).")
  String maxRejected;

  @Option(names = "--fail-on", paramLabel = "STATUS",
      description = "red or amber: exit 1 when a row of the last period is at or below that status (after writing the outputs).")
  FailOn failOn;

  @Option(names = {"-q", "--quiet"}, description = "No data-quality summary on stderr unless rows were rejected.")
  boolean quiet;

  /** The statuses --fail-on takes. */
  enum FailOn {
    RED(Status.RED),
    AMBER(Status.AMBER);

    final Status status;

    FailOn(Status status) {
      this.status = status;
    }
  }

  @Override
  public Integer call() throws Exception {
    // Every output is checked before the work: a wrong extension or --format is a usage error, not a late surprise.
    List<String> formats = output.outputs.stream().map(output::formatOf).toList();
    Renderer.Format stdoutFormat = output.outputs.isEmpty() ? output.stdoutFormat() : null;
    java.math.BigDecimal maxPercent = maxRejected == null ? null : QualityGate.parsePercent(maxRejected);
    var periods = period.resolve();
    if (compare != RunRequest.Compare.NONE && periods.get(0).grain() == Period.Grain.ALL) {
      throw new UsageException("--compare needs --period or --from/--to");
    }
    Definition def = KpiEngine.load(definitions.configs);
    Scorecard card = KpiEngine.run(def, new RunRequest(periods, definitions.data, kpis, compare,
        java.time.LocalDate.now(def.zone())));
    PrintWriter err = spec.commandLine().getErr();
    // A source of which no row could be used would give a scorecard of zeros that looks like a quiet month: no
    // output is written (the previous ones stay), only the quality summary and report that say why.
    List<String> unusable = new java.util.ArrayList<>(QualityGate.noRowUsed(card.quality()));
    // So would a period the export does not reach (last month's run on an export nobody refreshed).
    if (unusable.isEmpty()) {
      unusable.addAll(period.unreached((last, allow) -> QualityGate.periodNotReached(card.quality(), last, allow), periods, err));
    }
    if (!unusable.isEmpty()) {
      reportQuality(card, err, true);
      for (String u : unusable) err.println("kpi: data error: " + Visible.lines(u) + "; no output written");
      return ExitCodes.DATA;
    }
    writeOutputs(card, formats, stdoutFormat);
    long rejected = reportQuality(card, err, false);
    List<String> over = maxPercent == null ? List.of() : QualityGate.overRejected(card.quality(), maxPercent);
    for (String o : over) err.println("kpi: data error: " + Visible.lines(o));
    if (strict) QualityGate.rejectedUnderStrict(card.quality()).forEach(r -> err.println("kpi: data error: " + Visible.lines(r)));
    if (!over.isEmpty() || (strict && rejected > 0)) return ExitCodes.DATA;
    if (failOn != null && !breaches(card, def, err).isEmpty()) return ExitCodes.BREACH;
    return ExitCodes.OK;
  }

  /** Every -o file in the format its extension (or --format) names, or stdout; files are written atomically. */
  private void writeOutputs(Scorecard card, List<String> formats, Renderer.Format stdoutFormat) throws IOException {
    for (int i = 0; i < formats.size(); i++) {
      Path file = output.outputs.get(i);
      try {
        write(card, file, formats.get(i));
      } catch (OutOfMemoryError oom) {
        throw new MemoryExhausted("writing " + file, oom);
      }
    }
    if (output.outputs.isEmpty()) {
      PrintWriter out = spec.commandLine().getOut();
      out.write(bom(stdoutFormat));
      Renderer.forFormat(stdoutFormat, view()).render(card, out);
      out.flush();
    }
  }

  private void write(Scorecard card, Path file, String format) {
    switch (format) {
      case "xlsx" -> AtomicFile.writeBytes(file, o -> new XlsxRenderer(view(), noTimestamp).render(card, o));
      case "html" -> AtomicFile.write(file, w -> new HtmlRenderer(view(), noTimestamp ? null : generatedAt()).render(card, w));
      default -> {
        Renderer.Format f = OutputOptions.rendererFormat(format);
        AtomicFile.write(file, w -> {
          w.write(bom(f));
          Renderer.forFormat(f, view()).render(card, w);
        });
      }
    }
  }

  private View view() {
    return new View(byOwner, lang.orNull());
  }

  private static String generatedAt() {
    return java.time.ZonedDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** Excel reads a CSV as the system code page unless it starts with a byte-order mark. */
  private String bom(Renderer.Format f) {
    return output.bom && f == Renderer.Format.CSV ? "\ufeff" : "";
  }

  /** The quality summary on stderr ({@code always}: even with --quiet) and the full report to its file; returns the rejected rows. */
  private long reportQuality(Scorecard card, PrintWriter err, boolean always) {
    if (qualityReport != null) AtomicFile.write(qualityReport, w -> QualitySummary.csv(card.quality(), w));
    long rejected = QualityGate.rowsRejected(card);
    boolean clean = QualityGate.isClean(card);
    err.print(QualitySummary.notes(card.quality()));
    if (!quiet || rejected > 0 || always) {
      err.print(QualitySummary.text(card.quality()));
      if (!clean && qualityReport == null) err.println("  (every problem: --quality-report FILE)");
    }
    err.flush();
    return rejected;
  }

  /** Rows of the last period at or below the --fail-on status, each listed on stderr. */
  private List<ResultRow> breaches(Scorecard card, Definition def, PrintWriter err) {
    String last = card.periods().get(card.periods().size() - 1).label();
    List<ResultRow> breached = card.rows().stream().filter(r -> r.period().equals(last)).filter(r -> r.status() != null)
        .filter(r -> r.status().atOrBelow(failOn.status))
        .toList();
    ValueFormat fmt = new ValueFormat(def.locale());
    for (ResultRow r : breached) {
      String where = r.dims().isEmpty() || r.isTotal() ? "" : " " + Visible.text(String.valueOf(r.dims()));
      err.println("kpi: breach: " + r.kpi() + where + " " + last + ": " + fmt.human(r.value(), r.unit())
          + " (target " + fmt.target(r.target(), r.unit()) + ") is " + r.status().machineText());
    }
    err.flush();
    return breached;
  }
}
