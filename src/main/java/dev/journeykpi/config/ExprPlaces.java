package dev.journeykpi.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a character of an expression written in a YAML scalar is in the file, so that a problem
 * inside a {@code derive:} or a filter's {@code expr:} is reported at its own line and column. Each
 * definition file is read once.
 */
final class ExprPlaces {
  private final Map<String, List<String>> fileLines = new HashMap<>();

  /**
   * The place of {@code offset} of {@code text}, the scalar starting at {@code start}: past its
   * opening quote if it has one (a one-line scalar; a folded one is pointed at its start).
   */
  Location at(Location start, String text, int offset) {
    String line = line(start);
    if (line == null || start.column() < 1 || start.column() > line.length()) return start;
    char first = line.charAt(start.column() - 1);
    boolean quoted = first == '"' || first == '\'';
    if (!quoted && !line.startsWith(text, start.column() - 1)) return start;
    if (quoted && !line.startsWith(text, start.column()) && offset > 0) return start;
    return new Location(start.file(), start.line(), start.column() + (quoted ? 1 : 0) + offset);
  }

  private String line(Location at) {
    List<String> lines =
        fileLines.computeIfAbsent(
            at.file(),
            f -> {
              try {
                return Files.readAllLines(Path.of(f));
              } catch (IOException | RuntimeException e) {
                return List.of();
              }
            });
    return at.line() >= 1 && at.line() <= lines.size() ? lines.get(at.line() - 1) : null;
  }
}
