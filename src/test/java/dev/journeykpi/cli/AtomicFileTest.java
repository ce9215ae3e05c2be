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
    assertThatThrownBy(() -> AtomicFile.write(target, w -> {
      w.write("half");
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("scorecard.csv");
    }
  }
}
