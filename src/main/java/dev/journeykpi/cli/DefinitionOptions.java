package dev.journeykpi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which definitions to load and which data files to read instead of the declared ones. */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at
// each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class DefinitionOptions {
  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description =
          "Definition YAML; repeat to combine files (e.g. a shared calendar and a client's sources).")
  List<Path> configs = new ArrayList<>();

  @Option(
      names = "--data",
      paramLabel = "SOURCE=PATH",
      description = "Read SOURCE from PATH instead of the file declared in the YAML; repeatable.")
  Map<String, Path> data = new LinkedHashMap<>();
}
