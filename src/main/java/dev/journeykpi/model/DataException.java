package dev.journeykpi.model;

import dev.journeykpi.config.KpiFailure;
import java.util.List;

/**
 * The data cannot be used as declared: a missing file or column, an unreadable file, rejected rows
 * under --strict. Exit 3, printed as {@code kpi: data error: message}.
 */
public final class DataException extends RuntimeException implements KpiFailure {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return DATA;
  }

  @Override
  public List<String> messageLines() {
    return List.of("kpi: data error: " + getMessage());
  }
}
