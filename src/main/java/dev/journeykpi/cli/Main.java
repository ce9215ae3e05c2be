package dev.journeykpi.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point. The only place that calls System.exit; tests call {@link #run} with their own writers. */
public final class Main {
  static {
    // POI logs through the Log4j API; with no provider it warns on every run. kpi has nothing to log there.
    System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
    System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
  }

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("report") || args[0].equals("leads"))) {
      dev.journeykpi.ingest.SourceLoader.startTablesawInBackground();
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new KpiCommand());
    Class<?> only = args.length > 0 ? KpiCommand.verb(args[0]) : null;
    for (Class<?> verb : KpiCommand.VERBS) {
      if (only == null || verb == only) cl.addSubcommand(verb);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("kpi: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.USAGE;
    });
    return cl.execute(args);
  }
}
