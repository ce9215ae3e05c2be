package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden. Regenerate on purpose, then review the diff: {@code
 * mvn test -Dgolden.update=true}. Never edit them by hand. Read each by a name written out in a
 * test, or derived from a shipped definition (ShippedDefinitions): GoldenFilesTest fails on a
 * golden file no test reads.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  static void check(String name, String actual) throws IOException {
    Path f = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(f, actual, StandardCharsets.UTF_8);
    }
    assertThat(f).as("golden file %s (regenerate with -Dgolden.update=true)", f).exists();
    assertThat(actual).isEqualTo(Files.readString(f, StandardCharsets.UTF_8));
  }
}
