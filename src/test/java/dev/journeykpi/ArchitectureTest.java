package dev.journeykpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packages are the pipeline, and dependencies point one way: cli → engine → report → {ingest, types → calc} → model →
 * config. What flows between stages (scorecard, rows, periods, quality report) lives in {@code model}, so a renderer needs no engine.
 */
class ArchitectureTest {
  static final Path MAIN = Path.of("src/main/java/dev/journeykpi");

  @ParameterizedTest(name = "{0} does not import {1}")
  @CsvSource({
    "config, cli", "config, engine", "config, ingest", "config, calc", "config, report",
    "ingest, cli", "ingest, engine", "ingest, calc", "ingest, report",
    "calc, cli", "calc, engine", "calc, ingest", "calc, report",
    "report, cli", "report, engine", "report, calc.BusinessCalendar",
    "engine, cli",
    // The KPI types stand between the engine and the calculators: they bind (config), run (calc) and explain (in the
    // words report gives them); only the engine and the renderers use them.
    "types, cli", "types, engine", "types, report", "types, ingest",
    "config, types", "model, types", "calc, types", "ingest, types", "cli, types",
    // The engine is the CLI's only way to the data: it imports, runs and judges; the CLI parses options and prints.
    "cli, ingest", "cli, calc"
  })
  void importsPointOneWay(String pkg, String forbidden) throws IOException {
    assertThat(offenders(MAIN, pkg, forbidden)).as("%s must not use dev.journeykpi.%s", pkg, forbidden).isEmpty();
  }

  /** The check sees an arrow that is added: a CLI class importing the importer, in a copy of the tree. */
  @Test
  void anAddedArrowIsCaught(@TempDir Path tmp) throws IOException {
    Path cli = Files.createDirectories(tmp.resolve("cli"));
    Files.writeString(cli.resolve("Clean.java"), "package dev.journeykpi.cli;\nimport dev.journeykpi.engine.KpiEngine;\n");
    Files.writeString(cli.resolve("Leaky.java"), "package dev.journeykpi.cli;\nimport dev.journeykpi.ingest.Inspector;\n");
    assertThat(offenders(tmp, "cli", "ingest")).containsExactly(cli.resolve("Leaky.java").toString());
    assertThat(offenders(tmp, "cli", "calc")).isEmpty();
  }

  /** The Java files of {@code pkg} under {@code root} that name anything of {@code dev.journeykpi.<forbidden>}. */
  static List<String> offenders(Path root, String pkg, String forbidden) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> read(f).contains("dev.journeykpi." + forbidden))
          .map(Path::toString).sorted().toList();
    }
  }

  /**
   * The model is the floor every stage stands on, so it may use config (a scorecard carries its definition) and
   * nothing else.
   */
  @ParameterizedTest(name = "model does not import {0}")
  @CsvSource({"cli", "engine", "report", "calc", "ingest"})
  void modelImportsOnlyConfig(String forbidden) throws IOException {
    assertThat(offenders(MAIN, "model", forbidden)).as("model must not use dev.journeykpi.%s", forbidden).isEmpty();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
