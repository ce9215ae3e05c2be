package dev.journeykpi.cli;

import picocli.CommandLine.Command;

/** The root command: {@code kpi <verb>}. */
@Command(
    name = "kpi",
    mixinStandardHelpOptions = true,
    version = "kpi 0.1.0",
    description = "Customer-journey KPI scorecards from CRM, helpdesk, call-centre and order exports.",
    subcommands = {ReportCommand.class, ValidateCommand.class, InspectCommand.class, ExplainCommand.class, InitCommand.class,
      ListCommand.class, LeadsCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:a KPI breached its target (with --fail-on)",
      "2:usage or definition error",
      "3:data error (missing file or column, rejected rows with --strict)",
      "4:internal error (rerun with --debug)"
    })
public final class KpiCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
