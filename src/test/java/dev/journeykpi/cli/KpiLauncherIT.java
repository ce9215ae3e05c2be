package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When {@code scripts/kpi} rebuilds the jar (issue 19): only for code (Java sources, resources
 * under src/main, the pom), never for a definition or an example export, and quietly.
 *
 * <p>The script runs in a copy of the project's layout with a stand-in {@code mvn} (which records
 * its arguments and writes the jar) and {@code java} on the PATH: a real rebuild takes a minute on
 * two cores and would rewrite the jar the other integration tests are running. The decision and the
 * messages are the script's own; KpiJarIT runs the real jar through it.
 */
class KpiLauncherIT {
  private Path root;
  private Path jar;
  private Path mvnLog;

  @BeforeEach
  void project() throws IOException {
    root = Files.createTempDirectory("launcher");
    Files.createDirectories(root.resolve("scripts"));
    Files.copy(Path.of("scripts/kpi"), root.resolve("scripts/kpi"));
    write("pom.xml", "<project/>");
    write("src/main/java/dev/journeykpi/cli/Main.java", "class Main {}");
    write("src/main/resources/messages.properties", "a=b");
    write("src/classgraph-stub/Stub.java", "class Stub {}");
    write("kpi-definitions/hotel-housekeeping.yaml", "kpis: []");
    write("examples/hotel/checkouts.csv", "a,b\n");
    jar = write("target/kpi.jar", "built before");
    mvnLog = root.resolve("mvn.log");
    // Stand-ins: mvn writes the jar unless MVN_FAILS says how it fails; java says it ran.
    executable(
        "bin/mvn",
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> '"
            + mvnLog
            + "'\n"
            + "if [ -n \"${MVN_FAILS:-}\" ] && { [ \"$MVN_FAILS\" = always ] || [[ \" $* \" == *' -o '* ]]; };"
            + " then printf '\\e[0m[ERROR] %s\\n' \"$MVN_FAILS_WITH\"; exit 1; fi\n"
            + "echo 'built now' > target/kpi.jar\n");
    executable("bin/java", "#!/usr/bin/env bash\necho \"java ran: $*\"\n");
    // Everything older than the jar, the jar a minute old: a touched file is then newer.
    Instant hourAgo = Instant.now().minusSeconds(3600);
    try (var files = Files.walk(root)) {
      for (Path p : files.toList()) Files.setLastModifiedTime(p, FileTime.from(hourAgo));
    }
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
  }

  @Test
  void aTouchedDefinitionOrExampleDoesNotRebuild() throws Exception {
    FileTime before = Files.getLastModifiedTime(jar);
    touch("kpi-definitions/hotel-housekeeping.yaml");
    touch("examples/hotel/checkouts.csv");
    write("kpi-definitions/new-one.yaml", "kpis: []");
    Run r = launch(java.util.Map.of());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("java ran: ").contains("-jar " + jar + " report");
    assertThat(r.err()).isEmpty();
    assertThat(mvnLog).doesNotExist();
    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(before);
    assertThat(Files.readString(jar)).isEqualTo("built before");
  }

  @Test
  void aTouchedJavaSourceRebuildsQuietlyAndOffline() throws Exception {
    FileTime before = Files.getLastModifiedTime(jar);
    touch("src/main/java/dev/journeykpi/cli/Main.java");
    Run r = launch(java.util.Map.of());
    assertThat(r.code()).as(r.err()).isZero();
    // One line, no escape codes, naming what changed.
    assertThat(r.err())
        .isEqualTo("kpi: rebuilding (src/main/java/dev/journeykpi/cli/Main.java changed)...\n");
    assertThat(Files.readAllLines(mvnLog)).hasSize(1);
    assertThat(Files.readString(mvnLog))
        .contains(" -o")
        .contains("-Dmaven.test.skip=true")
        .contains("package");
    assertThat(Files.getLastModifiedTime(jar)).isGreaterThan(before);
    assertThat(r.out()).startsWith("java ran: ");
  }

