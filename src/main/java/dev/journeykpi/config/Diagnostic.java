package dev.journeykpi.config;

/**
 * One problem found in a definition, printed like a compiler: {@code file:line:col: error:
 * message}.
 */
public record Diagnostic(Severity severity, Location location, String message) {
  public enum Severity {
    ERROR,
    WARNING
  }

  @Override
  public String toString() {
    String where = location.toString();
    return (where.isEmpty() ? "" : where + ": ") + severity.name().toLowerCase() + ": " + message;
  }
}
