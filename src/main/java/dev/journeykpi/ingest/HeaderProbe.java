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
    ExportFormat format = ExportFormat.of(file, source.format());
    try {
      return format.headers(file, source);
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw CsvRecords.failure(file, e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
