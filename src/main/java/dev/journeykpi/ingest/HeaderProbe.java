package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads only the header row of a source's files, for {@code kpi validate --check-data}. */
public final class HeaderProbe {
  private HeaderProbe() {}

  /** The files a source reads: the override, or the declared path or glob. */
  public static List<Path> files(SourceDef source, Path override) {
    return override != null ? List.of(override) : SourceLoader.resolve(source);
  }

  public static List<String> headers(SourceDef source, Path file) {
    if (!Files.isRegularFile(file)) throw new DataException("file " + file + " does not exist");
    String format = FileFormat.of(file, source.format());
    try {
      if (format.startsWith("xls")) {
        List<String> found = new java.util.ArrayList<>();
        HeaderFinder finder = new HeaderFinder(source.headerRow(), new HeaderFinder.Target() {
          @Override
          public void header(SheetRow header) {
            found.addAll(HeaderFinder.texts(header));
          }

          @Override
          public void data(SheetRow row) {}
        });
        SheetReader.read(file, format, source.sheet(), finder);
        finder.finish();
        return found;
      }
      try (CsvRecords csv = CsvRecords.open(file, source.encoding(), source.delimiter(), source.headerRow())) {
        return csv.header == null ? List.of() : csv.header.getFields();
      }
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw CsvRecords.failure(file, e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
