package dev.journeykpi.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads one or more definition files (and their {@code include:}s), merges them, binds them to a
 * {@link Definition} and collects every problem. Sources may come from one file and KPIs from
 * another, so a consultant can keep a shared calendar apart from each client's sources.
 */
public final class DefinitionLoader {
  static final Set<String> TOP_KEYS =
      Set.of(
          "version",
          "name",
          "timezone",
          "locale",
          "include",
          "calendar",
          "sources",
          "journey",
          "kpis");

  private final Diagnostics diagnostics = new Diagnostics();

  /** Merged top-level sections, each remembering the file it came from. */
  private final Map<String, YNode.Entry> scalars = new LinkedHashMap<>();

  private YNode.Entry calendar;
  private YNode.Entry journey;
  private final Map<String, Sourced> sources = new LinkedHashMap<>();
  private final List<YNode> kpis = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();
  private final Set<Path> seen = new HashSet<>();
  private final List<? extends SpecBinder> types;

  /**
   * @param types the KPI types a definition may use, in the order messages list them (the registry
   *     of the {@code types} package; config names no type itself)
   */
  public DefinitionLoader(List<? extends SpecBinder> types) {
    this.types = List.copyOf(types);
  }

  private record Sourced(YNode.Entry entry, Path baseDir) {}

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Loads and validates; throws {@link ConfigException} with every error when there are any. */
  public static Definition load(List<Path> paths, List<? extends SpecBinder> types) {
    DefinitionLoader loader = new DefinitionLoader(types);
    Definition def = loader.read(paths);
    loader.diagnostics.throwIfErrors();
    return def;
  }

  /**
   * Reads and binds, leaving problems in {@link #diagnostics()}; the result is only usable without
   * errors.
   */
  public Definition read(List<Path> paths) {
    for (Path p : paths) readFile(p, null);
    return bind();
  }

  private void readFile(Path path, Location includedAt) {
    Path norm = path.toAbsolutePath().normalize();
    if (!seen.add(norm)) {
      if (includedAt != null)
        diagnostics.warning(includedAt, "'" + path + "' is already loaded; included once only");
      return;
    }
    String name = path.toString();
    if (!Files.isRegularFile(path)) {
      diagnostics.error(
          includedAt == null ? new Location(name, 0, 0) : includedAt,
          "definition file '" + name + "' does not exist");
      return;
    }
    files.add(path);
    String text;
    try {
      // At most 4 bytes a character: a larger file is refused without reading it (a data file given
      // as -c).
      if (Files.size(path) > 4L * DefinitionText.MAX_CHARS) {
        diagnostics.error(
            new Location(name, 1, 1),
            String.format(
                "file has %,d bytes; a definition is at most %,d characters"
                    + " (is this a data file?)",
                Files.size(path), DefinitionText.MAX_CHARS));
        return;
      }
      text = DefinitionText.decode(Files.readAllBytes(path), name, diagnostics);
    } catch (IOException e) {
      diagnostics.error(new Location(name, 0, 0), "cannot read: " + e.getMessage());
      return;
    }
    if (text == null) return;
    YNode root = new YamlTreeReader(name, diagnostics).read(text);
    if (root == null) return;
    MapReader m = MapReader.of(root, "the definition file", TOP_KEYS, diagnostics);
    if (m == null) return;
    Path dir = path.toAbsolutePath().getParent();
    for (YNode.Entry e : m.map.entries().values()) {
      switch (e.key()) {
        case "include" -> {
          for (String inc : MapReader.strings(e.value(), "include", diagnostics))
            readFile(dir.resolve(inc), e.value().location());
        }
        case "calendar" -> calendar = single(calendar, e);
        case "journey" -> journey = single(journey, e);
        case "sources" -> {
          if (e.value() instanceof YNode.YMap sm) {
            for (YNode.Entry s : sm.entries().values()) {
              Sourced before = sources.get(s.key());
              if (before != null) {
                diagnostics.error(
                    s.keyLocation(),
                    "source '"
                        + s.key()
                        + "' is already defined at "
                        + before.entry().keyLocation());
              } else {
                sources.put(s.key(), new Sourced(s, dir));
              }
            }
          } else if (!(e.value() instanceof YNode.YScalar sc && sc.isNull())) {
            diagnostics.error(e.value().location(), "sources must be a map of source id: source");
          }
        }
        case "kpis" -> {
          if (e.value() instanceof YNode.YList l) {
            kpis.addAll(l.items());
          } else if (!(e.value() instanceof YNode.YScalar sc && sc.isNull())) {
            diagnostics.error(e.value().location(), "kpis must be a list of KPIs");
          }
        }
        default -> {
          YNode.Entry before = scalars.get(e.key());
          if (before == null) {
            scalars.put(e.key(), e);
          } else if (!text(before).equals(text(e))) {
            diagnostics.error(
                e.keyLocation(),
                e.key()
                    + " '"
                    + text(e)
                    + "' differs from '"
                    + text(before)
                    + "' at "
                    + before.keyLocation());
          }
        }
      }
    }
  }

