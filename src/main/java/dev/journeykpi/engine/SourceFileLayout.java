package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.ingest.CsvDialect;
import dev.journeykpi.ingest.HeaderIndex;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.sql.SourceRelations;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a CSV source's mapped columns are in its file, for the SQL engine: the file resolved as the
 * import resolves it, its dialect detected by the import's own rules, the header row read and each
 * column found as the import finds it (every missing column said at once).
 */
final class SourceFileLayout {
  private SourceFileLayout() {}

  /**
   * Where the source's mapped columns are in its file, from its header, as the import finds them.
   */
  static SourceRelations.Layout of(SourceDef s, Path override, List<ColumnDef> columns) {
    Path file =
        override != null
            ? override
            : (s.baseDir() == null ? Path.of("") : s.baseDir()).resolve(s.file()).normalize();
    if (!Files.isRegularFile(file)) {
      throw new DataException(
          "source '"
              + s.id()
              + "': file "
              + file
              + " does not exist"
              + (override == null
                  ? " (resolved from '" + s.file() + "' relative to " + s.baseDir() + ")"
                  : ""));
    }
    return of(
        s,
        file.toAbsolutePath().toString(),
        SourceLoader.display(file),
        file.toString(),
        () -> Files.newInputStream(file),
        columns);
  }

  /**
   * Whether the source's file is UTF-8 as the import detects it (a UTF-16 file has its byte-order
   * mark): only such a file is read by an engine's own CSV reader; another is read by kpi's
   * importer. True for a file that does not exist, which {@link #of} then names.
   */
  static boolean utf8(SourceDef s, Path override) {
    Path file =
        override != null
            ? override
            : (s.baseDir() == null ? Path.of("") : s.baseDir()).resolve(s.file()).normalize();
    if (!Files.isRegularFile(file)) return true;
    try {
      return CsvDialect.detect(file, s.encoding(), s.delimiter())
          .charset()
          .equals(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataException(SourceLoader.display(file) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a source's path names its file system ({@code hdfs://}, {@code s3a://}, {@code
   * file:///}): a scheme of two characters or more and a colon ({@code C:\} is a Windows drive).
   */
  static boolean hasScheme(String path) {
    return path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
  }

  /** Opens a source's file at its start. */
  interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * The same for a file read through {@code open}: {@code file} is the path the engine reads,
   * {@code shown} the name in messages, {@code named} the name in an encoding error (the path as
   * given). {@code --engine spark} reads a path with a scheme ({@code hdfs://}, {@code s3a://})
   * through Hadoop's API here (SparkBackend).
   */
  static SourceRelations.Layout of(
      SourceDef s, String file, String shown, String named, Opener open, List<ColumnDef> columns) {
    try {
      CsvDialect dialect;
      try (InputStream in = open.open()) {
        dialect = CsvDialect.detect(in, named, s.encoding(), s.delimiter());
      }
      if (!dialect.charset().equals(java.nio.charset.StandardCharsets.UTF_8))
        throw new UsageException(
            "source '"
                + s.id()
                + "': "
                + shown
                + " is "
                + dialect.charset()
                + "; SQL reads UTF-8 files only (kpi report --engine duckdb or jdbc reads a local"
                + " one with kpi's importer; else use --engine tablesaw)");
      int headerRow = Math.max(1, s.headerRow());
      List<String> header = header(open, dialect, headerRow);
      if (header == null) throw new DataException(shown + ": no header row");
      HeaderIndex index = new HeaderIndex(header);
      Map<String, Integer> fieldOf = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (ColumnDef c : columns) {
        int i = index.find(c.header());
        if (i < 0) missing.add(index.missing(shown, c.name(), c.header()));
        else fieldOf.put(c.name(), i);
        index.ambiguity(c.header()).ifPresent(m -> missing.add(shown + ": " + m));
      }
      if (!missing.isEmpty()) throw new DataException(String.join("\n", missing));
      return new SourceRelations.Layout(
          file, shown, dialect.delimiter(), headerRow, header.size(), fieldOf);
    } catch (IOException e) {
      throw new DataException(shown + ": " + e.getMessage(), e);
    }
  }

  private static List<String> header(Opener open, CsvDialect dialect, int headerRow)
      throws IOException {
    // Bytes the charset cannot decode are replaced here: the header is read, and DuckDB's reader
    // then says on which line the file cannot be read (a data error, not a crash).
    try (Reader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                open.open(),
                dialect
                    .charset()
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)))) {
      if (dialect.bomLength() > 0) r.skip(1);
      org.apache.commons.csv.CSVFormat f =
          org.apache.commons.csv.CSVFormat.DEFAULT
              .builder()
              .setDelimiter(dialect.delimiter())
              .build();
      int n = 0;
      for (org.apache.commons.csv.CSVRecord rec : f.parse(r)) {
        if (++n == headerRow) return rec.toList();
      }
      return null;
    }
  }
}
