package dev.journeykpi.config;

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
          d.error(places.at(t.at(), t.text(), p.offset), what + ": " + p.getMessage());
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
}
