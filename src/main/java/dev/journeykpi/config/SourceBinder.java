package dev.journeykpi.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Binds the {@code sources:} section. */
final class SourceBinder {
  static final Set<String> SOURCE_KEYS =
      Set.of(
          "file",
          "format",
          "sheet",
          "header_row",
          "encoding",
          "delimiter",
          "timezone",
          "nulls",
          "true",
          "false",
          "decimal",
          "columns",
          "description",
          "profile",
          "distinct",
          "join",
          "derive");
  static final Set<String> JOIN_KEYS = Set.of("source", "on", "columns", "unmatched", "many", "by");
  static final Set<String> COLUMN_KEYS =
      Set.of("column", "type", "format", "unit", "decimal", "required", "from", "map", "multiply");
  static final List<String> FORMATS = List.of("csv", "xlsx", "xls");
  static final List<String> DURATION_UNITS = List.of("seconds", "minutes", "hours", "days");

  /** Tokens read as "no value" unless a source says otherwise. */
  // "(blank)" is how Excel's pivot tables write an empty cell; read as text it would be a second
  // "(blank)" group beside the real blanks in a breakdown.
  public static final Set<String> DEFAULT_NULLS =
      Set.of("", "NA", "N/A", "n/a", "null", "NULL", "#N/A", "-", "(blank)");

  /** Yes/no tokens common in Vietnamese and English exports; compared without case. */
  public static final Set<String> DEFAULT_TRUE =
      Set.of("true", "yes", "y", "1", "x", "có", "co", "đúng", "✓");

  public static final Set<String> DEFAULT_FALSE =
      Set.of("false", "no", "n", "0", "không", "khong", "sai", "✗");

  private final Diagnostics d;
  private final ZoneId defaultZone;

  SourceBinder(Diagnostics d, ZoneId defaultZone) {
    this.d = d;
    this.defaultZone = defaultZone;
  }

