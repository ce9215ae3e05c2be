package dev.journeykpi.engine;

/**
 * The one line kpi prints when Java's heap is exhausted (exit 4): what was being read, the heap it
 * had, and how to give it more. scripts/kpi appends {@code JAVA_OPTS} to its own options, so an
 * {@code -Xmx} there wins.
 */
public final class OutOfMemory {
  private OutOfMemory() {}

  /**
   * @param during words after "while" ({@code reading source 'tickets' (t.csv)}), or null when not
   *     known
   */
  public static String line(String during) {
    long max = Runtime.getRuntime().maxMemory();
    String more = "-Xmx" + suggestedGigabytes(max) + "g";
    return "kpi: out of memory"
        + (during == null ? "" : " while " + during)
        + " (Java's heap is at most "
        + (max >> 20)
        + " MB); give it more memory: JAVA_OPTS="
        + more
        + " scripts/kpi …, or java "
        + more
        + " -jar kpi.jar …";
  }

  /** Twice the heap it had, in whole gigabytes, and at least 4. */
  static long suggestedGigabytes(long maxHeap) {
    long gib = 1L << 30;
    return Math.max(4, (2 * maxHeap + gib - 1) / gib);
  }
}
