package dev.journeykpi.model;

/** The data cannot be used as declared: a missing file or column, an unreadable file, rejected rows under --strict. Exit 3. */
public final class DataException extends RuntimeException {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
