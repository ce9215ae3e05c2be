package dev.journeykpi.config;

import java.util.List;

/**
 * A failure kpi reports to its user: the lines it prints on stderr and the exit code it ends with,
 * carried by the exception itself (jbang's {@code ExitException}), so the CLI's handler maps this
 * one type and nothing else. Its kinds: {@link ConfigException} and {@code model.UsageException}
 * (exit 2), {@code model.DataException} (exit 3), {@code engine.MemoryExhausted} (exit 4). Any
 * other exception, an IllegalArgumentException from a bug in calc included, is an internal error
 * (exit 4).
 *
 * <p>An interface rather than a base class because a usage error stays the IllegalArgumentException
 * callers expect, and Java has one superclass; only exceptions implement it. It lives in config,
 * the floor of the packages, so that every stage can throw its kind, the definition's own
 * ConfigException included.
 */
public interface KpiFailure {
  /** Usage or definition error, or an output that cannot be written. */
  int USAGE = 2;

  /**
   * Data error: missing file or column, unreadable file, a source with no usable row, rejected rows
   * refused.
   */
  int DATA = 3;

  /** Out of memory, or a bug in kpi. */
  int INTERNAL = 4;

  /** The process's exit code for this failure. */
  int exitCode();

  /** What stderr says, line by line, before control characters in them are shown escaped. */
  List<String> messageLines();
}
