package dev.journeykpi.ingest;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task per column of a batch on the calling thread and a helper thread, each taking the
 * next column until none is left. Columns are independent (each sink has its own staging arrays and
 * dictionary), so a batch's columns can be typed side by side; on two cores this shares the typing
 * with the thread that splits the file, which otherwise waited for the typing thread (measured with
 * scripts/bench.sh; README › Performance).
 */
final class ColumnWorkers implements AutoCloseable {
  private final Semaphore start = new Semaphore(0);
  private final Semaphore done = new Semaphore(0);
  private final AtomicInteger next = new AtomicInteger();
  private final Thread helper;
  private volatile int[] order;
  private volatile IntConsumer task;
  private volatile boolean closed;
  private volatile Throwable failure;

  private ColumnWorkers() {
    helper = new Thread(this::help, "column-typer");
    helper.setDaemon(true);
    helper.start();
  }

  /**
   * Workers for a machine with more than one core, else null (callers then type column after
   * column).
   */
  static ColumnWorkers forThisMachine() {
    return Runtime.getRuntime().availableProcessors() > 1 ? new ColumnWorkers() : null;
  }

  /**
   * Runs {@code task} for each column in {@code order} (costliest first balances best), and returns
   * when all ran.
   */
  void run(int[] order, IntConsumer task) {
    this.order = order;
    this.task = task;
    next.set(0);
    start.release();
    Throwable mine = null;
    try {
      drain();
    } catch (RuntimeException | Error e) {
      mine = e;
    }
    done.acquireUninterruptibly();
    if (mine != null) throw ThreadFailure.rethrow(mine);
    Throwable theirs = failure;
    failure = null;
    if (theirs != null) throw ThreadFailure.rethrow(theirs);
  }

  private void drain() {
    int[] o = order;
    IntConsumer t = task;
    for (int k = next.getAndIncrement(); k < o.length; k = next.getAndIncrement()) t.accept(o[k]);
  }

  private void help() {
    while (true) {
      start.acquireUninterruptibly();
      if (closed) return;
      try {
        drain();
      } catch (RuntimeException | Error e) {
        failure = e; // carried to the calling thread, which throws it (an OutOfMemoryError too)
      } finally {
        done.release();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    start.release();
  }
}