  @Test
  void aResourceThePomOrANewSourceRebuild() throws Exception {
    for (String changed :
        List.of("src/main/resources/messages.properties", "pom.xml", "src/classgraph-stub")) {
      Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
      touch(changed);
      Run r = launch(java.util.Map.of());
      assertThat(r.err()).as(changed).isEqualTo("kpi: rebuilding (" + changed + " changed)...\n");
      Files.setLastModifiedTime(
          root.resolve(changed), FileTime.from(Instant.now().minusSeconds(3600)));
    }
    // A file added: its directory is newer than the jar too, and the file itself is found first
    // or second: either names the change.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    write("src/main/java/dev/journeykpi/cli/Added.java", "class Added {}");
    assertThat(launch(java.util.Map.of()).err()).startsWith("kpi: rebuilding (src/main/java/");
    assertThat(Files.readAllLines(mvnLog)).hasSize(4);
  }

  @Test
  void theFirstRunSaysItBuildsAndAFailedBuildShowsMavensOutput() throws Exception {
    Files.delete(jar);
    Run first = launch(java.util.Map.of());
    assertThat(first.err()).isEqualTo("kpi: building (first run, about a minute)...\n");
    assertThat(jar).exists();

    // Offline without an artifact: built again online, still one line.
    Files.delete(jar);
    Files.delete(mvnLog);
    Run online =
        launch(
            java.util.Map.of(
                "MVN_FAILS", "offline",
                "MVN_FAILS_WITH", "Cannot access central in offline mode"));
    assertThat(online.code()).as(online.err()).isZero();
    assertThat(online.err()).isEqualTo("kpi: building (first run, about a minute)...\n");
    assertThat(Files.readAllLines(mvnLog)).hasSize(2);
    assertThat(Files.readAllLines(mvnLog).get(1)).doesNotContain(" -o");

    // A compile error: Maven's own output, colour codes removed, exit 1, java not run.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    touch("src/main/java/dev/journeykpi/cli/Main.java");
    Run failed =
        launch(
            java.util.Map.of(
                "MVN_FAILS", "always", "MVN_FAILS_WITH", "Main.java:[1,1] ';' expected"));
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err())
        .contains("kpi: the build failed")
        .contains("[ERROR] Main.java:[1,1] ';' expected")
        .doesNotContain("\u001b");
    assertThat(failed.out()).isEmpty();
  }

  /**
   * A JDBC driver of another database (--engine jdbc) goes on the class path through KPI_CLASSPATH:
   * kpi's jar first, then the driver, and kpi's main class named (java -jar would ignore any class
   * path). Without it, -jar as always.
   */
  @Test
  void kpiClasspathPutsADriverBesideTheJar() throws Exception {
    Run r = launch(java.util.Map.of("KPI_CLASSPATH", "/opt/jdbc/trino-jdbc-476.jar:/opt/x.jar"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "-cp "
                + jar
                + ":/opt/jdbc/trino-jdbc-476.jar:/opt/x.jar dev.journeykpi.cli.Main report")
        .doesNotContain("-jar");
    assertThat(launch(java.util.Map.of("KPI_CLASSPATH", "")).out())
        .contains("-jar " + jar + " report");
  }

  /**
   * The compiler follows the size of the input files (docs/performance.md "JVM options"): under 512
   * MiB the client compiler alone (-XX:TieredStopAtLevel=1), from 512 MiB tiered compilation. The
   * files are sparse: their size is what the launcher reads, not their bytes.
   */
  @Test
  void theInputFilesSizeChoosesTheCompiler() throws Exception {
    write("exports/small.csv", "a,b\n1,2\n"); // 8 bytes
    // Two parts of 300 MiB: 600 MiB ≥ 512 MiB, through a quoted pattern with a space, relative to
    // the definition's folder, in flow style.
    sparse("exports/big part-1.csv", 300L << 20);
    sparse("exports/big part-2.csv", 300L << 20);
    sparse("exports/one-big.csv", 600L << 20);
    write(
        "kpi-definitions/small.yaml",
        "sources:\n  tickets:\n    file: ../exports/small.csv   # 8 bytes\n"
            + "    profile: zendesk\n");
    write(
        "kpi-definitions/big.yaml",
        "sources:\n  a: { file: ../exports/small.csv, columns: { x: X } }\n"
            + "  b: { file: \"../exports/big part-*.csv\", columns: { x: X } }\n");
    java.util.Map<String, String> defaults = new java.util.HashMap<>();
    defaults.put("KPI_JAVA_OPTS", null); // the launcher's own options
    String c1 = "-XX:TieredStopAtLevel=1";
    assertThat(launch(defaults, "report", "-c", "kpi-definitions/small.yaml").out()).contains(c1);
    assertThat(launch(defaults, "report", "-c", "kpi-definitions/big.yaml").out())
        .startsWith("java ran: ")
        .doesNotContain(c1);
    assertThat(launch(defaults, "report", "--config=kpi-definitions/big.yaml").out())
        .doesNotContain(c1);
    // --data adds its file: 8 bytes + 600 MiB.
    assertThat(
            launch(
                    defaults,
                    "report",
                    "-c",
                    "kpi-definitions/small.yaml",
                    "--data",
                    "tickets=exports/one-big.csv")
                .out())
        .doesNotContain(c1);
    // No definition (kpi --version), or one that does not exist: the small-input options.
    assertThat(launch(defaults, "--version").out()).contains(c1);
    assertThat(launch(defaults, "report", "-c", "nowhere.yaml").out()).contains(c1);
  }

  /**
   * Every way of naming the input counts, and only the input (issue 21): -c=FILE and -cFILE as
   * picocli reads them, a pattern or a folder (a Parquet dataset) in --data or in {@code file:}
   * with {@code **} across folders; a {@code file:} in a comment counts nothing. Each big case is
   * 600 MiB (≥ 512 MiB: tiered compilation), each small one 8 bytes (the client compiler alone).
   */
  @Test
  void theSizeCheckReadsEveryFormOfTheOptionsAndSkipsComments() throws Exception {
    write("exports/small.csv", "a,b\n1,2\n"); // 8 bytes
    sparse("exports/big part-1.csv", 300L << 20);
    sparse("exports/big part-2.csv", 300L << 20);
    // A dataset of two 300 MiB parts in partition folders: 600 MiB through ** or the folder.
    sparse("lake/year=2026/month=1/part-0.parquet", 300L << 20);
    sparse("lake/year=2026/month=2/part-0.parquet", 300L << 20);
    write(
        "kpi-definitions/big.yaml",
        "sources:\n  b: { file: \"../exports/big part-*.csv\", columns: { x: X } }\n");
    write("kpi-definitions/lake.yaml", "sources:\n  t:\n    file: ../lake/**/*.parquet\n");
    // Only the 8 bytes are read (twice): the big files appear in comments alone — whole-line ones,
    // one after a value, one after a flow mapping.
    write(
        "kpi-definitions/commented.yaml",
        "sources:\n"
            + "  t:\n"
            + "    file: ../exports/small.csv  # was file: '../exports/big part-*.csv'\n"
            + "#   file: ../lake/**/*.parquet\n"
            + "    # file: ../lake/**/*.parquet\n"
            + "  u: { file: ../exports/small.csv }  # file: ../lake/**/*.parquet\n");
    java.util.Map<String, String> defaults = new java.util.HashMap<>();
    defaults.put("KPI_JAVA_OPTS", null);
    String c1 = "-XX:TieredStopAtLevel=1";
    assertThat(launch(defaults, "report", "-c=kpi-definitions/big.yaml").out())
        .startsWith("java ran: ")
        .doesNotContain(c1);
    assertThat(launch(defaults, "report", "-ckpi-definitions/big.yaml").out()).doesNotContain(c1);
    assertThat(launch(defaults, "report", "--config=kpi-definitions/lake.yaml").out())
        .doesNotContain(c1);
    assertThat(launch(defaults, "report", "-c", "kpi-definitions/commented.yaml").out())
        .contains(c1);
    // --data with a pattern (quoted, so the shell left it to kpi) and with a folder: 600 MiB each.
    String[] small = {"report", "-c", "kpi-definitions/commented.yaml", "--data"};
    for (String data : List.of("t=exports/big part-*.csv", "t=lake", "t=lake/**/*.parquet")) {
      String[] args = java.util.Arrays.copyOf(small, small.length + 1);
      args[small.length] = data;
      assertThat(launch(defaults, args).out()).as(data).doesNotContain(c1);
    }
    assertThat(
            launch(defaults, "report", "-c=kpi-definitions/commented.yaml", "--data=t=lake").out())
        .doesNotContain(c1);
  }

  /**
   * The heap follows the same size (issue 21): under 256 MiB the large initial heap (4% of RAM)
   * that a small run never collects; from 256 MiB a small one, grown with the live data. 8 bytes:
   * large; 300 MiB (≥ 256, < 512): small, client compiler; 600 MiB: small, tiered. A user's
   * JAVA_OPTS come after the launcher's, so their heap size wins.
   */
  @Test
  void theInputFilesSizeChoosesTheHeap() throws Exception {
    write("exports/small.csv", "a,b\n1,2\n");
    sparse("exports/mid.csv", 300L << 20);
    sparse("exports/big.csv", 600L << 20);
    for (String name : List.of("small", "mid", "big"))
      write(
          "kpi-definitions/" + name + ".yaml",
          "sources:\n  t: { file: ../exports/" + name + ".csv }\n");
    java.util.Map<String, String> defaults = new java.util.HashMap<>();
    defaults.put("KPI_JAVA_OPTS", null);
    String large = "-XX:InitialRAMPercentage=4 -XX:PretenureSizeThreshold=256k";
    String lean =
        "-Xms32m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:SoftRefLRUPolicyMSPerMB=0";
    String c1 = "-XX:TieredStopAtLevel=1";
    assertThat(launch(defaults, "report", "-c", "kpi-definitions/small.yaml").out())
        .contains(large, c1)
        .doesNotContain("-Xms32m");
    assertThat(launch(defaults, "report", "-c", "kpi-definitions/mid.yaml").out())
        .contains("-XX:+UseSerialGC " + lean + " " + c1)
        .doesNotContain("InitialRAMPercentage");
    assertThat(launch(defaults, "report", "-c", "kpi-definitions/big.yaml").out())
        .contains("-XX:+UseSerialGC " + lean)
        .doesNotContain(c1)
        .doesNotContain("InitialRAMPercentage");
    defaults.put("JAVA_OPTS", "-Xms1g -Xmx3g");
    String out = launch(defaults, "report", "-c", "kpi-definitions/big.yaml").out();
    assertThat(out.indexOf("-Xms1g -Xmx3g")).isGreaterThan(out.indexOf("-Xms32m"));
  }

  /**
   * A user's heap size on 256 MiB or more of input ({@code JAVA_OPTS=-Xmx16m}): the launcher's
   * -Xms32m would be larger than that maximum and the JVM would refuse to start ("Initial heap size
   * set to a larger value than the maximum heap size"), so it is left out; the rest of the lean
   * heap options stay. Any other JAVA_OPTS keeps it.
   */
  @Test
  void aUsersHeapSizeDropsTheLaunchersInitialHeap() throws Exception {
    sparse("exports/mid.csv", 300L << 20);
    write("kpi-definitions/mid.yaml", "sources:\n  t: { file: ../exports/mid.csv }\n");
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("KPI_JAVA_OPTS", null);
    for (String heap : List.of("-Xmx16m", "-Xms8m", "-XX:MaxHeapSize=16m", "-XX:MaxRAM=64m")) {
      env.put("JAVA_OPTS", "-Dx=1 " + heap);
      assertThat(launch(env, "report", "-c", "kpi-definitions/mid.yaml").out())
          .as(heap)
          .contains("-XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40", heap)
          .doesNotContain("-Xms32m");
    }
    env.put("JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    assertThat(launch(env, "report", "-c", "kpi-definitions/mid.yaml").out())
        .contains("-Xms32m -XX:MinHeapFreeRatio=20");
  }

  record Run(int code, String out, String err) {}

  private Run launch(java.util.Map<String, String> env) throws Exception {
    return launch(env, "report", "-c", "kpi-definitions/x.yaml");
  }

  /** scripts/kpi ARGS; an env value of null removes the variable. */
  private Run launch(java.util.Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(root.resolve("scripts/kpi").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(root.toFile());
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("KPI_JAVA_OPTS", "-Xshare:off"); // no class-data archive to make
    pb.environment().remove("JAVA_OPTS");
    env.forEach(
        (k, v) -> {
          if (v == null) pb.environment().remove(k);
          else pb.environment().put(k, v);
        });
    Path out = Files.createTempFile("kpi", ".out");
    Path err = Files.createTempFile("kpi", ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    return new Run(
        code,
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private void sparse(String relative, long size) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    try (var f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  private Path write(String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private void executable(String relative, String text) throws IOException {
    Files.setPosixFilePermissions(
        write(relative, text), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void touch(String relative) throws IOException {
    Files.setLastModifiedTime(root.resolve(relative), FileTime.from(Instant.now()));
  }
}
