package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the built jar the way users and cron jobs do: a separate process, real stdout, stderr and
 * exit code.
 */
class KpiJarIT {
  record Run(int code, String out, String err) {}

  static Run kpi(String... args) throws IOException, InterruptedException {
    return kpi(java.util.Map.of(), args);
  }

  static Run kpi(java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("scripts/kpi"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("kpi", ".out");
    Path err = Files.createTempFile("kpi", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    int code = p.waitFor();
    return new Run(
        code,
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * The import cache's default folder follows {@code $HOME} as the docs' {@code ~/.cache/kpi} says
   * (a cron job's or {@code HOME=/data kpi …}), not Java's user.home, which is the account's home
   * from the password file (found by the session's review).
   */
  @Test
  void theImportCacheFollowsHome(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                "scripts/kpi",
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "-q",
                "-f",
                "csv")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("XDG_CACHE_HOME");
    pb.environment().put("KPI_CACHE", "on");
    pb.environment().put("HOME", home.toString());
    assertThat(pb.start().waitFor()).isZero();
    try (var entries = Files.list(home.resolve(".cache/kpi"))) {
      assertThat(entries.count()).isPositive();
    }
  }

  @Test
  void reportAsCsvMatchesTheGoldenFile() throws Exception {
    Run r =
        kpi(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "-f",
            "csv");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/hotel-2026-10.csv")));
    assertThat(r.err()).contains("Data quality:");
  }

  @Test
  void dataErrorExitsWith3AndOneClearLine() throws Exception {
    Run r =
        kpi(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--data",
            "checks=missing.csv");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .startsWith("kpi: data error: source 'checks': file missing.csv does not exist");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  /**
   * A reader that went away before kpi wrote (`kpi report | head -1`): a real pipe whose read end
   * is closed, so the write fails with EPIPE. Quiet, and 141 as SIGPIPE would give; the same for
   * {@code -o /dev/stdout}. A full disk ({@code > /dev/full}: ENOSPC) keeps its message and exit 2.
   */
  @Test
  void aClosedPipeIsQuietExit141AndAFullDiskIsExit2(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    for (List<String> more : List.of(List.<String>of(), List.of("-o", "/dev/stdout"))) {
      List<String> cmd =
          new ArrayList<>(
              List.of("scripts/kpi", "report", "-c", "kpi-definitions/hotel-housekeeping.yaml"));
      cmd.addAll(more);
      Path err = dir.resolve("err" + more.size());
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      p.getInputStream().close(); // the reader goes away before kpi has written anything
      assertThat(p.waitFor()).as("exit code with %s", more).isEqualTo(141);
      assertThat(Files.readString(err))
          .doesNotContain("cannot write")
          .doesNotContain("Broken pipe")
          .doesNotContain("Exception");
    }
    Path err = dir.resolve("full");
    Process p =
        new ProcessBuilder("scripts/kpi", "report", "-c", "kpi-definitions/hotel-housekeeping.yaml")
            .redirectOutput(new java.io.File("/dev/full"))
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(Files.readString(err))
        .endsWith(
            "kpi: cannot write standard output: the disk is full, or the output was closed\n");
  }

  /**
   * The cron script on a fixed month: one run writes every file; a breach under FAIL_ON is exit 1.
   */
  @Test
  void monthlyScorecardScript() throws Exception {
    Path out = Files.createTempDirectory("scorecards");
    Process p =
        new ProcessBuilder(
                "scripts/monthly-scorecard.sh",
                "kpi-definitions/hotel-housekeeping.yaml",
                out.toString(),
                "2026-10")
            .redirectErrorStream(true)
            .start();
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

    ProcessBuilder breach =
        new ProcessBuilder(
                "scripts/monthly-scorecard.sh",
                "kpi-definitions/hotel-housekeeping.yaml",
                out.toString(),
                "2026-10")
            .redirectErrorStream(true);
    breach.environment().put("FAIL_ON", "red");
    Process b = breach.start();
    String blog = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(b.waitFor()).isEqualTo(1);
    assertThat(blog).contains("kpi: breach: sheets_changed_rate");
  }

  /**
   * LISTS writes the customers behind KPIs beside the scorecard; a list that cannot be made fails
   * the run.
   */
  @Test
  void monthlyScriptWritesFollowUpLists() throws Exception {
    Path out = Files.createTempDirectory("scorecards");
    ProcessBuilder pb =
        new ProcessBuilder(
                "scripts/monthly-scorecard.sh",
                "kpi-definitions/retention.yaml",
                out.toString(),
                "2026-10")
            .redirectErrorStream(true);
    pb.environment().put("LISTS", "churn reactivation");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    assertThat(Files.readString(out.resolve("retention-2026-10-churn.csv")))
        .startsWith("\ufeffcustomer,status,last_activity,idle_days\n");
    assertThat(Files.readString(out.resolve("retention-2026-10-reactivation.csv")))
        .contains(",still dormant,");
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
    assertThat(r.err()).contains("14 error(s)");
  }

  // ---- issue 14: failures ----

  /**
   * A 400,000-row export with a distinct id per row, read with a 32 MB heap: memory runs out while
   * the import's threads type the columns (or, with more memory, while the KPI groups by id). One
   * line naming the source and file and how to give more memory, exit 4, no stack trace. Before:
   * traces of the threads and exit 1, the code a cron job reads as a KPI breach.
   */
  @Test
  void outOfMemoryIsOneLineAndExit4() throws Exception {
    Path dir = Files.createTempDirectory("oom");
    try (var w = Files.newBufferedWriter(dir.resolve("big.csv"))) {
      w.write("id,at,amount\n");
      for (int i = 0; i < 400_000; i++)
        w.write(
            "ID"
                + (1_000_000_000L + 7919L * i)
                + ","
                + "2026-10-"
                + (10 + i % 19)
                + ","
                + (i % 997)
                + ".5\n");
    }
    Files.writeString(
        dir.resolve("big.yaml"),
        """
        sources:
          t:
            file: big.csv
            columns:
              id: id
              at: { column: at, type: date, format: yyyy-MM-dd }
              amount: { column: amount, type: number }
        kpis:
          - { id: n, type: count, source: t, time: at, by: [id] }
        """);
    Run r =
        kpi(
            java.util.Map.of("JAVA_OPTS", "-Xmx32m"),
            "report",
            "-c",
            dir.resolve("big.yaml").toString(),
            "-f",
            "csv");
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err())
        .startsWith("kpi: out of memory while ")
        .contains("source 't'")
        .contains("give it more memory: JAVA_OPTS=-Xmx4g scripts/kpi")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  /**
   * A run stopped with SIGTERM or SIGINT while writing an output removes its temporary file
   * (shutdown hook) and leaves the previous file; one killed with SIGKILL leaves
   * .report.csv.kpi-tmp-PID, which the next kpi run writing report.csv removes (its process is
   * gone).
   */
  @Test
  void stoppedRunsLeaveNoTemporaryFile() throws Exception {
    Path dir = Files.createTempDirectory("signals");
    Path target = dir.resolve("report.csv");
    Files.writeString(target, "last month");
    for (String signal : List.of("TERM", "INT", "KILL")) {
      // A job started in the background by a non-interactive shell (`mvn verify &`) inherits SIGINT
      // ignored, and the JVM then installs no handler for it: no Ctrl-C can reach such a run, so
      // there is nothing to test.
      if (signal.equals("INT") && sigintIgnored()) continue;
      Process p =
          new ProcessBuilder(
                  "java",
                  "-cp",
                  "target/classes:target/test-classes",
                  SlowOutput.class.getName(),
                  target.toString())
              .redirectErrorStream(true)
              .start();
      var lines =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("writing");
      Path tmp = dir.resolve(".report.csv.kpi-tmp-" + p.pid());
      assertThat(Files.readString(tmp)).isEqualTo("half of a scorecard");
      assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor())
          .isZero();
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as(signal).isTrue();
      assertThat(Files.readString(target)).isEqualTo("last month");
      if (signal.equals("KILL")) {
        assertThat(tmp).exists(); // nothing runs on SIGKILL
        Run next =
            kpi(
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "-q",
                "-o",
                target.toString());
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(Files.readString(target))
            .isEqualTo(Files.readString(Path.of("src/test/resources/golden/hotel-2026-10.csv")));
      }
      assertThat(dir.toFile().list()).as(signal).containsExactly("report.csv");
    }
  }

  /**
   * Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as its children
   * then do.
   */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) return false;
    return Files.readAllLines(status).stream()
        .filter(l -> l.startsWith("SigIgn:"))
        .anyMatch(l -> (Long.parseLong(l.substring(7).trim(), 16) & 0x2) != 0);
  }

  /**
   * The hotel definition with its files as absolute paths, and the checks export replaced by {@code
   * checks}.
   */
  private static Path hotelWith(Path dir, Path checks) throws IOException {
    Path def = dir.resolve("hotel-housekeeping.yaml");
    Files.writeString(
        def,
        Files.readString(Path.of("kpi-definitions/hotel-housekeeping.yaml"))
            .replace("file: ../examples/hotel/room-checks.csv", "file: " + checks)
            .replace(
                "file: ../examples/hotel/",
                "file: " + Path.of("examples/hotel").toAbsolutePath() + "/"));
    return def;
  }

  private static String script(
      Path out, java.util.Map<String, String> env, int expected, String config) throws Exception {
    return script(out, env, expected, config, "2026-10");
  }

  private static String script(
      Path out, java.util.Map<String, String> env, int expected, String config, String month)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("scripts/monthly-scorecard.sh", config, out.toString(), month)
            .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isEqualTo(expected);
    return log;
  }

  /**
   * The cron script on an export whose dates all changed format: before, exit 0 and a scorecard of
   * zeros. Now exit 3, no scorecard, the quality report written, the log naming the source.
   */
  @Test
  void monthlyScriptFailsWhenNoRowOfASourceIsUsed() throws Exception {
    Path dir = Files.createTempDirectory("cron");
    Path checks = dir.resolve("checks.csv");
    Files.writeString(
        checks,
        "Mã kiểm tra,Thời điểm kiểm tra,Phòng,Tầng,Nhân viên,Đã thay ga,Phòng tắm sạch,Điểm kiểm tra,Ghi chú\n"
            + "KT1,2026-10-05 11:37,509,5,An,có,x,3,\nKT2,2026-10-06 09:00,403,4,An,có,x,4,\n");
    Path out = dir.resolve("reports");
    String log = script(out, java.util.Map.of(), 3, hotelWith(dir, checks).toString());
    assertThat(log)
        .contains(
            "kpi: data error: source 'checks': none of its 2 rows could be used (2 rejected for checked_at:")
        .contains("failed with exit code 3");
    assertThat(out.resolve("hotel-housekeeping-2026-10.csv")).doesNotExist();
    assertThat(out.resolve("hotel-housekeeping-2026-10.html")).doesNotExist();
    assertThat(Files.readAllLines(out.resolve("hotel-housekeeping-2026-10-quality.csv")))
        .hasSize(3);
  }

  /**
   * STRICT=1 and MAX_REJECTED pass --strict and --max-rejected: the hotel checks export has 2
   * rejected rows of 641 (0.31 %), so STRICT=1 and MAX_REJECTED=0.3% fail the run after writing,
   * MAX_REJECTED=5% does not.
   */
  @Test
  void monthlyScriptPassesStrictAndMaxRejected() throws Exception {
    String config = "kpi-definitions/hotel-housekeeping.yaml";
    Path out = Files.createTempDirectory("cron");
    assertThat(script(out, java.util.Map.of("STRICT", "1"), 3, config))
        .contains("2 rows rejected and --strict is set");
    assertThat(out.resolve("hotel-housekeeping-2026-10.csv")).exists();
    assertThat(script(out, java.util.Map.of("MAX_REJECTED", "0.3%"), 3, config))
        .contains(
            "kpi: data error: source 'checks': 0.31% of its rows rejected (2 of 641), more than --max-rejected 0.3%");
    script(out, java.util.Map.of("MAX_REJECTED", "5%"), 0, config);
    // November: no hotel export reaches it (all end 2026-10-31): exit 3, no scorecard;
    // ALLOW_EMPTY_PERIOD=1 lets it through with warnings.
    assertThat(script(out, java.util.Map.of(), 3, config, "2026-11"))
        .contains("before the period 2026-11 begins");
    assertThat(out.resolve("hotel-housekeeping-2026-11.csv")).doesNotExist();
    assertThat(script(out, java.util.Map.of("ALLOW_EMPTY_PERIOD", "1"), 0, config, "2026-11"))
        .contains("kpi: warning: source 'checks'");
    assertThat(out.resolve("hotel-housekeeping-2026-11.csv")).exists();
  }
}
