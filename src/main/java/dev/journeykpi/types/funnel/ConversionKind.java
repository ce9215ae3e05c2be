package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.Location;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.config.Suggestions;
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
import tech.tablesaw.api.Table;

/**
 * One step's conversion of a funnel KPI (from one stage to a later one), for the scorecard and its
 * targets.
 */
public final class ConversionKind extends KpiKind<ConversionSpec> {
  public ConversionKind() {
    super("conversion", ConversionSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("funnel", "from", "to");
  }

  @Override
  public Placement placement() {
    return Placement.AS_OTHER_KPI;
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String ref = r.required("funnel");
    String from = r.required("from");
    String to = r.required("to");
    // The funnel is another KPI: checked in resolve, once every KPI is bound.
    List<Location> at = List.of(r.at("funnel"), r.at("from"), r.at("to"));
    return new SpecReader.Bound(new ConversionSpec(ref, from, to, at, null, false), "%");
  }

  /**
   * Takes the funnel KPI's source, periods, population and stages; its stages must be the funnel's,
   * in order.
   */
  @Override
  public KpiDef resolve(KpiDef k, Map<String, KpiDef> byId, Diagnostics d) {
    ConversionSpec c = spec(k);
    if (c.funnelKpi() == null) return k;
    String ctx = "kpi '" + k.id() + "'";
    List<String> funnels =
        byId.values().stream().filter(x -> x.type().equals("funnel")).map(KpiDef::id).toList();
    KpiDef f = byId.get(c.funnelKpi());
    if (f == null || !f.type().equals("funnel")) {
      d.error(
          c.at().get(0),
          ctx
              + ".funnel '"
              + c.funnelKpi()
              + "' is not a funnel KPI"
              + Suggestions.hint(c.funnelKpi(), funnels)
              + (funnels.isEmpty()
                  ? "; no funnel KPIs are defined"
                  : "; funnels: " + String.join(", ", funnels)));
      return k;
    }
    // A funnel whose stages could not be read is already reported.
    if (!(f.spec() instanceof FunnelSpec fs)) return k;
    FunnelDef fd = fs.funnel();
    List<String> stageIds = fd.stages().stream().map(FunnelDef.Stage::id).toList();
    int from = fd.indexOf(c.from());
    int to = fd.indexOf(c.to());
    String[][] ends = {{"from", c.from()}, {"to", c.to()}};
    for (int i = 0; i < ends.length; i++) {
      if (ends[i][1] != null && fd.indexOf(ends[i][1]) < 0) {
        d.error(
            c.at().get(i + 1),
            ctx
                + "."
                + ends[i][0]
                + " names unknown stage '"
                + ends[i][1]
                + "' of funnel '"
                + f.id()
                + "'"
                + Suggestions.hint(ends[i][1], stageIds)
                + "; stages: "
                + String.join(", ", stageIds));
      }
    }
    if (from >= 0 && to >= 0 && from >= to) {
      d.error(
          c.at().get(2),
          ctx
              + ": stage '"
              + c.to()
              + "' must come after '"
              + c.from()
              + "' in funnel '"
              + f.id()
              + "'");
      return k;
    }
    if (from < 0 || to < 0) return k;
    return k.reading(
        f,
        new ConversionSpec(
            c.funnelKpi(),
            c.from(),
            c.to(),
            c.at(),
            fd.asConversion(c.from(), c.to()),
            fs.businessTime()));
  }

  @Override
  public List<ResultRow> run(
      KpiDef k, ConversionSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    // A conversion's times between stages are in days: its own unit is the rate's %.
    FunnelMeasurer m =
        new FunnelMeasurer(
            spec.funnel(),
            k.time(),
            spec.businessTime() ? runner.calendar() : null,
            runner.calendar(),
            runner.zone(),
            KpiRunner.unitSeconds("days"),
            runner.shared());
    return runner.wholeHistory(k, table, periods, m.dimensions(), m::measure);
  }

  /** On an SQL engine: the leads' paths reduced and counted in SQL ({@link FunnelSql}). */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, ConversionSpec spec) {
    if (spec.funnel() == null)
      return new dev.journeykpi.sql.SqlTemplate.NotYet("its funnel is not known");
    return new FunnelSql(spec.funnel(), spec.businessTime(), KpiRunner.unitSeconds("days"));
  }

  @Override
  public List<String> datedBy(KpiDef k, ConversionSpec spec) {
    return timeColumn(k);
  }

  @Override
  public Listing<ConversionSpec> listing() {
    return null;
  }

  @Override
  public boolean judgesWholeHistory() {
    return false;
  }

  /** None: the funnel KPI lists its stages' values; a conversion repeats them. */
  @Override
  public void expectedValues(KpiDef k, ConversionSpec spec, ExpectedValues out) {}

  @Override
  public Explained explain(KpiDef k, ConversionSpec spec, Phrases p) {
    FunnelDef f = spec.funnel();
    return new Explained(
        p.t(
                "share of the leads that reached stage '%s' that went on to reach '%s'",
                f.from(), f.to())
            + "; "
            + p.t("stages %s", FunnelWords.stageList(f, p)),
        List.of(),
        FunnelWords.period(k, f, p),
        null,
        null,
        FunnelWords.leftOut(k, f, p),
        null,
        p.t("leads that reached '%s' ÷ leads that reached '%s'", f.to(), f.from())
            + "; "
            + FunnelWords.rules(f, p)
            + p.overRows(k.where()));
  }
}
