package dev.journeykpi.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds one column of a source's {@code columns:}: the export's header it reads, or a text looked
 * up through a map written in the YAML ({@code from} + {@code map}), or a product of number columns
 * ({@code multiply}); its type, date formats, duration unit and decimal mark.
 */
final class ColumnBinder {
  static final Set<String> KEYS =
      Set.of("column", "type", "format", "unit", "decimal", "required", "from", "map", "multiply");
  static final List<String> DURATION_UNITS = List.of("seconds", "minutes", "hours", "days");

  private final Diagnostics d;

  ColumnBinder(Diagnostics d) {
    this.d = d;
  }

  ColumnDef bind(String ctx, YNode.Entry e, char sourceDecimal) {
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
    MapReader m = MapReader.of(e.value(), what, KEYS, d);
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
                .map(ColumnBinder::valueType)
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
        decimal(m, what, sourceDecimal, d),
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

  static char decimal(MapReader m, String ctx, char fallback, Diagnostics d) {
    String s = m.string("decimal");
    if (s == null) return fallback;
    if (!s.equals(".") && !s.equals(",")) {
      d.error(m.at("decimal"), ctx + ".decimal must be '.' or ',', found '" + s + "'");
      return fallback;
    }
    return s.charAt(0);
  }
}
