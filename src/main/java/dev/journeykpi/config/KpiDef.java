package dev.journeykpi.config;

import java.util.List;
import java.util.Set;

/**
 * One KPI as defined in YAML, every default already made explicit: the fields every KPI has, and
 * its type's own fields in {@link #spec()}.
 *
 * @param type the type's name ({@code duration}), as written after {@code type:}
 * @param source the source it reads (a conversion: its funnel's)
 * @param time the timestamp column that places a row in a period; null means every row counts in
 *     every period (or the type places rows otherwise: backlog and turnover at the period's edges)
 * @param where population filter, applied before anything else
 * @param by the breakdown columns
 * @param rollup {@code by} is a hierarchy, top level first (department, team, agent): rows for
 *     every level, each recomputed from its rows
 * @param unit display unit: "%" for ratios, seconds/minutes/hours/days for durations, free text
 *     otherwise
 * @param target the target and amber band, or null
 * @param preset the preset the KPI was built from, or null
 * @param spec what the type adds: a record of the type's package under the {@code types} package
 * @param groups values of the one {@code by} column listed even when no row has them ({@code
 *     groups:}), in the order written; empty when none are declared (or when they come from a
 *     source's data, until the engine has read them: {@link #withGroups})
 * @param groupsFrom where the groups come from when they are another source's values ({@code
 *     groups: { source: teams, column: team }}); null otherwise
 * @param compare the A/B comparison of its groups ({@code compare:}, whose column is then one of
 *     its {@code by} columns, added last when {@code by:} does not name it: the variants are
 *     compared within each group of the others), or null
 * @param confidence the level in percent of its intervals ({@code confidence: 90}): its shares'
 *     Wilson intervals and its comparisons' intervals, whatever {@code --confidence} says; null
 *     when it sets none (then {@code --confidence}, or 95 % for comparisons)
 */
public record KpiDef(
    String id,
    String label,
    String description,
    String type,
    String source,
    String time,
    Filter where,
    List<String> by,
    boolean rollup,
    String unit,
    TargetDef target,
    String preset,
    Location location,
    KpiSpec spec,
    List<String> groups,
    GroupsFrom groupsFrom,
    CompareDef compare,
    Double confidence) {
  public KpiDef {
    by = List.copyOf(by);
    groups = List.copyOf(groups);
  }

  /** A KPI whose groups are not read from another source's data. */
  public KpiDef(
      String id,
      String label,
      String description,
      String type,
      String source,
      String time,
      Filter where,
      List<String> by,
      boolean rollup,
      String unit,
      TargetDef target,
      String preset,
      Location location,
      KpiSpec spec,
      List<String> groups) {
    this(
        id,
        label,
        description,
        type,
        source,
        time,
        where,
        by,
        rollup,
        unit,
        target,
        preset,
        location,
        spec,
        groups,
        null,
        null);
  }

  /** A KPI without an A/B comparison. */
  public KpiDef(
      String id,
      String label,
      String description,
      String type,
      String source,
      String time,
      Filter where,
      List<String> by,
      boolean rollup,
      String unit,
      TargetDef target,
      String preset,
      Location location,
      KpiSpec spec,
      List<String> groups,
      GroupsFrom groupsFrom) {
    this(
        id,
        label,
        description,
        type,
        source,
        time,
        where,
        by,
        rollup,
        unit,
        target,
        preset,
        location,
        spec,
        groups,
        groupsFrom,
        null);
  }

  /** A KPI without a confidence level of its own. */
  public KpiDef(
      String id,
      String label,
      String description,
      String type,
      String source,
      String time,
      Filter where,
      List<String> by,
      boolean rollup,
      String unit,
      TargetDef target,
      String preset,
      Location location,
      KpiSpec spec,
      List<String> groups,
      GroupsFrom groupsFrom,
      CompareDef compare) {
    this(
        id,
        label,
        description,
        type,
        source,
        time,
        where,
        by,
        rollup,
        unit,
        target,
        preset,
        location,
        spec,
        groups,
        groupsFrom,
        compare,
        null);
  }

  /**
   * {@code groups: { source: teams, column: team }}: every value of a column of another source (an
   * HR list's teams) is a group of the breakdown, with or without rows.
   */
  public record GroupsFrom(String source, String column, Location location) {}

  /** This KPI with the groups read from its {@code groupsFrom} source. */
  public KpiDef withGroups(List<String> values) {
    return new KpiDef(
        id,
        label,
        description,
        type,
        source,
        time,
        where,
        by,
        rollup,
        unit,
        target,
        preset,
        location,
        spec,
        values,
        groupsFrom,
        compare,
        confidence);
  }

  /** The spec as its type's record. */
  public <S extends KpiSpec> S spec(Class<S> type) {
    return type.cast(spec);
  }

  /**
   * This KPI reading another's source, time and population (a conversion reading its funnel's),
   * with its own spec.
   */
  public KpiDef reading(KpiDef other, KpiSpec newSpec) {
    return new KpiDef(
        id,
        label,
        description,
        type,
        other.source(),
        other.time(),
        other.where(),
        by,
        rollup,
        unit,
        target,
        preset,
        location,
        newSpec,
        groups,
        groupsFrom,
        compare,
        confidence);
  }

  /**
   * Every source column the KPI reads, in a stable order. Only these are parsed: an export's other
   * columns cost nothing.
   */
  public Set<String> columnsRead() {
    KpiSpec.Columns c = new KpiSpec.Columns();
    spec.collectColumns(c);
    Set<String> used = new java.util.LinkedHashSet<>();
    if (time != null) used.add(time);
    used.addAll(c.measured);
    used.addAll(by);
    used.addAll(c.structure);
    where.collectColumns(used);
    used.addAll(c.filters);
    return used;
  }
}
