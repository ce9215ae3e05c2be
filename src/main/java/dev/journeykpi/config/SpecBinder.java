package dev.journeykpi.config;

import java.util.Map;
import java.util.Set;

/**
 * The part of a KPI type that reads its YAML: its name, its own keys and how it binds them.
 * Implemented by each type under the {@code types} package and handed to {@link DefinitionLoader},
 * so config never names a type.
 */
public interface SpecBinder {
  /** The name written after {@code type:}. */
  String name();

  /** The keys the type takes besides the ones every KPI takes. */
  Set<String> keys();

  /**
   * How the type places rows in periods, which decides what {@code time:} and {@code source:} may
   * say.
   */
  Placement placement();

  /**
   * Reads the type's own keys, reporting every problem to the reader's diagnostics; null when
   * nothing usable is left.
   */
  SpecReader.Bound bind(SpecReader r);

  /**
   * Whether a KPI of the type may list declared breakdown groups ({@code groups:}): a type measured
   * group by group from the group's rows, whose value for a group without rows means something (a
   * count of 0, or "no rows"). Not those that follow leads or customers through their history.
   */
  default boolean takesDeclaredGroups() {
    return false;
  }

  /**
   * A KPI that reads another KPI (a conversion reads its funnel) takes what it needs from it once
   * every KPI is bound.
   *
   * @return the KPI, completed, or the same KPI when the type reads no other
   */
  KpiDef resolve(KpiDef kpi, Map<String, KpiDef> byId, Diagnostics d);

  /**
   * How two groups of the type's KPI are compared ({@code compare:}, issue 20), or null when a
   * comparison of its values between groups means nothing (a count or a sum grows with a group's
   * size; a backlog, a customer base or a funnel is not a sample of independent rows).
   */
  default CompareDef.Test comparison(KpiSpec spec) {
    return null;
  }

  /**
   * Whether the KPI's rows include shares of counted things (a rate in % whose numerator's rows are
   * among its denominator's), on which {@code confidence:} puts Wilson intervals; a KPI without
   * them takes {@code confidence:} only beside {@code compare:}. The types answer in {@code
   * types.KpiKind}; by default, a KPI in %.
   */
  default boolean hasShares(KpiDef k) {
    return "%".equals(k.unit());
  }

  /** How a type's rows meet the period. */
  enum Placement {
    /**
     * By the {@code time:} column (required; {@code time: none} puts every row in every period).
     */
    BY_TIME,
    /** At the period's edges from the rows' start and end: {@code time:} does not apply. */
    AT_EDGES,
    /** As another KPI does: neither {@code time:} nor {@code source:} applies. */
    AS_OTHER_KPI,
    /**
     * Computed from other KPIs' values of each period (a formula): {@code time:}, {@code source:}
     * and {@code where:} do not apply.
     */
    FROM_KPIS
  }
}
