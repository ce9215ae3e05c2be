package dev.journeykpi.cli;

import dev.journeykpi.config.ConfigException;
import dev.journeykpi.config.Diagnostic;
import dev.journeykpi.engine.MemoryExhausted;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.report.Visible;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Maps every failure to one clear message on stderr and its exit code; stack traces only with --debug. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = parsed.hasMatchedOption("--debug")
        || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
    int code;
    // Messages quote values from definitions, exports and file names: control characters in them are shown escaped.
    if (ex instanceof MemoryExhausted oom) {
      err.println(Visible.lines(OutOfMemory.line(oom.during())));
      code = ExitCodes.INTERNAL;
    } else if (ex instanceof ConfigException ce) {
      for (Diagnostic d : ce.diagnostics()) err.println(Visible.lines(d.toString()));
      long n = ce.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
      if (n > 1) err.println(n + " errors");
      code = ExitCodes.USAGE;
    } else if (ex instanceof DataException) {
      err.println("kpi: data error: " + Visible.lines(ex.getMessage()));
      code = ExitCodes.DATA;
    } else if (ex instanceof UsageException) {
      err.println("kpi: " + Visible.lines(ex.getMessage()));
      code = ExitCodes.USAGE;
    } else {
      // Anything else, an IllegalArgumentException from calc included, is a bug in kpi: a usage problem says so by type.
      err.println("kpi: internal error: " + Visible.lines(String.valueOf(ex)) + (debug ? "" : " (rerun with --debug for details)"));
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
