package dev.journeykpi.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * A CSV file opened record by record, as {@code kpi inspect} and {@code kpi validate --check-data} read it: dialect
 * detected, byte-order mark skipped, positioned after the header row. (The import itself uses the faster batch
 * reader in {@link CsvTableReader}.)
 */
final class CsvRecords implements Closeable {
  final CsvDialect dialect;
  /** The header row's record, or null for an empty file. */
  final CsvRecord header;
  final Iterator<CsvRecord> rows;
  private final InputStream in;

  private CsvRecords(CsvDialect dialect, InputStream in, CsvRecord header, Iterator<CsvRecord> rows) {
    this.dialect = dialect;
    this.in = in;
    this.header = header;
    this.rows = rows;
  }

  /** @param headerRow 1-based; 0 or less means 1 */
  static CsvRecords open(Path file, String encoding, char delimiter, int headerRow) throws IOException {
    CsvDialect d = CsvDialect.detect(file, encoding, delimiter);
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(d.bomLength());
      BufferedReader text = new BufferedReader(new InputStreamReader(in, d.charset()), 1 << 16);
      Iterator<CsvRecord> it = CsvReader.builder().fieldSeparator(d.delimiter()).skipEmptyLines(true)
          .ignoreDifferentFieldCount(true).ofCsvRecord(text).iterator();
      CsvRecord header = null;
      for (int i = 0; i < Math.max(1, headerRow) && it.hasNext(); i++) header = it.next();
      return new CsvRecords(d, in, header, it);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
