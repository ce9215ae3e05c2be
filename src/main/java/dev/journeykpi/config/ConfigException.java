package dev.journeykpi.config;

import java.util.List;
import java.util.stream.Collectors;

/** The definitions cannot be used; carries every problem found. Exit code 2. */
public final class ConfigException extends RuntimeException {
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
}
