package dev.journeykpi.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary sibling and a rename, so a failed run never leaves half a scorecard. */
final class AtomicFile {
  interface Body {
    void write(Writer w) throws IOException;
  }

  interface BinaryBody {
    void write(java.io.OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  static void write(Path target, Body body) throws IOException {
    writeBytes(target, out -> {
      Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
      body.write(w);
      w.flush();
    });
  }

  /**
   * Writes {@code target}; a file that cannot be written (no such folder, no permission, a read-only or full disk) is
   * a usage error naming the file and the reason, not an internal one.
   */
  static void writeBytes(Path target, BinaryBody body) throws IOException {
    try {
      writeOrFail(target, body);
    } catch (java.nio.file.FileSystemException e) {
      throw new IllegalArgumentException("cannot write " + target + ": " + reason(e), e);
    }
  }

  private static String reason(java.nio.file.FileSystemException e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such folder, or it cannot hold new files";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.FileAlreadyExistsException) return "a part of its path is a file, not a folder";
    return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
  }

  private static void writeOrFail(Path target, BinaryBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) Files.createDirectories(dir);
    // Created as any file is (CREATE_NEW, a random name), not with Files.createTempFile: that makes the file readable
    // by its owner only, and the renamed scorecard kept those rights, so a cron job's files were unreadable to the
    // team (and to a web server). A plain creation takes the permissions the user's umask gives.
    Path tmp = null;
    java.io.OutputStream opened = null;
    for (int attempt = 0; opened == null; attempt++) {
      tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
      try {
        opened = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt == 100) throw e;
      }
    }
    try {
      try (java.io.OutputStream out = new java.io.BufferedOutputStream(opened)) {
        body.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