  SourceDef bind(String id, YNode node, Path baseDir) {
    String ctx = "source '" + id + "'";
    MapReader m = MapReader.of(node, ctx, SOURCE_KEYS, d);
    if (m == null) return null;
    String file = m.required("file");
    String format = m.string("format");
    if (format != null && !FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
      d.error(
          m.at("format"),
          ctx
              + ".format '"
              + format
              + "' is not one of "
              + FORMATS
              + Suggestions.hint(format, FORMATS));
    }
    Integer headerRow = m.integer("header_row");
    if (headerRow != null && headerRow < 1) {
      d.error(m.at("header_row"), ctx + ".header_row counts from 1, found " + headerRow);
    }
    String encoding = m.string("encoding");
    if (encoding != null && !java.nio.charset.Charset.isSupported(encoding)) {
      d.error(
          m.at("encoding"),
          ctx
              + ".encoding '"
              + encoding
              + "' is not a known charset (e.g. UTF-8, UTF-16, windows-1258, cp1252)");
    }
    char delimiter = 0;
    String delim = m.string("delimiter");
    if (delim != null) {
      String dl = delim.equals("\\t") || delim.equalsIgnoreCase("tab") ? "\t" : delim;
      // The CSV splitter scans bytes, so the delimiter must be one ASCII character (as , ; tab |
      // are).
      if (dl.length() != 1 || dl.charAt(0) > 0x7f) {
        d.error(
            m.at("delimiter"),
            ctx + ".delimiter must be one ASCII character (or 'tab'), found '" + delim + "'");
      } else {
        delimiter = dl.charAt(0);
      }
    }
    ZoneId zone = zone(m, "timezone", defaultZone);
    char decimal = decimal(m, ctx, '.');
    Profiles.Profile profile = null;
    if (m.has("profile")) {
      String name = m.string("profile");
      profile = Profiles.find(name);
      if (profile == null) {
        d.error(
            m.at("profile"),
            ctx
                + ".profile '"
                + name
                + "' is not a known export layout"
                + Suggestions.hint(name, Profiles.names())
                + "; profiles: "
                + String.join(", ", Profiles.names()));
      }
    }
    Set<String> nulls =
        m.has("nulls")
            ? new LinkedHashSet<>(m.strings("nulls"))
            : profile != null && profile.nulls() != null ? profile.nulls() : DEFAULT_NULLS;
    Set<String> yes = m.has("true") ? lower(m.strings("true")) : DEFAULT_TRUE;
    Set<String> no = m.has("false") ? lower(m.strings("false")) : DEFAULT_FALSE;

    Map<String, ColumnDef> columns = new LinkedHashMap<>();
    Set<String> optional = new LinkedHashSet<>();
    if (profile != null) {
      // The profile's columns first; the source's own mapping replaces or adds to them. A profile
      // column whose header an export lacks matters only if a KPI reads it.
      for (YNode.Entry e : profile.columns().entries().values()) {
        ColumnDef c = column(ctx, e, decimal);
        if (c != null) {
          columns.put(c.name(), c);
          optional.add(c.name());
        }
      }
    }
    YNode cols = m.node("columns");
    if (cols != null) {
      MapReader cm = MapReader.of(cols, ctx + ".columns", allKeys(cols), d);
      if (cm != null) {
        for (YNode.Entry e : cm.map.entries().values()) {
          ColumnDef c = column(ctx, e, decimal);
          if (c != null && c.isLookup()) {
            for (String input : c.lookup().inputs()) {
              ColumnDef in = columns.get(input);
              if (in == null) {
                d.error(
                    e.keyLocation(),
                    ctx
                        + " column '"
                        + c.name()
                        + "' is computed from unknown column '"
                        + input
                        + "'"
                        + Suggestions.hint(input, columns.keySet())
                        + "; it must be declared above it");
              } else if (!c.lookup().multiply().isEmpty() && in.type() != ValueType.NUMBER) {
                d.error(
                    e.keyLocation(),
                    ctx
                        + " column '"
                        + c.name()
                        + "' multiplies '"
                        + input
                        + "', which is "
                        + in.type().yamlName()
                        + ", not number");
              }
            }
          }
          if (c != null) {
            columns.put(c.name(), c);
            optional.remove(c.name());
          }
        }
      }
    }
    return new SourceDef(
        id,
        file,
        baseDir,
        format == null ? null : format.toLowerCase(Locale.ROOT),
        m.string("sheet"),
        headerRow == null ? 0 : headerRow,
        encoding,
        delimiter,
        zone,
        nulls,
        yes,
        no,
        columns,
        optional,
        node.location(),
        m.has("distinct") ? new DistinctBinder(d).bind(ctx, m.node("distinct"), columns) : null,
        joins(m.node("join"), ctx),
        derive(m.node("derive"), ctx));
  }

