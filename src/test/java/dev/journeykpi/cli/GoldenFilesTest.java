package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden file is read by some test: one that nothing compares any more fails the build
 * (GoldenOrphans).
 */
class GoldenFilesTest {
  private static final Path TEST_SOURCES = Path.of("src/test/java");

  private static List<String> derived() {
    return ShippedDefinitions.bundled().stream().flatMap(d -> d.goldenNames().stream()).toList();
  }

  @Test
  void noGoldenFileIsAnOrphan() throws IOException {
    assertThat(GoldenOrphans.find(Golden.DIR, TEST_SOURCES, derived()))
        .as(
            "golden files in %s that no test reads: delete them, or check them from a test",
            Golden.DIR)
        .isEmpty();
  }

  @Test
  void aPlantedOrphanIsFound(@TempDir Path tmp) throws IOException {
    Path goldens = copyOfTheGoldens(tmp);
    // Built, not written whole: a literal of the name in this source would count as a use of it.
    String planted = "planted" + "-2026-10.csv";
    Files.writeString(goldens.resolve(planted), "kpi,value\n");
    assertThat(GoldenOrphans.find(goldens, TEST_SOURCES, derived())).containsExactly(planted);
  }

  /**
   * A definition removed from kpi-definitions/ leaves its four golden files behind, and they are
   * found.
   */
  @Test
  void theGoldensOfARemovedDefinitionAreOrphans(@TempDir Path tmp) throws IOException {
    Path goldens = copyOfTheGoldens(tmp);
    List<ShippedDefinitions.Shipped> all = ShippedDefinitions.bundled();
    ShippedDefinitions.Shipped removed =
        all.stream()
            .filter(d -> d.definition().equals("incident-process"))
            .findFirst()
            .orElseThrow();
    List<String> rest =
        all.stream().filter(d -> d != removed).flatMap(d -> d.goldenNames().stream()).toList();
    assertThat(GoldenOrphans.find(goldens, TEST_SOURCES, rest))
        .containsExactlyInAnyOrderElementsOf(removed.goldenNames())
        .hasSize(4);
  }

  /**
   * A golden file named in a test's source is read by that test, whether by its name or by its
   * path.
   */
  @Test
  void aNameInATestSourceCountsAsUse(@TempDir Path tmp) throws IOException {
    Path goldens = Files.createDirectories(tmp.resolve("golden"));
    Files.writeString(goldens.resolve("a-trend.txt"), "");
    Files.writeString(goldens.resolve("b-2026-10.csv"), "");
    Files.writeString(goldens.resolve("c.md"), "");
    Path sources = Files.createDirectories(tmp.resolve("java"));
    Files.writeString(
        sources.resolve("SomeTest.java"),
        "class SomeTest {\n  void t() {\n"
            + "    Golden.check(\"a-trend.txt\", out);\n"
            + "    Files.readString(Path.of(\"src/test/resources/golden/b-2026-10.csv\"));\n  }\n}\n");
    assertThat(GoldenOrphans.find(goldens, sources, List.of())).containsExactly("c.md");
  }

  private static Path copyOfTheGoldens(Path tmp) throws IOException {
    Path copy = Files.createDirectories(tmp.resolve("golden"));
    try (Stream<Path> files = Files.list(Golden.DIR)) {
      for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
    }
    return copy;
  }
}
