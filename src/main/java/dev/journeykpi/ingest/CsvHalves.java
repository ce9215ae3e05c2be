package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a large CSV file as two halves, each split and typed by its own thread from start to end:
 * the calling thread takes the first half, another thread the second, and the source's assembler
 * absorbs the two halves in order.
 *
 * <p>Why: on two cores the pipeline of {@link CsvTableReader} (one thread splitting, two typing
 * each batch's columns) paid for its hand-overs: three threads on two cores, a wake-up per batch,
 * and every batch typed on another core than the one that split it (measured with scripts/bench.sh;
 * README › Performance). Halves share nothing until the end.
 *
 * <p>The second half starts after the first line feed past the middle of the file that the parity
 * of the quotes before it puts outside quotes ({@link #cut}): a quoted field can hold line breaks.
 * That is a guess for files not quoted as RFC 4180 says (a stray quote in an unquoted field), so
 * the first half, read from the true start, checks it: its part must end exactly at the end of a
 * record, not inside quotes. If it does not, the second half's work is thrown away and the caller
 * reads the file in one piece ({@code null} result). The bytes before the cut are read by the first
 * half exactly as a reading of the whole file reads them (the cut follows a line feed, so no
 * look-ahead of the splitter crosses it), and the second half's line numbers are shifted by the
 * first half's count of lines.
 */
final class CsvHalves {
  /**
   * Files smaller than this are read in one piece: for them a thread and a merge cost about what
   * they save. Tests lower it to read small fixtures both ways.
   */
  static long minBytes = 4L << 20;

  private CsvHalves() {}

  /**
   * The file's column plan, or null when the file cannot be read in halves (small, or cut inside
   * quotes).
   */
  static ColumnPlan read(
      Path file,
      CsvDialect dialect,
      SourceDef source,
      RowAssembler.Factory factory,
      String name,
      boolean utf8) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = dialect.bomLength();
      long size = ch.size();
      if (size - start < minBytes || Runtime.getRuntime().availableProcessors() < 2) return null;
      // A little past the middle: the second thread first reads the first half for its quotes
      // (about 40 ms of the benchmark's 0.75 s per half), so its half is made that much shorter.
      long middle = start + (size - start) * 51 / 100;
      SecondHalf second = new SecondHalf(ch, start, middle, size, dialect.delimiter(), name);
      Thread thread = new Thread(second, "csv-second-half");
      thread.setDaemon(true);
      thread.start();
      RecordTyper first =
          RecordTyper.firstHalf(
              source, factory, name, Math.max(1, source.headerRow()), dialect.delimiter(), utf8);
      // The first half reads up to the middle at once, and past it only once the second thread has
      // chosen the cut.
      RangeInput input = new RangeInput(ch, start, middle, second.cut, size);
      CsvSplitter splitter = new CsvSplitter(input, dialect.delimiter(), true);
      boolean done = false;
      try {
        RecordBatch b = new RecordBatch();
        boolean sized = false;
        while (splitter.fill(b)) {
          first.type(b);
          if (first.plan != null && !sized) {
            second.header.complete(first);
            first.rows.expectRows(estimateRows(middle - start, b));
            sized = true;
          }
          b.clear();
        }
        done = true;
      } catch (DataException e) {
        // A header with an unterminated quote, cut short at the end of this half: the whole file's
        // reading says how far it really runs.
        if (splitter.brokenQuotes() == 0) throw e;
      } finally {
        second.cancelled = !done;
        second.cut.complete(size); // an error before the cut was chosen: the second half stops
        second.header.complete(
            null); // no header in the first half, or an error: the second half stops
        join(thread);
      }
      if (second.failure instanceof Error e)
        throw e; // out of memory: reading the file in one piece would not help
      // An unterminated quote cut short in either half, or a long quoted field named in a reason of
      // the second half: read in one piece, whose rows after it and whose line numbers in its
      // message are those of the whole file (the cut, chosen by the parity of quotes, is doubtful
      // anyway).
      if (first.plan == null
          || splitter.endedInsideQuotes()
          || splitter.brokenQuotes() > 0
          || second.brokenQuotes) {
        return null;
      }
      if (second.failure != null) throw ThreadFailure.rethrow(second.failure);
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

  private static final long QUOTES = ByteWords.ONES * '"';

  /**
   * Where the second half starts: after the first line feed at or after {@code middle} that is
   * outside quotes, by the parity of the quotes from the start; {@code size} when there is none
   * (the first half is then the whole file). Exports with a multi-line text column (ticket
   * descriptions) have as many line breaks inside quotes as outside, so the first line feed past
   * the middle would be a wrong guess half the time. The parity is right for any file quoted as RFC
   * 4180 says; for one that is not (a stray quote in an unquoted field), the first half's check
   * catches it.
   */
  static long cut(FileChannel ch, long start, long middle, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    byte[] a = buf.array();
    long odd =
        0; // bit 8k+7 flips with each quote seen in byte k of a word: its parity is that of all
    // quotes
    long pos = start;
    while (pos < middle) {
      buf.clear().limit((int) Math.min(a.length, middle - pos));
      int n = ch.read(buf, pos);
      if (n <= 0) return size;
      int i = 0;
      for (; i + 8 <= n; i += 8) {
        odd ^=
            ByteWords.matchExactly(
                ByteWords.word(a, i), QUOTES); // high bit of each byte that was a quote
      }
      for (; i < n; i++) {
        if (a[i] == '"') odd ^= 0x80;
      }
      pos += n;
    }
    boolean inQuotes = (Long.bitCount(odd) & 1) == 1;
    while (pos < size) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) return size;
      for (int i = 0; i < n; i++) {
        byte c = a[i];
        if (c == '"') inQuotes = !inQuotes;
        else if (c == '\n' && !inQuotes) return pos + i + 1;
      }
      pos += n;
    }
    return size;
  }

  /**
   * The rows in {@code bytes} of the file, judged from a batch of its records, with a tenth to
   * spare.
   */
  static long estimateRows(long bytes, RecordBatch b) {
    return b.used == 0 ? 0 : (long) (1.1 * bytes * b.records / b.used);
  }

  /**
   * The second half: chooses the cut, then is split and typed on its own thread once the first half
   * has read the header.
   */
  private static final class SecondHalf implements Runnable {
    final CompletableFuture<RecordTyper> header = new CompletableFuture<>();
    final CompletableFuture<Long> cut = new CompletableFuture<>();
    volatile boolean cancelled;
    private final FileChannel ch;
    private final long start;
    private final long middle;
    private final long size;
    private final char delimiter;
    private final String name;
    RecordTyper typer;
    volatile Throwable failure;

    /**
     * Whether this half cut an unterminated quote short, or rejected a row naming the line a long
     * quoted field opened on: line numbers of this half (read once the thread has ended).
     */
    boolean brokenQuotes;

    SecondHalf(FileChannel ch, long start, long middle, long size, char delimiter, String name) {
      this.ch = ch;
      this.start = start;
      this.middle = middle;
      this.size = size;
      this.delimiter = delimiter;
      this.name = name;
    }

    @Override
    public void run() {
      try {
        long from;
        try {
          from = CsvHalves.cut(ch, start, middle, size);
        } catch (IOException | RuntimeException | Error e) {
          cut.complete(
              size); // the first half reads on to the end, instead of waiting for a cut that never
          // comes
          throw e;
        }
        cut.complete(from);
        CsvSplitter splitter =
            new CsvSplitter(new RangeInput(ch, from, size, null, size), delimiter, true);
        RecordBatch b = new RecordBatch();
        while (!cancelled && splitter.fill(b)) {
          if (typer == null) {
            RecordTyper first = header.join();
            if (first == null) return;
            typer = RecordTyper.continuing(first);
            typer.rows.expectRows(estimateRows(size - from, b));
          }
          typer.type(b);
          b.clear();
        }
        brokenQuotes = splitter.brokenQuotes() > 0 || (typer != null && typer.longQuotedFields > 0);
      } catch (IOException e) {
        failure = new DataException(name + ": cannot read: " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        failure = e; // thrown again by the first half's thread
      }
    }
  }

  /**
   * The bytes from {@code from} to the cut of a file, read with positional reads (the two halves
   * share one channel): up to {@code known} at once, past it once the cut is known ({@code null}:
   * the end is {@code known}).
   */
  private static final class RangeInput extends InputStream {
    private final FileChannel ch;
    private long pos;
    private long to;
    private final CompletableFuture<Long> end;

    RangeInput(FileChannel ch, long from, long known, CompletableFuture<Long> end, long size) {
      this.ch = ch;
      this.pos = from;
      this.to = end == null ? Math.min(known, size) : known;
      this.end = end;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= to && end != null && to != end.join()) to = end.join();
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
