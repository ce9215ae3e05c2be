package dev.journeykpi.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes an output through {@link AtomicFile} and stalls halfway, printing "writing" once its
 * temporary file holds data: KpiJarIT stops it there with SIGTERM, SIGINT or SIGKILL, as a user or
 * a cron timeout stops a long run.
 */
final class SlowOutput {
  private SlowOutput() {}

  public static void main(String[] args) throws Exception {
    AtomicFile.write(
        Path.of(args[0]),
        w -> {
          w.write("half of a scorecard");
          w.flush();
          System.out.println("writing");
          System.out.flush();
          try {
            Thread.sleep(120_000);
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
        });
  }
}
