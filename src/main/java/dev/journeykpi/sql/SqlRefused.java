package dev.journeykpi.sql;

/**
 * A part of a definition the SQL engines do not compile yet: the engine collects every one, names
 * the KPI, and refuses the run before any work (exit 2), never falling back to another engine.
 */
public final class SqlRefused extends RuntimeException {
  public SqlRefused(String reason) {
    super(reason, null, false, false);
  }
}
