package dev.journeykpi.cli;

/** The exit codes, as the README and {@code kpi --help} list them. */
public final class ExitCodes {
  public static final int OK = 0;
  /** A KPI breached its target and --fail-on asked for it. */
  public static final int BREACH = 1;
  /** Usage or definition error, or an output that cannot be written. */
  public static final int USAGE = 2;
  /** Data error: missing file or column, unreadable file, a source with no usable row, rejected rows under --strict or --max-rejected. */
  public static final int DATA = 3;
  /** Out of memory, or a bug in kpi (rerun with --debug for the stack trace). */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
