package dev.journeykpi.types.formula;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.Expr;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.KpiKind;
import dev.journeykpi.types.Listing;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * {@code formula}: a KPI computed from other KPIs' values of the same period and group (complaints
 * per active customer, a channel's share of revenue, the ratio of two sources' counts). It reads no
 * source: the engine runs the KPIs it names first and hands it their rows.
 */
public final class FormulaKind extends KpiKind<FormulaSpec> {
  public FormulaKind() {
    super("formula", FormulaSpec.class);
  }

  /**
   * A formula is never a query: the engines compute it from the rows of the KPIs it reads
   * (ComputedKpis), on SQL engines as on the default one, so it is never compiled.
   */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, FormulaSpec spec) {
    return new dev.journeykpi.sql.SqlTemplate.NotYet(
        "a formula is computed from the KPIs it reads, not compiled");
  }

  @Override
  public Set<String> keys() {
    return Set.of("expr");
  }

  @Override
  public Placement placement() {
    return Placement.FROM_KPIS;
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String text = r.required("expr");
    if ("true".equals(r.string("rollup"))) {
      r.error(
          r.at("rollup"),
          r.ctx()
              + ": rollup does not apply to a formula: it has the rows of the KPIs it reads (give"
              + " those rollup: true)");
    }
    // The KPIs it names are checked in resolve, once every KPI is bound; so is its unit, which
    // follows from theirs unless declared.
    return new SpecReader.Bound(
        new FormulaSpec(text, r.at("expr"), r.declaredUnit(), null, List.of()), r.declaredUnit());
  }

  @Override
  public KpiDef resolve(KpiDef k, Map<String, KpiDef> byId, Diagnostics d) {
    return new FormulaResolver(byId, d).resolve(k, spec(k));
  }

  @Override
  public List<String> computedFrom(KpiDef k) {
    return spec(k).operands().stream().map(FormulaSpec.Operand::id).toList();
  }

  @Override
  public List<ResultRow> fromResults(
      KpiDef k, List<Period> periods, Map<String, List<ResultRow>> results, boolean compared) {
    return FormulaRows.rows(k, spec(k), periods, results, compared);
  }

  /** Never: a formula has no rows of its own ({@link #fromResults} computes it). */
  @Override
  public List<ResultRow> run(
      KpiDef k, FormulaSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    throw new IllegalStateException("formula '" + k.id() + "' is computed from other KPIs' rows");
  }

  /** None: the KPIs it reads date their own rows. */
  @Override
  public List<String> datedBy(KpiDef k, FormulaSpec spec) {
    return List.of();
  }

  @Override
  public boolean judgesWholeHistory() {
    return false;
  }

  /** None: the KPIs it reads expect their own texts. */
  @Override
  public void expectedValues(KpiDef k, FormulaSpec spec, ExpectedValues out) {}

  @Override
  public Listing<FormulaSpec> listing() {
    return null;
  }

  @Override
  public Explained explain(KpiDef k, FormulaSpec spec, Phrases p) {
    Map<String, String> labels =
        spec.operands().stream()
            .collect(Collectors.toMap(FormulaSpec.Operand::id, FormulaSpec.Operand::label));
    String words = new FormulaText(labels::get, p::plain, true).text(spec.expr());
    String reads =
        spec.operands().stream()
            .map(o -> o.label().equals(o.id()) ? o.id() : o.id() + " (" + o.label() + ")")
            .collect(Collectors.joining(", "));
    boolean division = spec.expr() instanceof Expr.Binary b && b.op().equals("/");
    return new Explained(
        words + ": " + p.t("computed from the values other KPIs have in the same period"),
        List.of(p.t("the values of KPIs %s", reads)),
        p.t(
            "each period's value from those KPIs' values in that period (the comparison from"
                + " their values in the earlier one); a KPI without a value there leaves the"
                + " formula without one"),
        null,
        null,
        "",
        null,
        FormulaText.ids(spec.expr())
            + "; "
            + (division ? p.t("numerator and denominator are reported") + "; " : "")
            + p.t("no value when a KPI it reads has none or on a division by zero (noted)"));
  }

  /** A value computed from other KPIs' values, not counted from rows: no interval (issue 20). */
  @Override
  public boolean ratesAreShares(KpiDef k) {
    return false;
  }
}
