package dev.journeykpi.types.ratio;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlTemplate;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.PeriodRowsKind;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;

/** Share of the denominator population that also matches the numerator filter. */
public final class RatioKind extends PeriodRowsKind<RatioSpec> {
  public RatioKind() {
    super("ratio", RatioSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("numerator", "denominator");
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

  /** A share of counted rows: Newcombe's interval of the difference of two shares. */
  @Override
  protected CompareDef.Test compared(RatioSpec spec) {
    return CompareDef.Test.of(CompareDef.Method.NEWCOMBE);
  }

  @Override
  protected Measurer measurer(KpiDef k, RatioSpec spec, KpiRunner runner) {
    return new RatioMeasurer(spec.numerator(), spec.denominator());
  }

  /**
   * The rows each filter keeps among the group's, counted in SQL; the same measure as {@link
   * RatioMeasurer}.
   */
  @Override
  public SqlTemplate sql(KpiDef k, RatioSpec spec) {
    return new PeriodRowsSql() {
      @Override
      public List<Aggregate> aggregates(SqlColumns c) {
        String d = c.where(spec.denominator());
        String n = c.where(spec.numerator());
        return List.of(
            new Aggregate("denominator", Aggregates.countWhere(d)),
            new Aggregate("numerator", Aggregates.countWhere(d + " AND " + n)));
      }

      @Override
      public Measure measure(Values v) {
        return RatioMeasurer.result(
            Math.toIntExact(v.count("numerator")), Math.toIntExact(v.count("denominator")));
      }
    };
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
