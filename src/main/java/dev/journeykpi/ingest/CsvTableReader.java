package dev.journeykpi.ingest;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a CSV export. One thread splits the file into batches of fields while the calling thread types the previous
 * batch: numbers and dates are parsed straight from the chars into typed columns, text is dictionary-encoded, and
 * nothing becomes a String unless it is a new text value. UTF-8 (the usual case), ASCII and ISO-8859-1 files are
 * split by {@link CsvSplitter} on their bytes; other encodings are decoded and split by FastCSV's callback API, which
 * hands over each field as a slice of a char buffer. Quoted fields with embedded newlines and ragged rows are handled
 * either way; Commons CSV is used to write CSV.
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
    BlockingQueue<RecordBatch> full = new ArrayBlockingQueue<>(4);
    BlockingQueue<RecordBatch> free = new ArrayBlockingQueue<>(6);
    for (int i = 0; i < 5; i++) free.add(new RecordBatch());
    boolean utf8 = dialect.charset().equals(java.nio.charset.StandardCharsets.UTF_8);
    Thread parser = new Thread(() -> parse(file, dialect, utf8, name, full, free), "csv-parser");
    parser.setDaemon(true);
    parser.start();
    Typer typer = new Typer(source, factory, name, Math.max(1, source.headerRow()), dialect.delimiter(), utf8);
    try (ColumnWorkers workers = ColumnWorkers.forThisMachine()) {
      typer.workers = workers;
      while (true) {
        RecordBatch b = full.take();
        if (b.failure != null) throw b.failure;
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
    if (typer.plan == null) throw new DataException(name + ": the file is empty; expected a header row");
    return typer.plan;
  }

  /** The parsing thread: fills batches and hands them over; an error travels in the last batch. */
  private static void parse(Path file, CsvDialect dialect, boolean utf8, String name, BlockingQueue<RecordBatch> full,
      BlockingQueue<RecordBatch> free) {
    java.nio.charset.Charset cs = dialect.charset();
    if ((utf8 || cs.equals(java.nio.charset.StandardCharsets.ISO_8859_1)
        || cs.equals(java.nio.charset.StandardCharsets.US_ASCII)) && dialect.delimiter() < 0x80) {
      split(file, dialect, name, full, free);
      return;
    }
    Filler filler = new Filler(full, free);
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(dialect.bomLength());
      // Other encodings (UTF-16, windows-1258, …) are decoded to chars and split by FastCSV.
      InputStreamReader text = new InputStreamReader(in, cs);
      CsvReader<Long> csv = CsvReader.builder().fieldSeparator(dialect.delimiter()).quoteCharacter('"')
          .skipEmptyLines(true).ignoreDifferentFieldCount(true).build(filler, text);
      for (Long ignored : csv) {
        // the filler does the work
      }
      filler.finish(null);
    } catch (IOException e) {
      filler.finish(new DataException(name + ": cannot read: " + e.getMessage(), e));
    } catch (UncheckedIOException e) {
      filler.finish(new DataException(name + ": cannot read: " + e.getCause().getMessage(), e));
    } catch (CsvParseException e) {
      filler.finish(new DataException(name + ": not readable as CSV: " + e.getMessage()
          + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""), e));
    } catch (RuntimeException e) {
      filler.finish(e);
    }
  }

  /** The byte-level splitter, for files whose delimiter, quote and line breaks are single bytes. */
  private static void split(Path file, CsvDialect dialect, String name, BlockingQueue<RecordBatch> full,
      BlockingQueue<RecordBatch> free) {
    RecordBatch b = Filler.take(free);
    RuntimeException failure = null;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(dialect.bomLength());
      CsvSplitter splitter = new CsvSplitter(in, dialect.delimiter());
      while (splitter.fill(b)) {
        Filler.put(full, b);
        b = Filler.take(free);
      }
    } catch (IOException e) {
      failure = new DataException(name + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      failure = e;
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

    void finish(RuntimeException failure) {
      batch.last = true;
      batch.failure = failure;
      put(full, batch);
    }

    static void put(BlockingQueue<RecordBatch> full, RecordBatch b) {
      try {
        full.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    static RecordBatch take(BlockingQueue<RecordBatch> q) {
      try {
        return q.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** The importing side: finds the header, then stages and commits each record into the typed columns. */
  private static final class Typer {
    private final SourceDef source;
    private final RowAssembler.Factory factory;
    private final String name;
    private final int headerRow;
    private final char delimiter;
    private final boolean utf8;
    private long recordNo;
    ColumnPlan plan;
    ColumnWorkers workers;
    private RowAssembler rows;
    private int width;
    private int[] idx;

    Typer(SourceDef source, RowAssembler.Factory factory, String name, int headerRow, char delimiter, boolean utf8) {
      this.utf8 = utf8;
      this.source = source;
      this.factory = factory;
      this.name = name;
      this.headerRow = headerRow;
      this.delimiter = delimiter;
    }

    private final boolean[] skip = new boolean[RecordBatch.RECORDS];

    void type(RecordBatch b) {
      for (int r = 0; r < b.records; r++) {
        int first = b.firstField[r];
        int n = b.fieldCount[r];
        long line = b.line[r];
        recordNo++;
        skip[r] = true;
        if (plan == null) {
          if (recordNo == headerRow) header(b, first, n);
          continue;
        }
        if (n != width && !(n > width && blank(b, first + width, first + n))) {
          if (blank(b, first, first + n)) {
            rows.rejectRaw(line, "empty row", "");
          } else {
            rows.rejectRaw(line, "row has " + n + " fields, the header has " + width, joined(b, first, n));
          }
          continue;
        }
        if (blank(b, first, first + n)) {
          rows.rejectRaw(line, "empty row", "");
          continue;
        }
        skip[r] = false;
      }
      if (rows != null) rows.typeBatch(b, idx, skip, utf8, (r, field) -> text(b, b.firstField[r] + field), workers);
    }

    private void header(RecordBatch b, int first, int n) {
      List<String> header = new ArrayList<>();
      for (int i = first; i < first + n; i++) header.add(text(b, i));
      plan = ColumnPlan.of(source, header, name, utf8);
      RowAssembler.Binding binding = factory.create(plan);
      rows = binding.rows();
      rows.startFile(name);
      width = header.size();
      idx = binding.fieldIndex();
    }

    private static boolean blank(RecordBatch b, int from, int to) {
      char[] c = b.chars;
      for (int i = from; i < to; i++) {
        for (int k = b.fieldStart[i], e = k + b.fieldLen[i]; k < e; k++) {
          // Printable ASCII settles it without a call: this runs on the first field of every record.
          if ((c[k] > ' ' && c[k] < 0x7f) || !Character.isWhitespace(c[k])) return false;
        }
      }
      return true;
    }

    private String joined(RecordBatch b, int first, int n) {
      StringBuilder s = new StringBuilder();
      for (int i = first; i < first + n; i++) {
        if (i > first) s.append(delimiter);
        s.append(text(b, i));
      }
      return s.toString();
    }

    /** A field as a String, decoded when the file is UTF-8 read as bytes. */
    private String text(RecordBatch b, int field) {
      CharSlice c = new CharSlice().set(b.chars, b.fieldStart[field], b.fieldLen[field]);
      return (utf8 ? c.decodeUtf8() : c).toString();
    }
  }
}
