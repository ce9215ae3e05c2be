package dev.journeykpi.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as kpi writes it: a PrintWriter (which keeps its errors to itself, so {@link
 * Main#run} asks {@link #checkError}) that also remembers why its first write failed, so that a
 * reader that went away ({@code kpi report | head -1}) is told from a full disk.
 */
final class StdoutWriter extends PrintWriter {
  private final Recorder recorder;

  StdoutWriter(OutputStream out) {
    this(new Recorder(out));
  }

  private StdoutWriter(Recorder recorder) {
    super(
        new OutputStreamWriter(new BufferedOutputStream(recorder, 1 << 16), StandardCharsets.UTF_8),
        true);
    this.recorder = recorder;
  }

  /** Whether a write failed because the pipe's reader is gone (EPIPE). */
  boolean readerGone() {
    return ClosedPipe.is(recorder.failure);
  }

  /** The stream below the buffer, where the operating system's error arrives. */
  private static final class Recorder extends FilterOutputStream {
    IOException failure;

    Recorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw recorded(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw recorded(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw recorded(e);
      }
    }

    private IOException recorded(IOException e) {
      if (failure == null) failure = e;
      return e;
    }
  }
}
