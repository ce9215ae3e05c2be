package dev.journeykpi.cli;

/** The exit codes, as the README and {@code kpi --help} list them. */
public final class ExitCodes {
  public static final int OK = 0;
  /** A KPI breached its target and --fail-on asked for it. */
  public static final int BREACH = 1;
  /** Usage or definition error. */
  public static final int USAGE = 2;
  /** Data error: missing file or column, unreadable file, rejected rows under --strict. */
  public static final int DATA = 3;
  /** A bug in kpi; rerun with --debug for the stack trace. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
