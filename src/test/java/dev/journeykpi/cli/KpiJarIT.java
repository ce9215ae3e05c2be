package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the built jar the way users and cron jobs do: a separate process, real stdout, stderr and exit code. */
class KpiJarIT {
  record Run(int code, String out, String err) {}

  static Run kpi(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("scripts/kpi"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("kpi", ".out");
    Path err = Files.createTempFile("kpi", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void reportAsCsvMatchesTheGoldenFile() throws Exception {
    Run r = kpi("report", "-c", "kpi-definitions/hotel-housekeeping.yaml", "--period", "2026-10", "-f", "csv");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(Path.of("src/test/resources/golden/hotel-2026-10.csv")));
    assertThat(r.err()).contains("Data quality:");
  }

  @Test
  void dataErrorExitsWith3AndOneClearLine() throws Exception {
    Run r = kpi("report", "-c", "kpi-definitions/hotel-housekeeping.yaml", "--data", "checks=missing.csv");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("kpi: data error: source 'checks': file missing.csv does not exist");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  /** The cron script on a fixed month: one run writes every file; a breach under FAIL_ON is exit 1. */
  @Test
  void monthlyScorecardScript() throws Exception {
    Path out = Files.createTempDirectory("scorecards");
    Process p = new ProcessBuilder("scripts/monthly-scorecard.sh", "kpi-definitions/hotel-housekeeping.yaml", out.toString(), "2026-10")
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    assertThat(Files.readString(out.resolve("hotel-housekeeping-2026-10.csv")))
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/hotel-2026-10.csv")));
    assertThat(Files.readString(out.resolve("hotel-housekeeping-2026-10.md")))
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/hotel-2026-10.md")));
    assertThat(out.resolve("hotel-housekeeping-2026-10.json")).exists();
    assertThat(out.resolve("hotel-housekeeping-2026-10.xlsx")).exists();
    assertThat(out.resolve("hotel-housekeeping-2026-10.html")).exists();
    assertThat(out.resolve("hotel-housekeeping-2026-10-quality.csv")).exists();
    assertThat(log).contains("computing hotel-housekeeping for 2026-10").contains("done");

    ProcessBuilder breach = new ProcessBuilder("scripts/monthly-scorecard.sh", "kpi-definitions/hotel-housekeeping.yaml", out.toString(), "2026-10")
        .redirectErrorStream(true);
    breach.environment().put("FAIL_ON", "red");
    Process b = breach.start();
    String blog = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(b.waitFor()).isEqualTo(1);
    assertThat(blog).contains("kpi: breach: sheets_changed_rate");
  }

  /** LISTS writes the customers behind KPIs beside the scorecard; a list that cannot be made fails the run. */
  @Test
  void monthlyScriptWritesFollowUpLists() throws Exception {
    Path out = Files.createTempDirectory("scorecards");
    ProcessBuilder pb = new ProcessBuilder("scripts/monthly-scorecard.sh", "kpi-definitions/retention.yaml", out.toString(), "2026-10")
        .redirectErrorStream(true);
    pb.environment().put("LISTS", "churn reactivation");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    assertThat(Files.readString(out.resolve("retention-2026-10-churn.csv"))).startsWith("\ufeffcustomer,status,last_activity,idle_days\n");
    assertThat(Files.readString(out.resolve("retention-2026-10-reactivation.csv"))).contains(",still dormant,");
    pb.environment().put("LISTS", "aov");
    Process bad = pb.start();
    String badLog = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bad.waitFor()).isEqualTo(2);
    assertThat(badLog).contains("list aov failed with exit code 2");
  }

  @Test
  void definitionErrorExitsWith2() throws Exception {
    Run r = kpi("validate", "-c", "examples/mistakes/hotel-with-mistakes.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("15 error(s)");
  }
}
