package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import cache seen from the command line: a cached run prints exactly what a run without it
 * prints (scorecard, stderr's quality summary and notes, the {@code --quality-report} file), for
 * every shipped definition whose data is bundled — CSV and Excel sources, looked-up columns, joins,
 * rejected and blanked rows among them — and {@code --no-cache} writes nothing. Every run here
 * names its own cache folder: no test touches {@code ~/.cache} (the build sets {@code
 * KPI_CACHE=off} besides).
 */
class ImportCacheCliTest {
  @TempDir Path dir;

  static Stream<ShippedDefinitions.Shipped> bundled() {
    return ShippedDefinitions.bundled().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundled")
  void aCachedRunPrintsWhatAColdRunPrints(ShippedDefinitions.Shipped d) throws IOException {
    Path cache = dir.resolve("cache");
    CliRunner.Result cold = report(d, "cold", "--no-cache");
    assertThat(cache).doesNotExist();
    CliRunner.Result filling = report(d, "filling", "--cache-dir", cache.toString());
    Map<String, Object> written = entries(cache);
    CliRunner.Result warm = report(d, "warm", "--cache-dir", cache.toString());

    assertThat(cold.exitCode()).isIn(0, 1); // 1: a KPI below its target in some definitions
    for (CliRunner.Result r : new CliRunner.Result[] {filling, warm}) {
      assertThat(r.exitCode()).isEqualTo(cold.exitCode());
      assertThat(r.out()).isEqualTo(cold.out());
      assertThat(r.err()).isEqualTo(cold.err());
    }
    String quality = Files.readString(dir.resolve("cold-quality.txt"));
    assertThat(Files.readString(dir.resolve("filling-quality.txt"))).isEqualTo(quality);
    assertThat(Files.readString(dir.resolve("warm-quality.txt"))).isEqualTo(quality);
    // Every bundled definition reads CSV or Excel files: each source imported has an entry, and the
    // warm run read them (a hit leaves the file in place; a miss would write a new one).
    assertThat(written).isNotEmpty();
    assertThat(entries(cache)).isEqualTo(written);
  }

  @Test
  void noCacheWritesNothingAndTheCacheDirIsCreatedWhenMissing() throws IOException {
    ShippedDefinitions.Shipped d = ShippedDefinitions.bundled().get(0);
    Path cache = dir.resolve("a/b/cache");
    report(d, "off", "--no-cache", "--cache-dir", cache.toString());
    assertThat(cache).doesNotExist();
    report(d, "on", "--cache-dir", cache.toString());
    assertThat(entries(cache)).isNotEmpty();
  }

  @Test
  void validateCheckDataUsesTheCacheToo() throws IOException {
    ShippedDefinitions.Shipped d = ShippedDefinitions.bundled().get(0);
    Path cache = dir.resolve("cache");
    CliRunner.Result first =
        run("validate", "-c", d.config().toString(), "--check-data", "--cache-dir", "" + cache);
    Map<String, Object> written = entries(cache);
    CliRunner.Result second =
        run("validate", "-c", d.config().toString(), "--check-data", "--cache-dir", "" + cache);
    assertThat(second).isEqualTo(first);
    assertThat(entries(cache)).isEqualTo(written);
  }

  @Test
  void theFolderComesFromTheOptionsThenTheEnvironment() {
    CacheOptions o = new CacheOptions();
    String home = "/home/an";
    assertThat(o.dir(Map.of(), home)).isEqualTo(Path.of("/home/an/.cache/kpi"));
    assertThat(o.dir(Map.of("XDG_CACHE_HOME", "/var/cache/me"), home))
        .isEqualTo(Path.of("/var/cache/me/kpi"));
    // A relative XDG_CACHE_HOME is invalid by the XDG rules, and ignored.
    assertThat(o.dir(Map.of("XDG_CACHE_HOME", "rel"), home))
        .isEqualTo(Path.of("/home/an/.cache/kpi"));
    assertThat(o.dir(Map.of("KPI_CACHE", "off"), home)).isNull();
    assertThat(o.dir(Map.of("KPI_CACHE", "OFF "), home)).isNull();
    assertThat(o.dir(Map.of("KPI_CACHE", "0"), home)).isNull();
    assertThat(o.dir(Map.of("KPI_CACHE", "on"), home)).isEqualTo(Path.of("/home/an/.cache/kpi"));
    o.dir = Path.of("/tmp/c");
    // The command line wins over the environment.
    assertThat(o.dir(Map.of("KPI_CACHE", "off"), home)).isEqualTo(Path.of("/tmp/c"));
    o.off = true;
    assertThat(o.dir(Map.of(), home)).isNull();
  }

  private CliRunner.Result report(ShippedDefinitions.Shipped d, String name, String... cache) {
    String[] base = {
      "report",
      "-c",
      d.config().toString(),
      "--period",
      d.period(),
      "-f",
      "json",
      "--no-timestamp",
      "--quality-report",
      dir.resolve(name + "-quality.txt").toString()
    };
    String[] args = new String[base.length + cache.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(cache, 0, args, base.length, cache.length);
    return run(args);
  }

  /**
   * The cache's entries by name, each with its file key (inode): rewritten, an entry changes it.
   */
  static Map<String, Object> entries(Path cache) throws IOException {
    Map<String, Object> out = new TreeMap<>();
    if (!Files.isDirectory(cache)) return out;
    try (Stream<Path> s = Files.list(cache)) {
      for (Path p : s.toList()) {
        var a = Files.readAttributes(p, BasicFileAttributes.class);
        out.put(p.getFileName().toString(), a.fileKey());
      }
    }
    return out;
  }
}
