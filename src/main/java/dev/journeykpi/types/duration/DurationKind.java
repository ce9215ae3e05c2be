package dev.journeykpi.types.duration;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.sql.SqlTemplate;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.PeriodRowsKind;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;

/** Time between two timestamp columns, in calendar or business time, summarised by a statistic. */
public final class DurationKind extends PeriodRowsKind<DurationSpec> {
  public DurationKind() {
    super("duration", DurationSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("start", "end", "clock", "stat");
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String start = r.requiredTime("start");
    String end = r.requiredTime("end");
    boolean business = r.businessClock();
    String statText = r.string("stat");
    Statistic stat = statText == null ? Statistic.MEDIAN : Statistic.parse(statText);
    if (stat == null) {
      r.error(
          r.at("stat"),
          r.ctx() + ".stat '" + statText + "' is not one of mean, median, min, max, p90 (any pNN)");
      stat = Statistic.MEDIAN;
    }
    String unit = r.declaredUnit() == null ? "minutes" : r.declaredUnit();
    if (!SpecReader.DURATION_UNITS.contains(unit)) {
      r.error(
          r.at("unit"),
          r.ctx()
              + ".unit for a duration is one of "
              + SpecReader.DURATION_UNITS
              + Suggestions.hint(unit, SpecReader.DURATION_UNITS));
    }
    r.refuseBusinessDays(business, unit);
    return new SpecReader.Bound(new DurationSpec(start, end, business, stat), unit);
  }

  /**
   * A median, percentile, min or max by the bootstrap (no formula gives their interval); a mean by
   * Welch's test, as every mean: its interval rests on the central limit theorem, and a bootstrap
   * of a mean must draw every value 2,000 times (17 s for 100,000 durations a side, where a
   * median's resampling through its order statistics takes 0.3 s).
   */
  @Override
  protected CompareDef.Test compared(DurationSpec spec) {
    return spec.stat().kind() == Statistic.Kind.MEAN
        ? CompareDef.Test.of(CompareDef.Method.WELCH)
        : new CompareDef.Test(CompareDef.Method.BOOTSTRAP, spec.stat());
  }

  @Override
  protected Measurer measurer(KpiDef k, DurationSpec spec, KpiRunner runner) {
    return new DurationMeasurer(
        spec.start(),
        spec.end(),
        spec.businessTime() ? runner.calendar() : null,
        runner.zone(),
        spec.stat(),
        KpiRunner.unitSeconds(k.unit()));
  }

  /** Durations in SQL on either clock: {@link DurationSql}. */
  @Override
  public SqlTemplate sql(KpiDef k, DurationSpec spec) {
    return new DurationSql(spec, KpiRunner.unitSeconds(k.unit()));
  }

  @Override
  public void expectedValues(KpiDef k, DurationSpec spec, ExpectedValues out) {}

  @Override
  public Explained explain(KpiDef k, DurationSpec spec, Phrases p) {
    return new Explained(
        p.t("time from %s to %s", spec.start(), spec.end()),
        List.of(),
        Explained.byTime(k.time(), p),
        spec.businessTime(),
        spec.stat(),
        p.t(
            "rows without %s are open: counted in the note, never taken as 0; rows whose %s is before %s are data"
                + " errors, left out and counted; rows without %s are left out and counted",
            spec.end(), spec.end(), spec.start(), spec.start()),
        null,
        p.t(
                "%s(%s − %s) over completed rows, in %s",
                spec.stat(), spec.end(), spec.start(), k.unit())
            + p.overRows(k.where()));
  }
}
