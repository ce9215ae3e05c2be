package dev.journeykpi.cli;

import dev.journeykpi.config.KpiFailure;
import java.util.List;

/**
 * The reader of kpi's output went away before kpi finished writing ({@code kpi report | head -1}):
 * not a failure of the run, and not a full disk. A Unix tool is stopped there by SIGPIPE, which its
 * shell reports as 141 (128 + 13); the JVM ignores SIGPIPE, so the write fails with EPIPE instead,
 * and kpi ends the same way: quietly, with 141. Without {@code set -o pipefail} a shell shows the
 * last command's status ({@code head}'s 0); with it, kpi's 141 is what {@code yes | head -1} gives,
 * so a script that allows one allows the other.
 */
final class ClosedPipe extends RuntimeException implements KpiFailure {
  /** The exit code: 128 + SIGPIPE (13), as a shell reports a tool that SIGPIPE stopped. */
  static final int EXIT_CODE = 141;

  ClosedPipe(Throwable cause) {
    super("the reader of the output went away", cause);
  }

  /**
   * Whether {@code e} (or its cause) is a write to a pipe whose reader is gone. Java gives no
   * errno: the message is the C library's text for EPIPE ("Broken pipe" on Linux and macOS) or
   * Windows' for a closed pipe. A message in another language is not recognised, and the run ends
   * as before, with the write error and exit 2.
   */
  static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null
          && (m.contains("Broken pipe")
              || m.contains("The pipe is being closed")
              || m.contains("The pipe has been ended"))) return true;
    }
    return false;
  }

  @Override
  public int exitCode() {
    return EXIT_CODE;
  }

  /** Nothing on stderr: the reader took what it wanted, as with any tool stopped by SIGPIPE. */
  @Override
  public List<String> messageLines() {
    return List.of();
  }
}
