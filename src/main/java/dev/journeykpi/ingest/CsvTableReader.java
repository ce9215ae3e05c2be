package dev.journeykpi.ingest;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a CSV export: numbers and dates are parsed straight from the fields' bytes into typed
 * columns, text is dictionary-encoded, and nothing becomes a String unless it is a new text value.
 * UTF-8 (the usual case), ASCII and ISO-8859-1 files are split by {@link CsvSplitter} on their
 * bytes: in two halves on two threads when large enough ({@link CsvHalves}), otherwise by one
 * thread splitting into batches while the calling thread and a helper type the previous batch.
 * Other encodings are decoded and split by FastCSV's callback API, each field encoded to UTF-8 into
 * the batch. Quoted fields with embedded newlines and ragged rows are handled either way; Commons
 * CSV writes CSV.
 */
final class CsvTableReader {
  private CsvTableReader() {}

  static ColumnPlan read(Path file, SourceDef source, RowAssembler.Factory factory) {
    CsvDialect dialect;
    try {
      dialect = CsvDialect.detect(file, source.encoding(), source.delimiter());
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
    String name = SourceLoader.display(file);
    // Fields reach the typing as bytes: the file's own for UTF-8, ASCII and ISO-8859-1 files, UTF-8
    // for the rest (decoded by FastCSV, then encoded into the batch).
    boolean utf8 =
        !(bytewise(dialect)
            && dialect.charset().equals(java.nio.charset.StandardCharsets.ISO_8859_1));
    if (bytewise(dialect)) {
      ColumnPlan halves = CsvHalves.read(file, dialect, source, factory, name, utf8);
      if (halves != null) return halves;
    }
    BlockingQueue<RecordBatch> full = new ArrayBlockingQueue<>(4);
    BlockingQueue<RecordBatch> free = new ArrayBlockingQueue<>(6);
    for (int i = 0; i < 5; i++) free.add(new RecordBatch());
    Thread parser =
        new Thread(
            () -> {
              try {
                parse(file, dialect, utf8, name, full, free);
              } catch (Cancelled stopped) {
                // The reading thread gave up (an error in the typing) and interrupted this one:
                // nobody waits for batches.
              }
            },
            "csv-parser");
    parser.setDaemon(true);
    parser.start();
    RecordTyper typer =
        new RecordTyper(
            source, factory, name, Math.max(1, source.headerRow()), dialect.delimiter(), utf8);
    try (ColumnWorkers workers = ColumnWorkers.forThisMachine()) {
      typer.workers = workers;
      while (true) {
        RecordBatch b = full.take();
        if (b.failure != null) throw ThreadFailure.rethrow(b.failure);
        typer.type(b);
        boolean last = b.last;
        b.clear();
        free.add(b);
        if (last) break;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException(name + ": import interrupted", e);
    } finally {
      parser.interrupt();
    }
    if (typer.plan == null)
      throw new DataException(name + ": the file is empty; expected a header row");
    return typer.plan;
  }

  /**
   * True when the file's delimiter, quote and line breaks are single bytes, so {@link CsvSplitter}
   * can split it.
   */
  private static boolean bytewise(CsvDialect dialect) {
    java.nio.charset.Charset cs = dialect.charset();
    return (cs.equals(java.nio.charset.StandardCharsets.UTF_8)
            || cs.equals(java.nio.charset.StandardCharsets.ISO_8859_1)
            || cs.equals(java.nio.charset.StandardCharsets.US_ASCII))
        && dialect.delimiter() < 0x80;
  }

  /**
   * Thrown in the parsing thread when the reading thread interrupted it; ends the thread without a
   * word.
   */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("import cancelled", null, false, false);
    }
  }

  /** The parsing thread: fills batches and hands them over; an error travels in the last batch. */
  private static void parse(
      Path file,
      CsvDialect dialect,
      boolean utf8,
      String name,
      BlockingQueue<RecordBatch> full,
      BlockingQueue<RecordBatch> free) {
    if (bytewise(dialect)) {
      split(file, dialect, name, full, free);
      return;
    }
    java.nio.charset.Charset cs = dialect.charset();
    Filler filler = new Filler(full, free);
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(dialect.bomLength());
      // Other encodings (UTF-16, windows-1258, …) are decoded and split by FastCSV, and re-encoded
      // as UTF-8.
      InputStreamReader text = new InputStreamReader(in, cs);
      CsvReader<Long> csv =
          CsvReader.builder()
              .fieldSeparator(dialect.delimiter())
              .quoteCharacter('"')
              .skipEmptyLines(true)
              .ignoreDifferentFieldCount(true)
              .maxBufferSize(CsvRecords.MAX_CHARS)
              .build(filler, text);
      for (Long ignored : csv) {
        // the filler does the work
      }
      filler.finish(null);
    } catch (IOException e) {
      filler.finish(new DataException(name + ": cannot read: " + e.getMessage(), e));
    } catch (UncheckedIOException e) {
      filler.finish(new DataException(name + ": cannot read: " + e.getCause().getMessage(), e));
    } catch (CsvParseException e) {
      filler.finish(CsvRecords.failure(name, e));
    } catch (Cancelled stopped) {
      throw stopped;
    } catch (RuntimeException | Error e) {
      filler.finish(
          e); // an OutOfMemoryError too: the reading thread would otherwise wait for a batch
      // forever
    }
  }

  /** The byte-level splitter, for files whose delimiter, quote and line breaks are single bytes. */
  private static void split(
      Path file,
      CsvDialect dialect,
      String name,
      BlockingQueue<RecordBatch> full,
      BlockingQueue<RecordBatch> free) {
    RecordBatch b = Filler.take(free);
    Throwable failure = null;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(dialect.bomLength());
      CsvSplitter splitter = new CsvSplitter(in, dialect.delimiter(), false);
      while (splitter.fill(b)) {
        Filler.put(full, b);
        b = Filler.take(free);
      }
    } catch (IOException e) {
      failure = new DataException(name + ": cannot read: " + e.getMessage(), e);
    } catch (Cancelled stopped) {
      throw stopped;
    } catch (RuntimeException | Error e) {
      failure =
          e; // an OutOfMemoryError too: the reading thread would otherwise wait for a batch forever
    }
    b.last = true;
    b.failure = failure;
    Filler.put(full, b);
  }

  /** FastCSV callback that copies each record's fields into the current batch. */
  private static final class Filler extends AbstractBaseCsvCallbackHandler<Long> {
    private final BlockingQueue<RecordBatch> full;
    private final BlockingQueue<RecordBatch> free;
    private RecordBatch batch;
    private final RecordWrapper<Long> done = wrapRecord(0L);

    Filler(BlockingQueue<RecordBatch> full, BlockingQueue<RecordBatch> free) {
      this.full = full;
      this.free = free;
      this.batch = take(free);
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      batch.beginRecord(startingLineNumber);
    }

    @Override
    protected void handleField(int fieldIdx, char[] b, int off, int l, boolean quoted) {
      batch.addField(b, off, l);
    }

    @Override
    protected RecordWrapper<Long> buildRecord() {
      batch.endRecord();
      if (batch.isFull()) {
        put(full, batch);
        batch = take(free);
      }
      return done;
    }

    void finish(Throwable failure) {
      batch.last = true;
      batch.failure = failure;
      put(full, batch);
    }

    static void put(BlockingQueue<RecordBatch> full, RecordBatch b) {
      try {
        full.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Cancelled();
      }
    }

    static RecordBatch take(BlockingQueue<RecordBatch> q) {
      try {
        return q.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Cancelled();
      }
    }
  }
}
