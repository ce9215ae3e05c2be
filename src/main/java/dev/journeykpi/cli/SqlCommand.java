package dev.journeykpi.cli;

import dev.journeykpi.engine.SqlJob;
import dev.journeykpi.model.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kpi sql}: the SQL an SQL engine runs for KPIs, for teams that schedule it elsewhere. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "Print the SQL that --engine duckdb runs for KPIs: the parsing macros, each source typed from its"
            + " export, then one query per KPI over the periods (docs/engines.md).")
final class SqlCommand implements Callable<Integer> {
  /** The dialects, for the help. */
  static final class DialectNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SqlJob.dialects().iterator();
    }
  }

  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;
  @Mixin PeriodOptions period;
  @Mixin DebugOption debug;

  @Option(
      names = "--kpi",
      paramLabel = "ID",
      split = ",",
      description = "Only these KPIs (comma-separated or repeated; default: all).")
  List<String> kpis = new ArrayList<>();

  @Option(
      names = "--dialect",
      paramLabel = "DIALECT",
      required = true,
      description = "The SQL dialect: ${COMPLETION-CANDIDATES}.",
      completionCandidates = DialectNames.class)
  String dialect;

  @Override
  public Integer call() {
    var periods = period.resolve();
    // The last complete period is found from the data, which kpi sql does not read.
    if (periods.isLast())
      throw new UsageException(
          "kpi sql compiles without reading the data, so it cannot find the last complete period:"
              + " name it (--period 2026-10)");
    spec.commandLine()
        .getOut()
        .print(SqlJob.sql(definitions.configs, kpis, periods.fixed(), dialect));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
