package dev.journeykpi.calc;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import java.time.ZoneId;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The calculators' tests run a KPI as the engine does: by its registered type, over a {@link
 * KpiRunner}.
 */
final class KindRunner {
  private final KpiRunner runner;

  KindRunner(BusinessCalendar calendar, ZoneId zone) {
    this.runner = new KpiRunner(calendar, zone);
  }

  KindRunner(BusinessCalendar calendar, ZoneId zone, java.time.LocalDate today) {
    this.runner = new KpiRunner(calendar, zone, today);
  }

  /** A funnel KPI's stages. */
  static dev.journeykpi.config.FunnelDef funnel(KpiDef k) {
    return k.spec(dev.journeykpi.types.funnel.FunnelSpec.class).funnel();
  }

  List<ResultRow> run(KpiDef k, Table table, List<Period> periods) {
    return KpiKinds.run(runner, k, table, periods);
  }
}
