package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Failures on the helper thread reach the thread that waits for the columns. */
class ColumnWorkersTest {
  /**
   * Memory running out while the helper types a column: before, the helper died printing a stack
   * trace and the import went on without that column; now the caller throws the same error. The
   * calling thread holds its column until the helper has taken the other, so the helper surely
   * types one.
   */
  @Test
  void anOutOfMemoryErrorOnTheHelperReachesTheCaller() {
    ColumnWorkers workers = ColumnWorkers.forThisMachine();
    Assumptions.assumeTrue(workers != null, "needs two cores");
    Thread caller = Thread.currentThread();
    CountDownLatch helperStarted = new CountDownLatch(1);
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    try (workers) {
      assertThatThrownBy(
              () ->
                  workers.run(
                      new int[] {0, 1},
                      column -> {
                        if (Thread.currentThread() != caller) {
                          helperStarted.countDown();
                          throw oom;
                        }
                        try {
                          helperStarted.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                      }))
          .isSameAs(oom);
    }
  }
}
