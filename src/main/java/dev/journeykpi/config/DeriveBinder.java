package dev.journeykpi.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a source's {@code derive:} as written, and parses and types its expressions against its
 * columns — its own, looked up, joined, and the derived columns above it — once its joins are bound
 * ({@link JoinBinder} calls it for each source, after the sources it joins, so that a derived
 * column of another source can be joined or be a join's key), adding them to the source's columns
 * typed by their expression. A problem is reported at its place inside the expression in the YAML
 * file.
 */
final class DeriveBinder {
  private final Diagnostics d;
  private final ExprPlaces places = new ExprPlaces();

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

  /**
   * {@code s}'s columns with its derived columns added, typed by their expressions against {@code
   * columns} (its own, looked up and joined ones) and the derived columns above each; a derived
   * column with an error is left out (reported, and not again where another reads it).
   */
  Map<String, ColumnDef> bind(SourceDef s, Map<String, ColumnDef> columns) {
    if (s.derive().isEmpty()) return columns;
    String ctx = "source '" + s.id() + "'";
    if (s.columns().isEmpty()) {
      d.error(
          s.derive().get(0).nameAt(),
          ctx + " derives columns, so it needs a 'columns:' mapping of the columns they read");
      return columns;
    }
    Map<String, ColumnDef> out = new LinkedHashMap<>(columns);
    java.util.Set<String> failed = new java.util.HashSet<>();
    for (SourceDef.DeriveText t : s.derive()) {
      String what = ctx + " derived column '" + t.name() + "'";
      if (out.containsKey(t.name())) {
        d.error(
            t.nameAt(),
            what + " has the name of a column of the source; give it a name of its own");
        continue;
      }
      Map<String, ValueType> types = new LinkedHashMap<>();
      out.forEach((n, c) -> types.put(n, c.type()));
      Expr e;
      try {
        e = ExprParser.parse(t.text(), types, failed);
      } catch (ExprParser.Problem p) {
        d.error(places.at(t.at(), t.text(), p.offset), what + ": " + p.getMessage());
        failed.add(t.name());
        continue;
      }
      out.put(
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
    return out;
  }
}
