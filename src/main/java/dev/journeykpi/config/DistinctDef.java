package dev.journeykpi.config;

import java.util.List;

/**
 * A source's {@code distinct:}: one row per key (the latest state of each incident in an audit
 * log), applied right after the import, before any KPI reads the source.
 *
 * @param key the columns whose values together name a row's key; compared as filters compare text
 *     (trimmed, NFC, without case)
 * @param keepLast keep the last row of each key ({@code keep: last}), else the first
 * @param by the column that orders a key's rows (a number, duration, date or date-time); null for
 *     file order. Rows of equal {@code by} are ordered as the file has them.
 */
public record DistinctDef(List<String> key, boolean keepLast, String by, Location location) {
  public DistinctDef {
    key = List.copyOf(key);
  }

  /** The columns the import must read for it: the key's and {@code by}. */
  public List<String> columns() {
    List<String> out = new java.util.ArrayList<>(key);
    if (by != null && !out.contains(by)) out.add(by);
    return out;
  }

  /** Its key as people read it: {@code incident} or {@code (customer, channel)}. */
  public String keyText() {
    return key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")";
  }
}
