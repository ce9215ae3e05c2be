package dev.journeykpi.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a source's {@code distinct: { key: [incident], keep: last, by: updated_at }}: every column
 * named must be one of the source's declared columns, and {@code by} one that can be ordered.
 */
final class DistinctBinder {
  static final Set<String> KEYS = Set.of("key", "keep", "by");
  static final List<String> KEEPS = List.of("first", "last");

  private final Diagnostics d;

  DistinctBinder(Diagnostics d) {
    this.d = d;
  }

  /**
   * @param derived the names of the source's derived columns: a key or {@code by} may be one (typed
   *     and checked once the derived columns are, by {@link JoinBinder})
   */
  DistinctDef bind(String ctx, YNode node, Map<String, ColumnDef> columns, Set<String> derived) {
    String what = ctx + ".distinct";
    MapReader m = MapReader.of(node, what, KEYS, d);
    if (m == null) return null;
    // A source read without a mapping has text columns known only from the export's header: its key
    // could not be checked here, nor could any column of it be ordered.
    if (columns.isEmpty()) {
      d.error(
          node.location(),
          what + " needs the source's columns: mapped (its key, and by with a type)");
      return null;
    }
    List<MapReader.Item> key = m.items("key");
    if (!m.map.has("key")) {
      d.error(node.location(), what + " needs 'key': the column(s) that name one row");
    } else if (key.isEmpty()) {
      d.error(m.at("key"), what + ".key lists at least one column");
    }
    for (MapReader.Item k : key) {
      if (!columns.containsKey(k.text()) && !derived.contains(k.text()))
        unknown(k.at(), what + ".key", k.text(), columns);
    }
    String keep = m.required("keep");
    if (keep != null && !KEEPS.contains(keep)) {
      d.error(
          m.at("keep"),
          what + ".keep is first or last, found '" + keep + "'" + Suggestions.hint(keep, KEEPS));
    }
    String by = m.string("by");
    if (by != null) {
      ColumnDef c = columns.get(by);
      // A derived by is typed, and checked, with the derived columns.
      if (c == null && !derived.contains(by)) {
        unknown(m.at("by"), what + ".by", by, columns);
      } else if (c != null && !c.type().isOrdered()) {
        d.error(
            m.at("by"),
            what
                + ".by orders each key's rows, so it is a number, duration, date or datetime"
                + " column; '"
                + by
                + "' is "
                + c.type().yamlName());
      }
    }
    return new DistinctDef(
        key.stream().map(MapReader.Item::text).toList(),
        !"first".equals(keep),
        by,
        node.location());
  }

  private void unknown(Location at, String what, String name, Map<String, ColumnDef> columns) {
    d.error(
        at,
        what
            + " names unknown column '"
            + name
            + "'"
            + Suggestions.hint(name, columns.keySet())
            + "; columns: "
            + String.join(", ", columns.keySet()));
  }
}
