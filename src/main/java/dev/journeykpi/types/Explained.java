package dev.journeykpi.types;

import dev.journeykpi.config.Statistic;
import java.util.List;

/**
 * A KPI type's part of {@code kpi explain}, in the reader's language; the renderer adds what every
 * KPI has (journey, source, columns, breakdown, target) and lays the lines out.
 *
 * @param what what is measured (the "Type" line after the type's name)
 * @param population the type's own population parts after the {@code where:} part (a ratio's
 *     denominator and numerator)
 * @param period which rows a period takes
 * @param businessClock for types that measure time between two moments: whether on the business
 *     calendar; null for the others (no "Clock" line)
 * @param statistic the statistic line, or null
 * @param leftOut what is left out, or "" for nothing
 * @param unit the unit line, or null for the usual one from the KPI's unit
 * @param formula the formula, {@code where:} included
 */
public record Explained(
    String what,
    List<String> population,
    String period,
    Boolean businessClock,
    Statistic statistic,
    String leftOut,
    String unit,
    String formula) {
  public Explained {
    population = List.copyOf(population);
  }

  /** The usual period sentence of a type whose rows are placed by the {@code time:} column. */
  public static String byTime(String time, Phrases p) {
    return time == null
        ? p.t("every row counts in every period (time: none)")
        : p.t(
            "a row counts in the period that contains its %s; rows without %s are in no period",
            time, time);
  }
}
