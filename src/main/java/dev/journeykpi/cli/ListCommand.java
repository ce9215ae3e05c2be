package dev.journeykpi.cli;

import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.report.KpiListRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kpi list}: the KPIs of a definition in journey order. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description =
        "List the KPIs of the definitions, grouped by journey stage and touchpoint, with owners.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;
  @Mixin DebugOption debug;
  @Mixin LangOption lang;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .print(KpiListRenderer.render(KpiEngine.load(definitions.configs), lang.orNull()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
