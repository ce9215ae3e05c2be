package dev.journeykpi.types;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.DefinitionLoader;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.backlog.BacklogKind;
import dev.journeykpi.types.column.ColumnKind;
import dev.journeykpi.types.count.CountKind;
import dev.journeykpi.types.customers.CustomersKind;
import dev.journeykpi.types.duration.DurationKind;
import dev.journeykpi.types.formula.FormulaKind;
import dev.journeykpi.types.funnel.ConversionKind;
import dev.journeykpi.types.funnel.FunnelKind;
import dev.journeykpi.types.norepeat.NoRepeatKind;
import dev.journeykpi.types.ratio.RatioKind;
import dev.journeykpi.types.score.ScoreKind;
import dev.journeykpi.types.sla.SlaKind;
import dev.journeykpi.types.stalled.StalledKind;
import dev.journeykpi.types.turnover.TurnoverKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The KPI types, registered here and nowhere else: a new type is its package and one line below.
 * The order is the order messages list the types in.
 */
public final class KpiKinds {
  private static final List<KpiKind<?>> ALL =
      List.of(
          new CountKind(),
          ColumnKind.sum(),
          ColumnKind.mean(),
          ColumnKind.median(),
          ColumnKind.percentile(),
          new RatioKind(),
          new DurationKind(),
          new ScoreKind(),
          new SlaKind(),
          new NoRepeatKind(),
          new BacklogKind(),
          new TurnoverKind(),
          new CustomersKind(),
          new FunnelKind(),
          new ConversionKind(),
          new StalledKind(),
          new FormulaKind());

  private static final Map<String, KpiKind<?>> BY_NAME = new LinkedHashMap<>();

  static {
    for (KpiKind<?> k : ALL) {
      if (BY_NAME.put(k.name(), k) != null)
        throw new IllegalStateException("two KPI types named '" + k.name() + "'");
    }
  }

  private KpiKinds() {}

  public static List<KpiKind<?>> all() {
    return ALL;
  }

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /**
   * The type of a bound KPI (a definition with errors is never run, so every KPI here has a
   * registered type).
   */
  public static KpiKind<?> of(KpiDef k) {
    KpiKind<?> kind = BY_NAME.get(k.type());
    if (kind == null)
      throw new IllegalStateException(
          "kpi '" + k.id() + "' has no registered type '" + k.type() + "'");
    return kind;
  }

  /** A definition loader that knows every registered type. */
  public static DefinitionLoader loader() {
    return new DefinitionLoader(ALL);
  }

  /** Loads and validates definition files; throws ConfigException with every error. */
  public static Definition load(List<Path> paths) {
    return DefinitionLoader.load(paths, ALL);
  }

  /** Runs one KPI over its source table for each period. */
  public static List<ResultRow> run(KpiRunner runner, KpiDef k, Table table, List<Period> periods) {
    return of(k).runAny(k, table, periods, runner);
  }
}