  private YNode.Entry single(YNode.Entry before, YNode.Entry now) {
    if (before != null) {
      diagnostics.error(
          now.keyLocation(),
          now.key() + " is already defined at " + before.keyLocation() + "; define it in one file");
      return before;
    }
    return now;
  }

  private static String text(YNode.Entry e) {
    return e.value() instanceof YNode.YScalar s && s.text() != null
        ? s.text()
        : String.valueOf(e.value().kind());
  }

  private Definition bind() {
    String version = scalar("version");
    if (version != null && !version.equals("1")) {
      diagnostics.error(
          scalars.get("version").value().location(),
          "version " + version + " is not supported; this kpi reads version 1");
    }
    ZoneId zone = ZoneOffset.UTC;
    if (scalars.containsKey("timezone")) {
      YNode.YMap holder =
          new YNode.YMap(Map.of("timezone", scalars.get("timezone")), Location.NONE);
      zone =
          new SourceBinder(diagnostics, zone)
              .zone(new MapReader(holder, "", Set.of("timezone"), diagnostics), "timezone", zone);
    }
    String locale = scalar("locale");
    if (locale != null && !locale.equals("en") && !locale.equals("vi")) {
      diagnostics.error(
          scalars.get("locale").value().location(),
          "locale is 'en' or 'vi', found '" + locale + "'");
    }
    CalendarDef cal =
        new CalendarBinder(diagnostics).bind(calendar == null ? null : calendar.value());

    Map<String, SourceDef> boundSources = new LinkedHashMap<>();
    SourceBinder sb = new SourceBinder(diagnostics, zone);
    for (Map.Entry<String, Sourced> e : sources.entrySet()) {
      SourceDef s = sb.bind(e.getKey(), e.getValue().entry().value(), e.getValue().baseDir());
      if (s != null) boundSources.put(e.getKey(), s);
    }
    // Joins, then the derived columns (which may read joined ones), source by source.
    boundSources = new JoinBinder(diagnostics).bind(boundSources);

    List<KpiDef> boundKpis = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    KpiBinder kb = new KpiBinder(diagnostics, boundSources, types);
    for (YNode k : kpis) {
      KpiDef def = kb.bind(k);
      if (def == null || def.id() == null) continue;
      if (!ids.add(def.id())) {
        diagnostics.error(def.location(), "KPI id '" + def.id() + "' is used twice");
        continue;
      }
      boundKpis.add(def);
    }
    // A KPI that reads another (a conversion reads its funnel) is completed once every KPI is
    // bound.
    Map<String, KpiDef> byId = new LinkedHashMap<>();
    boundKpis.forEach(k -> byId.put(k.id(), k));
    for (int i = 0; i < boundKpis.size(); i++) {
      SpecBinder type = kb.typeOf(boundKpis.get(i));
      if (type != null && boundKpis.get(i).spec() != KpiBinder.NOTHING)
        boundKpis.set(i, type.resolve(boundKpis.get(i), byId, diagnostics));
    }
    if (files.size() > 0 && kpis.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.warning(new Location(files.get(0).toString(), 1, 1), "no KPIs are defined");
    }
    Journey j = new JourneyBinder(diagnostics).bind(journey == null ? null : journey.value(), ids);
    String name = scalar("name");
    return new Definition(
        name == null ? "KPI scorecard" : name,
        zone,
        locale == null ? "en" : locale,
        cal,
        boundSources,
        j,
        boundKpis,
        List.copyOf(files));
  }

  private String scalar(String key) {
    YNode.Entry e = scalars.get(key);
    if (e == null) return null;
    if (e.value() instanceof YNode.YScalar s) return s.text();
    diagnostics.error(e.value().location(), key + " must be a single value");
    return null;
  }
}
