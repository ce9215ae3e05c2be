package dev.journeykpi.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The definitions cannot be used; carries every problem found. Exit code 2, each problem on a line
 * of its own.
 */
public final class ConfigException extends RuntimeException implements KpiFailure {
  private final List<Diagnostic> diagnostics;

  public ConfigException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ConfigException(String message) {
    this(List.of(new Diagnostic(Diagnostic.Severity.ERROR, Location.NONE, message)));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  @Override
  public int exitCode() {
    return USAGE;
  }

  /** Every diagnostic, then how many errors when more than one. */
  @Override
  public List<String> messageLines() {
    List<String> lines =
        new java.util.ArrayList<>(diagnostics.stream().map(Diagnostic::toString).toList());
    long n = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    if (n > 1) lines.add(n + " errors");
    return lines;
  }
}
