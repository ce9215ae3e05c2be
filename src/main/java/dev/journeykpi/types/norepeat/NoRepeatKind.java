package dev.journeykpi.types.norepeat;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.PeriodRowsKind;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;

/**
 * Share of rows not followed by another row of the same customer within a window (first-contact
 * resolution).
 */
public final class NoRepeatKind extends PeriodRowsKind<NoRepeatSpec> {
  public NoRepeatKind() {
    super("no_repeat", NoRepeatSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("customer", "within", "denominator");
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String customer = r.required("customer");
    r.exists(customer, r.at("customer"), "customer");
    if (r.time() == null && r.has("time"))
      r.error(r.at("time"), r.ctx() + ": no_repeat needs a 'time' column to find repeats in order");
    TimeSpan window = r.span("within", true);
    if (!r.has("within")) {
      r.error(
          r.where(),
          r.ctx()
              + " needs 'within': how soon another contact counts as a repeat, "
              + TimeSpan.FORMS);
    }
    var judged = r.filter("denominator");
    return new SpecReader.Bound(
        new NoRepeatSpec(customer, window, judged), r.fixedUnit("%", "a no_repeat KPI"));
  }

  /** A share of counted rows: Newcombe's interval of the difference of two shares. */
  @Override
  protected CompareDef.Test compared(NoRepeatSpec spec) {
    return CompareDef.Test.of(CompareDef.Method.NEWCOMBE);
  }

  @Override
  protected Measurer measurer(KpiDef k, NoRepeatSpec spec, KpiRunner runner) {
    return new NoRepeatMeasurer(
        spec.customer(), k.time(), spec.window(), k.where(), spec.judged(), runner.calendar());
  }

  /** Each contact's next one found by a window function in SQL ({@link NoRepeatSql}). */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, NoRepeatSpec spec) {
    return new NoRepeatSql(k, spec);
  }

  @Override
  public void expectedValues(KpiDef k, NoRepeatSpec spec, ExpectedValues out) {
    out.filter("denominator", spec.judged());
  }

  @Override
  public Explained explain(KpiDef k, NoRepeatSpec spec, Phrases p) {
    return new Explained(
        p.t(
            "share of contacts with no other contact of the same %s within %s after it",
            spec.customer(), spec.window()),
        List.of(
            spec.judged().isEmpty()
                ? p.t(
                    "every contact is judged; repeats are looked for among all of those rows, in any period")
                : p.t(
                    "contacts judged: those where %s; repeats are looked for among all of the population, in any period",
                    p.filter(spec.judged()))),
        Explained.byTime(k.time(), p),
        null,
        null,
        p.t(
            "contacts without %s, and contacts whose window runs past the export's latest %s with no repeat"
                + " yet: left out and counted",
            spec.customer(), k.time()),
        null,
        p.t("contacts without a repeat ÷ contacts judged") + p.overRows(k.where()));
  }
}
