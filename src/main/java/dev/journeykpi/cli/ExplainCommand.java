package dev.journeykpi.cli;

import dev.journeykpi.engine.ExplainJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kpi explain}: a KPI's definition in words. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "Print KPIs' definitions in words: population, measure, period, clock, statistic, what is left out,"
            + " breakdown, unit and formula. Without KPI ids, every KPI.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;
  @Mixin DebugOption debug;

  @Parameters(paramLabel = "KPI", arity = "0..*", description = "KPI ids (default: all).")
  List<String> ids = new ArrayList<>();

  @Mixin LangOption lang;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ExplainJob.explain(definitions.configs, ids, lang.orNull()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
