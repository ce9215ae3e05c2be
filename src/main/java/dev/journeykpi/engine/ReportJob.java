package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.PeriodChoice;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.report.HtmlRenderer;
import dev.journeykpi.report.PdfRenderer;
import dev.journeykpi.report.QualitySummary;
import dev.journeykpi.report.Renderer;
import dev.journeykpi.report.ValueFormat;
import dev.journeykpi.report.View;
import dev.journeykpi.report.Visible;
import dev.journeykpi.report.XlsxRenderer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code kpi report} from options to outcome: load the definitions, run the KPIs, refuse data that
 * cannot be reported, hand the scorecard to its renderers, print the quality summary, apply the
 * quality gates and judge breaches. The CLI parses and checks its options into a {@link Request}
 * and turns the {@link Outcome} into its exit code.
 */
public final class ReportJob {
  /**
   * What to report and how.
   *
   * @param configs the definition files and folders
   * @param data source id → file given on the command line instead of the declared one
   * @param periods the periods, oldest first, or the last complete ones
   * @param kpiIds the KPIs to run; empty for all
   * @param engine what measures the KPIs ({@code --engine})
   * @param confidence the level in percent of the Wilson intervals given to shares ({@code
   *     --confidence 95}), or null for none
   * @param target where {@code --engine jdbc} or {@code spark} runs
   */
  public record Request(
      List<Path> configs,
      Map<String, Path> data,
      PeriodChoice periods,
      List<String> kpiIds,
      RunRequest.Compare compare,
      Outputs outputs,
      Gates gates,
      Engine engine,
      Double confidence,
      SqlTarget target) {
    /** On an embedded engine. */
    public Request(
        List<Path> configs,
        Map<String, Path> data,
        PeriodChoice periods,
        List<String> kpiIds,
        RunRequest.Compare compare,
        Outputs outputs,
        Gates gates,
        Engine engine,
        Double confidence) {
      this(
          configs,
          data,
          periods,
          kpiIds,
          compare,
          outputs,
          gates,
          engine,
          confidence,
          SqlTarget.NONE);
    }

    /** On the default engine, without intervals. */
    public Request(
        List<Path> configs,
        Map<String, Path> data,
        PeriodChoice periods,
        List<String> kpiIds,
        RunRequest.Compare compare,
        Outputs outputs,
        Gates gates) {
      this(configs, data, periods, kpiIds, compare, outputs, gates, Engine.TABLESAW, null);
    }

    /** Without intervals. */
    public Request(
        List<Path> configs,
        Map<String, Path> data,
        PeriodChoice periods,
        List<String> kpiIds,
        RunRequest.Compare compare,
        Outputs outputs,
        Gates gates,
        Engine engine) {
      this(configs, data, periods, kpiIds, compare, outputs, gates, engine, null);
    }
  }

  /**
   * Where the scorecard goes.
   *
   * @param files each -o file with its format (table, csv, json, md, html, xlsx or pdf); none for
   *     standard output
   * @param stdoutFormat the format of standard output, used when there is no file
   * @param noTimestamp no run-dependent time in HTML pages and workbooks
   * @param bom a byte-order mark before CSV, for Excel
   * @param stderrWidth the columns the quality summary on stderr wraps at: the terminal's when it
   *     is known (--width, COLUMNS), else 0 — in a pipe or a cron log its lines stay whole, for
   *     greps and log readers
   */
  public record Outputs(
      List<Output> files,
      Renderer.Format stdoutFormat,
      View view,
      boolean noTimestamp,
      boolean bom,
      int stderrWidth) {
    /** Outputs whose quality summary is not wrapped. */
    public Outputs(
        List<Output> files,
        Renderer.Format stdoutFormat,
        View view,
        boolean noTimestamp,
        boolean bom) {
      this(files, stdoutFormat, view, noTimestamp, bom, 0);
    }
  }

  /** One output file and the format its extension (or --format) names. */
  public record Output(Path file, String format) {}

  /**
   * What the run's data must pass, and what is said about it.
   *
   * @param qualityReport the file for every rejected row and blanked cell, or null
   * @param quiet no quality summary unless rows were rejected
   * @param strict any rejected row is a data error
   * @param maxRejectedPercent the share of a source's rows that may be rejected, or null for any
   * @param allowEmptyPeriod a period a source's dates do not reach is a warning, not an error
   * @param failOn the status at or below which a row of the last period is a breach, or null
   */
  public record Gates(
      Path qualityReport,
      boolean quiet,
      boolean strict,
      BigDecimal maxRejectedPercent,
      boolean allowEmptyPeriod,
      Status failOn) {}

  private final Request request;
  private final OutputFiles files;
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param out standard output, for the scorecard when no file is given; {@code err} for everything
   *     said about it
   */
  public ReportJob(Request request, OutputFiles files, PrintWriter out, PrintWriter err) {
    this.request = request;
    this.files = files;
    this.out = out;
    this.err = err;
  }

