package dev.journeykpi.engine;

import dev.journeykpi.config.KpiFailure;
import java.util.List;

/**
 * Memory ran out while a run read a source or computed a KPI. Carries what it was doing, so the
 * user is told which file was too big for the memory Java was given (exit 4), not shown an
 * OutOfMemoryError's stack trace.
 */
public final class MemoryExhausted extends RuntimeException implements KpiFailure {
  private final String during;

  /**
   * @param during what the run was doing, as words after "while": {@code reading source 'tickets'
   *     (t.csv)}
   */
  public MemoryExhausted(String during, OutOfMemoryError cause) {
    // No stack trace of its own: it is never shown, and memory is short.
    super("out of memory while " + during, cause, false, false);
    this.during = during;
  }

  public String during() {
    return during;
  }

  @Override
  public int exitCode() {
    return INTERNAL;
  }

  @Override
  public List<String> messageLines() {
    return List.of(OutOfMemory.line(during));
  }
}
