package dev.journeykpi.cli;

import dev.journeykpi.engine.OutOfMemory;
import dev.journeykpi.report.Visible;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point. The only place that calls System.exit; tests call {@link #run} with their own
 * writers.
 */
public final class Main {
  static {
    // POI logs through the Log4j API; with no provider it warns on every run. kpi has nothing to
    // log there.
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
    System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
  }

  private Main() {}

  public static void main(String[] args) {
    // A thread that dies of an error nobody waits for (out of memory above all) ends the run with
    // one line and exit 4: the default handler printed a stack trace and let the run go on without
    // that thread's work. The import's and the KPIs' threads hand their failures to the main
    // thread; this is for any other.
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          System.err.println(
              e instanceof OutOfMemoryError
                  ? OutOfMemory.line(null)
                  : "kpi: internal error in thread "
                      + t.getName()
                      + ": "
                      + Visible.lines(String.valueOf(e)));
          System.err.flush();
          System.exit(ExitCodes.INTERNAL);
        });
    if (args.length > 0 && (args[0].equals("report") || args[0].equals("leads"))) {
      dev.journeykpi.engine.KpiEngine.warmUp();
    }
    // Standard output straight, not through System.out: that PrintStream swallows write errors, so
    // a full disk under `kpi report > file` could not be told from success (Main.run checks the
    // writer's error flag, and why it failed).
    PrintWriter out = new StdoutWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    args = helpAsOption(args);
    CommandLine cl = new CommandLine(new KpiCommand());
    Class<?> only = args.length > 0 ? KpiCommand.verb(args[0]) : null;
    for (Class<?> verb : KpiCommand.VERBS) {
      if (only == null || verb == only) cl.addSubcommand(verb);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("kpi: " + Visible.lines(unknownCommand(ex, a)));
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    String empty = EmptyOptionValues.find(cl, args);
    if (empty != null) {
      CommandLine verb = args.length > 0 ? cl.getSubcommands().get(args[0]) : null;
      err.println("kpi: " + Visible.lines(empty));
      err.println(
          "Try '" + (verb != null ? verb : cl).getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return ExitCodes.USAGE;
    }
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError oom) {
      // picocli hands exceptions to the ErrorHandler but lets errors through. Memory running out
      // while reading a source or computing a KPI arrives as MemoryExhausted, naming it; this is
      // anywhere else.
      err.println(OutOfMemory.line(null));
      code = ExitCodes.INTERNAL;
    } catch (RuntimeException | Error e) {
      err.println(
          "kpi: internal error: "
              + Visible.lines(String.valueOf(e))
              + " (rerun with --debug for details)");
      if (java.util.Arrays.asList(args).contains("--debug")) ErrorHandler.trace(e, err);
      code = ExitCodes.INTERNAL;
    }
    // A PrintWriter keeps its errors to itself: a full disk under `kpi report > file` would pass
    // for success. A reader that went away (`kpi report | head -1`) is no error: kpi stops quietly
    // with SIGPIPE's 141 (ClosedPipe says why). A failure of the run itself keeps its own code.
    if (out.checkError() && (code == ExitCodes.OK || code == ExitCodes.BREACH)) {
      if (out instanceof StdoutWriter stdout && stdout.readerGone()) {
        code = ExitCodes.CLOSED_PIPE;
      } else {
        err.println(
            "kpi: cannot write standard output: the disk is full, or the output was closed");
        code = ExitCodes.USAGE;
      }
    }
    err.flush();
    return code;
  }

  /**
   * {@code kpi help} and {@code kpi help VERB}, as git and most tools with verbs take them: {@code
   * kpi --help} and {@code kpi VERB --help}.
   */
  static String[] helpAsOption(String[] args) {
    if (args.length == 1 && args[0].equals("help")) return new String[] {"--help"};
    if (args.length == 2 && args[0].equals("help") && KpiCommand.verb(args[1]) != null)
      return new String[] {args[1], "--help"};
    return args;
  }

  /**
   * picocli's message, but a first word that is no verb ({@code kpi frob}) is named as an unknown
   * command with the verbs listed, not as "Unmatched argument at index 0".
   */
  private static String unknownCommand(CommandLine.ParameterException ex, String[] args) {
    if (ex instanceof CommandLine.UnmatchedArgumentException
        && ex.getCommandLine().getParent() == null
        && args.length > 0
        && !args[0].startsWith("-")
        && KpiCommand.verb(args[0]) == null) {
      return "unknown command '" + args[0] + "' (" + KpiCommand.verbNames() + ")";
    }
    return ex.getMessage();
  }
}
