package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files: complete or absent, readable as any file the user creates, no temporary file left behind. */
class AtomicFileTest {
  @TempDir Path dir;

  /**
   * A scorecard written by a cron job is read by others (the team, a web server): the file gets the permissions a
   * newly created file gets, here compared with one made by Files.writeString, not owner-only as a temp file's.
   */
  @Test
  void aWrittenFileHasOrdinaryPermissions() throws IOException {
    Path target = dir.resolve("out/scorecard.csv");
    AtomicFile.write(target, w -> w.write("kpi,value\n"));
    assertThat(Files.readString(target)).isEqualTo("kpi,value\n");
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, "x");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
    try (var files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("scorecard.csv");
    }
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNothingBehind() throws IOException {
    Path target = dir.resolve("scorecard.csv");
    Files.writeString(target, "old");
    // Any write error is "cannot write FILE: reason" (exit 2 as an IllegalArgumentException), not an internal error.
    assertThatThrownBy(() -> AtomicFile.write(target, w -> {
      w.write("half");
      throw new IOException("disk full");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot write " + target + ": disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("scorecard.csv");
    }
  }

  /** The temporary file is recognisable: a dot, the output's name, .kpi-tmp- and the writing process's id. */
  @Test
  void theTemporaryFileNamesTheOutputAndTheProcess() throws IOException {
    Path target = dir.resolve("report.csv");
    String[] seen = new String[1];
    AtomicFile.write(target, w -> {
      try (var files = Files.list(dir)) {
        seen[0] = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("report.csv")).findFirst().orElse(null);
      }
    });
    assertThat(seen[0]).isEqualTo(".report.csv.kpi-tmp-" + ProcessHandle.current().pid());
  }

  /**
   * Temporary files of a killed run (SIGKILL) are removed by the next run writing the same output when their process
   * is gone, or when they are older than a day whoever has that pid now; a live run's recent one and other outputs'
   * are kept.
   */
  @Test
  void theNextRunRemovesTheTemporaryFilesOfKilledRuns() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long alive = ProcessHandle.current().parent().orElseThrow().pid(); // the build that runs this test
    Path target = dir.resolve("report.csv");
    Path ofDead = Files.writeString(dir.resolve(".report.csv.kpi-tmp-" + gone.pid()), "half");
    Path ofLive = Files.writeString(dir.resolve(".report.csv.kpi-tmp-" + alive), "half");
    Path oldOfLive = Files.writeString(dir.resolve(".report.csv.kpi-tmp-" + alive + "-1"), "half");
    Files.setLastModifiedTime(oldOfLive, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25))));
    Path otherOutput = Files.writeString(dir.resolve(".other.csv.kpi-tmp-" + gone.pid()), "half");
    Path notOurs = Files.writeString(dir.resolve(".report.csv.kpi-tmp-backup"), "x");
    AtomicFile.write(target, w -> w.write("new"));
    assertThat(ofDead).doesNotExist();
    assertThat(oldOfLive).doesNotExist();
    assertThat(ofLive).exists();
    assertThat(otherOutput).exists();
    assertThat(notOurs).exists();
    assertThat(Files.readString(target)).isEqualTo("new");
  }

  /** The shutdown hook (SIGTERM, SIGINT) deletes the temporary file of a write in progress. */
  @Test
  void theShutdownHookRemovesAWriteInProgress() throws IOException {
    Path target = dir.resolve("report.csv");
    Files.writeString(target, "old");
    Path tmp = dir.resolve(".report.csv.kpi-tmp-" + ProcessHandle.current().pid());
    try {
      assertThatThrownBy(() -> AtomicFile.write(target, w -> {
        w.write("half");
        w.flush();
        assertThat(tmp).exists();
        AtomicFile.removeInFlight(); // what the hook runs
        assertThat(tmp).doesNotExist();
      })).isInstanceOf(IllegalArgumentException.class);
      // Once stopping, no new temporary file is created.
      assertThatThrownBy(() -> AtomicFile.write(dir.resolve("b.csv"), w -> w.write("x")))
          .hasMessage("cannot write " + dir.resolve("b.csv") + ": kpi is stopping");
    } finally {
      AtomicFile.resetForTests();
    }
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(dir.toFile().list()).containsExactly("report.csv");
  }
}
