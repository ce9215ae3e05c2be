package dev.journeykpi.cli;

import dev.journeykpi.config.KpiFailure;
import dev.journeykpi.engine.Outcome;

/**
 * The exit codes, as the README and {@code kpi --help} list them; the failures' own come from
 * {@link KpiFailure}.
 */
public final class ExitCodes {
  public static final int OK = 0;

  /** A KPI breached its target and --fail-on asked for it. */
  public static final int BREACH = 1;

  /** Usage or definition error, or an output that cannot be written. */
  public static final int USAGE = KpiFailure.USAGE;

  /**
   * Data error: missing file or column, unreadable file, a source with no usable row, rejected rows
   * under --strict or --max-rejected.
   */
  public static final int DATA = KpiFailure.DATA;

  /** Out of memory, or a bug in kpi (rerun with --debug for the stack trace). */
  public static final int INTERNAL = KpiFailure.INTERNAL;

  /**
   * The reader of standard output (or of an {@code -o /dev/stdout}) went away: 128 + SIGPIPE, as a
   * shell reports a Unix tool that SIGPIPE stopped ({@link ClosedPipe}).
   */
  public static final int CLOSED_PIPE = ClosedPipe.EXIT_CODE;

  private ExitCodes() {}

  /** The exit code of a job that ran to its end. */
  static int of(Outcome outcome) {
    return switch (outcome) {
      case OK -> OK;
      case BREACH -> BREACH;
      case DEFINITION_REFUSED -> USAGE;
      case DATA_REFUSED -> DATA;
    };
  }
}
