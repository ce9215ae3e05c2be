package dev.journeykpi.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written. YAML libraries' tree models forget locations,
 * and every validation message must point at a {@code file:line:col}, so the loader builds this
 * small tree from the streaming parser.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {
  Location location();

  /** What the node is, for messages like "expected a list, found a map". */
  String kind();

  /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null} or nothing). */
  record YScalar(String text, Location location) implements YNode {
    public boolean isNull() {
      return text == null;
    }

    @Override
    public String kind() {
      return text == null ? "null" : "a value";
    }
  }

  record YList(List<YNode> items, Location location) implements YNode {
    public YList {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A mapping; entries keep their written order and the location of each key. */
  record YMap(Map<String, Entry> entries, Location location) implements YNode {
    public YMap {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    @Override
    public String kind() {
      return "a map";
    }
  }

  record Entry(String key, Location keyLocation, YNode value) {}
}
