package dev.journeykpi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shipped definitions whose data is bundled, found in kpi-definitions/ rather than listed by
 * hand, so that a new one gets golden files (ShippedDefinitionsGoldenTest) and a removed one leaves
 * orphans (GoldenFilesTest).
 */
final class ShippedDefinitions {
  static final Path DIR = Path.of("kpi-definitions");

  /**
   * Golden-file prefixes older tests already used for two definitions; the others use the
   * definition's own name.
   */
  private static final Map<String, String> PREFIXES =
      Map.of("hotel-housekeeping", "hotel", "customer-service", "service");

  private static final Pattern FILE =
      Pattern.compile("^\\s*file:\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s#]+))");
  private static final Pattern PERIOD = Pattern.compile("--period\\s+(\\S+)");

  /**
   * A definition file's name without .yaml, its golden-file prefix, and the period its header's Run
   * line uses.
   */
  record Shipped(String definition, String prefix, String period) {
    Path config() {
      return DIR.resolve(definition + ".yaml");
    }

    /** The golden file of its report in a format (csv, json), for its period. */
    String reportGolden(String format) {
      return prefix + "-" + period.toLowerCase(Locale.ROOT) + "." + format;
    }

    /** The golden file of all its KPIs explained in a language (en, vi). */
    String explainGolden(String lang) {
      return prefix + "-explain-all-" + lang + ".txt";
    }

    /** The golden files ShippedDefinitionsGoldenTest checks for this definition. */
    List<String> goldenNames() {
      return List.of(
          reportGolden("csv"), reportGolden("json"), explainGolden("en"), explainGolden("vi"));
    }

    @Override
    public String toString() {
      return definition;
    }
  }

  private ShippedDefinitions() {}

  /**
   * Every definition in kpi-definitions/ whose every data file is bundled under examples/, by file
   * name.
   */
  static List<Shipped> bundled() {
    List<Shipped> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (!dataIsBundled(f, lines)) continue;
        String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
        out.add(new Shipped(name, PREFIXES.getOrDefault(name, name), headerPeriod(f, lines)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * True when the definition names data files and each resolves, from the definition's folder, into
   * examples/.
   */
  private static boolean dataIsBundled(Path definition, List<String> lines) {
    Path examples = Path.of("examples").toAbsolutePath().normalize();
    boolean any = false;
    for (String line : lines) {
      Matcher m = FILE.matcher(line);
      if (!m.find()) continue;
      String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      Path data = definition.toAbsolutePath().getParent().resolve(value).normalize();
      if (!data.startsWith(examples) || !Files.isRegularFile(data)) return false;
      any = true;
    }
    return any;
  }

  /**
   * The period of the first {@code --period} in the leading comment, the one a reader is told to
   * run.
   */
  private static String headerPeriod(Path definition, List<String> lines) {
    for (String line : lines) {
      if (!line.startsWith("#")) break;
      Matcher m = PERIOD.matcher(line);
      if (m.find()) return m.group(1);
    }
    throw new IllegalStateException(
        definition
            + ": its data is bundled, so it needs golden files, but its header"
            + " comment has no '# Run:  scripts/kpi report -c "
            + definition
            + " --period P' line to take the period from");
  }
}
