package dev.journeykpi.cli;

import picocli.CommandLine.Command;

/** The root command: {@code kpi <verb>}. */
@Command(
    name = "kpi",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    version = "kpi 0.1.0",
    description =
        "Customer-journey KPI scorecards from CRM, helpdesk, call-centre and order exports.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:a KPI breached its target (with --fail-on)",
      "2:usage or definition error, or an output that cannot be written",
      "3:data error (missing file or column, no usable row in a source, rejected rows with --strict or --max-rejected)",
      "4:out of memory (JAVA_OPTS=-Xmx4g), or internal error (rerun with --debug)"
    })
public final class KpiCommand implements java.util.concurrent.Callable<Integer> {
  /**
   * The verbs, in the order the help lists them. Main registers only the verb being run (all of
   * them for help, or for a mistyped verb's suggestions): picocli reads every registered verb's
   * annotations at start-up, which took about 60 ms of every run.
   */
  static final java.util.List<Class<?>> VERBS =
      java.util.List.of(
          ReportCommand.class,
          ValidateCommand.class,
          InspectCommand.class,
          ExplainCommand.class,
          InitCommand.class,
          ListCommand.class,
          LeadsCommand.class,
          SqlCommand.class);

  /** The verb class named {@code name}, or null. */
  static Class<?> verb(String name) {
    for (Class<?> v : VERBS) {
      if (v.getAnnotation(Command.class).name().equals(name)) return v;
    }
    return null;
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The verbs' names, in the help's order: "report, validate, …". */
  static String verbNames() {
    return VERBS.stream()
        .map(v -> v.getAnnotation(Command.class).name())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * {@code kpi} alone: a usage error (exit 2), not help asked for, so a script that lost its verb
   * (an empty variable) fails; the usage goes to stderr. {@code kpi --help} is 0 on stdout.
   */
  @Override
  public Integer call() {
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("kpi: no command given (" + verbNames() + ")");
    spec.commandLine().usage(err);
    return ExitCodes.USAGE;
  }
}
