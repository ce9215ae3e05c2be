package dev.journeykpi.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import dev.journeykpi.model.DataException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * A CSV file opened record by record, as {@code kpi inspect} and {@code kpi validate --check-data}
 * read it: dialect detected, byte-order mark skipped, positioned after the header row. (The import
 * itself uses the faster batch reader in {@link CsvTableReader}.)
 */
final class CsvRecords implements Closeable {
  /**
   * The longest field or record read, in characters (FastCSV's defaults are 16 M and 64 M): a 50 MB
   * cell is read, its buffer grown by doubling, so in linear time. Longer is a data error naming
   * the line ({@link #failure}).
   */
  static final int MAX_CHARS = 256 << 20;

  /** The most fields in a record (FastCSV's default is 16,384): a 100,000-column export is read. */
  static final int MAX_FIELDS = 1 << 20;

  final CsvDialect dialect;

  /** The header row's record, or null for an empty file. */
  final CsvRecord header;

  final Iterator<CsvRecord> rows;
  private final InputStream in;

  private CsvRecords(
      CsvDialect dialect, InputStream in, CsvRecord header, Iterator<CsvRecord> rows) {
    this.dialect = dialect;
    this.in = in;
    this.header = header;
    this.rows = rows;
  }

  /**
   * @param headerRow 1-based; 0 or less means 1
   */
  static CsvRecords open(Path file, String encoding, char delimiter, int headerRow)
      throws IOException {
    CsvDialect d = CsvDialect.detect(file, encoding, delimiter);
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(d.bomLength());
      BufferedReader text = new BufferedReader(new InputStreamReader(in, d.charset()), 1 << 16);
      Iterator<CsvRecord> it =
          CsvReader.builder()
              .fieldSeparator(d.delimiter())
              .skipEmptyLines(true)
              .ignoreDifferentFieldCount(true)
              .maxBufferSize(MAX_CHARS)
              .build(
                  CsvRecordHandler.builder()
                      .maxFields(MAX_FIELDS)
                      .maxFieldSize(MAX_CHARS)
                      .maxRecordSize(MAX_CHARS)
                      .build(),
                  text)
              .iterator();
      CsvRecord header = null;
      for (int i = 0; i < Math.max(1, headerRow) && it.hasNext(); i++) header = it.next();
      return new CsvRecords(d, in, header, it);
    } catch (CsvParseException e) {
      in.close();
      throw failure(file, e);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The data error for a record FastCSV refused (a field over {@link #MAX_CHARS} characters, more
   * than {@link #MAX_FIELDS} fields): its message names the line the record starts on and the
   * limit.
   */
  static DataException failure(Object file, CsvParseException e) {
    String why =
        e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "";
    String what =
        why.contains("size")
            ? "a field or row longer than "
                + (MAX_CHARS >> 20)
                + " M characters, more than kpi reads (an unterminated quote?)"
            : why.contains("fields")
                ? "more than " + MAX_FIELDS + " fields, more than kpi reads"
                : "not readable as CSV" + (why.isEmpty() ? "" : ": " + why);
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String where =
        msg.contains("line ")
            ? msg.substring(msg.indexOf("line ")).replace("started in ", "") + ": "
            : msg.contains("first record") ? "line 1: " : "";
    return new DataException(file + ": " + where + what, e);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
