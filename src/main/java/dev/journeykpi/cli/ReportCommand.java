package dev.journeykpi.cli;

import dev.journeykpi.engine.QualityGate;
import dev.journeykpi.engine.ReportJob;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.Status;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.report.Renderer;
import dev.journeykpi.report.View;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kpi report}: compute the KPIs for a period and print or write them. The options only: the
 * engine's ReportJob loads, runs, renders, reports quality and judges breaches.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "Compute the KPIs of the definitions for a period; results on stdout (or -o), the data-quality summary on stderr.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;
  @Mixin PeriodOptions period;
  @Mixin OutputOptions output;
  @Mixin DebugOption debug;
  @Mixin CacheOptions cache;

  @Option(
      names = "--compare",
      paramLabel = "WITH",
      defaultValue = "none",
      description =
          "previous or year: add each row's value in the period before, or the same period a year before, and the change.")
  RunRequest.Compare compare;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      description =
          "e.g. 95: a Wilson confidence interval at this level (in %%, between 0 and 100) on every share"
              + " (ratios, rate presets, top-box scores, SLA, funnel steps, customer rates): ci_low and ci_high"
              + " columns in CSV and JSON, \"62.5%% (95 %% CI 31.7–86.1%%)\" in the views; a share of fewer than"
              + " 30 is noted as too small to read. Also the level of compare: intervals (95 without it). A KPI's"
              + " own confidence: key wins over it (ci_level then says each row's level).")
  String confidence;

  @Option(
      names = "--no-timestamp",
      description =
          "No run-dependent time in HTML pages and Excel workbooks, so reruns give the same bytes.")
  boolean noTimestamp;

  @Mixin LangOption lang;

  @Mixin ColorOption color;

  @Option(
      names = "--width",
      paramLabel = "N",
      description =
          "Columns the table view fits: notes wrap, long labels are cut (default: the terminal's"
              + " width through scripts/kpi, or COLUMNS, else 100; 0: no limit).")
  Integer width;

  @Option(
      names = "--by-owner",
      description = "Group the table and Markdown views by owning department (in journey order).")
  boolean byOwner;

  @Option(
      names = "--kpi",
      paramLabel = "ID",
      split = ",",
      description = "Only these KPIs (comma-separated or repeated).")
  List<String> kpis = new ArrayList<>();

  @Option(
      names = "--quality-report",
      paramLabel = "FILE",
      description = "Write every rejected row and blanked cell to FILE as CSV.")
  Path qualityReport;

  @Option(
      names = "--strict",
      description = "Exit 3 when any input row was rejected (after writing the outputs).")
  boolean strict;

  @Option(
      names = "--max-rejected",
      paramLabel = "SHARE",
      description =
          "e.g. 5%%: exit 3 when a source's rejected rows are more than this share of its rows (after writing the outputs).")
  String maxRejected;

  @Option(
      names = "--fail-on",
      paramLabel = "STATUS",
      description =
          "red or amber: exit 1 when a row of the last period is at or below that status (after writing the outputs).")
  FailOn failOn;

  @Mixin EngineOptions engine;

  @Option(
      names = {"-q", "--quiet"},
      description = "No data-quality summary on stderr unless rows were rejected.")
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

  /** --width, else the COLUMNS the launcher or the user set, else 100; 0 for no limit. */
  private int width() {
    if (width == null) return View.widthOf(System.getenv("COLUMNS"));
    if (width < 0) throw new UsageException("--width must be 0 (no limit) or a number of columns");
    return width;
  }

  /**
   * The width the quality summary on stderr wraps at: the terminal's when it is known (--width, or
   * COLUMNS, which the launcher sets on a terminal), else 0: whole lines in pipes and cron logs.
   */
  private int stderrWidth() {
    return width == null && System.getenv("COLUMNS") == null ? 0 : width();
  }

  /** --confidence's level: a number of percent (95, 99.5, "90%"), strictly between 0 and 100. */
  static double level(String text) {
    String t = text.trim();
    if (t.endsWith("%")) t = t.substring(0, t.length() - 1).trim();
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v > 0 && v < 100)) {
      throw new UsageException(
          "--confidence is a level in percent between 0 and 100, e.g. 95; found '" + text + "'");
    }
    return v;
  }

  @Override
  public Integer call() throws Exception {
    // Fully qualified: this file's imports are where other work changes it.
    try (var cached = dev.journeykpi.engine.ImportCaching.use(cache.dir())) {
      return report();
    }
  }

  private Integer report() throws Exception {
    // Every output is checked before the work: a wrong extension or --format is a usage error, not
    // a late surprise.
    List<ReportJob.Output> files =
        output.outputs.stream().map(f -> new ReportJob.Output(f, output.formatOf(f))).toList();
    Renderer.Format stdoutFormat = output.outputs.isEmpty() ? output.stdoutFormat() : null;
    java.math.BigDecimal maxPercent =
        maxRejected == null ? null : QualityGate.parsePercent(maxRejected);
    var periods = period.resolve();
    if (compare != RunRequest.Compare.NONE
        && !periods.isLast()
        && periods.fixed().get(0).grain() == Period.Grain.ALL) {
      throw new UsageException("--compare needs --period or --from/--to");
    }
    Double level = confidence == null ? null : level(confidence);
    var request =
        new ReportJob.Request(
            definitions.configs,
            definitions.data,
            periods,
            kpis,
            compare,
            new ReportJob.Outputs(
                files,
                stdoutFormat,
                // Colour only on standard output: an -o file is never a terminal.
                new View(byOwner, lang.orNull(), width(), files.isEmpty() && color.colours()),
                noTimestamp,
                output.bom,
                stderrWidth()),
            new ReportJob.Gates(
                qualityReport,
                quiet,
                strict,
                maxPercent,
                period.allowEmptyPeriod,
                failOn == null ? null : failOn.status),
            engine.engine,
            level,
            engine.target());
    try (ProgressLine progress =
        ProgressLine.forTerminal(spec.commandLine().getErr(), quiet, width())) {
      return ExitCodes.of(
          new ReportJob(
                  request,
                  AtomicFile.FILES,
                  spec.commandLine().getOut(),
                  spec.commandLine().getErr())
              .run());
    }
  }
}
