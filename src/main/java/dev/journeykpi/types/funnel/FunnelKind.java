package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.ConfigException;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.KpiKind;
import dev.journeykpi.types.Listing;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Leads through ordered stages: reached, next-step and cumulative conversion, drop-off, lost, time
 * to the next stage.
 */
public final class FunnelKind extends KpiKind<FunnelSpec> {
  public FunnelKind() {
    super("funnel", FunnelSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of(
        "mode",
        "lead",
        "stage",
        "stages",
        "lost",
        "skipped",
        "entered_midway",
        "within",
        "periods",
        "clock");
  }

  @Override
  public Placement placement() {
    return Placement.BY_TIME;
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    FunnelDef funnel = r.funnel();
    boolean business = r.businessClock();
    // Times between stages in days by default; on the business clock in hours (a day of working
    // time would be 24 working hours).
    String unit = r.declaredUnit() != null ? r.declaredUnit() : business ? "hours" : "days";
    if (!SpecReader.DURATION_UNITS.contains(unit)) {
      r.error(
          r.at("unit"),
          r.ctx()
              + ".unit (of the times between stages) is one of "
              + SpecReader.DURATION_UNITS
              + Suggestions.hint(unit, SpecReader.DURATION_UNITS));
    }
    r.refuseBusinessDays(business, unit);
    return new SpecReader.Bound(funnel == null ? null : new FunnelSpec(funnel, business), unit);
  }

  @Override
  public List<ResultRow> run(
      KpiDef k, FunnelSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    FunnelMeasurer m =
        new FunnelMeasurer(
            spec.funnel(),
            k.time(),
            spec.businessTime() ? runner.calendar() : null,
            runner.calendar(),
            runner.zone(),
            KpiRunner.unitSeconds(k.unit()),
            runner.shared());
    return runner.wholeHistory(k, table, periods, m.dimensions(), m::measure);
  }

  /** On an SQL engine: the leads' paths reduced and counted in SQL ({@link FunnelSql}). */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, FunnelSpec spec) {
    return new FunnelSql(spec.funnel(), spec.businessTime(), KpiRunner.unitSeconds(k.unit()));
  }

  @Override
  public List<String> datedBy(KpiDef k, FunnelSpec spec) {
    return timeColumn(k);
  }

  /** A funnel is drawn as its stages: a table and chart of entries, steps and drops. */
  @Override
  public FunnelDef stagesDrawn(KpiDef k) {
    return spec(k).funnel();
  }

  @Override
  public Listing<FunnelSpec> listing() {
    return LEADS;
  }

  /** A funnel lists the leads of one stage: --stage is needed, and must be one of its stages. */
  private static final Listing<FunnelSpec> LEADS =
      new Listing<>(LeadList.Kind.FUNNEL) {
        @Override
        public void check(KpiDef k, FunnelSpec spec, String stage, Period period) {
          // A stage is named by its id or by the label the scorecard shows ("Có hứng thú").
          List<String> stages =
              spec.funnel().stages().stream()
                  .map(s -> s.label().equals(s.id()) ? s.id() : s.id() + " (" + s.label() + ")")
                  .toList();
          if (stage == null)
            throw new ConfigException(
                "kpi leads needs --stage for funnel '"
                    + k.id()
                    + "'; stages: "
                    + String.join(", ", stages));
          if (spec.funnel().stageNamed(stage) == null) {
            List<String> names = new java.util.ArrayList<>();
            spec.funnel().stages().forEach(s -> names.addAll(List.of(s.id(), s.label())));
            throw new ConfigException(
                "funnel '"
                    + k.id()
                    + "' has no stage '"
                    + stage
                    + "'"
                    + Suggestions.hint(stage, names)
                    + "; stages: "
                    + String.join(", ", stages));
          }
        }

        @Override
        public List<LeadList.Entry> list(
            KpiDef k, FunnelSpec spec, Table table, Period period, String stage, KpiRunner runner) {
          return FunnelLeadList.of(
              k,
              spec.funnel(),
              table,
              period,
              spec.funnel().stageNamed(stage),
              runner.calendar(),
              runner.zone());
        }
      };

  @Override
  public boolean judgesWholeHistory() {
    return false;
  }

  @Override
  public void expectedValues(KpiDef k, FunnelSpec spec, ExpectedValues out) {
    FunnelWords.expectedStages(spec.funnel(), out);
  }

  @Override
  public Explained explain(KpiDef k, FunnelSpec spec, Phrases p) {
    FunnelDef f = spec.funnel();
    return new Explained(
        p.t("leads of %s through the stages %s", f.lead(), FunnelWords.stageList(f, p))
            + FunnelWords.lostList(f, p),
        List.of(),
        FunnelWords.period(k, f, p),
        spec.businessTime(),
        null,
        FunnelWords.leftOut(k, f, p),
        p.t("leads for counts, %% for rates, %s for times between stages", k.unit()),
        FunnelWords.rules(f, p) + p.overRows(k.where()));
  }
}
