package dev.journeykpi.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Binds a KPI's {@code target:}. */
final class TargetBinder {
  static final Set<String> KEYS = Set.of("min", "max", "range", "amber", "amber_band", "by_period");

  private final Diagnostics d;

  TargetBinder(Diagnostics d) {
    this.d = d;
  }

  TargetDef bind(YNode node, String ctx) {
    if (node == null || node instanceof YNode.YScalar s && s.isNull()) return null;
    MapReader m = MapReader.of(node, ctx + ".target", KEYS, d);
    if (m == null) return null;
    int bounds = (m.has("min") ? 1 : 0) + (m.has("max") ? 1 : 0) + (m.has("range") ? 1 : 0);
    if (bounds != 1) {
      d.error(
          node.location(),
          ctx + ".target needs exactly one of min, max or range, e.g. { min: 0.75, amber: 0.70 }");
      return null;
    }
    TargetDef.Kind kind;
    double low = 0;
    double high = 0;
    if (m.has("range")) {
      kind = TargetDef.Kind.RANGE;
      var values = m.strings("range");
      if (values.size() != 2) {
        d.error(m.at("range"), ctx + ".target.range takes two values, as in [0.8, 0.95]");
        return null;
      }
      low = number(values.get(0), m.at("range"), ctx);
      high = number(values.get(1), m.at("range"), ctx);
      if (high < low) d.error(m.at("range"), ctx + ".target.range ends below its start");
    } else {
      kind = m.has("min") ? TargetDef.Kind.MIN : TargetDef.Kind.MAX;
      String key = kind == TargetDef.Kind.MIN ? "min" : "max";
      low = high = number(m.string(key), m.at(key), ctx);
    }
    Double amber = null;
    Double band = null;
    Double bandPercent = null;
    if (m.has("amber") && m.has("amber_band")) {
      d.error(
          m.at("amber_band"),
          ctx + ".target takes amber (a threshold) or amber_band (a width), not both");
    }
    String a = m.string("amber");
    if (a != null) {
      amber = number(a, m.at("amber"), ctx);
      if (kind == TargetDef.Kind.RANGE)
        d.error(
            m.at("amber"), ctx + ".target of a range takes amber_band (a width beyond either end)");
      if (kind == TargetDef.Kind.MIN && amber > low)
        d.error(m.at("amber"), ctx + ".target.amber must be below min (it is where red starts)");
      if (kind == TargetDef.Kind.MAX && amber < high)
        d.error(m.at("amber"), ctx + ".target.amber must be above max (it is where red starts)");
    }
    String b = m.string("amber_band");
    if (b != null) {
      String t = b.trim();
      if (t.endsWith("%")) {
        bandPercent = number(t.substring(0, t.length() - 1), m.at("amber_band"), ctx);
      } else {
        band = number(t, m.at("amber_band"), ctx);
      }
      if ((band != null && band < 0) || (bandPercent != null && bandPercent < 0)) {
        d.error(m.at("amber_band"), ctx + ".target.amber_band cannot be negative");
      }
    }
    Map<String, Double> byPeriod = new LinkedHashMap<>();
    YNode bp = m.node("by_period");
    if (bp != null && kind == TargetDef.Kind.RANGE) {
      d.error(bp.location(), ctx + ".target.by_period applies to min or max targets");
    } else if (bp instanceof YNode.YMap pm) {
      for (YNode.Entry e : pm.entries().values()) {
        if (!e.key().matches("\\d{4}(-\\d{2}|-Q[1-4])?")) {
          d.error(
              e.keyLocation(),
              ctx
                  + ".target.by_period key '"
                  + e.key()
                  + "' is not a month (2026-10), quarter (2026-Q4) or year (2026)");
          continue;
        }
        String v = e.value() instanceof YNode.YScalar s ? s.text() : null;
        byPeriod.put(e.key(), number(v, e.value().location(), ctx));
      }
    } else if (bp != null) {
      d.error(
          bp.location(),
          ctx + ".target.by_period maps periods to values, e.g. { 2026-10: 0.85, 2026-Q4: 0.9 }");
    }
    return new TargetDef(kind, low, high, amber, band, bandPercent, byPeriod, node.location());
  }

  /** A number, or a percentage ("75%" → 0.75). */
  private double number(String text, Location at, String ctx) {
    if (text == null) {
      d.error(at, ctx + ".target needs a number here");
      return 0;
    }
    String t = text.trim();
    try {
      return t.endsWith("%")
          ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
          : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      d.error(at, ctx + ".target value '" + text + "' is not a number (write 0.75 or 75%)");
      return 0;
    }
  }
}
