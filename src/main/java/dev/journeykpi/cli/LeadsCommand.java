package dev.journeykpi.cli;

import dev.journeykpi.engine.ImportCaching;
import dev.journeykpi.engine.LeadsJob;
import dev.journeykpi.model.UsageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kpi leads}: the ids of the leads or customers behind a KPI, as CSV for follow-up; the
 * engine's LeadsJob does the work.
 */
@Command(
    name = "leads",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "List the leads or customers behind a KPI, as CSV on stdout or -o: for a funnel KPI, the leads that"
            + " stopped at --stage in the period (lost there; stuck there now, with the days since; returned to an earlier"
            + " stage; late, past the window; for the last stage, those"
            + " that reached it); for a stalled KPI, the leads stalled at the start (untouched first, longest idle first, then"
            + " those touched again); for a customers KPI (churn, retention, dormancy, reactivation, lifecycle), each"
            + " customer's state in the period, its last activity and the days since (churned first, most recent first);"
            + " for a score KPI, its answers in the period, newest first, with their score, date and comment: an NPS's"
            + " detractors (or --status passive, promoter), a top-box score's low answers (CSAT below 4), a mean"
            + " score's answers below the middle of the scale (CES 1-3 on 1-7).")
final class LeadsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;

  @Option(
      names = "--kpi",
      required = true,
      paramLabel = "ID",
      description = "The funnel, stalled, customers or score KPI.")
  String kpi;

  @Option(names = "--stage", paramLabel = "STAGE", description = "The stage id (funnel KPIs).")
  String stage;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description =
          "Which answers of a score KPI: detractor (the default), passive or promoter for an NPS;"
              + " low (the default) or positive for a top-box score such as CSAT.")
  String status;

  @Mixin PeriodOptions period;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the CSV to FILE (temporary file, then rename).")
  Path output;

  @Option(
      names = "--bom",
      description =
          "Start the CSV with a UTF-8 byte-order mark, so Excel opens Vietnamese text correctly.")
  boolean bom;

  @Option(
      names = {"-q", "--quiet"},
      description = "No data-quality summary on stderr.")
  boolean quiet;

  @Option(
      names = "--width",
      paramLabel = "N",
      description =
          "Columns the data-quality summary on stderr wraps at (default: the terminal's width"
              + " through scripts/kpi, or COLUMNS, else whole lines; 0: no limit).")
  Integer width;

  @Mixin DebugOption debug;
  @Mixin CacheOptions cache;

  @Override
  public Integer call() throws Exception {
    if (output != null) checkCsv(output);
    var request =
        new LeadsJob.Request(
            definitions.configs,
            definitions.data,
            kpi,
            stage,
            status,
            period.resolve(),
            period.allowEmptyPeriod,
            output,
            bom,
            quiet,
            stderrWidth());
    try (var cached = ImportCaching.use(cache.dir())) {
      return ExitCodes.of(
          new LeadsJob(
                  request,
                  AtomicFile.FILES,
                  spec.commandLine().getOut(),
                  spec.commandLine().getErr())
              .run());
    }
  }

  /**
   * The width the quality summary on stderr wraps at, as kpi report's: --width, else COLUMNS (which
   * the launcher sets on a terminal), else 0: whole lines in pipes and cron logs.
   */
  private int stderrWidth() {
    if (width == null)
      return System.getenv("COLUMNS") == null
          ? 0
          : dev.journeykpi.report.View.widthOf(System.getenv("COLUMNS"));
    if (width < 0) throw new UsageException("--width must be 0 (no limit) or a number of columns");
    return width;
  }

  /**
   * The list is CSV: a file named for another format (leads.xlsx) is refused rather than filled
   * with CSV.
   */
  private static void checkCsv(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    int dot = n.lastIndexOf('.');
    if (dot > 0 && !n.endsWith(".csv")) {
      throw new UsageException(
          "cannot write " + file + ": kpi leads writes CSV; name the file .csv");
    }
  }
}
