package dev.journeykpi.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Column mappings of well-known helpdesk exports ({@code profile: zendesk}), kept as YAML under
 * {@code profiles/} so each is exactly the {@code columns:} block a user would otherwise write,
 * mapping the vendor's headers to the canonical names the presets use.
 */
public final class Profiles {
  /**
   * @param nulls the null tokens of the export, or null for the defaults
   */
  public record Profile(String name, String about, Set<String> nulls, YNode.YMap columns) {}

  private static final List<String> NAMES = List.of("freshdesk", "zendesk");
  private static final Map<String, Profile> ALL = new TreeMap<>();

  private Profiles() {}

  public static List<String> names() {
    return NAMES;
  }

  public static List<Profile> all() {
    return NAMES.stream().map(Profiles::find).toList();
  }

  static synchronized Profile find(String name) {
    if (name == null || !NAMES.contains(name.trim().toLowerCase(java.util.Locale.ROOT)))
      return null;
    return ALL.computeIfAbsent(name.trim().toLowerCase(java.util.Locale.ROOT), Profiles::load);
  }

  private static Profile load(String name) {
    Diagnostics d = new Diagnostics();
    YNode root;
    try (Reader r =
        new InputStreamReader(
            Profiles.class.getResourceAsStream("profiles/" + name + ".yaml"),
            StandardCharsets.UTF_8)) {
      root = new YamlTreeReader("profile " + name, d).read(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (d.hasErrors() || !(root instanceof YNode.YMap map))
      throw new IllegalStateException("profile " + name + " is broken: " + d.sorted());
    Set<String> nulls =
        map.has("nulls")
            ? new LinkedHashSet<>(MapReader.strings(map.get("nulls"), "nulls", d))
            : null;
    return new Profile(
        name, ((YNode.YScalar) map.get("about")).text(), nulls, (YNode.YMap) map.get("columns"));
  }
}
