package dev.journeykpi.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named KPI presets of {@code presets.yaml}: each a block of ordinary KPI keys that a KPI with
 * {@code preset:} starts from. Keeping them as YAML rather than code means a preset is exactly what
 * a user could have written, and {@code kpi explain} shows the result like any other KPI.
 */
public final class Presets {
  /** A preset's defaults; keys of the KPI that uses it replace these. */
  public record Preset(
      String name, String about, String aboutVi, List<String> aliases, YNode.YMap keys) {
    public String type() {
      return keys.get("type") instanceof YNode.YScalar s ? s.text() : "";
    }
  }

  private static final Map<String, Preset> ALL = load();

  private Presets() {}

  /** Every preset, in file order; methods of one KPI appear as {@code name.method}. */
  public static List<Preset> all() {
    return List.copyOf(ALL.values());
  }

  /** The preset names and aliases users may write, for messages and suggestions. */
  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (Preset p : ALL.values()) {
      String base =
          p.name().contains(".") ? p.name().substring(0, p.name().indexOf('.')) : p.name();
      if (!out.contains(base)) out.add(base);
      p.aliases().stream().filter(a -> !out.contains(a)).forEach(out::add);
    }
    return out;
  }

  /**
   * The methods of a preset that has several ({@code first_contact_resolution}); empty otherwise.
   */
  static List<String> methods(String name) {
    String canonical = canonical(name);
    return ALL.keySet().stream()
        .filter(k -> k.startsWith(canonical + "."))
        .map(k -> k.substring(canonical.length() + 1))
        .toList();
  }

  /** The preset's own name for a name or alias ({@code frt} → {@code first_response_time}). */
  static String canonical(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Preset p : ALL.values()) {
      String base =
          p.name().contains(".") ? p.name().substring(0, p.name().indexOf('.')) : p.name();
      if (base.equals(n) || p.aliases().contains(n)) return base;
    }
    return n;
  }

  /** The preset for a name (or alias) and method; null when there is none. */
  static Preset find(String name, String method) {
    String base = canonical(name);
    return ALL.get(method == null ? base : base + "." + method.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The preset a KPI names with {@code preset:} (and {@code method:}), or null after reporting why
   * there is none: an unknown preset or method, a missing method, or a method on a preset that has
   * only one way.
   */
  static Preset resolve(YNode.YMap raw, YNode.YScalar ps, Diagnostics d) {
    String method = raw.get("method") instanceof YNode.YScalar ms ? ms.text() : null;
    String where = "kpi '" + (raw.get("id") instanceof YNode.YScalar is ? is.text() : "?") + "'";
    List<String> methods = methods(ps.text());
    Preset preset = find(ps.text(), methods.isEmpty() ? null : method);
    if (preset == null && !methods.isEmpty() && method == null) {
      d.error(
          ps.location(),
          where
              + ": preset '"
              + ps.text()
              + "' is measured several ways; choose one with 'method:', one of "
              + String.join(", ", methods));
    } else if (preset == null && !methods.isEmpty()) {
      d.error(
          raw.get("method").location(),
          where
              + ": preset '"
              + ps.text()
              + "' has no method '"
              + method
              + "'"
              + Suggestions.hint(method, methods)
              + "; methods: "
              + String.join(", ", methods));
    } else if (preset == null) {
      d.error(
          ps.location(),
          where
              + " uses unknown preset '"
              + ps.text()
              + "'"
              + Suggestions.hint(ps.text(), names())
              + "; presets: "
              + String.join(", ", names()));
    } else if (method != null && methods.isEmpty()) {
      d.error(
          raw.get("method").location(),
          where
              + ": 'method' applies only to presets measured several ways ("
              + "first_contact_resolution)");
    }
    return preset;
  }

  /**
   * The KPI's map with the preset's keys added where the KPI does not set them. Added entries carry
   * the location of the KPI's {@code preset:} value, so a problem with a default (a column the
   * source lacks) points at the line that asked for it.
   */
  static YNode.YMap apply(Preset preset, YNode.YMap kpi, Location presetAt) {
    Map<String, YNode.Entry> merged = new LinkedHashMap<>();
    for (YNode.Entry e : preset.keys().entries().values()) {
      if (e.key().equals("about") || e.key().equals("about_vi") || e.key().equals("aliases"))
        continue;
      merged.put(e.key(), new YNode.Entry(e.key(), presetAt, relocate(e.value(), presetAt)));
    }
    for (YNode.Entry e : kpi.entries().values()) {
      if (!e.key().equals("preset") && !e.key().equals("method")) merged.put(e.key(), e);
    }
    return new YNode.YMap(merged, kpi.location());
  }

  private static YNode relocate(YNode n, Location at) {
    if (n instanceof YNode.YScalar s) return new YNode.YScalar(s.text(), at);
    if (n instanceof YNode.YList l)
      return new YNode.YList(l.items().stream().map(i -> relocate(i, at)).toList(), at);
    YNode.YMap m = (YNode.YMap) n;
    Map<String, YNode.Entry> out = new LinkedHashMap<>();
    m.entries().forEach((k, e) -> out.put(k, new YNode.Entry(k, at, relocate(e.value(), at))));
    return new YNode.YMap(out, at);
  }

  private static Map<String, Preset> load() {
    Diagnostics d = new Diagnostics();
    YNode root;
    try (Reader r =
        new InputStreamReader(
            Presets.class.getResourceAsStream("presets.yaml"), StandardCharsets.UTF_8)) {
      root = new YamlTreeReader("presets.yaml", d).read(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (d.hasErrors() || !(root instanceof YNode.YMap map))
      throw new IllegalStateException("presets.yaml is broken: " + d.sorted());
    Map<String, Preset> out = new LinkedHashMap<>();
    map.entries()
        .forEach(
            (name, e) -> {
              YNode.YMap keys = (YNode.YMap) e.value();
              String about = ((YNode.YScalar) keys.get("about")).text();
              List<String> aliases = MapReader.strings(keys.get("aliases"), name, d);
              String aboutVi = ((YNode.YScalar) keys.get("about_vi")).text();
              out.put(name, new Preset(name, about, aboutVi, aliases, keys));
            });
    return out;
  }
}
