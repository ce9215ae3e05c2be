package dev.journeykpi.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code join:} entry of a source: a left join that takes {@code columns} of source {@code
 * source} for each row whose keys match.
 *
 * @param on this source's key column → the other source's key column, in the order written
 * @param columns the other source's columns taken, under the same names
 * @param dropUnmatched {@code unmatched: drop}: rows whose keys match no row are left out (else
 *     kept with the joined columns blank); counted either way
 * @param many which row wins when a key matches several rows; null: that is a data error
 * @param by the other source's column that orders the rows of one key for {@code many}; null for
 *     the order of the file
 * @param at where each part was written, for load-time errors: "source", "on:COLUMN",
 *     "column:COLUMN", "by"
 */
public record JoinDef(
    String source,
    Map<String, String> on,
    List<String> columns,
    boolean dropUnmatched,
    Many many,
    String by,
    Location location,
    Map<String, Location> at) {

  /** Which of several rows with the same key wins: the first or the last, by {@code by}. */
  public enum Many {
    FIRST,
    LAST
  }

  public JoinDef {
    on = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(on));
    columns = List.copyOf(columns);
    at = Map.copyOf(at);
  }

  /** The joined columns among the columns read, in the order the join lists them. */
  public List<String> used(java.util.Set<String> read) {
    return columns.stream().filter(read::contains).toList();
  }

  /**
   * Whether the join is performed when these columns of the source are read: when one of its
   * columns is, or when it drops unmatched rows. (A join nobody reads is not checked either: its
   * duplicate keys are no error.)
   */
  public boolean performed(java.util.Set<String> read) {
    return dropUnmatched || !used(read).isEmpty();
  }

  /** Where {@code part} was written; the join's own position when not known. */
  public Location where(String part) {
    return at.getOrDefault(part, location);
  }
}
