package dev.journeykpi.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a source's {@code join:} list as written: each join's other source, keys, columns, {@code
 * unmatched}, {@code many} and {@code by}, with the place of each for later messages. Whether the
 * other source and its columns exist is checked once every source is bound ({@link JoinBinder}).
 */
final class JoinReader {
  static final Set<String> KEYS = Set.of("source", "on", "columns", "unmatched", "many", "by");

  private final Diagnostics d;

  JoinReader(Diagnostics d) {
    this.d = d;
  }

  /**
   * The {@code join:} list as written; whether its sources and columns exist is checked once every
   * source is bound ({@link JoinBinder}).
   */
  List<JoinDef> read(YNode node, String ctx) {
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
      MapReader m = MapReader.of(item, what, KEYS, d);
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
}
