package dev.journeykpi.cli;

import dev.journeykpi.config.KpiFailure;
import dev.journeykpi.report.Visible;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps every failure to its message on stderr and its exit code; stack traces only with --debug. A
 * {@link KpiFailure} says both itself (a usage or definition error, a data error, memory running
 * out); anything else, an IllegalArgumentException from calc included, is a bug in kpi: exit 4 with
 * the hint to rerun with --debug.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug =
        parsed.hasMatchedOption("--debug")
            || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
    int code;
    // Messages quote values from definitions, exports and file names: control characters in them
    // are shown escaped.
    if (ex instanceof KpiFailure failure) {
      for (String line : failure.messageLines()) err.println(Visible.lines(line));
      code = failure.exitCode();
    } else {
      err.println(
          "kpi: internal error: "
              + Visible.lines(String.valueOf(ex))
              + (debug ? "" : " (rerun with --debug for details)"));
      code = ExitCodes.INTERNAL;
    }
    if (debug) trace(ex, err);
    err.flush();
    return code;
  }

  /** The stack trace, cause by cause: asked for with --debug only. */
  static void trace(Throwable ex, PrintWriter err) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      err.println((t == ex ? "" : "Caused by: ") + Visible.lines(String.valueOf(t)));
      for (StackTraceElement e : t.getStackTrace()) err.println("\tat " + e);
    }
  }
}
