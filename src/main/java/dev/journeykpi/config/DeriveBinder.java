package dev.journeykpi.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and types each source's {@code derive:} expressions against its columns — its own, looked
 * up, joined, and the derived columns above it — once the joins are bound, and adds them to the
 * source's columns typed by their expression. A problem is reported at its place inside the
 * expression in the YAML file.
 */
final class DeriveBinder {
  private final Diagnostics d;
  private final Map<String, List<String>> fileLines = new HashMap<>();

  DeriveBinder(Diagnostics d) {
    this.d = d;
  }

  /**
   * The {@code derive:} map (name → expression) as written; the expressions are parsed and typed
   * once the joins are bound, since they may read joined columns ({@link #bind}).
   */
  List<SourceDef.DeriveText> read(YNode node, String ctx) {
    if (node == null) return List.of();
    MapReader m = MapReader.of(node, ctx + ".derive", SourceBinder.allKeys(node), d);
    if (m == null) return List.of();
    List<SourceDef.DeriveText> out = new java.util.ArrayList<>();
    for (YNode.Entry e : m.map.entries().values()) {
      if (!(e.value() instanceof YNode.YScalar s) || s.text() == null || s.text().isBlank()) {
        d.error(
            e.keyLocation(),
            ctx
                + ".derive: '"
                + e.key()
                + "' needs an expression, e.g. "
                + e.key()
                + ": \"quantity * unit_price\"");
        continue;
      }
      out.add(new SourceDef.DeriveText(e.key(), s.text(), e.keyLocation(), s.location()));
    }
    return out;
  }

  Map<String, SourceDef> bind(Map<String, SourceDef> sources) {
    Map<String, SourceDef> out = new LinkedHashMap<>(sources);
    for (SourceDef s : sources.values()) {
      if (s.derive().isEmpty()) continue;
      String ctx = "source '" + s.id() + "'";
      if (s.columns().isEmpty()) {
        d.error(
            s.derive().get(0).nameAt(),
            ctx + " derives columns, so it needs a 'columns:' mapping of the columns they read");
        continue;
      }
      Map<String, ColumnDef> columns = new LinkedHashMap<>(s.columns());
      java.util.Set<String> failed = new java.util.HashSet<>();
      for (SourceDef.DeriveText t : s.derive()) {
        String what = ctx + " derived column '" + t.name() + "'";
        if (columns.containsKey(t.name())) {
          d.error(
              t.nameAt(),
              what + " has the name of a column of the source; give it a name of its own");
          continue;
        }
        Map<String, ValueType> types = new LinkedHashMap<>();
        columns.forEach((n, c) -> types.put(n, c.type()));
        Expr e;
        try {
          e = ExprParser.parse(t.text(), types, failed);
        } catch (ExprParser.Problem p) {
          d.error(at(t, p.offset), what + ": " + p.getMessage());
          failed.add(t.name());
          continue;
        }
        columns.put(
            t.name(),
            new ColumnDef(
                t.name(),
                null,
                e.type(),
                List.of(),
                "seconds",
                '.',
                false,
                new ColumnDef.Lookup(
                    null, Map.of(), List.of(), null, new ColumnDef.Derived(t.text(), e)),
                t.nameAt()));
      }
      out.put(s.id(), s.withColumns(columns));
    }
    return out;
  }

  /**
   * The place of {@code offset} in the YAML file: the scalar's start, past its opening quote if it
   * has one (a one-line scalar; a folded one is pointed at its start).
   */
  private Location at(SourceDef.DeriveText t, int offset) {
    Location start = t.at();
    String line = line(start);
    if (line == null || start.column() < 1 || start.column() > line.length()) return start;
    char first = line.charAt(start.column() - 1);
    boolean quoted = first == '"' || first == '\'';
    if (!quoted && !line.startsWith(t.text(), start.column() - 1)) return start;
    if (quoted && !line.startsWith(t.text(), start.column()) && offset > 0) return start;
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