  public Outcome run() throws java.io.IOException {
    Gates gates = request.gates();
    Definition def = KpiEngine.load(request.configs());
    RunRequest run =
        new RunRequest(
            request.periods(),
            request.data(),
            request.kpiIds(),
            request.compare(),
            LocalDate.now(def.zone()),
            request.confidence());
    Scorecard computed =
        request.engine() == Engine.TABLESAW
            ? KpiEngine.run(def, run)
            : SqlKpiEngine.run(def, run, request.engine(), request.target());
    Scorecard card = RateIntervals.apply(computed, request.confidence());
    // A source of which no row could be used would give a scorecard of zeros that looks like a
    // quiet month: no output is written (the previous ones stay), only the quality summary and
    // report that say why.
    if (request.periods().isLast() && !gates.quiet())
      err.println(DataGate.lastPeriodLine(card.periods(), card.quality()));
    List<String> unusable =
        DataGate.unusable(card.quality(), card.periods(), gates.allowEmptyPeriod(), err);
    if (!unusable.isEmpty()) {
      reportQuality(card, true);
      DataGate.refuse(unusable, err);
      return Outcome.DATA_REFUSED;
    }
    writeOutputs(card);
    long rejected = reportQuality(card, false);
    List<String> over =
        gates.maxRejectedPercent() == null
            ? List.of()
            : QualityGate.overRejected(card.quality(), gates.maxRejectedPercent());
    for (String o : over) err.println("kpi: data error: " + Visible.lines(o));
    if (gates.strict()) {
      QualityGate.rejectedUnderStrict(card.quality())
          .forEach(r -> err.println("kpi: data error: " + Visible.lines(r)));
    }
    if (!over.isEmpty() || (gates.strict() && rejected > 0)) return Outcome.DATA_REFUSED;
    if (gates.failOn() != null && !breaches(card, def).isEmpty()) return Outcome.BREACH;
    return Outcome.OK;
  }

  /** Every output file in its format, or standard output; memory running out names the file. */
  private void writeOutputs(Scorecard card) throws java.io.IOException {
    Outputs o = request.outputs();
    for (Output f : o.files()) {
      try {
        write(card, f);
      } catch (OutOfMemoryError oom) {
        throw new MemoryExhausted("writing " + f.file(), oom);
      }
    }
    if (o.files().isEmpty()) {
      out.write(bom(o.stdoutFormat()));
      Renderer.forFormat(o.stdoutFormat(), o.view()).render(card, out);
      out.flush();
    }
  }

  private void write(Scorecard card, Output f) {
    Outputs o = request.outputs();
    switch (f.format()) {
      case "xlsx" ->
          files.bytes(f.file(), s -> new XlsxRenderer(o.view(), o.noTimestamp()).render(card, s));
      case "pdf" ->
          files.bytes(
              f.file(),
              s ->
                  new PdfRenderer(o.view(), o.noTimestamp() ? null : generatedAt())
                      .render(card, s));
      case "html" ->
          files.text(
              f.file(),
              w ->
                  new HtmlRenderer(o.view(), o.noTimestamp() ? null : generatedAt())
                      .render(card, w));
      default -> {
        Renderer.Format format = rendererFormat(f.format());
        files.text(
            f.file(),
            w -> {
              w.write(bom(format));
              Renderer.forFormat(format, o.view()).render(card, w);
            });
      }
    }
  }

  /**
   * The renderer of a text format named as -o and --format name it: table, csv, json, md or html.
   */
  public static Renderer.Format rendererFormat(String name) {
    return switch (name) {
      case "table" -> Renderer.Format.TABLE;
      case "csv" -> Renderer.Format.CSV;
      case "json" -> Renderer.Format.JSON;
      case "md" -> Renderer.Format.MARKDOWN;
      case "html" -> Renderer.Format.HTML;
      default -> throw new IllegalArgumentException("no renderer for " + name);
    };
  }

  /** The run's time for the page, which writes it in the definition's zone and language. */
  private static Instant generatedAt() {
    return Instant.now();
  }

  /** Excel reads a CSV as the system code page unless it starts with a byte-order mark. */
  private String bom(Renderer.Format f) {
    return request.outputs().bom() && f == Renderer.Format.CSV ? "\ufeff" : "";
  }

  /**
   * The quality summary on stderr ({@code always}: even with --quiet) and the full report to its
   * file; returns the rejected rows.
   */
  private long reportQuality(Scorecard card, boolean always) {
    Gates gates = request.gates();
    if (gates.qualityReport() != null)
      files.text(gates.qualityReport(), w -> QualitySummary.csv(card.quality(), w));
    long rejected = QualityGate.rowsRejected(card);
    boolean clean = QualityGate.isClean(card);
    // The notes and warnings stay one line each, as a compiler's diagnostics do (file:line:col:
    // warning: …, which editors and greps read); the summary wraps at the terminal's width.
    err.print(QualitySummary.notes(card.quality()));
    if (!gates.quiet() || rejected > 0 || always) {
      err.print(QualitySummary.text(card.quality(), request.outputs().stderrWidth()));
      if (!clean && gates.qualityReport() == null)
        err.println("  (every problem: --quality-report FILE)");
    }
    err.flush();
    return rejected;
  }

  /** Rows of the last period at or below the --fail-on status, each listed on stderr. */
  private List<ResultRow> breaches(Scorecard card, Definition def) {
    Status failOn = request.gates().failOn();
    String last = card.periods().get(card.periods().size() - 1).label();
    List<ResultRow> breached =
        card.rows().stream()
            .filter(r -> r.period().equals(last))
            .filter(r -> r.status() != null)
            .filter(r -> r.status().atOrBelow(failOn))
            .toList();
    ValueFormat fmt = new ValueFormat(def.locale());
    for (ResultRow r : breached) {
      String where =
          r.dims().isEmpty() || r.isTotal() ? "" : " " + Visible.text(String.valueOf(r.dims()));
      err.println(
          "kpi: breach: "
              + r.kpi()
              + where
              + " "
              + last
              + ": "
              + fmt.human(r.value(), r.unit())
              + " (target "
              + fmt.target(r.target(), r.unit())
              + ") is "
              + r.status().machineText());
    }
    err.flush();
    return breached;
  }
}
