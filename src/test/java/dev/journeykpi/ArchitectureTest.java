package dev.journeykpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packages are the pipeline, and dependencies point one way: cli → engine → report → {ingest,
 * types → sql → calc} → model → config. The KPI types bind (config), run (calc) and explain
 * themselves in the words the report lends them; the renderers read their specs (a funnel's stages)
 * and their explanations. What flows between stages (scorecard, rows, periods, quality report, lead
 * lists) lives in {@code model}, so a renderer needs no engine and no calculator.
 *
 * <p>The allowed arrows are derived from that order, and every other pair of packages is checked as
 * forbidden, so a new arrow fails here whether or not anyone thought of it. A package is "used"
 * when its name appears in code: an {@code import} line or a fully qualified name, not a comment or
 * a string.
 */
class ArchitectureTest {
  static final Path MAIN = Path.of("src/main/java/dev/journeykpi");

  /**
   * The pipeline, upstream first: a package may use any package of a later layer (not its own
   * layer's others), but for the exceptions below. {@code types} need not exist yet: an absent
   * package has no file to offend.
   */
  static final List<List<String>> LAYERS =
      List.of(
          List.of("cli"),
          List.of("engine"),
          List.of("report"),
          List.of("types"),
          // The SQL engines (issue 17): beside calc, a type compiles itself to SQL with it, and it
          // builds
          // the same measures and rows with calc's code; it never imports through ingest.
          List.of("sql"),
          List.of("ingest", "calc"),
          List.of("model"),
          List.of("config"));

  /**
   * Arrows the order would allow but the design does not. The engine is the CLI's only way to the
   * data: it imports, runs KPI types and judges, the CLI parses options and prints. The types
   * measure tables the engine imported, so they need no importer. A renderer renders model objects
   * and KPI specs, so it needs nothing of calc or ingest.
   */
  static final Set<String> NARROWED =
      Set.of(
          "cli -> types",
          "cli -> ingest",
          "cli -> calc",
          "types -> ingest",
          "report -> calc",
          "report -> ingest",
          "report -> sql",
          "cli -> sql",
          "sql -> ingest");

  static List<String> packages() {
    return LAYERS.stream().flatMap(List::stream).toList();
  }

  static boolean allowed(String from, String to) {
    int a = layerOf(from);
    int b = layerOf(to);
    return a < b && !NARROWED.contains(from + " -> " + to);
  }

  private static int layerOf(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) if (LAYERS.get(i).contains(pkg)) return i;
    throw new IllegalArgumentException("package " + pkg + " is in no layer");
  }

  /** Every pair of distinct packages the order does not allow. */
  static Stream<Arguments> forbiddenArrows() {
    List<Arguments> out = new ArrayList<>();
    for (String from : packages()) {
      for (String to : packages())
        if (!from.equals(to) && !allowed(from, to)) out.add(Arguments.of(from, to));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} does not use {1}")
  @MethodSource("forbiddenArrows")
  void importsPointOneWay(String pkg, String forbidden) throws IOException {
    assertThat(offenders(MAIN, pkg, forbidden))
        .as("%s must not use dev.journeykpi.%s", pkg, forbidden)
        .isEmpty();
  }

  /**
   * The derivation spelled out once by hand, so that a slip in LAYERS or NARROWED shows here as a
   * changed list.
   */
  @Test
  void theAllowedArrowsAreThoseOfTheDesign() {
    Set<String> arrows = new TreeSet<>();
    for (String from : packages())
      for (String to : packages()) if (allowed(from, to)) arrows.add(from + " -> " + to);
    assertThat(arrows)
        .containsExactlyInAnyOrder(
            "cli -> engine",
            "cli -> report",
            "cli -> model",
            "cli -> config",
            "engine -> report",
            "engine -> types",
            "engine -> sql",
            "engine -> ingest",
            "engine -> calc",
            "engine -> model",
            "engine -> config",
            "report -> types",
            "report -> model",
            "report -> config",
            "types -> sql",
            "types -> calc",
            "types -> model",
            "types -> config",
            "sql -> calc",
            "sql -> model",
            "sql -> config",
            "ingest -> model",
            "ingest -> config",
            "calc -> model",
            "calc -> config",
            "model -> config");
  }

  /**
   * Every package of the code is placed in the order: a new one must say where it stands before it
   * can be used.
   */
  @Test
  void everyPackageHasItsPlace() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList())
          .isSubsetOf(packages());
    }
    try (Stream<Path> files = Files.list(MAIN)) {
      assertThat(files.filter(f -> f.toString().endsWith(".java")).toList())
          .as("classes outside every stage")
          .isEmpty();
    }
  }

  /**
   * The check sees an arrow that is added: a CLI class importing the importer, in a copy of the
   * tree.
   */
  @Test
  void anAddedArrowIsCaught(@TempDir Path tmp) throws IOException {
    Path cli = Files.createDirectories(tmp.resolve("cli"));
    Files.writeString(
        cli.resolve("Clean.java"),
        "package dev.journeykpi.cli;\nimport dev.journeykpi.engine.KpiEngine;\n");
    Files.writeString(
        cli.resolve("Leaky.java"),
        "package dev.journeykpi.cli;\nimport dev.journeykpi.ingest.Inspector;\n");
    assertThat(offenders(tmp, "cli", "ingest"))
        .containsExactly(cli.resolve("Leaky.java").toString());
    assertThat(offenders(tmp, "cli", "calc")).isEmpty();
    // And the generated rules catch it: the whole check over that tree names the one forbidden
    // arrow.
    assertThat(violations(tmp)).containsExactly("cli -> ingest: " + cli.resolve("Leaky.java"));
  }

  /**
   * A fully qualified use counts as much as an import; a mention in a comment or a string does not.
   */
  @Test
  void usesAreReadFromCodeNotFromComments(@TempDir Path tmp) throws IOException {
    Path report = Files.createDirectories(tmp.resolve("report"));
    Files.writeString(
        report.resolve("Qualified.java"),
        "package dev.journeykpi.report;\nclass Qualified {\n"
            + "  Object o = new dev.journeykpi.calc.Stats();\n}\n");
    Files.writeString(
        report.resolve("Mentions.java"),
        "package dev.journeykpi.report;\n"
            + "/** Unlike {@link dev.journeykpi.calc.Stats}, ... */\nclass Mentions {\n"
            + "  // dev.journeykpi.calc.Cells was here\n  String s = \"dev.journeykpi.calc \\\" dev.journeykpi.calc\";\n"
            + "  char c = '\"';\n  String t = \"\"\"\n    dev.journeykpi.calc\n    \"\"\";\n}\n");
    assertThat(offenders(tmp, "report", "calc"))
        .containsExactly(report.resolve("Qualified.java").toString());
  }

  /** An absent package (types, before it is written) offends nothing. */
  @Test
  void anAbsentPackageHasNoOffenders(@TempDir Path tmp) throws IOException {
    assertThat(offenders(tmp, "types", "cli")).isEmpty();
  }

  /** Every forbidden arrow found under {@code root}, as "from -> to: file". */
  static List<String> violations(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    for (Arguments a : forbiddenArrows().toList()) {
      String from = (String) a.get()[0];
      String to = (String) a.get()[1];
      for (String f : offenders(root, from, to)) out.add(from + " -> " + to + ": " + f);
    }
    return out;
  }

  /**
   * The Java files of {@code pkg} (and its sub-packages) under {@code root} whose code uses {@code
   * dev.journeykpi.<forbidden>}.
   */
  static List<String> offenders(Path root, String pkg, String forbidden) throws IOException {
    Path dir = root.resolve(pkg);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> packagesUsed(read(f)).contains(forbidden))
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }

  private static final Pattern USE =
      Pattern.compile("\\bdev\\s*\\.\\s*journeykpi\\s*\\.\\s*([a-z_][a-z0-9_]*)");

  /**
   * The top-level packages of kpi that a source file's code names, in imports or fully qualified
   * names.
   */
  static Set<String> packagesUsed(String source) {
    Set<String> used = new TreeSet<>();
    Matcher m = USE.matcher(codeOnly(source));
    while (m.find()) used.add(m.group(1));
    return used;
  }

  /** The source with comments, string and character literals (text blocks included) blanked out. */
  static String codeOnly(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        while (i < n && s.charAt(i) != '\n') i++;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        b.append(' ');
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        while (end > 0 && s.charAt(end - 1) == '\\') end = s.indexOf("\"\"\"", end + 1);
        i = end < 0 ? n : end + 3;
        b.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') i += s.charAt(i) == '\\' ? 2 : 1;
        i++;
        b.append(c).append(c);
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
