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

/**
 * Output files: complete or absent, readable as any file the user creates, no temporary file left
 * behind.
 */
class AtomicFileTest {
  @TempDir Path dir;

  /**
   * A scorecard written by a cron job is read by others (the team, a web server): the file gets the
   * permissions a newly created file gets, here compared with one made by Files.writeString, not
   * owner-only as a temp file's.
   */
  @Test
  void aWrittenFileHasOrdinaryPermissions() throws IOException {
    Path target = Files.createDirectories(dir.resolve("out")).resolve("scorecard.csv");
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
    // Any write error is "cannot write FILE: reason" (exit 2 as an IllegalArgumentException), not
    // an internal error.
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    w -> {
                      w.write("half");
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write " + target + ": disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("scorecard.csv");
    }
  }

  /**
   * The temporary file is recognisable: a dot, the output's name, .kpi-tmp- and the writing
   * process's id.
   */
  @Test
  void theTemporaryFileNamesTheOutputAndTheProcess() throws IOException {
    Path target = dir.resolve("report.csv");
    String[] seen = new String[1];
    AtomicFile.write(
        target,
        w -> {
          try (var files = Files.list(dir)) {
            seen[0] =
                files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("report.csv"))
                    .findFirst()
                    .orElse(null);
          }
        });
    assertThat(seen[0]).isEqualTo(".report.csv.kpi-tmp-" + ProcessHandle.current().pid());
  }

  /**
   * Temporary files of a killed run (SIGKILL) are removed by the next run writing the same output
   * when their process is gone, or when they are older than a day whoever has that pid now; a live
   * run's recent one and other outputs' are kept.
   */
  @Test
  void theNextRunRemovesTheTemporaryFilesOfKilledRuns() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long alive =
        ProcessHandle.current().parent().orElseThrow().pid(); // the build that runs this test
    Path target = dir.resolve("report.csv");
    Path ofDead = Files.writeString(dir.resolve(".report.csv.kpi-tmp-" + gone.pid()), "half");
    Path ofLive = Files.writeString(dir.resolve(".report.csv.kpi-tmp-" + alive), "half");
    Path oldOfLive = Files.writeString(dir.resolve(".report.csv.kpi-tmp-" + alive + "-1"), "half");
    Files.setLastModifiedTime(
        oldOfLive,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(25))));
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
      assertThatThrownBy(
              () ->
                  AtomicFile.write(
                      target,
                      w -> {
                        w.write("half");
                        w.flush();
                        assertThat(tmp).exists();
                        AtomicFile.removeInFlight(); // what the hook runs
                        assertThat(tmp).doesNotExist();
                      }))
          .isInstanceOf(IllegalArgumentException.class);
      // Once stopping, no new temporary file is created.
      assertThatThrownBy(() -> AtomicFile.write(dir.resolve("b.csv"), w -> w.write("x")))
          .hasMessage("cannot write " + dir.resolve("b.csv") + ": kpi is stopping");
    } finally {
      AtomicFile.resetForTests();
    }
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(dir.toFile().list()).containsExactly("report.csv");
  }

  /**
   * -o through a symlink (and a chain of two) replaces the file the links name; the links stay
   * links. A dangling link gets its file created.
   */
  @Test
  void aSymlinkStaysASymlinkAndItsTargetGetsTheContent() throws IOException {
    Path real =
        Files.writeString(
            Files.createDirectories(dir.resolve("data")).resolve("scorecard.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("data/scorecard.csv"));
    Path chain = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("link.csv"));
    AtomicFile.write(chain, w -> w.write("new"));
    assertThat(chain).isSymbolicLink();
    assertThat(link).isSymbolicLink();
    assertThat(Files.readString(real)).isEqualTo("new");
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("data", "link.csv", "latest.csv");
    assertThat(real.getParent().toFile().list()).containsExactly("scorecard.csv");

    Path dangling =
        Files.createSymbolicLink(dir.resolve("next.csv"), Path.of("data/next-month.csv"));
    AtomicFile.write(dangling, w -> w.write("fresh"));
    assertThat(dangling).isSymbolicLink();
    assertThat(Files.readString(dir.resolve("data/next-month.csv"))).isEqualTo("fresh");
  }

  /**
   * Links in a loop name no file: a usage error (the system's reason), and both links are left as
   * they were.
   */
  @Test
  void aLoopOfLinksIsNotReplaced() throws IOException {
    Path a = Files.createSymbolicLink(dir.resolve("a.csv"), Path.of("b.csv"));
    Path b = Files.createSymbolicLink(dir.resolve("b.csv"), Path.of("a.csv"));
    assertThatThrownBy(() -> AtomicFile.write(a, w -> w.write("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot write " + a + ": ");
    assertThat(a).isSymbolicLink();
    assertThat(b).isSymbolicLink();
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("a.csv", "b.csv");
  }

  /**
   * A FIFO (as /dev/stdout piped to another program) is written straight, and is still a FIFO
   * afterwards.
   */
  @Test
  void aFifoIsWrittenStraightAndStaysAFifo() throws Exception {
    Path fifo = fifo("pipe");
    assertThat(readWhileWriting(fifo, () -> AtomicFile.write(fifo, w -> w.write("kpi,value\n"))))
        .isEqualTo("kpi,value\n");
    assertThat(
            Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther())
        .isTrue();
    // Through a link, as /dev/stdout -> /proc/self/fd/1 -> a pipe: the link and the FIFO are both
    // kept.
    Path link = Files.createSymbolicLink(dir.resolve("out.csv"), fifo);
    assertThat(readWhileWriting(fifo, () -> AtomicFile.write(link, w -> w.write("again"))))
        .isEqualTo("again");
    assertThat(link).isSymbolicLink();
    assertThat(
            Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther())
        .isTrue();
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("pipe", "out.csv");
  }

  /**
   * An error while writing straight is still "cannot write FILE: reason"; what was written is read
   * (no atomicity there).
   */
  @Test
  void anErrorWritingToAFifoIsCannotWrite() throws Exception {
    Path fifo = fifo("pipe");
    String[] message = new String[1];
    String read =
        readWhileWriting(
            fifo,
            () -> {
              try {
                AtomicFile.write(
                    fifo,
                    x -> {
                      x.write("half");
                      x.flush(); // what was flushed before the error reaches the reader: no
                      // rename to wait for
                      throw new IOException("disk full");
                    });
              } catch (IllegalArgumentException e) {
                message[0] = e.getMessage();
              }
            });
    assertThat(message[0]).isEqualTo("cannot write " + fifo + ": disk full");
    assertThat(read).isEqualTo("half");
    assertThat(
            Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther())
        .isTrue();
  }

  /**
   * /dev/stdout redirected to a file is /proc/self/fd/1, a link to that file: written through the
   * descriptor's path, appended (the shell opened it; with >> it keeps its lines), the same file,
   * not one renamed over it.
   */
  @Test
  void aFileReachedThroughADescriptorIsAppendedTo() throws Exception {
    Path log = Files.writeString(dir.resolve("log.csv"), "old\n");
    Object before =
        Files.readAttributes(log, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    try (var held = new java.io.FileOutputStream(log.toFile(), true)) {
      Path descriptor = null;
      try (var fds = Files.list(Path.of("/proc/self/fd"))) {
        for (Path fd : (Iterable<Path>) fds::iterator) {
          try {
            if (Files.readSymbolicLink(fd).equals(log)) descriptor = fd;
          } catch (IOException e) {
            // closed meanwhile (the listing's own descriptor)
          }
        }
      } catch (IOException e) {
        org.junit.jupiter.api.Assumptions.abort("no /proc/self/fd here");
      }
      assertThat(descriptor).isNotNull();
      AtomicFile.write(descriptor, w -> w.write("new\n"));
    }
    assertThat(Files.readString(log)).isEqualTo("old\nnew\n");
    assertThat(
            Files.readAttributes(log, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .isEqualTo(before);
    assertThat(dir.toFile().list()).containsExactly("log.csv");
  }

  /**
   * A folder (or a link to one) as output is a usage error; an empty one is not replaced by a file.
   */
  @Test
  void aDirectoryIsNotAnOutput() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("out.csv"));
    assertThatThrownBy(() -> AtomicFile.write(folder, w -> w.write("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write " + folder + ": is a directory");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), folder);
    assertThatThrownBy(() -> AtomicFile.write(link, w -> w.write("x")))
        .hasMessage("cannot write " + link + ": is a directory");
    assertThat(folder).isDirectory().isEmptyDirectory();
    assertThat(link).isSymbolicLink();
  }

  /**
   * A FIFO in the test's folder (never a device in /dev: wrong code would replace it), or the test
   * is skipped.
   */
  private Path fifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
      org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no mkfifo here");
    }
    return fifo;
  }

  interface Action {
    void run() throws IOException;
  }

  /**
   * Runs {@code write} while cat reads the FIFO and returns what cat read. If the FIFO was renamed
   * over, cat still waits for a writer: it is stopped after 10 s and the test fails instead of
   * hanging.
   */
  private static String readWhileWriting(Path fifo, Action write) throws Exception {
    Process cat = new ProcessBuilder("cat", fifo.toString()).start();
    try {
      write.run();
      boolean done = cat.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(done).as("cat got an end of file: the FIFO was written, not replaced").isTrue();
      return new String(
          cat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      cat.destroyForcibly();
    }
  }
}
