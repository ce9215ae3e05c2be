package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.DefinitionLoader;
import dev.journeykpi.config.Diagnostic;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.report.Visible;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code kpi validate}: every problem in the definitions at once, and with {@code checkData} (or
 * files given) the data files' headers; the problems on stderr, a one-line summary on stdout when
 * there is no error.
 */
public final class ValidateJob {
  private ValidateJob() {}

  /**
   * @return OK, DEFINITION_REFUSED for an error in the definitions, DATA_REFUSED for one in the
   *     data files
   */
  public static Outcome run(
      List<Path> configs,
      Map<String, Path> data,
      boolean checkData,
      PrintWriter out,
      PrintWriter err) {
    DefinitionLoader loader = KpiEngine.loader();
    Definition def = loader.read(configs);
    Diagnostics d = loader.diagnostics();
    // The data is checked only under a sound definition, so a definition error (exit 2) always
    // comes first; what the check then finds is in the data files (a missing or doubled header, a
    // file that is not what it says), which `kpi report` refuses with exit 3: validate says the
    // same.
    boolean definitionOk = !d.hasErrors();
    if (definitionOk && (checkData || !data.isEmpty())) {
      // A table given a file by --data is checked as that file.
      DataCheck.check(TableSources.withFiles(def, data), data, d);
    }
    for (Diagnostic x : d.sorted()) err.println(Visible.lines(x.toString()));
    if (d.hasErrors()) {
      err.println(d.errorCount() + " error(s), " + d.warningCount() + " warning(s)");
      return definitionOk ? Outcome.DATA_REFUSED : Outcome.DEFINITION_REFUSED;
    }
    out.println(
        "ok: "
            + counted(def.kpis().size(), "KPI")
            + ", "
            + counted(def.sources().size(), "source")
            + ", "
            + counted(def.journey().stages().size(), "stage")
            + (d.warningCount() > 0 ? ", " + d.warningCount() + " warning(s)" : ""));
    return Outcome.OK;
  }

  /** "1 source", "3 sources". */
  private static String counted(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
