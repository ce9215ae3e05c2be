package dev.journeykpi.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Golden files no test reads. A golden file is read either under a name derived from a discovered
 * definition (ShippedDefinitions) or under a name written out in a test's source, as a string
 * literal of its own ({@code Golden.check("hotel-trend.txt", …)}) or at the end of a path ({@code
 * "src/test/resources/golden/x.csv"}). Anything else in the folder is an orphan: output nobody
 * compares any more, which would still look pinned.
 */
final class GoldenOrphans {
  /** A Java string literal without escapes: golden names are plain file names. */
  private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\\\n]+)\"");

  private GoldenOrphans() {}

  /**
   * The files in goldenDir that are neither in derived nor named by a string literal in a .java
   * file under sources.
   */
  static Set<String> find(Path goldenDir, Path sources, Collection<String> derived)
      throws IOException {
    Set<String> literals = literals(sources);
    Set<String> orphans = new TreeSet<>();
    try (Stream<Path> files = Files.list(goldenDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (derived.contains(name) || literals.contains(name)) continue;
        orphans.add(name);
      }
    }
    return orphans;
  }

  /** Every string literal in the .java files under dir, and the last path segment of each. */
  private static Set<String> literals(Path dir) throws IOException {
    Set<String> out = new HashSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          String s = m.group(1);
          out.add(s);
          out.add(s.substring(s.lastIndexOf('/') + 1));
        }
      }
    }
    return out;
  }
}
