package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.DefinitionLoader;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.QualityGate;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.report.LeadListRenderer;
import dev.journeykpi.report.QualitySummary;
import dev.journeykpi.report.Visible;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kpi leads}: the ids of the leads or customers behind a KPI, as CSV for follow-up. */
@Command(name = "leads", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
    description = "List the leads or customers behind a KPI, as CSV on stdout or -o: for a funnel KPI, the leads that"
        + " stopped at --stage in the period (lost there; stuck there now, with the days since; returned to an earlier"
        + " stage; late, past the window; for the last stage, those"
        + " that reached it); for a stalled KPI, the leads stalled at the start (untouched first, longest idle first, then"
        + " those touched again); for a customers KPI (churn, retention, dormancy, reactivation, lifecycle), each"
        + " customer's state in the period, its last activity and the days since (churned first, most recent first).")
final class LeadsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;

  @Option(names = "--kpi", required = true, paramLabel = "ID", description = "The funnel, stalled or customers KPI.")
  String kpi;

  @Option(names = "--stage", paramLabel = "STAGE", description = "The stage id (funnel KPIs).")
  String stage;

  @Mixin PeriodOptions period;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the CSV to FILE (temporary file, then rename).")
  Path output;

  @Option(names = "--bom", description = "Start the CSV with a UTF-8 byte-order mark, so Excel opens Vietnamese text correctly.")
  boolean bom;

  @Option(names = {"-q", "--quiet"}, description = "No data-quality summary on stderr.")
  boolean quiet;

  @Mixin DebugOption debug;

  @Override
  public Integer call() throws Exception {
    if (output != null) checkCsv(output);
    Definition def = DefinitionLoader.load(definitions.configs);
    List<Period> periods = period.resolve();
    LeadList list = KpiEngine.leads(def, kpi, stage, periods.get(periods.size() - 1), definitions.data);
    List<String> unusable = new java.util.ArrayList<>(QualityGate.noRowUsed(List.of(list.quality())));
    if (unusable.isEmpty()) unusable.addAll(period.unreached(
        (last, allow) -> QualityGate.periodNotReached(List.of(list.quality()), last, allow), periods, spec.commandLine().getErr()));
    if (!unusable.isEmpty()) {
      // An empty list from an export none of whose rows could be read is not "nobody to follow up".
      PrintWriter err = spec.commandLine().getErr();
      err.print(QualitySummary.text(List.of(list.quality())));
      for (String u : unusable) err.println("kpi: data error: " + Visible.lines(u) + "; no output written");
      err.flush();
      return ExitCodes.DATA;
    }
    if (output != null) {
      AtomicFile.write(output, w -> {
        if (bom) w.write('\ufeff');
        LeadListRenderer.csv(list, w);
      });
    } else {
      PrintWriter out = spec.commandLine().getOut();
      if (bom) out.write('\ufeff');
      LeadListRenderer.csv(list, out);
      out.flush();
    }
    spec.commandLine().getErr().print(QualitySummary.notes(List.of(list.quality())));
    spec.commandLine().getErr().flush();
    if (!quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.print(QualitySummary.text(List.of(list.quality())));
      err.println(list.entries().size() + (list.customers() ? " customers" : " leads"));
      err.flush();
    }
    return ExitCodes.OK;
  }

  /** The list is CSV: a file named for another format (leads.xlsx) is refused rather than filled with CSV. */
  private static void checkCsv(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    int dot = n.lastIndexOf('.');
    if (dot > 0 && !n.endsWith(".csv")) {
      throw new UsageException("cannot write " + file + ": kpi leads writes CSV; name the file .csv");
    }
  }
}
