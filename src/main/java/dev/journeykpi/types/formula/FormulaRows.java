package dev.journeykpi.types.formula;

import dev.journeykpi.calc.TargetStatus;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A formula KPI's result rows from the rows of the KPIs it names: for each period, one row per
 * breakdown group those KPIs have (a KPI without a breakdown gives its one value to every group),
 * then the total row, computed from their totals. Each value comes from the operands' values of
 * that period and group, and its earlier value (for {@code --compare}) from their earlier values,
 * which is the formula's value in the earlier period. Targets and status are judged as for any KPI.
 */
final class FormulaRows {
  private FormulaRows() {}

  /** The rows of one operand: period → its group's values → its headline row. */
  private static Map<String, Map<List<String>, ResultRow>> headlines(
      FormulaSpec.Operand o, List<ResultRow> rows) {
    Map<String, Map<List<String>, ResultRow>> out = new HashMap<>();
    for (ResultRow r : rows) {
      // A row with dimensions beyond the KPI's breakdown (a customers KPI's lifecycle state)
      // counts only as their total, the KPI's headline.
      boolean headline = true;
      for (Map.Entry<String, String> e : r.dims().entrySet())
        if (!o.by().contains(e.getKey()) && !ResultRow.TOTAL.equals(e.getValue())) headline = false;
      if (!headline) continue;
      List<String> key = o.by().stream().map(r.dims()::get).toList();
      out.computeIfAbsent(r.period(), p -> new LinkedHashMap<>()).putIfAbsent(key, r);
    }
    return out;
  }

  static List<ResultRow> rows(
      KpiDef k,
      FormulaSpec s,
      List<Period> periods,
      Map<String, List<ResultRow>> results,
      boolean compared) {
    Map<String, Map<String, Map<List<String>, ResultRow>>> byOperand = new HashMap<>();
    // The KPIs with rows but none that is their one value (a customers lifecycle: a row per
    // state): said so, rather than "gave none".
    Set<String> noSingleValue = new java.util.HashSet<>();
    for (FormulaSpec.Operand o : s.operands()) {
      List<ResultRow> rows = results.getOrDefault(o.id(), List.of());
      byOperand.put(o.id(), headlines(o, rows));
      if (!rows.isEmpty() && byOperand.get(o.id()).isEmpty()) noSingleValue.add(o.id());
    }
    List<String> total = k.by().stream().map(x -> ResultRow.TOTAL).toList();
    List<ResultRow> out = new ArrayList<>();
    for (Period p : periods) {
      // The groups of the broken-down operands, in their order; then the total.
      Set<List<String>> groups = new LinkedHashSet<>();
      if (!k.by().isEmpty()) {
        for (FormulaSpec.Operand o : s.operands()) {
          if (o.by().isEmpty()) continue;
          for (List<String> g : byOperand.get(o.id()).getOrDefault(p.label(), Map.of()).keySet())
            if (!g.equals(total)) groups.add(g);
        }
      }
      groups.add(total);
      TargetStatus.Applied target = TargetStatus.in(k.target(), p);
      for (List<String> g : groups)
        out.add(row(k, s, p, g, byOperand, noSingleValue, target, compared));
    }
    return out;
  }

  private static ResultRow row(
      KpiDef k,
      FormulaSpec s,
      Period p,
      List<String> group,
      Map<String, Map<String, Map<List<String>, ResultRow>>> byOperand,
      Set<String> noSingleValue,
      TargetStatus.Applied target,
      boolean compared) {
    Map<String, Double> now = new HashMap<>();
    Map<String, Double> before = new HashMap<>();
    long n = Long.MAX_VALUE;
    Boolean complete = null;
    Note incomplete = null;
    for (FormulaSpec.Operand o : s.operands()) {
      // An operand without a breakdown has one value for every group; a formula without one reads
      // its operands' totals.
      List<String> key =
          o.by().isEmpty()
              ? List.of()
              : k.by().isEmpty() ? o.by().stream().map(x -> ResultRow.TOTAL).toList() : group;
      ResultRow r = byOperand.get(o.id()).getOrDefault(p.label(), Map.of()).get(key);
      if (r == null) continue; // no row for the period or group: no value, noted by the evaluator
      now.put(o.id(), r.value());
      before.put(o.id(), r.previous());
      n = Math.min(n, r.n());
      if (Boolean.FALSE.equals(r.complete())) {
        if (incomplete == null && !r.notes().isEmpty()) incomplete = r.notes().parts().get(0);
        complete = false;
      } else if (Boolean.TRUE.equals(r.complete()) && complete == null) {
        complete = true;
      }
    }
    FormulaEvaluator.Result v = FormulaEvaluator.evaluate(s.expr(), now);
    Notes notes = v.notes();
    if (v.value() == null && !noSingleValue.isEmpty()) {
      List<String> named =
          s.operands().stream()
              .map(FormulaSpec.Operand::id)
              .filter(noSingleValue::contains)
              .toList();
      notes = Notes.of(Note.of(Note.Code.FORMULA_NO_SINGLE_VALUE, String.join(", ", named)));
    }
    Map<String, String> dims = new LinkedHashMap<>();
    for (int i = 0; i < k.by().size(); i++) dims.put(k.by().get(i), group.get(i));
    ResultRow row =
        new ResultRow(
            k.id(),
            k.label(),
            p.label(),
            dims,
            v.value(),
            k.unit(),
            v.numerator(),
            v.denominator(),
            n == Long.MAX_VALUE ? 0 : n,
            target == null ? null : target.target(),
            target == null ? null : target.of(v.value()),
            null,
            null,
            null,
            null,
            notes);
    if (complete != null) row = row.withCoverage(complete ? null : incomplete);
    if (compared) row = row.comparedWith(FormulaEvaluator.evaluate(s.expr(), before).value());
    return row;
  }
}
