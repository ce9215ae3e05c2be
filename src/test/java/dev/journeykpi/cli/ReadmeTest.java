package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start must keep working: its report command is run here, and CI runs its test
 * command.
 */
class ReadmeTest {
  static List<String> quickStart() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Quick start");
    int block = readme.indexOf("```bash", start);
    int end = readme.indexOf("```", block + 7);
    return readme.substring(block + 7, end).strip().lines().toList();
  }

  @Test
  void quickStartHasTwoCommands() throws IOException {
    assertThat(quickStart()).hasSize(2);
    assertThat(quickStart().get(0)).startsWith("scripts/kpi report ");
  }

  @Test
  void quickStartReportRuns() throws IOException {
    String[] args = quickStart().get(0).substring("scripts/kpi ".length()).split("\\s+");
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Khách sạn — touchpoint scorecard — 2026-10");
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws IOException {
    assertThat(Files.readString(Path.of(".ci/run"))).contains("\n" + quickStart().get(1) + "\n");
  }

  @Test
  void moreToTryCommandsRun() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("More to try:");
    int block = readme.indexOf("```bash", start);
    String body = readme.substring(block + 7, readme.indexOf("```", block + 7)).strip();
    for (String line : body.lines().toList()) {
      String cmd = line.replaceAll("\\s+#.*$", "").strip();
      String[] args = cmd.substring("scripts/kpi ".length()).split("\\s+");
      int expected = cmd.contains("mistakes") ? ExitCodes.USAGE : ExitCodes.OK;
      assertThat(CliRunner.run(args).exitCode()).as(cmd).isEqualTo(expected);
    }
  }

  /**
   * Every preset, alias and profile the tool knows is in the tables of docs/kpis.md and
   * docs/definitions.md.
   */
  @Test
  void everyPresetAndProfileIsDocumented() throws IOException {
    String kpis = Files.readString(Path.of("docs/kpis.md"));
    String definitions = Files.readString(Path.of("docs/definitions.md"));
    for (dev.journeykpi.config.Presets.Preset p : dev.journeykpi.config.Presets.all()) {
      String base =
          p.name().contains(".") ? p.name().substring(0, p.name().indexOf('.')) : p.name();
      assertThat(kpis).as(p.name()).contains("`" + base + "`");
      if (p.name().contains("."))
        assertThat(kpis)
            .as(p.name())
            .contains("`method: " + p.name().substring(base.length() + 1) + "`");
      for (String alias : p.aliases()) assertThat(kpis).as(alias).contains("`" + alias + "`");
    }
    for (String profile : dev.journeykpi.config.Profiles.names())
      assertThat(definitions).contains("`" + profile + "`");
  }
}
