package dev.journeykpi.engine;

/**
 * How a job that wrote what it could ended, for the CLI to turn into its exit code. Failures that
 * stop a job before then are thrown, as {@link dev.journeykpi.config.KpiFailure}s.
 */
public enum Outcome {
  /** Everything written, nothing to complain about. */
  OK,
  /** A row of the last period is at or below the status --fail-on names (exit 1). */
  BREACH,
  /** The definitions have errors, as {@code kpi validate} lists them (exit 2). */
  DEFINITION_REFUSED,
  /**
   * The data let the job down: no usable row, a period not reached, too many rejected rows, a data
   * file validate checked (exit 3).
   */
  DATA_REFUSED
}
