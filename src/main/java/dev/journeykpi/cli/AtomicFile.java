package dev.journeykpi.cli;

import dev.journeykpi.model.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file through a temporary sibling and a rename, so a failed run never leaves half a
 * scorecard. Symlinks are followed and devices, FIFOs and terminals written straight (see {@code
 * writeOrFail}).
 *
 * <p>The temporary file is named {@code .NAME.kpi-tmp-PID} (PID: the writing process). A run
 * stopped by SIGTERM or SIGINT deletes its temporary files in a shutdown hook; one killed outright
 * (SIGKILL, a power cut) leaves its file, and the next run that writes the same output deletes it
 * when its process is no longer alive or the file is older than {@link #STALE_AFTER} (a process id
 * may be reused by an unrelated process; no run writes one file for a day).
 */
final class AtomicFile {
  interface Body {
    void write(Writer w) throws IOException;
  }

  interface BinaryBody {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Opens a new temporary file; tests replace it with one whose stream fails as a full disk does.
   */
  interface Opener {
    OutputStream open(Path tmp) throws IOException;
  }

  static final String MARK = ".kpi-tmp-";
  static final Duration STALE_AFTER = Duration.ofHours(24);

  // Created as any file is (CREATE_NEW), not with Files.createTempFile: that makes the file
  // readable by its owner only, and the renamed scorecard kept those rights, so a cron job's files
  // were unreadable to the team (and to a web server). A plain creation takes the permissions the
  // user's umask gives.
  static Opener opener =
      tmp -> Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  /**
   * Temporary files being written; the shutdown hook deletes them. Guarded by the class lock with
   * {@link #closing}.
   */
  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  private static boolean closing;
  private static boolean hooked;

  private AtomicFile() {}

  /** The engine's jobs write their files through this class. */
  static final dev.journeykpi.engine.OutputFiles FILES =
      new dev.journeykpi.engine.OutputFiles() {
        @Override
        public void text(Path file, TextBody body) {
          write(file, body::write);
        }

        @Override
        public void bytes(Path file, BytesBody body) {
          writeBytes(file, body::write);
        }
      };

  static void write(Path target, Body body) {
    writeBytes(
        target,
        out -> {
          Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
          body.write(w);
          w.flush();
        });
  }

  /**
   * Writes {@code target}; a file that cannot be written (no such folder, no permission, a
   * read-only or full disk, any error while writing) is a usage error naming the file and the
   * reason, not an internal one.
   */
  static void writeBytes(Path target, BinaryBody body) {
    try {
      writeOrFail(target, body);
    } catch (java.nio.file.FileSystemException e) {
      throw new UsageException("cannot write " + target + ": " + reason(e), e);
    } catch (IOException e) {
      // -o /dev/stdout (or a FIFO) whose reader went away: as for standard output itself.
      if (ClosedPipe.is(e)) throw new ClosedPipe(e);
      throw new UsageException("cannot write " + target + ": " + message(e), e);
    } catch (UncheckedIOException e) {
      if (ClosedPipe.is(e)) throw new ClosedPipe(e);
      throw new UsageException("cannot write " + target + ": " + message(e.getCause()), e);
    }
  }

  private static String reason(java.nio.file.FileSystemException e) {
    if (e instanceof java.nio.file.NoSuchFileException)
      return "no such folder, or it cannot hold new files";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.FileAlreadyExistsException)
      return "a part of its path is a file, not a folder";
    return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
  }

