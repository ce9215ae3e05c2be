package dev.journeykpi.types.count;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlTemplate;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.PeriodRowsKind;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;

/** Rows in the population, or distinct values of {@code distinct:}. */
public final class CountKind extends PeriodRowsKind<CountSpec> {
  public CountKind() {
    super("count", CountSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("distinct");
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String column = r.string("distinct");
    r.exists(column, r.at("distinct"), "distinct");
    String unit = r.declaredUnit();
    return new SpecReader.Bound(
        new CountSpec(column), unit != null ? unit : column == null ? "rows" : "");
  }

  @Override
  protected Measurer measurer(KpiDef k, CountSpec spec, KpiRunner runner) {
    return new CountMeasurer(spec.distinct());
  }

  /** Rows, or distinct non-blank values and the rows without one, counted in SQL. */
  @Override
  public SqlTemplate sql(KpiDef k, CountSpec spec) {
    return new PeriodRowsSql() {
      @Override
      public List<Aggregate> aggregates(SqlColumns c) {
        if (spec.distinct() == null) return List.of(new Aggregate("rows", "count(*)"));
        String col = c.ref(spec.distinct());
        return List.of(
            new Aggregate("rows", "count(*)"),
            new Aggregate("distinct", "count(DISTINCT " + col + ")"),
            new Aggregate("blank", "count(*) - count(" + col + ")"));
      }

      @Override
      public Measure measure(Values v) {
        int rows = Math.toIntExact(v.count("rows"));
        return spec.distinct() == null
            ? CountMeasurer.result(rows, rows, 0, null)
            : CountMeasurer.result(
                Math.toIntExact(v.count("distinct")),
                rows,
                Math.toIntExact(v.count("blank")),
                spec.distinct());
      }
    };
  }

  @Override
  public void expectedValues(KpiDef k, CountSpec spec, ExpectedValues out) {}

  @Override
  public Explained explain(KpiDef k, CountSpec spec, Phrases p) {
    String c = spec.distinct();
    return new Explained(
        c == null ? p.t("number of rows") : p.t("number of distinct non-blank values of %s", c),
        List.of(),
        Explained.byTime(k.time(), p),
        null,
        null,
        c == null ? "" : p.t("rows without %s (counted in the note)", c),
        null,
        (c == null ? "count(rows)" : "count(distinct " + c + ")") + p.overRows(k.where()));
  }
}
