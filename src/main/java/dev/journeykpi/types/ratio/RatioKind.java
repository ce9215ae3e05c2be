package dev.journeykpi.types.ratio;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.KpiKind;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/** Share of the denominator population that also matches the numerator filter. */
public final class RatioKind extends KpiKind<RatioSpec> {
  public RatioKind() {
    super("ratio", RatioSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("numerator", "denominator");
  }

  @Override
  public Placement placement() {
    return Placement.BY_TIME;
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    var numerator = r.filter("numerator");
    var denominator = r.filter("denominator");
    // A numerator whose conditions were all refused is already reported; only a missing one is
    // asked for.
    if (numerator.isEmpty() && !r.has("numerator")) {
      r.error(r.where(), r.ctx() + " needs 'numerator': the filter of rows counted above the line");
    }
    return new SpecReader.Bound(new RatioSpec(numerator, denominator), r.fixedUnit("%", "a ratio"));
  }

  @Override
  public List<ResultRow> run(
      KpiDef k, RatioSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    return runner.overPeriodRows(
        k, table, periods, new RatioMeasurer(spec.numerator(), spec.denominator()));
  }

  @Override
  public List<String> datedBy(KpiDef k, RatioSpec spec) {
    return timeColumn(k);
  }

  @Override
  public LeadList.Kind listing() {
    return null;
  }

  @Override
  public boolean judgesWholeHistory() {
    return false;
  }

  @Override
  public void expectedValues(KpiDef k, RatioSpec spec, ExpectedValues out) {
    out.filter("numerator", spec.numerator());
    out.filter("denominator", spec.denominator());
  }

  @Override
  public Explained explain(KpiDef k, RatioSpec spec, Phrases p) {
    return new Explained(
        p.t("share of the rows that match the numerator filter"),
        List.of(
            spec.denominator().isEmpty()
                ? p.t("denominator: those rows")
                : p.t("denominator: those where %s", p.filter(spec.denominator())),
            p.t("numerator: of those, rows where %s", p.filter(spec.numerator()))),
        Explained.byTime(k.time(), p),
        null,
        null,
        "",
        null,
        p.t(
            "rows(numerator ∩ denominator) ÷ rows(denominator); value, numerator and denominator are all reported"));
  }
}
