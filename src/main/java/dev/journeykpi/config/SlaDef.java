package dev.journeykpi.config;

import java.util.Map;

/**
 * The time limits of an {@code sla} KPI: one for every row, or one per value of a column (usually
 * priority).
 *
 * @param by the column whose value picks the limit; null for one limit
 * @param limits limit per value of {@code by} (matched ignoring case)
 * @param fallback the limit for rows whose value is not listed, or for every row when {@code by} is
 *     null; null when such rows have no limit (they are left out and counted)
 * @param keyLocations where each value of {@code limits} is written, for {@code kpi validate
 *     --check-data}
 */
public record SlaDef(
    String by,
    Map<String, TimeSpan> limits,
    TimeSpan fallback,
    Map<String, Location> keyLocations) {
  public SlaDef {
    limits =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(limits)); // written order, for explain
    keyLocations = Map.copyOf(keyLocations);
  }

  public SlaDef(String by, Map<String, TimeSpan> limits, TimeSpan fallback) {
    this(by, limits, fallback, Map.of());
  }
}
