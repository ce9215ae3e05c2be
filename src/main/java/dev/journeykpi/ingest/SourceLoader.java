package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads a declared source (one file or a glob of files with the same layout) into a typed Tablesaw table. */
public final class SourceLoader {
  private SourceLoader() {}

  /**
   * @param override a path given on the command line ({@code --data id=PATH}) instead of the declared file, or null
   * @param targetZone the definition's time zone, into which local times are converted
   */
  public static LoadedSource load(SourceDef source, Path override, ZoneId targetZone) {
    List<Path> files = override != null ? List.of(override) : resolve(source);
    QualityReport quality = new QualityReport(source.id());
    RowAssembler[] assembler = new RowAssembler[1];
    List<String>[] firstColumns = new List[1];
    RowAssembler.Factory factory = plan -> {
      List<String> names = plan.columns().stream().map(c -> c.name()).toList();
      if (assembler[0] == null) {
        assembler[0] = new RowAssembler(source, plan.columns(), targetZone, quality);
        firstColumns[0] = names;
      } else if (!names.equals(firstColumns[0])) {
        throw new DataException("source '" + source.id() + "': the files of '" + source.file()
            + "' have different headers; map the columns explicitly");
      }
      return assembler[0];
    };
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new DataException("source '" + source.id() + "': file " + f + " does not exist"
            + (override == null ? " (resolved from '" + source.file() + "' relative to " + source.baseDir() + ")" : ""));
      }
      String format = source.format() != null ? source.format() : extension(f);
      switch (format) {
        case "xlsx", "xlsm", "xls" -> ExcelTableReader.read(f, source, factory);
        default -> CsvTableReader.read(f, source, factory);
      }
    }
    return new LoadedSource(source, assembler[0].table(), quality);
  }

  static String extension(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "csv" : n.substring(dot + 1);
  }

  /** The declared file, relative to its definition's folder; a glob ({@code exports/2026-*.csv}) in name order. */
  static List<Path> resolve(SourceDef source) {
    String pattern = source.file();
    Path base = source.baseDir() == null ? Path.of("") : source.baseDir();
    if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
      return List.of(base.resolve(pattern).normalize());
    }
    Path full = base.resolve(pattern).normalize();
    Path root = full.getRoot() == null ? Path.of("") : full.getRoot();
    for (Path part : full) {
      if (part.toString().matches(".*[*?\\[].*")) break;
      root = root.resolve(part);
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + full.toString().replace("\\", "\\\\"));
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> found = s.filter(Files::isRegularFile).filter(m::matches).sorted().toList();
      if (found.isEmpty()) throw new DataException("source '" + source.id() + "': no file matches '" + pattern + "' under " + root);
      return found;
    } catch (IOException e) {
      throw new DataException("source '" + source.id() + "': cannot list " + root + ": " + e.getMessage(), e);
    }
  }
}