  private static String message(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * Where and how {@code target} is written. A symlink is followed to the file it names, which is
   * replaced, so the link stays a link. Something that is not a regular file (a device, a FIFO, a
   * terminal) cannot be renamed over without replacing it (as root, {@code -o /dev/full} once
   * replaced the device node), so it is written straight; so is a file reached through a process's
   * descriptor (/dev/stdout, /proc/self/fd/1), which the shell opened ({@code >>} appends).
   */
  private static void writeOrFail(Path target, BinaryBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    java.nio.file.attribute.BasicFileAttributes found;
    try {
      found =
          Files.readAttributes(
              abs, java.nio.file.attribute.BasicFileAttributes.class); // follows links
    } catch (java.nio.file.NoSuchFileException e) {
      found = null; // a new file, or a link to one
    } catch (java.nio.file.FileSystemException e) {
      if (Files.isSymbolicLink(abs)) throw e; // a loop of links: not to be replaced by a file
      found =
          null; // unreachable (a part of its path is a file): creating its folder says why, as for
      // any new file
    }
    if (found != null && found.isDirectory())
      throw new java.nio.file.FileSystemException(target.toString(), null, "is a directory");
    Path real = linkedFile(abs);
    if (real == null || found != null && !found.isRegularFile()) {
      writeStraight(abs, body);
    } else {
      writeBeside(real, body);
    }
  }

  /**
   * The file {@code path} names after following its symlinks, or null when one leads into /proc (a
   * descriptor).
   */
  private static Path linkedFile(Path path) throws IOException {
    Path p = path;
    // The kernel gives up after 40 links; a loop was already reported by readAttributes.
    for (int hops = 0; Files.isSymbolicLink(p) && hops < 40; hops++) {
      Path dir = p.getParent();
      if (dir.toRealPath().startsWith(Path.of("/proc"))) return null;
      p = dir.resolve(Files.readSymbolicLink(p)); // a relative link is relative to its own folder
    }
    return p;
  }

  /**
   * No temporary file, no rename: a failure part way leaves what was written, as any program
   * writing there does.
   */
  private static void writeStraight(Path target, BinaryBody body) throws IOException {
    try (OutputStream out =
        new java.io.BufferedOutputStream(
            Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND))) {
      body.write(out);
    }
  }

  private static void writeBeside(Path abs, BinaryBody body) throws IOException {
    Path dir = abs.getParent();
    // The folder must exist: created here, a typo in -o (reprots/x.csv) would write somewhere new
    // with exit 0.
    if (dir != null && !Files.isDirectory(dir)) {
      for (Path p = dir; p != null; p = p.getParent()) {
        if (Files.exists(p) && !Files.isDirectory(p))
          throw new java.nio.file.FileAlreadyExistsException(p.toString());
      }
      throw new java.nio.file.FileSystemException(abs.toString(), null, "no such folder " + dir);
    }
    try {
      removeStale(abs);
    } catch (IOException e) {
      // A folder that cannot be listed cannot be written either: creating the temporary file says
      // why.
    }
    Path tmp = null;
    OutputStream opened = null;
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; opened == null; attempt++) {
      // The same output twice in one run (-o a.csv -o a.csv) is written one after the other; a
      // second name is only needed if a file of this pid is still in flight.
      tmp = dir.resolve("." + abs.getFileName() + MARK + pid + (attempt == 0 ? "" : "-" + attempt));
      try {
        opened = open(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt == 100) throw e;
      }
    }
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(opened)) {
        body.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
      IN_FLIGHT.remove(tmp);
    }
  }

  /**
   * Creates the temporary file and records it, under the lock the shutdown hook takes: a file is
   * either recorded before the hook runs (and deleted by it) or never created.
   */
  private static synchronized OutputStream open(Path tmp) throws IOException {
    if (closing) throw new IOException("kpi is stopping");
    if (!hooked) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(AtomicFile::removeInFlight, "kpi-remove-temporary-files"));
      hooked = true;
    }
    OutputStream out = opener.open(tmp);
    IN_FLIGHT.add(tmp);
    return out;
  }

  /**
   * The shutdown hook (SIGTERM, SIGINT, System.exit): deletes the temporary files not yet renamed.
   */
  static synchronized void removeInFlight() {
    closing = true;
    for (Path p : List.copyOf(IN_FLIGHT)) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // Stopping anyway; the next run that writes this output removes it.
      }
    }
  }

  /** Undoes {@link #removeInFlight} for the tests that run it in their JVM. */
  static synchronized void resetForTests() {
    closing = false;
  }

  /**
   * Temporary files of {@code target} left by runs that were killed; see the class comment for when
   * one is stale.
   */
  static void removeStale(Path target) throws IOException {
    String prefix = "." + target.getFileName() + MARK;
    long me = ProcessHandle.current().pid();
    Instant old = Instant.now().minus(STALE_AFTER);
    try (var siblings =
        Files.newDirectoryStream(
            target.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : siblings) {
        String rest = p.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
          continue; // not one of ours
        }
        boolean mine = pid == me && IN_FLIGHT.contains(p);
        boolean dead =
            pid != me && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        boolean leftOver = pid == me && !mine; // a killed process that had this pid before us
        try {
          if (!mine && (dead || leftOver || Files.getLastModifiedTime(p).toInstant().isBefore(old)))
            Files.deleteIfExists(p);
        } catch (IOException e) {
          // Gone already (another run cleaned it), or not ours to delete: the write goes on either
          // way.
        }
      }
    }
  }
}
