package dev.journeykpi.cli;

import dev.journeykpi.model.UsageException;
import dev.journeykpi.report.Renderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Output format and destination. */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at
// each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class OutputOptions {
  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "table, md or html (for people), csv or json (the tidy rows); xlsx or pdf with -o FILE. Default:"
              + " table.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the result to FILE (atomically) instead of standard output; repeatable. The extension picks"
              + " the format (.csv, .json, .md, .txt, .xlsx, .html, .pdf), so one run can write several.")
  java.util.List<Path> outputs = new java.util.ArrayList<>();

  @Option(
      names = "--bom",
      description =
          "Start CSV output with a UTF-8 byte-order mark, so Excel opens Vietnamese text correctly.")
  boolean bom;

  /** The file extensions kpi writes, and the --format each stands for. */
  static final Map<String, String> EXTENSIONS =
      java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(
              Map.of(
                  ".csv", "csv", ".json", "json", ".md", "md", ".txt", "table", ".html", "html",
                  ".htm", "html", ".xlsx", "xlsx", ".pdf", "pdf")));

  private static final String KNOWN = ".csv, .json, .md, .txt (the table), .html, .xlsx, .pdf";

  /**
   * The format of an output file, by its extension: table, csv, json, md, html, xlsx or pdf. An
   * extension kpi does not write is refused (`-o report.docx` would be a text table); a file
   * without one takes --format. A --format that names another format than the extension is refused
   * too, since one of them is a mistake; the same one is fine.
   */
  String formatOf(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    String ext = dot > 0 ? n.substring(dot) : null;
    String asked = format == null ? null : formatName(format);
    if (ext == null) return asked == null ? "table" : asked;
    String byExt = EXTENSIONS.get(ext);
    if (byExt == null) {
      throw new UsageException(
          "cannot write "
              + file
              + ": kpi does not write "
              + ext
              + " files; the extension"
              + " picks the format: "
              + KNOWN);
    }
    if (asked != null && !asked.equals(byExt)) {
      throw new UsageException(
          "--format "
              + format
              + " and -o "
              + file
              + " disagree: the "
              + ext
              + " extension writes "
              + byExt
              + "; drop --format, or name the file "
              + extensionOf(asked));
    }
    return byExt;
  }

  /**
   * The format of standard output: --format, table by default; a workbook or a PDF only goes to a
   * file.
   */
  Renderer.Format stdoutFormat() {
    String f = format == null ? "table" : formatName(format);
    if (f.equals("xlsx"))
      throw new UsageException("an Excel workbook is written to a file: use -o FILE.xlsx");
    if (f.equals("pdf")) throw new UsageException("a PDF is written to a file: use -o FILE.pdf");
    return dev.journeykpi.engine.ReportJob.rendererFormat(f);
  }

  /** A --format value as one of table, csv, json, md, html, xlsx, pdf. */
  private static String formatName(String f) {
    return switch (f.toLowerCase(Locale.ROOT)) {
      case "table", "text", "txt" -> "table";
      case "csv" -> "csv";
      case "json" -> "json";
      case "md", "markdown" -> "md";
      case "html", "htm" -> "html";
      case "xlsx" -> "xlsx";
      case "pdf" -> "pdf";
      default ->
          throw new UsageException(
              "--format '"
                  + f
                  + "' is not one of table, csv, json, md, html (and xlsx or pdf with -o FILE)");
    };
  }

  private static String extensionOf(String formatName) {
    return EXTENSIONS.entrySet().stream()
        .filter(e -> e.getValue().equals(formatName))
        .findFirst()
        .orElseThrow()
        .getKey();
  }
}