  /**
   * The {@code derive:} map (name → expression) as written; the expressions are parsed and typed
   * once the joins are bound, since they may read joined columns ({@link DeriveBinder}).
   */
  private List<SourceDef.DeriveText> derive(YNode node, String ctx) {
    if (node == null) return List.of();
    MapReader m = MapReader.of(node, ctx + ".derive", allKeys(node), d);
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
   * The {@code join:} list as written; whether its sources and columns exist is checked once every
   * source is bound ({@link JoinBinder}).
   */
  private List<JoinDef> joins(YNode node, String ctx) {
    if (node == null) return List.of();
    if (!(node instanceof YNode.YList list)) {
      d.error(
          node.location(),
          ctx + ".join is a list of joins, e.g. - { source: accounts, on: { account: account } }");
      return List.of();
    }
    List<JoinDef> out = new java.util.ArrayList<>();
    for (YNode item : list.items()) {
      String what = ctx + ".join";
      MapReader m = MapReader.of(item, what, JOIN_KEYS, d);
      if (m == null) continue;
      Map<String, Location> at = new java.util.HashMap<>();
      String other = m.required("source");
      at.put("source", m.at("source"));
      what = ctx + " join with '" + other + "'";
      Map<String, String> on = new LinkedHashMap<>();
      MapReader om = MapReader.of(m.node("on"), what + ".on", null, d);
      if (om != null) {
        for (YNode.Entry e : om.map.entries().values()) {
          String to = om.string(e.key());
          if (to == null || to.isBlank()) {
            d.error(
                e.keyLocation(), what + ".on: '" + e.key() + "' needs the other source's column");
            continue;
          }
          on.put(e.key(), to.trim());
          at.put("on:" + e.key(), e.keyLocation());
        }
      }
      if (on.isEmpty())
        d.error(
            m.has("on") ? m.at("on") : item.location(),
            what
                + " needs 'on': this source's key column: the other source's, e.g. { account: account }");
      List<String> columns = new java.util.ArrayList<>();
      for (MapReader.Item c : m.items("columns")) {
        columns.add(c.text());
        at.put("column:" + c.text(), c.at());
      }
      if (columns.isEmpty() && !m.has("columns"))
        d.error(item.location(), what + " needs 'columns': the other source's columns to take");
      String unmatched = m.string("unmatched");
      if (unmatched != null && !unmatched.equals("keep") && !unmatched.equals("drop"))
        d.error(
            m.at("unmatched"),
            what
                + ".unmatched is keep or drop, found '"
                + unmatched
                + "'"
                + Suggestions.hint(unmatched, List.of("keep", "drop")));
      String manyText = m.string("many");
      JoinDef.Many many = null;
      if (manyText != null) {
        switch (manyText.toLowerCase(Locale.ROOT)) {
          case "first" -> many = JoinDef.Many.FIRST;
          case "last" -> many = JoinDef.Many.LAST;
          default ->
              d.error(
                  m.at("many"),
                  what
                      + ".many is first or last, found '"
                      + manyText
                      + "'"
                      + Suggestions.hint(manyText, List.of("first", "last")));
        }
      }
      String by = m.string("by");
      if (by != null) at.put("by", m.at("by"));
      if (by != null && !m.has("many"))
        d.error(
            m.at("by"),
            what + ": 'by' orders the rows of one key for 'many: first|last'; add many");
      out.add(
          new JoinDef(other, on, columns, "drop".equals(unmatched), many, by, item.location(), at));
    }
    return out;
  }

  private ColumnDef column(String ctx, YNode.Entry e, char sourceDecimal) {
    String name = e.key();
    String what = ctx + " column '" + name + "'";
    if (e.value() instanceof YNode.YScalar s) {
      if (s.isNull() || s.text().isBlank()) {
        d.error(e.keyLocation(), what + " needs the export's header text");
        return null;
      }
      return new ColumnDef(
          name,
          s.text(),
          ValueType.STRING,
          List.of(),
          "seconds",
          sourceDecimal,
          false,
          null,
          e.keyLocation());
    }
    MapReader m = MapReader.of(e.value(), what, COLUMN_KEYS, d);
    if (m == null) return null;
    if (m.has("from") || m.has("map")) return lookup(m, name, what, e.keyLocation());
    if (m.has("multiply")) return product(m, name, what, e.keyLocation());
    String header = m.required("column");
    List<String> formats = m.strings("format");
    String typeText = m.string("type");
    ValueType type;
    if (typeText == null) {
      // A format alone says the column holds dates; a pattern with hours holds date-times.
      type =
          formats.isEmpty()
              ? ValueType.STRING
              : formats.stream().anyMatch(f -> DatePatterns.unquoted(f).matches(".*[Hh].*"))
                  ? ValueType.DATETIME
                  : ValueType.DATE;
    } else {
      type = valueType(typeText);
      if (type == null) {
        List<String> names =
            java.util.Arrays.stream(ValueType.values()).map(ValueType::yamlName).toList();
        d.error(
            m.at("type"),
            what
                + " has unknown type '"
                + typeText
                + "'"
                + Suggestions.hint(typeText, names)
                + "; allowed: "
                + String.join(", ", names));
        // Checked on as the type it is nearest to ('datetme' as a datetime, 'numbr' as a number),
        // or as its format says, so that one typo is one error, not one more per KPI reading the
        // column.
        type =
            Suggestions.closest(typeText, names)
                .map(SourceBinder::valueType)
                .orElse(
                    formats.isEmpty()
                        ? ValueType.STRING
                        : formats.stream()
                                .anyMatch(f -> DatePatterns.unquoted(f).matches(".*[Hh].*"))
                            ? ValueType.DATETIME
                            : ValueType.DATE);
      }
    }
    if (!formats.isEmpty() && !type.isTemporal()) {
      d.error(
          m.at("format"),
          what + ": format applies to date and datetime columns, not " + type.yamlName());
    }
    for (String f : formats) {
      String problem = DatePatterns.problem(f);
      if (problem != null) d.error(m.at("format"), what + ": date format '" + f + "' " + problem);
    }
    String unit = m.string("unit");
    if (unit != null && (type != ValueType.DURATION || !DURATION_UNITS.contains(unit))) {
      d.error(
          m.at("unit"),
          what
              + ": unit applies to duration columns and is one of "
              + DURATION_UNITS
              + Suggestions.hint(unit, DURATION_UNITS));
    }
    return new ColumnDef(
        name,
        header == null ? name : header,
        type,
        formats,
        unit == null ? "seconds" : unit,
        decimal(m, what, sourceDecimal),
        m.bool("required", false),
        null,
        e.keyLocation());
  }

  /** A text column looked up from another column through a table written in the YAML. */
  private ColumnDef lookup(MapReader m, String name, String what, Location at) {
    for (String key : m.map.entries().keySet()) {
      if (!key.equals("from") && !key.equals("map")) {
        d.error(
            m.map.entries().get(key).keyLocation(),
            what + ": '" + key + "' does not apply to a lookup column (from + map)");
      }
    }
    String from = m.required("from");
    Map<String, String> map = new LinkedHashMap<>();
    MapReader mm = MapReader.of(m.node("map"), what + ".map", null, d);
    if (mm == null && !m.has("map"))
      d.error(
          m.map.location(),
          what + " needs 'map': each value of " + from + " and what it stands for");
    if (mm != null) {
      for (String k : mm.map.entries().keySet()) {
        String v = mm.string(k);
        if (v != null)
          map.put(java.text.Normalizer.normalize(k.trim(), java.text.Normalizer.Form.NFC), v);
      }
    }
    return new ColumnDef(
        name,
        null,
        ValueType.STRING,
        List.of(),
        "seconds",
        '.',
        false,
        new ColumnDef.Lookup(from, map, List.of()),
        at);
  }

  /** A number column computed per row as the product of number columns (quantity × unit price). */
  private ColumnDef product(MapReader m, String name, String what, Location at) {
    for (String key : m.map.entries().keySet()) {
      if (!key.equals("multiply")) {
        d.error(
            m.map.entries().get(key).keyLocation(),
            what + ": '" + key + "' does not apply to a computed column (multiply)");
      }
    }
    List<String> factors = m.strings("multiply");
    if (factors.size() < 2)
      d.error(
          m.at("multiply"), what + ".multiply lists the number columns to multiply, at least two");
    return new ColumnDef(
        name,
        null,
        ValueType.NUMBER,
        List.of(),
        "seconds",
        '.',
        false,
        new ColumnDef.Lookup(null, Map.of(), factors),
        at);
  }

  static ValueType valueType(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "string", "text" -> ValueType.STRING;
      case "number", "integer", "decimal", "money" -> ValueType.NUMBER;
      case "boolean", "bool" -> ValueType.BOOLEAN;
      case "date" -> ValueType.DATE;
      case "datetime", "timestamp" -> ValueType.DATETIME;
      case "duration" -> ValueType.DURATION;
      default -> null;
    };
  }

  private char decimal(MapReader m, String ctx, char fallback) {
    String s = m.string("decimal");
    if (s == null) return fallback;
    if (!s.equals(".") && !s.equals(",")) {
      d.error(m.at("decimal"), ctx + ".decimal must be '.' or ',', found '" + s + "'");
      return fallback;
    }
    return s.charAt(0);
  }

  ZoneId zone(MapReader m, String key, ZoneId fallback) {
    String z = m.string(key);
    if (z == null) return fallback;
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      List<String> ids = List.copyOf(ZoneId.getAvailableZoneIds());
      d.error(
          m.at(key),
          "unknown time zone '"
              + z
              + "'"
              + Suggestions.hint(z, ids)
              + " (use an IANA name such as Asia/Ho_Chi_Minh)");
      return fallback;
    }
  }

  private static Set<String> lower(List<String> xs) {
    Set<String> out = new LinkedHashSet<>();
    xs.forEach(x -> out.add(x.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static Set<String> allKeys(YNode n) {
    return n instanceof YNode.YMap m ? m.entries().keySet() : Set.of();
  }
}
