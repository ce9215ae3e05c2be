package dev.journeykpi.cli;

import dev.journeykpi.report.Renderer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Output format and destination. */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class OutputOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table, md or html (for people), csv or json (the tidy rows); xlsx with -o FILE.xlsx. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the result to FILE (atomically) instead of standard output; repeatable. The extension picks"
          + " the format (.csv, .json, .md, .txt, .xlsx, .html), so one run can write several.")
  java.util.List<Path> outputs = new java.util.ArrayList<>();

  @Option(names = "--bom",
      description = "Start CSV output with a UTF-8 byte-order mark, so Excel opens Vietnamese text correctly.")
  boolean bom;

  /** The format of an output file: from its extension, else --format. */
  Renderer.Format formatOf(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".csv")) return Renderer.Format.CSV;
    if (n.endsWith(".json")) return Renderer.Format.JSON;
    if (n.endsWith(".md")) return Renderer.Format.MARKDOWN;
    if (n.endsWith(".txt")) return Renderer.Format.TABLE;
    return parsedFormat();
  }

  Renderer.Format parsedFormat() {
    return switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "table", "text" -> Renderer.Format.TABLE;
      case "csv" -> Renderer.Format.CSV;
      case "json" -> Renderer.Format.JSON;
      case "md", "markdown" -> Renderer.Format.MARKDOWN;
      case "html" -> Renderer.Format.HTML;
      case "xlsx" -> throw new IllegalArgumentException("an Excel workbook is written to a file: use -o FILE.xlsx");
      default -> throw new IllegalArgumentException("--format '" + format + "' is not one of table, csv, json, md, html (and xlsx with -o FILE.xlsx)");
    };
  }
}
