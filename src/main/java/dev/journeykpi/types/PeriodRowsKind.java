package dev.journeykpi.types;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A type measured over the rows its {@code time:} column dates in each period (count, sum, mean,
 * median, percentile, ratio, duration, score, SLA, no-repeat). Choosing this base answers, once,
 * how such a type meets the period: placed and dated by {@code time:}, judged period by period,
 * with no list for {@code kpi leads} unless it says otherwise (a score lists its answers). The type
 * still says how it binds, measures a set of rows, which texts it expects and how it is explained.
 */
public abstract class PeriodRowsKind<S extends KpiSpec> extends KpiKind<S> {
  protected PeriodRowsKind(String name, Class<S> specType) {
    super(name, specType);
  }

  /** How the type measures a set of rows: a breakdown group's, or the period's total. */
  protected abstract Measurer measurer(KpiDef k, S spec, KpiRunner runner);

  /** The KPI's measurer, for measuring the groups of a comparison ({@code compare:}). */
  public final Measurer measurerOf(KpiDef k, KpiRunner runner) {
    return measurer(k, spec(k), runner);
  }

  /**
   * How two groups of a KPI of the type are compared ({@code compare:}), or null when they cannot
   * be: only a type measured over a set of rows can, each group a sample of its rows.
   */
  protected CompareDef.Test compared(S spec) {
    return null;
  }

  @Override
  public final CompareDef.Test comparison(KpiSpec spec) {
    return compared(specType().cast(spec));
  }

  @Override
  public final Placement placement() {
    return Placement.BY_TIME;
  }

  /** A declared group without rows is measured like a period without rows (count 0, "no rows"). */
  @Override
  public final boolean takesDeclaredGroups() {
    return true;
  }

  @Override
  public final List<ResultRow> run(
      KpiDef k, S spec, Table table, List<Period> periods, KpiRunner runner) {
    return runner.overPeriodRows(k, table, periods, measurer(k, spec, runner));
  }

  @Override
  public final List<String> datedBy(KpiDef k, S spec) {
    return timeColumn(k);
  }

  @Override
  public Listing<S> listing() {
    return null;
  }

  @Override
  public final boolean judgesWholeHistory() {
    return false;
  }
}
