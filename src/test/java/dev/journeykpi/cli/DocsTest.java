package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The documentation must not drift from the tool: the commands in docs/*.md run (ReadmeTest runs
 * the README's), whole definitions validate, excerpts of shipped definitions are still in them, and
 * every link between the README and docs/ leads to an existing file and heading.
 */
class DocsTest {
  /** The README is the front door (issue 15): the reference lives in docs/. */
  private static final int README_MAX_LINES = 250;

  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern EXCERPT = Pattern.compile("<!-- excerpt: (\\S+) -->");
  private static final Pattern EXIT = Pattern.compile("#.*\\bexit (\\d)\\b");

  /**
   * A fenced code block of a page, with the line just before it (an HTML comment marks an excerpt).
   */
  record Block(Path page, int line, String lang, List<String> lines, String marker) {
    String where() {
      return page + ":" + line;
    }
  }

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    pages.addAll(docs());
    return pages;
  }

  static List<Path> docs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  static List<Block> blocks(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```")) continue;
      int start = i;
      String lang = lines.get(i).substring(3).strip();
      List<String> body = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) body.add(lines.get(i));
      String marker = start > 0 ? lines.get(start - 1).strip() : "";
      blocks.add(new Block(page, start + 1, lang, body, marker));
    }
    return blocks;
  }

  /** The page's lines outside fenced code blocks. */
  static List<String> prose(Path page) throws IOException {
    List<String> prose = new ArrayList<>();
    boolean code = false;
    for (String line : Files.readAllLines(page)) {
      if (line.startsWith("```")) code = !code;
      else if (!code) prose.add(line);
    }
    return prose;
  }

  /**
   * Anchors as GitHub makes them from headings: lower case, punctuation dropped, spaces as hyphens.
   */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(page)) {
      if (!line.matches("#{1,6} .*")) continue;
      String slug =
          line.replaceFirst("^#+ ", "")
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
              .replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum);
      anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    return anchors;
  }

  @Test
  void readmeIsTheFrontDoor() throws IOException {
    assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(README_MAX_LINES);
  }

  /** Each `scripts/kpi` line of a bash block runs; a comment saying "exit N" expects that code. */
  @Test
  void docsCommandsRun() throws IOException {
    int run = 0;
    for (Path page : docs()) {
      for (Block block : blocks(page)) {
        if (!block.lang().equals("bash")) continue;
        for (String line : block.lines()) {
          if (!line.startsWith("scripts/kpi ")) continue;
          Matcher exit = EXIT.matcher(line);
          int expected = exit.find() ? Integer.parseInt(exit.group(1)) : ExitCodes.OK;
          String cmd = line.replaceAll("\\s+#.*$", "").strip();
          assertThat(cmd).as(block.where()).doesNotContain("\"", "'", "-o ", "--output");
          String[] args = cmd.substring("scripts/kpi ".length()).split("\\s+");
          CliRunner.Result r = CliRunner.run(args);
          assertThat(r.exitCode())
              .as(block.where() + ": " + cmd + "\n" + r.err())
              .isEqualTo(expected);
          run++;
        }
      }
    }
    assertThat(run).as("commands in docs/*.md").isPositive();
  }

  /**
   * A YAML example that is a whole definition (it starts with `version:`) passes `kpi validate`.
   */
  @Test
  void wholeDefinitionsValidate(@TempDir Path dir) throws IOException {
    int validated = 0;
    for (Path page : pages()) {
      for (Block block : blocks(page)) {
        if (!block.lang().equals("yaml") || block.lines().isEmpty()) continue;
        if (!block.lines().get(0).startsWith("version:")) continue;
        Path file = dir.resolve("example-" + validated + ".yaml");
        Files.writeString(file, String.join("\n", block.lines()) + "\n");
        CliRunner.Result r = CliRunner.run("validate", "-c", file.toString());
        assertThat(r.exitCode()).as(block.where() + "\n" + r.out() + r.err()).isZero();
        validated++;
      }
    }
    assertThat(validated).as("whole definitions in the docs").isPositive();
  }

  /** Every YAML example is at least well-formed YAML (most are parts of a definition). */
  @Test
  void yamlExamplesParse() throws IOException {
    for (Path page : pages()) {
      for (Block block : blocks(page)) {
        if (!block.lang().equals("yaml")) continue;
        String text = String.join("\n", block.lines());
        try {
          new Yaml().load(text);
        } catch (RuntimeException e) {
          throw new AssertionError(block.where() + ": not valid YAML: " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * A block marked `
   * <!-- excerpt: FILE -->
   * ` shows lines of FILE (a shipped definition, which the golden tests run), in order, some left
   * out: an example that no longer matches its file fails here.
   */
  @Test
  void excerptsAreInTheirFiles() throws IOException {
    int readmeExcerpts = 0;
    for (Path page : pages()) {
      for (Block block : blocks(page)) {
        Matcher m = EXCERPT.matcher(block.marker());
        if (!m.matches()) continue;
        List<String> source = Files.readAllLines(Path.of(m.group(1)));
        int at = 0;
        for (String line : block.lines()) {
          while (at < source.size() && !source.get(at).stripTrailing().equals(line.stripTrailing()))
            at++;
          assertThat(at)
              .as(block.where() + ": not in " + m.group(1) + " (in order): " + line)
              .isLessThan(source.size());
          at++;
        }
        if (page.toString().equals("README.md")) readmeExcerpts++;
      }
    }
    assertThat(readmeExcerpts)
        .as("one example per KPI family in the README")
        .isGreaterThanOrEqualTo(4);
  }

  /** The page's links (outside code) that lead to no file, or to no heading of their file. */
  static List<String> brokenLinks(Path page) throws IOException {
    List<String> broken = new ArrayList<>();
    for (String line : prose(page)) {
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (m.find()) {
        String link = m.group(1);
        if (link.matches("[a-z]+:.*")) continue; // http:, https:, mailto:
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        Path target = path.isEmpty() ? page : page.resolveSibling(path).normalize();
        if (!Files.exists(target)) broken.add(link + " (no such file)");
        else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
          broken.add(link + " (no such heading in " + target + ")");
        }
      }
    }
    return broken;
  }

  @Test
  void linksLeadToFilesAndHeadings() throws IOException {
    for (Path page : pages()) assertThat(brokenLinks(page)).as(page.toString()).isEmpty();
  }

  @Test
  void aBrokenLinkIsFound(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("page.md");
    Files.writeString(
        page,
        "# Customers: retention, churn\n\n[ok](#customers-retention-churn) [gone](other.md)"
            + " [typo](#customers) [web](https://example.com) `[code](x.md)`\n");
    assertThat(brokenLinks(page))
        .containsExactly("other.md (no such file)", "#customers (no such heading in " + page + ")");
  }

  @Test
  void everyDocsPageIsLinkedFromTheReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Path doc : docs())
      assertThat(readme).as(doc.toString()).contains("](docs/" + doc.getFileName() + ")");
  }

  @Test
  void anchorsFollowGithub() throws IOException {
    assertThat(anchors(Path.of("docs/kpis.md")))
        .contains("customers-retention-churn-reactivation", "kpi-types", "funnels");
    assertThat(anchors(Path.of("docs/output.md"))).contains("writing-files");
  }
}
