package dev.journeykpi.cli;

import dev.journeykpi.engine.ImportCaching;
import dev.journeykpi.engine.ValidateJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kpi validate}: report every problem in the definitions at once, as file:line:col. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "Check definitions without computing anything: schema, references, filter types; with --check-data"
            + " or --data, also the real files' headers. Prints every problem as file:line:col; exit 2 on errors in the definitions, 3 on errors in the data files.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;
  @Mixin DebugOption debug;
  @Mixin CacheOptions cache;

  @Option(
      names = "--check-data",
      description = "Also open the declared data files and check the mapped headers.")
  boolean checkData;

  @Override
  public Integer call() {
    try (var cached = ImportCaching.use(cache.dir())) {
      return ExitCodes.of(
          ValidateJob.run(
              definitions.configs,
              definitions.data,
              checkData,
              spec.commandLine().getOut(),
              spec.commandLine().getErr()));
    }
  }
}
