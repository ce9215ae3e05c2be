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

  /**
   * Selections (issue 21): the same object asked again is the same rows (the next period of a KPI);
   * another object with the same rows too; the kept rows are a copy, so a caller changing its
   * selection afterwards changes neither what is kept nor what matches.
   */
  @Test
  void selectionsMatchByIdentityOrContentAndAreCopied() {
    SharedBuilds shared = new SharedBuilds();
    Object table = new Object();
    AtomicInteger builds = new AtomicInteger();
    java.util.function.Supplier<Integer> build = builds::incrementAndGet;
    List<String> spec = List.of("customer activity", "customer_id");
    var rows = new tech.tablesaw.selection.BitmapBackedSelection(new int[] {0, 2, 5});
    // First ask: build 1; the same object again, an equal selection, the same rows as an array: 1.
    assertThat(shared.get(table, spec, rows, build)).isEqualTo(1);
    assertThat(shared.get(table, spec, rows, build)).isEqualTo(1);
    var equal = new tech.tablesaw.selection.BitmapBackedSelection(new int[] {0, 2, 5});
    assertThat(shared.get(table, spec, equal, build)).isEqualTo(1);
    assertThat(shared.get(table, spec, new int[] {0, 2, 5}, build)).isEqualTo(1);
    // The caller adds row 7 to its selection: {0, 2, 5, 7} are other rows, build 2 …
    rows.add(7);
    assertThat(shared.get(table, spec, rows, build)).isEqualTo(2);
    // … while {0, 2, 5} still finds build 1, kept with its own copy of the rows.
    assertThat(shared.get(table, spec, equal, build)).isEqualTo(1);
    // A selection of one row fewer, {0, 2}: build 3.
    equal.removeRange(5, 6);
    assertThat(shared.get(table, spec, equal, build)).isEqualTo(3);
    assertThat(builds.get()).isEqualTo(3);
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
