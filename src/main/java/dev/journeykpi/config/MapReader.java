package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed access to one YAML mapping that reports, rather than throws, every misuse: unknown keys
 * (with "did you mean"), wrong kinds, missing required keys.
 */
final class MapReader {
  final YNode.YMap map;
  final String context;
  final Diagnostics diagnostics;

  MapReader(YNode.YMap map, String context, Set<String> allowedKeys, Diagnostics diagnostics) {
    this.map = map;
    this.context = context;
    this.diagnostics = diagnostics;
    for (YNode.Entry e : map.entries().values()) {
      if (allowedKeys != null && !allowedKeys.contains(e.key())) {
        diagnostics.error(
            e.keyLocation(),
            "unknown key '"
                + e.key()
                + "' in "
                + context
                + Suggestions.hint(e.key(), allowedKeys)
                + "; allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowedKeys)));
      }
    }
  }

  /** Wraps a node that must be a map; reports and returns null otherwise. */
  /**
   * @param allowed the keys the map may have; null for any (maps keyed by data values)
   */
  static MapReader of(YNode node, String context, Set<String> allowed, Diagnostics d) {
    if (node instanceof YNode.YMap m) {
      return new MapReader(m, context, allowed, d);
    }
    if (node != null) {
      d.error(node.location(), context + " must be a map, found " + node.kind());
    }
    return null;
  }

  boolean has(String key) {
    return map.has(key) && !(map.get(key) instanceof YNode.YScalar s && s.isNull());
  }

  YNode node(String key) {
    return map.get(key);
  }

  Location at(String key) {
    YNode n = map.get(key);
    return n == null ? map.location() : n.location();
  }

  String string(String key) {
    YNode n = map.get(key);
    if (n == null) return null;
    if (n instanceof YNode.YScalar s) return s.text();
    diagnostics.error(
        n.location(), context + "." + key + " must be a single value, found " + n.kind());
    return null;
  }

  String required(String key) {
    String s = string(key);
    if (s == null && !map.has(key)) {
      diagnostics.error(map.location(), context + " needs '" + key + "'");
    } else if (s == null || s.isBlank()) {
      if (map.get(key) instanceof YNode.YScalar)
        diagnostics.error(at(key), context + "." + key + " is empty");
      return null;
    }
    return s;
  }

  boolean bool(String key, boolean fallback) {
    String s = string(key);
    if (s == null) return fallback;
    if (s.equals("true")) return true;
    if (s.equals("false")) return false;
    diagnostics.error(at(key), context + "." + key + " must be true or false, found '" + s + "'");
    return fallback;
  }

  Integer integer(String key) {
    String s = string(key);
    if (s == null) return null;
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      diagnostics.error(
          at(key), context + "." + key + " must be a whole number, found '" + s + "'");
      return null;
    }
  }

  /**
   * A list of texts; a single scalar is taken as a list of one, as people write {@code by:
   * channel}.
   */
  List<String> strings(String key) {
    return strings(map.get(key), context + "." + key, diagnostics);
  }

  static List<String> strings(YNode n, String what, Diagnostics d) {
    return items(n, what, d).stream().map(Item::text).toList();
  }

  /**
   * One text of a list with where it is written, so a message points at the item itself, not at its
   * list.
   */
  record Item(String text, Location at) {}

  /** As {@link #strings(String)}, with each item's position. */
  List<Item> items(String key) {
    return items(map.get(key), context + "." + key, diagnostics);
  }

  static List<Item> items(YNode n, String what, Diagnostics d) {
    List<Item> out = new ArrayList<>();
    if (n == null || n instanceof YNode.YScalar s && s.isNull()) return out;
    if (n instanceof YNode.YScalar s) {
      out.add(new Item(s.text(), s.location()));
    } else if (n instanceof YNode.YList l) {
      for (YNode item : l.items()) {
        if (item instanceof YNode.YScalar s && !s.isNull()) {
          out.add(new Item(s.text(), s.location()));
        } else {
          d.error(item.location(), what + " must list plain values, found " + item.kind());
        }
      }
    } else {
      d.error(n.location(), what + " must be a value or a list, found " + n.kind());
    }
    return out;
  }
}
