package dev.journeykpi.cli;

import dev.journeykpi.engine.InspectJob;
import dev.journeykpi.model.UsageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kpi inspect FILE}: headers, inferred types and formats, and a sources: snippet. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "Show a CSV or Excel export's headers, inferred types and formats, blank counts and sample values,"
            + " and print a ready-to-paste sources: YAML snippet for it.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(paramLabel = "FILE", description = "The export to inspect (.csv, .txt, .xlsx, .xls).")
  Path file;

  @Option(
      names = "--sheet",
      paramLabel = "SHEET",
      description = "Excel sheet name or 0-based index (default: the first).")
  String sheet;

  @Option(
      names = "--header-row",
      paramLabel = "N",
      description = "1-based header row (default: 1 for CSV, found for Excel).")
  int headerRow;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "CSV encoding when not UTF-8/UTF-16 (e.g. windows-1258).")
  String encoding;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description = "CSV delimiter (default: detected among , ; tab |).")
  String delimiter;

  @Option(
      names = "--id",
      paramLabel = "SOURCE",
      description = "Source id for the YAML snippet (default: from the file name).")
  String id;

  @Option(
      names = "--for",
      paramLabel = "DEFINITION",
      description =
          "The definition file (or its folder) the snippet will be pasted into: file: is then"
              + " written relative to its folder, which is where a definition reads it from"
              + " (default: an absolute path).")
  Path pasteFor;

  @Override
  public Integer call() {
    char delim = delimiter();
    if (encoding != null && !knownCharset(encoding)) {
      throw new UsageException(
          "--encoding '"
              + encoding
              + "' is not a known charset (e.g. UTF-8, UTF-16, windows-1258, cp1252)");
    }
    spec.commandLine()
        .getOut()
        .print(InspectJob.inspect(file, sheet, headerRow, encoding, delim, id, pasteFor));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The CSV splitter scans bytes: one ASCII character, or tab. */
  private char delimiter() {
    if (delimiter == null) return 0;
    String d = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
    if (d.length() != 1 || d.charAt(0) > 0x7f) {
      throw new UsageException(
          "--delimiter must be one ASCII character (or 'tab'), found '" + delimiter + "'");
    }
    return d.charAt(0);
  }

  private static boolean knownCharset(String name) {
    try {
      return java.nio.charset.Charset.isSupported(name);
    } catch (java.nio.charset.IllegalCharsetNameException e) {
      return false;
    }
  }
}
