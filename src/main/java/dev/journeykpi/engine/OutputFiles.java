package dev.journeykpi.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Where a job writes its files. The CLI's own writer (a temporary file, then a rename) does it: how
 * a file reaches the disk is the command line's business, what goes in it the engine's.
 */
public interface OutputFiles {
  /** Writes a text file, UTF-8. */
  void text(Path file, TextBody body);

  /** Writes a binary file (an Excel workbook). */
  void bytes(Path file, BytesBody body);

  /** The content of a text file. */
  interface TextBody {
    void write(Writer w) throws IOException;
  }

  /** The content of a binary file. */
  interface BytesBody {
    void write(OutputStream out) throws IOException;
  }
}
