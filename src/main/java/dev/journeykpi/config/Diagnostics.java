package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem instead of stopping at the first, so one `kpi validate` run shows them
 * all.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void error(Location at, String message) {
    items.add(new Diagnostic(Diagnostic.Severity.ERROR, at, message));
  }

  public void warning(Location at, String message) {
    items.add(new Diagnostic(Diagnostic.Severity.WARNING, at, message));
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
  }

  public long errorCount() {
    return items.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
  }

  public long warningCount() {
    return items.size() - errorCount();
  }

  /** In file order, so the output reads top to bottom like the YAML. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(
        Comparator.comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column()));
    return copy;
  }

  public void throwIfErrors() {
    if (hasErrors()) {
      throw new ConfigException(sorted());
    }
  }
}
