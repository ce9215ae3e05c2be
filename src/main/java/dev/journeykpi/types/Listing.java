package dev.journeykpi.types;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What {@code kpi leads} lists for a KPI type that has entries behind its value (a funnel stage's
 * leads, stalled leads, customers): which list, the checks of the request and the entries. A type
 * without entries has none ({@link KpiKind#listing()} is null); one that has them cannot forget how
 * to list them, since {@link #list} is abstract.
 */
public abstract class Listing<S extends KpiSpec> {
  private final LeadList.Kind kind;

  protected Listing(LeadList.Kind kind) {
    this.kind = kind;
  }

  public final LeadList.Kind kind() {
    return kind;
  }

  /**
   * Refuses a request the type cannot answer (a funnel without --stage, a score's unknown
   * --status); nothing by default. {@code stage} is the list's one choice: a funnel's {@code
   * --stage}, a score's {@code --status}.
   */
  public void check(KpiDef k, S spec, String stage, Period period) {}

  /** The entries, in the order the list is written. */
  public abstract List<LeadList.Entry> list(
      KpiDef k, S spec, Table table, Period period, String stage, KpiRunner runner);
}
