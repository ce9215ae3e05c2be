package dev.journeykpi.ingest;

/**
 * A failure caught on one of the import's threads, thrown again on the thread that waits for it.
 * Errors travel too (an OutOfMemoryError above all): a helper thread that died of one used to leave
 * its part of the file unread while the import went on without it, and print a stack trace.
 */
final class ThreadFailure {
  private ThreadFailure() {}

  /**
   * Throws {@code t} as it is when unchecked; the return type lets callers write {@code throw
   * rethrow(t)}.
   */
  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    throw new IllegalStateException(t);
  }
}
