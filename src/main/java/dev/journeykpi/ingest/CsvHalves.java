package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a large CSV file as two halves, each split and typed by its own thread from start to end: the calling thread
 * takes the first half, another thread the second, and the source's assembler absorbs the two halves in order.
 *
 * <p>Why: on two cores the pipeline of {@link CsvTableReader} (one thread splitting, two typing each batch's columns)
 * paid for its hand-overs: three threads on two cores, a wake-up per batch, and every batch typed on another core than
 * the one that split it (measured with scripts/bench.sh; README › Performance). Halves share nothing until the end.
 *
 * <p>The second half starts after the first line break past the middle of the file, on the guess that this line break
 * ends a record. It may not: a quoted field can hold line breaks. The first half is read from the true start, so it
 * knows: its part must end exactly at the end of a record, not inside quotes. If it does not, the second half's work is
 * thrown away and the caller reads the file in one piece ({@code null} result). The bytes before the cut are read by
 * the first half exactly as a reading of the whole file reads them (the cut follows a line feed, so no look-ahead of
 * the splitter crosses it), and the second half's line numbers are shifted by the first half's count of lines.
 */
final class CsvHalves {
  /**
   * Files smaller than this are read in one piece: for them a thread and a merge cost about what they save.
   * Tests lower it to read small fixtures both ways.
   */
  static long minBytes = 4L << 20;

  private CsvHalves() {}

  /** The file's column plan, or null when the file cannot be read in halves (small, no cut, cut inside quotes). */
  static ColumnPlan read(Path file, CsvDialect dialect, SourceDef source, RowAssembler.Factory factory, String name,
      boolean utf8) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = dialect.bomLength();
      long size = ch.size();
      if (size - start < minBytes || Runtime.getRuntime().availableProcessors() < 2) return null;
      long cut = lineStartAfter(ch, start + (size - start) / 2, size);
      if (cut < 0) return null;
      SecondHalf second = new SecondHalf(ch, cut, size, dialect.delimiter(), name);
      Thread thread = new Thread(second, "csv-second-half");
      thread.setDaemon(true);
      thread.start();
      RecordTyper first = RecordTyper.firstHalf(source, factory, name, Math.max(1, source.headerRow()),
          dialect.delimiter(), utf8);
      CsvSplitter splitter = new CsvSplitter(new RangeInput(ch, start, cut), dialect.delimiter(), true);
      boolean done = false;
      try {
        RecordBatch b = new RecordBatch();
        boolean sized = false;
        while (splitter.fill(b)) {
          first.type(b);
          if (first.plan != null && !sized) {
            second.header.complete(first);
            first.rows.expectRows(estimateRows(cut - start, b));
            sized = true;
          }
          b.clear();
        }
        done = true;
      } finally {
        second.cancelled = !done;
        second.header.complete(null); // no header in the first half, or an error: the second half stops
        join(thread);
      }
      if (first.plan == null || splitter.endedInsideQuotes()) return null;
      if (second.failure != null) throw second.failure;
      RowAssembler shared = first.shared;
      shared.startFile(name);
      shared.absorb(first.rows, 0);
      if (second.typer != null) shared.absorb(second.typer.rows, splitter.linesRead());
      return first.plan;
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("import interrupted", e);
    }
  }

  /** Where the line after the first line feed at or after {@code from} starts, or -1 when there is none before the end. */
  static long lineStartAfter(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    for (long pos = from; pos < size; ) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) return -1;
      for (int i = 0; i < n; i++) {
        if (buf.get(i) == '\n') return pos + i + 1 < size ? pos + i + 1 : -1;
      }
      pos += n;
    }
    return -1;
  }

  /** The rows in {@code bytes} of the file, judged from a batch of its records, with a tenth to spare. */
  static long estimateRows(long bytes, RecordBatch b) {
    return b.used == 0 ? 0 : (long) (1.1 * bytes * b.records / b.used);
  }

  /** The second half: split and typed on its own thread once the first half has read the header. */
  private static final class SecondHalf implements Runnable {
    final CompletableFuture<RecordTyper> header = new CompletableFuture<>();
    volatile boolean cancelled;
    private final FileChannel ch;
    private final long from;
    private final long to;
    private final char delimiter;
    private final String name;
    RecordTyper typer;
    RuntimeException failure;

    SecondHalf(FileChannel ch, long from, long to, char delimiter, String name) {
      this.ch = ch;
      this.from = from;
      this.to = to;
      this.delimiter = delimiter;
      this.name = name;
    }

    @Override
    public void run() {
      try {
        CsvSplitter splitter = new CsvSplitter(new RangeInput(ch, from, to), delimiter, true);
        RecordBatch b = new RecordBatch();
        while (!cancelled && splitter.fill(b)) {
          if (typer == null) {
            RecordTyper first = header.join();
            if (first == null) return;
            typer = RecordTyper.continuing(first);
            typer.rows.expectRows(estimateRows(to - from, b));
          }
          typer.type(b);
          b.clear();
        }
      } catch (IOException e) {
        failure = new DataException(name + ": cannot read: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }

  /** The bytes {@code [from, to)} of a file, read with positional reads (the two halves share one channel). */
  private static final class RangeInput extends InputStream {
    private final FileChannel ch;
    private long pos;
    private final long to;

    RangeInput(FileChannel ch, long from, long to) {
      this.ch = ch;
      this.pos = from;
      this.to = to;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= to) return -1;
      int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - pos)), pos);
      if (n > 0) pos += n;
      return n;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }
}
