package dev.journeykpi.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the imports under way have got: the sources being read and the rows read since the first
 * of them began, for the progress line {@code kpi report} draws when stderr is a terminal (issue
 * 19). Counting costs one atomic add per batch of 512 records, so it is always on; nothing is shown
 * unless the command line watches ({@link #watch}).
 *
 * <p>Static because sources are loaded deep in the engine, sometimes from the KPI threads at once:
 * threading a listener through every loader would touch every call for a line on a terminal.
 */
public final class ImportProgress {
  private static final AtomicLong ROWS = new AtomicLong();
  private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();
  private static volatile long startNanos;
  private static volatile Runnable onIdle;

  private ImportProgress() {}

  /** What a progress line shows: the sources being read, rows read, nanoseconds since the start. */
  public record Snapshot(Set<String> sources, long rows, long nanos) {}

  public static void begin(String source) {
    synchronized (ACTIVE) {
      if (ACTIVE.isEmpty()) {
        ROWS.set(0);
        startNanos = System.nanoTime();
      }
      ACTIVE.add(source);
    }
  }

  public static void rows(int n) {
    ROWS.addAndGet(n);
  }

  /**
   * The source is read; when it was the last one under way, the watcher clears its line before
   * anything else (the quality summary, a warning) is written to stderr.
   */
  public static void end(String source) {
    boolean idle;
    synchronized (ACTIVE) {
      ACTIVE.remove(source);
      idle = ACTIVE.isEmpty();
    }
    Runnable r = onIdle;
    if (idle && r != null) r.run();
  }

  /** The imports under way, or null when none is. */
  public static Snapshot now() {
    synchronized (ACTIVE) {
      if (ACTIVE.isEmpty()) return null;
      return new Snapshot(
          Set.copyOf(new java.util.TreeSet<>(ACTIVE)), ROWS.get(), System.nanoTime() - startNanos);
    }
  }

  /** The rows read since the first import under way began (or, after, by the last ones). */
  public static long rows() {
    return ROWS.get();
  }

  /** Runs {@code idle} each time the last import under way ends; null stops watching. */
  public static void watch(Runnable idle) {
    onIdle = idle;
  }
}
