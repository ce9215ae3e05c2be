package dev.journeykpi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes KPIs on every core, results in the order given. The calculators are pure functions of
 * read-only tables, so KPIs are independent; on the benchmark's six-KPI scorecard over 1,000,000
 * rows the KPI phase ran on one of the two cores while the other sat idle.
 */
final class ParallelKpis {
  private ParallelKpis() {}

  static <T> List<T> runAll(List<Callable<T>> work) {
    int threads = Math.min(work.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) return inOrder(work);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "kpi");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> c : work) futures.add(pool.submit(c));
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) out.add(f.get());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      // The calculators' own exceptions (data and definition errors) pass through unchanged.
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> List<T> inOrder(List<Callable<T>> work) {
    List<T> out = new ArrayList<>();
    for (Callable<T> c : work) {
      try {
        out.add(c.call());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
