package dev.journeykpi.types.sla;

import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.SlaDef;

/**
 * {@code sla}: the share of rows whose start-to-end time met its limit (one limit, or one per value
 * of a column).
 */
public record SlaSpec(String start, String end, boolean businessTime, SlaDef sla)
    implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.measured(start, end);
    if (sla != null) out.structure(sla.by());
  }
}
