package dev.journeykpi.types.formula;

import dev.journeykpi.config.Expr;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.Location;
import java.util.List;

/**
 * {@code formula}: a KPI computed from other KPIs' values of the same period ({@code expr:
 * "complaints / active_customers"}), as MetricFlow's derived metrics. It reads no source column of
 * its own.
 *
 * @param text the expression as written
 * @param at where {@code expr:} was written, for the checks once every KPI is bound
 * @param declaredUnit the {@code unit:} the KPI declares, or null (then the unit follows from the
 *     expression: {@link FormulaUnits})
 * @param expr the expression typed over the KPI ids, once resolved; null before
 * @param operands the KPIs it names, in the order first written, once resolved
 */
public record FormulaSpec(
    String text, Location at, String declaredUnit, Expr expr, List<Operand> operands)
    implements KpiSpec {
  public FormulaSpec {
    operands = List.copyOf(operands);
  }

  /**
   * A KPI the formula names: its id, its label (for {@code kpi explain}) and its breakdown (none:
   * its total is used for every group of the formula).
   */
  public record Operand(String id, String label, List<String> by) {
    public Operand {
      by = List.copyOf(by);
    }
  }

  /** None: the values come from the KPIs it names, which read their own columns. */
  @Override
  public void collectColumns(Columns out) {}
}
