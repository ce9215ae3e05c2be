package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.Inspection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The formats kpi reads exports in, each with its readers: the one place where a format meets the
 * code that reads it. The import ({@link SourceLoader}), {@code kpi inspect} ({@link Inspector})
 * and {@code kpi validate --check-data} ({@link HeaderProbe}) all get their format from {@link
 * #of}, which goes by the declared {@code format:} or the extension, checked against the file's
 * first bytes ({@link FileFormat}). A new format is a constant here: the workbook readers below are
 * the defaults the Excel formats share, and a format of another kind (CSV) overrides all three.
 */
public enum ExportFormat {
  /**
   * CSV text, any of the detected delimiters: also .tsv and .txt, and a file without an extension.
   */
  CSV("csv", List.of("", "csv", "tsv", "txt")) {
    @Override
    ColumnPlan read(Path file, SourceDef source, RowAssembler.Factory factory) {
      return CsvTableReader.read(file, source, factory);
    }

    @Override
    List<String> headers(Path file, SourceDef source) throws IOException {
      try (CsvRecords csv =
          CsvRecords.open(file, source.encoding(), source.delimiter(), source.headerRow())) {
        return csv.header == null ? List.of() : csv.header.getFields();
      }
    }

    @Override
    Inspection inspect(
        Path file, String sheetName, int headerRow, String encoding, char delimiter) {
      return Inspector.csv(file, headerRow, encoding, delimiter);
    }
  },
  /**
   * A Parquet file (a data lake's export), read through DuckDB's JDBC driver; typed columns come
   * typed (see {@link dev.journeykpi.model.ParquetColumn}).
   */
  PARQUET("parquet", List.of("parquet")) {
    @Override
    ColumnPlan read(Path file, SourceDef source, RowAssembler.Factory factory) {
      return ParquetTableReader.read(file, source, factory);
    }

    @Override
    List<String> headers(Path file, SourceDef source) {
      return ParquetTableReader.headers(file);
    }

    @Override
    Inspection inspect(
        Path file, String sheetName, int headerRow, String encoding, char delimiter) {
      throw new dev.journeykpi.model.DataException(
          SourceLoader.display(file)
              + ": kpi inspect reads CSV and Excel exports; a Parquet file's columns are typed"
              + " already: map them by name in columns: (docs/definitions.md)");
    }
  },
  /** An Excel workbook, macro-enabled (.xlsm) or not. */
  XLSX("xlsx", List.of("xlsx", "xlsm")),
  /** A legacy Excel workbook. */
  XLS("xls", List.of("xls"));

  /** The name a source's {@code format:} gives, and the one the readers are told. */
  final String yamlName;

  /**
   * The extensions (lower case, without the dot) read as this format when no format is declared.
   */
  final List<String> extensions;

  ExportFormat(String yamlName, List<String> extensions) {
    this.yamlName = yamlName;
    this.extensions = extensions;
  }

  /**
   * The format that reads {@code file}.
   *
   * @param declared the source's {@code format:}, or null to go by the extension
   * @throws dev.journeykpi.model.DataException when the extension is not one kpi reads or the
   *     content is not what was expected
   */
  public static ExportFormat of(Path file, String declared) {
    return named(FileFormat.of(file, declared));
  }

  /** The format of a {@code format:} name (csv, xlsx, xls), or null. */
  static ExportFormat named(String name) {
    for (ExportFormat f : values()) if (f.yamlName.equals(name)) return f;
    return null;
  }

  /** The format a file's extension stands for, or null when kpi reads no such files. */
  static ExportFormat byExtension(String extension) {
    for (ExportFormat f : values()) if (f.extensions.contains(extension)) return f;
    return null;
  }

  public String yamlName() {
    return yamlName;
  }

  /** Imports the file's rows, through the factory's row assemblers, into the source's table. */
  ColumnPlan read(Path file, SourceDef source, RowAssembler.Factory factory) {
    return ExcelTableReader.read(file, yamlName, source, factory);
  }

  /**
   * The file's header row as written (found as the import finds it), for {@code kpi validate
   * --check-data}.
   */
  List<String> headers(Path file, SourceDef source) throws IOException {
    List<String> found = new java.util.ArrayList<>();
    HeaderFinder finder =
        new HeaderFinder(
            source.headerRow(),
            new HeaderFinder.Target() {
              @Override
              public void header(SheetRow header) {
                found.addAll(HeaderFinder.texts(header));
              }

              @Override
              public void data(SheetRow row) {}
            });
    SheetReader.read(file, yamlName, source.sheet(), finder);
    finder.finish();
    return found;
  }

  /** What {@code kpi inspect} shows of the file. */
  Inspection inspect(Path file, String sheetName, int headerRow, String encoding, char delimiter) {
    return Inspector.excel(file, yamlName, sheetName, headerRow);
  }
}
