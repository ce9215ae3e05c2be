package dev.journeykpi.model;

import dev.journeykpi.config.KpiFailure;
import java.util.List;

/**
 * The command line asks for something kpi cannot do: a bad --period, an unknown --format, an output
 * that cannot be written. Exit 2, printed as {@code kpi: message}. A type of its own so that an
 * IllegalArgumentException thrown by a bug deep in the calculation is reported as the internal
 * error it is (exit 4), not as the user's mistake. It stays an IllegalArgumentException (a bad
 * argument, after all) so callers and tests that expect one keep working; the ErrorHandler tells
 * the two apart by the {@link KpiFailure} this one is.
 */
public final class UsageException extends IllegalArgumentException implements KpiFailure {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return USAGE;
  }

  @Override
  public List<String> messageLines() {
    return List.of("kpi: " + getMessage());
  }
}
