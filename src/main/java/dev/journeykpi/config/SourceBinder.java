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

/**
 * Binds the {@code sources:} section: where each export is and how it is read; its columns are
 * bound by {@link ColumnBinder}, its joins read by {@link JoinReader}, its {@code derive:} by
 * {@link DeriveBinder} and its {@code distinct:} by {@link DistinctBinder}.
 */
final class SourceBinder {
  static final Set<String> SOURCE_KEYS =
      Set.of(
          "file",
          "table",
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
  static final List<String> FORMATS = List.of("csv", "xlsx", "xls", "parquet");

  /** Keys that say how a file is read: meaningless for a table, whose columns are typed. */
  static final List<String> FILE_ONLY_KEYS =
      List.of("format", "sheet", "header_row", "encoding", "delimiter");

  /**
   * A table's name as SQL writes it: names (or quoted names) joined by dots, such as {@code
   * crm.tickets}, {@code "Sales"."Tickets"} or {@code `lake`.`db`.`tickets`}; nothing else, so that
   * the name cannot end the statement it is put in.
   */
  private static final java.util.regex.Pattern TABLE_NAME =
      java.util.regex.Pattern.compile(
          "(?:[\\p{L}_][\\p{L}\\p{N}_$]*|\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`)"
              + "(?:\\.(?:[\\p{L}_][\\p{L}\\p{N}_$]*|\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`))*");

  /** Tokens read as "no value" unless a source says otherwise. */
  // "(blank)" is how Excel's pivot tables write an empty cell; read as text it would be a second
  // "(blank)" group beside the real blanks in a breakdown.
  public static final Set<String> DEFAULT_NULLS =
      ordered("", "NA", "N/A", "n/a", "null", "NULL", "#N/A", "-", "(blank)");

  /**
   * Yes/no tokens common in Vietnamese and English exports; compared without case. Ordered sets in
   * this fixed order (docs/definitions.md lists them so): messages and {@code kpi sql} list the
   * tokens as the set iterates, and {@code Set.of} iterates in an order that changes from run to
   * run (issue 17 review).
   */
  public static final Set<String> DEFAULT_TRUE =
      ordered("true", "yes", "y", "1", "x", "có", "co", "đúng", "✓");

  public static final Set<String> DEFAULT_FALSE =
      ordered("false", "no", "n", "0", "không", "khong", "sai", "✗");

  private static Set<String> ordered(String... tokens) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(tokens)));
  }

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
    String table = null;
    String file = null;
    if (m.has("table")) {
      table = table(m, ctx);
      if (m.has("file"))
        d.error(
            m.at("file"),
            ctx
                + " has both file: and table: ("
                + m.string("table")
                + "); a source is read from an export file or from a table of the engine's"
                + " database, not both");
      for (String k : FILE_ONLY_KEYS)
        if (m.has(k))
          d.error(
              m.at(k),
              ctx
                  + "."
                  + k
                  + " says how a file is read, but the source is a table (table: "
                  + m.string("table")
                  + "), whose columns the database types; remove it");
    } else if (!m.map.has("file") && !m.map.has("table")) {
      d.error(
          node.location(),
          ctx
              + " needs 'file' (an export file) or 'table' (a table of the engine's database, read"
              + " with --engine jdbc or spark)");
    } else {
      file = m.required(m.map.has("file") ? "file" : "table");
    }
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
    char decimal = ColumnBinder.decimal(m, ctx, '.', d);
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

    ColumnBinder columnBinder = new ColumnBinder(d);
    Map<String, ColumnDef> columns = new LinkedHashMap<>();
    Set<String> optional = new LinkedHashSet<>();
    if (profile != null) {
      // The profile's columns first; the source's own mapping replaces or adds to them. A profile
      // column whose header an export lacks matters only if a KPI reads it.
      for (YNode.Entry e : profile.columns().entries().values()) {
        ColumnDef c = columnBinder.bind(ctx, e, decimal);
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
          ColumnDef c = columnBinder.bind(ctx, e, decimal);
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
    // Read before distinct:, whose key may be a derived column.
    List<SourceDef.DeriveText> derive = new DeriveBinder(d).read(m.node("derive"), ctx);
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
        m.has("distinct")
            ? new DistinctBinder(d).bind(ctx, m.node("distinct"), columns, derived(derive))
            : null,
        new JoinReader(d).read(m.node("join"), ctx),
        derive,
        table);
  }

  /** The {@code table:} name, checked; null (and an error) when it is not a table's name. */
  private String table(MapReader m, String ctx) {
    String t = m.string("table");
    if (t == null) return null;
    String name = t.strip();
    if (TABLE_NAME.matcher(name).matches()) return name;
    d.error(
        m.at("table"),
        ctx
            + ".table '"
            + t
            + "' is not a table's name: write it as SQL names it, such as crm.tickets or"
            + " \"Sales\".\"Tickets\" (names joined by dots)");
    return null;
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

  private static Set<String> derived(List<SourceDef.DeriveText> derive) {
    Set<String> out = new LinkedHashSet<>();
    derive.forEach(t -> out.add(t.name()));
    return out;
  }

  static Set<String> allKeys(YNode n) {
    return n instanceof YNode.YMap m ? m.entries().keySet() : Set.of();
  }
}
