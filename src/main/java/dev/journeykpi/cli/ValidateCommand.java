package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Diagnostic;
import dev.journeykpi.config.DefinitionLoader;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.engine.DataCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kpi validate}: report every problem in the definitions at once, as file:line:col. */
@Command(name = "validate", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
    description = "Check definitions without computing anything: schema, references, filter types; with --check-data"
        + " or --data, also the real files' headers. Prints every problem as file:line:col; exit 2 on errors in the definitions, 3 on errors in the data files.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DefinitionOptions definitions;
  @Mixin DebugOption debug;

  @Option(names = "--check-data", description = "Also open the declared data files and check the mapped headers.")
  boolean checkData;

  @Override
  public Integer call() {
    DefinitionLoader loader = KpiEngine.loader();
    Definition def = loader.read(definitions.configs);
    Diagnostics d = loader.diagnostics();
    // The data is checked only under a sound definition, so a definition error (exit 2) always comes first; what the
    // check then finds is in the data files (a missing or doubled header, a file that is not what it says), which
    // `kpi report` refuses with exit 3: validate says the same.
    boolean definitionOk = !d.hasErrors();
    if (definitionOk && (checkData || !definitions.data.isEmpty())) {
      DataCheck.check(def, definitions.data, d);
    }
    PrintWriter err = spec.commandLine().getErr();
    for (Diagnostic x : d.sorted()) err.println(dev.journeykpi.report.Visible.lines(x.toString()));
    PrintWriter out = spec.commandLine().getOut();
    if (d.hasErrors()) {
      err.println(d.errorCount() + " error(s), " + d.warningCount() + " warning(s)");
      return definitionOk ? ExitCodes.DATA : ExitCodes.USAGE;
    }
    out.println("ok: " + def.kpis().size() + " KPIs, " + def.sources().size() + " sources, "
        + def.journey().stages().size() + " stages" + (d.warningCount() > 0 ? ", " + d.warningCount() + " warning(s)" : ""));
    return ExitCodes.OK;
  }
}
