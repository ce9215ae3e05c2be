package dev.journeykpi.types.column;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.config.Statistic;
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

/**
 * The four types that summarise a column: one class, registered once per name, the statistic its
 * only difference.
 */
public final class ColumnKind extends PeriodRowsKind<ColumnSpec> {
  private final Statistic fixed;
  private final boolean percentile;

  private ColumnKind(String name, Statistic fixed, boolean percentile) {
    super(name, ColumnSpec.class);
    this.fixed = fixed;
    this.percentile = percentile;
  }

  public static ColumnKind sum() {
    return new ColumnKind("sum", null, false);
  }

  public static ColumnKind mean() {
    return new ColumnKind("mean", Statistic.MEAN, false);
  }

  public static ColumnKind median() {
    return new ColumnKind("median", Statistic.MEDIAN, false);
  }

  /** The pNN of a column ({@code p: 90}). */
  public static ColumnKind percentile() {
    return new ColumnKind("percentile", null, true);
  }

  @Override
  public Set<String> keys() {
    return percentile ? Set.of("column", "columns", "p") : Set.of("column", "columns");
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String column = null;
    List<String> columns = List.of();
    if (r.has("columns")) {
      List<SpecReader.Item> items = r.items("columns");
      columns = items.stream().map(SpecReader.Item::text).toList();
      if (r.has("column"))
        r.error(r.at("column"), r.ctx() + " has both 'column' and 'columns'; use one");
      if (columns.isEmpty()) r.error(r.at("columns"), r.ctx() + ".columns lists no columns");
      for (SpecReader.Item c : items) r.numeric(c.text(), c.at());
    } else {
      column = r.required("column");
      r.numeric(column, r.at("column"));
    }
    Statistic stat = fixed;
    if (percentile) {
      Integer p = r.integer("p");
      if (p == null && !r.has("p"))
        r.error(r.where(), r.ctx() + " needs 'p', the percentile (1-99), e.g. p: 90");
      if (p != null && (p < 1 || p > 99))
        r.error(r.at("p"), r.ctx() + ".p must be between 1 and 99, found " + p);
      stat = new Statistic(Statistic.Kind.PERCENTILE, p == null ? 50 : p);
    }
    String unit = r.declaredUnit();
    return new SpecReader.Bound(new ColumnSpec(column, columns, stat), unit == null ? "" : unit);
  }

  /** A mean by Welch's test, a median or percentile by the bootstrap; a sum cannot be compared. */
  @Override
  protected CompareDef.Test compared(ColumnSpec spec) {
    if (spec.stat() == null) return null;
    return spec.stat().kind() == Statistic.Kind.MEAN
        ? CompareDef.Test.of(CompareDef.Method.WELCH)
        : new CompareDef.Test(CompareDef.Method.BOOTSTRAP, spec.stat());
  }

  @Override
  protected Measurer measurer(KpiDef k, ColumnSpec spec, KpiRunner runner) {
    List<String> measured = spec.columns().isEmpty() ? List.of(spec.column()) : spec.columns();
    return new ColumnMeasurer(measured, spec.stat(), KpiRunner.unitSeconds(k.unit()));
  }

  /**
   * Each row's value (its columns added up, blank parts as 0, blank when all are) and the rows
   * without one, in SQL; the sum is an exact one (the same bytes on every run), the percentiles
   * exact ones. The measure is {@link ColumnMeasurer}'s.
   */
  @Override
  public SqlTemplate sql(KpiDef k, ColumnSpec spec) {
    List<String> measured = spec.columns().isEmpty() ? List.of(spec.column()) : spec.columns();
    return new PeriodRowsSql() {
      @Override
      public List<Aggregate> aggregates(SqlColumns c) {
        List<String> refs = new java.util.ArrayList<>();
        for (String m : measured) {
          // A duration column holds seconds as a DOUBLE, as a number column its number.
          if (c.type(m) != dev.journeykpi.config.ValueType.NUMBER
              && c.type(m) != dev.journeykpi.config.ValueType.DURATION)
            throw new dev.journeykpi.sql.SqlRefused("column '" + m + "' is not a number column");
          refs.add(c.ref(m));
        }
        List<String> parts = refs.stream().map(r -> "coalesce(" + r + ", 0.0)").toList();
        String allBlank = String.join(" AND ", refs.stream().map(r -> r + " IS NULL").toList());
        String anyBlank = String.join(" OR ", refs.stream().map(r -> r + " IS NULL").toList());
        String value =
            refs.size() == 1
                ? refs.get(0)
                : "CASE WHEN " + allBlank + " THEN NULL ELSE " + String.join(" + ", parts) + " END";
        var d = c.dialect();
        String stat =
            spec.stat() == null
                ? d.sumExact(value)
                : spec.stat().kind() == Statistic.Kind.MEAN
                    // DOUBLE over DOUBLE: no engine divides it as integers or decimals.
                    ? d.sumExact(value)
                        + " / "
                        + d.cast("count(" + value + ")", dev.journeykpi.sql.Dialect.SqlType.DOUBLE)
                    : d.percentile(value, spec.stat().percentile());
        return List.of(
            new Aggregate("rows", "count(*)"),
            new Aggregate("n", "count(" + value + ")"),
            new Aggregate(
                "partial",
                refs.size() == 1
                    ? "0"
                    : Aggregates.countWhere("NOT (" + allBlank + ") AND (" + anyBlank + ")")),
            new Aggregate("value", stat));
      }

      @Override
      public Measure measure(Values v) {
        return ColumnMeasurer.result(
            Math.toIntExact(v.count("rows")),
            Math.toIntExact(v.count("n")),
            Math.toIntExact(v.count("partial")),
            measured,
            () -> v.number("value"),
            KpiRunner.unitSeconds(k.unit()));
      }
    };
  }

  @Override
  public void expectedValues(KpiDef k, ColumnSpec spec, ExpectedValues out) {}

  @Override
  public Explained explain(KpiDef k, ColumnSpec spec, Phrases p) {
    String measured = spec.measured();
    String what =
        spec.stat() == null
            ? p.t("sum of %s", measured)
            : percentile
                ? p.t("%s of %s", spec.stat(), measured)
                : fixed == Statistic.MEAN
                    ? p.t("mean of %s", measured)
                    : p.t("median of %s", measured);
    // The formula names the statistic as a function: sum(…), mean(…), median(…), p90(…).
    String function = spec.stat() == null ? "sum" : spec.stat().toString();
    String formula =
        spec.columns().isEmpty()
            ? function + "(" + spec.column() + ")" + p.overRows(k.where())
            : function
                + "("
                + String.join(" + ", spec.columns())
                + ")"
                + p.overRows(k.where())
                + p.t("; blank parts taken as 0");
    return new Explained(
        what,
        List.of(),
        Explained.byTime(k.time(), p),
        null,
        percentile ? spec.stat() : null,
        p.t("rows without %s (counted in the note)", measured),
        null,
        formula);
  }
}
