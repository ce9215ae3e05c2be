package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A build is shared only by the same table, equal spec and the same rows. */
class SharedBuildsTest {
  @Test
  void sameTableSpecAndRowsBuildOnce() {
    SharedBuilds shared = new SharedBuilds();
    Object table = new Object(), other = new Object();
    AtomicInteger builds = new AtomicInteger();
    java.util.function.Supplier<Integer> build = builds::incrementAndGet;
    int[] rows = {0, 2, 5};
    // The first ask builds (1); the same rows in another array are the same rows: kept, 1 again.
    assertThat(shared.get(table, List.of("leads", "lead_id"), rows, build)).isEqualTo(1);
    assertThat(shared.get(table, List.of("leads", "lead_id"), new int[] {0, 2, 5}, build))
        .isEqualTo(1);
    // Each of these differs in one thing, so each is a build of its own: 2, 3, 4, 5.
    assertThat(shared.get(table, List.of("leads", "lead_id"), new int[] {0, 2, 6}, build))
        .isEqualTo(2);
    assertThat(shared.get(table, List.of("leads", "lead_id"), new int[] {0, 2}, build))
        .isEqualTo(3);
    assertThat(shared.get(table, List.of("leads", "customer"), rows, build)).isEqualTo(4);
    assertThat(shared.get(other, List.of("leads", "lead_id"), rows, build)).isEqualTo(5);
    assertThat(builds.get()).isEqualTo(5);
  }

  @Test
  void twoThreadsAskingAtOnceBuildOnce() throws Exception {
    SharedBuilds shared = new SharedBuilds();
    Object table = new Object();
    AtomicInteger builds = new AtomicInteger();
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    Runnable ask =
        () ->
            shared.get(
                table,
                List.of("x"),
                new int[] {1},
                () -> {
                  inside.countDown();
                  try {
                    Thread.sleep(50); // the other thread asks meanwhile, and waits
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return builds.incrementAndGet();
                });
    Thread a = new Thread(ask);
    a.start();
    inside.await();
    Thread b = new Thread(ask);
    b.start();
    a.join();
    b.join();
    assertThat(builds.get()).isEqualTo(1);
  }
}
