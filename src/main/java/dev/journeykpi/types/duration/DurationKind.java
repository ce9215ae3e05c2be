package dev.journeykpi.types.duration;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
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

  /**
   * Calendar-clock durations in SQL: each row's seconds from start to end on the wall clock (real
   * elapsed time in a zone whose offset no longer changes), open rows, rows without a start and
   * rows ending before they start counted, the first of those shown; the measure is {@link
   * DurationMeasurer}'s. Business time needs the calendar table (not built yet), and zones with
   * daylight saving the engine's time-zone conversion (not checked yet): both refused.
   */
  @Override
  public SqlTemplate sql(KpiDef k, DurationSpec spec) {
    if (spec.businessTime())
      return new SqlTemplate.NotYet("clock: business needs the calendar table, not built yet");
    return new PeriodRowsSql() {
      @Override
      public List<Aggregate> aggregates(SqlColumns c) {
        java.time.LocalDateTime wall = dev.journeykpi.calc.Elapsed.wallClockFrom(c.zone());
        if (wall == null)
          throw new SqlRefused(
              "calendar-clock durations in " + c.zone() + ", a zone with daylight saving");
        if (!c.type(spec.start()).isTemporal() || !c.type(spec.end()).isTemporal())
          throw new SqlRefused("start and end must be date columns");
        var d = c.dialect();
        String a = "CAST(" + c.ref(spec.start()) + " AS TIMESTAMP)";
        String b = "CAST(" + c.ref(spec.end()) + " AS TIMESTAMP)";
        String seconds =
            "CASE WHEN "
                + b
                + " >= "
                + a
                + " THEN ("
                + d.epochMillis(b)
                + " - "
                + d.epochMillis(a)
                + ") / 1000.0 END";
        if (!wall.equals(java.time.LocalDateTime.MIN)) {
          // Before the zone's last change of offset, real elapsed time through the zone's rules,
          // as Elapsed.between computes it.
          String z = d.literal(c.zone().getId());
          seconds =
              "CASE WHEN "
                  + a
                  + " >= "
                  + d.timestamp(wall)
                  + " THEN "
                  + seconds
                  + " WHEN "
                  + b
                  + " >= "
                  + a
                  + " THEN ("
                  + d.epochMillis("(" + b + " AT TIME ZONE " + z + ")")
                  + " - "
                  + d.epochMillis("(" + a + " AT TIME ZONE " + z + ")")
                  + ") / 1000.0 END";
        }
        String stat =
            switch (spec.stat().kind()) {
              case MEAN -> d.sumExact(seconds) + " / count(" + seconds + ")";
              case MIN -> "min(" + seconds + ")";
              case MAX -> "max(" + seconds + ")";
              default -> d.percentile(seconds, spec.stat().percentile());
            };
        String label =
            "CAST("
                + c.ref(spec.start())
                + " AS VARCHAR) || chr(0) || CAST("
                + c.ref(spec.end())
                + " AS VARCHAR)";
        return List.of(
            new Aggregate("rows", "count(*)"),
            new Aggregate("n", "count(" + seconds + ")"),
            new Aggregate(
                "open", "count(*) FILTER (WHERE " + a + " IS NOT NULL AND " + b + " IS NULL)"),
            new Aggregate("no_start", "count(*) FILTER (WHERE " + a + " IS NULL)"),
            new Aggregate("negative", "count(*) FILTER (WHERE " + b + " < " + a + ")"),
            new Aggregate(
                "examples",
                "list_slice(list("
                    + label
                    + " ORDER BY kpi_record) FILTER (WHERE "
                    + b
                    + " < "
                    + a
                    + "), 1, 3)"),
            new Aggregate("value", stat));
      }

      @Override
      public Measure measure(Values v) {
        int negative = Math.toIntExact(v.count("negative"));
        return DurationMeasurer.result(
            Math.toIntExact(v.count("rows")),
            Math.toIntExact(v.count("n")),
            Math.toIntExact(v.count("open")),
            Math.toIntExact(v.count("no_start")),
            negative,
            spec.start(),
            spec.end(),
            () -> {
              List<String> shown = new java.util.ArrayList<>();
              for (String pair : v.texts("examples")) {
                String[] ab = pair.split("\u0000", 2);
                shown.add(
                    DurationMeasurer.example(spec.start(), label(ab[0]), spec.end(), label(ab[1])));
              }
              return DurationMeasurer.examples(shown, negative);
            },
            () -> v.number("value"),
            KpiRunner.unitSeconds(k.unit()));
      }
    };
  }

  /** A date or date-time as the default engine's cells label it (Cells.label). */
  private static String label(String sqlText) {
    if (sqlText.length() <= 10) return sqlText;
    return java.time.LocalDateTime.parse(sqlText.replace(' ', 'T')).toString().replace('T', ' ');
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
