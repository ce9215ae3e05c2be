package dev.journeykpi.types.formula;

import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.Expr;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.NamedExpr;
import dev.journeykpi.config.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes a formula KPI once every KPI is bound: its expression parsed and typed over the KPI ids
 * (an unknown id reported at its place with did-you-mean), no formula reading itself directly or
 * through others (the cycle named), each KPI it names measured as one value per group (not a
 * funnel's stages), broken down as the formula is or not at all, and units that add up.
 */
final class FormulaResolver {
  /** The functions a formula may call: the others read texts or dates, which no KPI's value is. */
  static final Set<String> FUNCTIONS = Set.of("coalesce", "abs", "round");

  private final Map<String, KpiDef> byId;
  private final Diagnostics d;
  private final Map<String, ValueType> names = new LinkedHashMap<>();

  /** Other formulas' expressions, read quietly: their own problems are reported at them. */
  private final Map<String, Expr> others = new HashMap<>();

  FormulaResolver(Map<String, KpiDef> byId, Diagnostics d) {
    this.byId = byId;
    this.d = d;
    byId.keySet().forEach(id -> names.put(id, ValueType.NUMBER));
  }

  KpiDef resolve(KpiDef k, FormulaSpec s) {
    if (s.text() == null) return k; // no expr: reported by the binder
    String ctx = "kpi '" + k.id() + "'.expr";
    Expr e = new NamedExpr(d).parse(s.text(), s.at(), names, "KPI", ctx);
    if (e == null) return k;
    long errors = d.errorCount();
    checkValues(s, e, ctx);
    List<String> reads = List.copyOf(e.columns());
    // Said only when nothing else is wrong with the expression: one problem at a time per place.
    if (reads.isEmpty() && d.errorCount() == errors) {
      d.error(
          s.at(),
          ctx
              + ": '"
              + s.text()
              + "' names no KPI; a formula is computed from other KPIs' values, e.g."
              + " complaints / active_customers");
      return k;
    }
    checkCycles(k, s, reads, ctx);
    List<FormulaSpec.Operand> operands = operands(k, s, reads, ctx);
    FormulaUnits units = new FormulaUnits(id -> unitOf(id, new HashSet<>(Set.of(k.id()))));
    String inferred = units.of(e);
    for (String problem : units.problems()) d.error(s.at(), ctx + ": " + problem);
    if (d.errorCount() > errors) return k;
    String unit = s.declaredUnit() != null ? s.declaredUnit() : inferred == null ? "" : inferred;
    return new KpiDef(
        k.id(),
        k.label(),
        k.description(),
        k.type(),
        k.source(),
        k.time(),
        k.where(),
        k.by(),
        k.rollup(),
        unit,
        k.target(),
        k.preset(),
        k.location(),
        new FormulaSpec(s.text(), s.at(), s.declaredUnit(), e, operands),
        k.groups());
  }

  /** The expression gives a number, and calls only the functions of numbers. */
  private void checkValues(FormulaSpec s, Expr e, String ctx) {
    if (e.type() != ValueType.NUMBER) {
      d.error(
          s.at(),
          ctx
              + " gives "
              + (e.type() == ValueType.BOOLEAN ? "true/false" : e.type().yamlName())
              + "; a formula gives a number (e.g. complaints / active_customers)");
    }
    for (String f : functions(e)) {
      if (!FUNCTIONS.contains(f)) {
        d.error(
            s.at(),
            ctx
                + " calls "
                + f
                + ", which reads texts or dates; a formula's values are numbers: use "
                + String.join(", ", FUNCTIONS.stream().sorted().toList()));
      }
    }
  }

  /** The formula reads neither itself nor, through other formulas, a formula that reads it. */
  private void checkCycles(KpiDef k, FormulaSpec s, List<String> reads, String ctx) {
    if (reads.contains(k.id())) {
      d.error(s.at(), ctx + " reads kpi '" + k.id() + "' itself");
      return;
    }
    List<String> cycle = cycle(k.id());
    if (cycle != null) {
      d.error(
          s.at(),
          ctx
              + ": "
              + String.join(" → ", cycle)
              + " is a cycle: a formula cannot read itself through other formulas");
    }
  }

  /**
   * The KPIs it reads, each with one value per group (not a funnel's stages) and broken down as the
   * formula is or not at all; a formula with a breakdown needs one of them broken down.
   */
  private List<FormulaSpec.Operand> operands(
      KpiDef k, FormulaSpec s, List<String> reads, String ctx) {
    List<FormulaSpec.Operand> out = new ArrayList<>();
    boolean brokenDown = false;
    for (String id : reads) {
      KpiDef o = byId.get(id);
      if ("funnel".equals(o.type())) {
        d.error(
            s.at(),
            ctx
                + " reads funnel '"
                + id
                + "', which has a value per stage, not one: read one of its conversion KPIs");
      }
      if (!o.by().isEmpty() && !k.by().isEmpty() && !o.by().equals(k.by())) {
        d.error(
            s.at(),
            ctx
                + ": kpi '"
                + k.id()
                + "' is broken down by "
                + k.by()
                + " but reads '"
                + id
                + "', broken down by "
                + o.by()
                + ": a KPI a formula reads is broken down as the formula is, or not at all (then"
                + " its one value counts for every group)");
      }
      brokenDown |= !o.by().isEmpty();
      out.add(new FormulaSpec.Operand(id, o.label(), o.by()));
    }
    if (!k.by().isEmpty() && !brokenDown) {
      d.error(
          s.at(),
          ctx
              + ": kpi '"
              + k.id()
              + "' is broken down by "
              + k.by()
              + " but none of the KPIs it reads is: give one of them by: "
              + k.by()
              + " (the others count for every group)");
    }
    return out;
  }

  /** The functions an expression calls. */
  private static Set<String> functions(Expr e) {
    Set<String> out = new HashSet<>();
    List<Expr> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Expr x = todo.remove(todo.size() - 1);
      if (x instanceof Expr.Call f) out.add(f.function());
      todo.addAll(children(x));
    }
    return out;
  }

  private static List<Expr> children(Expr x) {
    List<Expr> out = new ArrayList<>();
    if (x instanceof Expr.Binary b) out.addAll(List.of(b.left(), b.right()));
    else if (x instanceof Expr.Unary u) out.add(u.operand());
    else if (x instanceof Expr.IsNull n) out.add(n.operand());
    else if (x instanceof Expr.In n) {
      out.add(n.operand());
      out.addAll(n.values());
    } else if (x instanceof Expr.Case c) {
      out.addAll(c.conditions());
      out.addAll(c.results());
      if (c.otherwise() != null) out.add(c.otherwise());
    } else if (x instanceof Expr.Call f) out.addAll(f.args());
    return out;
  }

  /** The KPIs a formula names, read quietly; none for another type or an expression in error. */
  private List<String> reads(String id) {
    Expr e = expr(id);
    return e == null ? List.of() : List.copyOf(e.columns());
  }

  private Expr expr(String id) {
    KpiDef k = byId.get(id);
    if (k == null || !(k.spec() instanceof FormulaSpec f) || f.text() == null) return null;
    return others.computeIfAbsent(
        id, x -> new NamedExpr(null).parse(f.text(), f.at(), names, "KPI", ""));
  }

  /**
   * A path of formulas from {@code start} back to itself ("a → b → a"), or null when none: the
   * first found, depth first in the order the formulas name their KPIs.
   */
  private List<String> cycle(String start) {
    List<String> path = new ArrayList<>(List.of(start));
    return walk(start, start, path, new HashSet<>()) ? path : null;
  }

  private boolean walk(String start, String at, List<String> path, Set<String> seen) {
    for (String next : reads(at)) {
      if (next.equals(start)) {
        path.add(next);
        return true;
      }
      if (!seen.add(next)) continue;
      path.add(next);
      if (walk(start, next, path, seen)) return true;
      path.remove(path.size() - 1);
    }
    return false;
  }

  /**
   * A KPI's unit: its own, or for a formula that declares none the unit its expression gives; null
   * (any) for a formula in a cycle, which is reported there.
   */
  private String unitOf(String id, Set<String> visiting) {
    KpiDef k = byId.get(id);
    if (!(k.spec() instanceof FormulaSpec f)) return k.unit();
    if (f.declaredUnit() != null) return f.declaredUnit();
    Expr e = expr(id);
    if (e == null || !visiting.add(id)) return null;
    String u = new FormulaUnits(x -> unitOf(x, visiting)).of(e);
    visiting.remove(id);
    return u == null ? "" : u;
  }
}
