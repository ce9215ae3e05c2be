package dev.journeykpi.types.stalled;

import dev.journeykpi.calc.HistoryRow;
import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.config.StalledDef;
import dev.journeykpi.config.TimeSpan;
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
 * Re-engagement of stalled leads: those idle too long before the period, and how many were touched
 * again in it.
 */
public final class StalledKind extends KpiKind<StalledSpec> {
  public StalledKind() {
    super("stalled", StalledSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("lead", "idle", "closed");
  }

  @Override
  public Placement placement() {
    return Placement.BY_TIME;
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String lead = r.required("lead");
    r.exists(lead, r.at("lead"), "lead");
    if (r.time() == null && r.has("time"))
      r.error(r.at("time"), r.ctx() + ": stalled needs a 'time' column: the date of each touch");
    TimeSpan idle = r.days("idle");
    if (!r.has("idle"))
      r.error(
          r.where(),
          r.ctx() + " needs 'idle': untouched for more than how long, e.g. idle: 30 working days");
    var closed = r.plainFilter("closed");
    return new SpecReader.Bound(
        new StalledSpec(new StalledDef(lead, idle, closed)), r.fixedUnit("%", "a stalled KPI"));
  }

  @Override
  public List<ResultRow> run(
      KpiDef k, StalledSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    StalledMeasurer m = new StalledMeasurer(spec.stalled(), k.time(), runner.calendar());
    return runner.wholeHistory(
        k,
        table,
        periods,
        List.of(),
        (t, rows, p) -> List.of(new HistoryRow(List.of(), m.measure(t, rows, p), p)));
  }

  /** Each period's stalled, touched and closed leads counted in SQL ({@link StalledSql}). */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, StalledSpec spec) {
    return new StalledSql(spec.stalled());
  }

  @Override
  public List<String> datedBy(KpiDef k, StalledSpec spec) {
    return timeColumn(k);
  }

  /**
   * The stalled leads at the period's start, touched again in it or not: the re-engagement call
   * list.
   */
  @Override
  public Listing<StalledSpec> listing() {
    return LEADS;
  }

  private static final Listing<StalledSpec> LEADS =
      new Listing<>(LeadList.Kind.STALLED) {
        @Override
        public List<LeadList.Entry> list(
            KpiDef k,
            StalledSpec spec,
            Table table,
            Period period,
            String stage,
            KpiRunner runner) {
          return StalledLeadList.stalled(k, spec.stalled(), table, period, runner.calendar());
        }
      };

  @Override
  public boolean judgesWholeHistory() {
    return true;
  }

  @Override
  public void expectedValues(KpiDef k, StalledSpec spec, ExpectedValues out) {
    out.filter("closed", spec.stalled().closed());
  }

  @Override
  public Explained explain(KpiDef k, StalledSpec spec, Phrases p) {
    StalledDef s = spec.stalled();
    return new Explained(
        p.t(
            "of the %s untouched for more than %s before the period (and not closed), the share touched again in it",
            s.lead(), s.idle()),
        List.of(),
        p.t(
            "touches dated by %s; stalled = last touch before the period more than %s before its first day",
            k.time(), s.idle()),
        null,
        null,
        closed(s, p),
        null,
        p.t("stalled leads touched in the period ÷ stalled leads") + p.overRows(k.where()));
  }

  /**
   * Which leads are closed (left out) and which are not: lost leads are re-engaged unless 'closed'
   * names their rows.
   */
  private static String closed(StalledDef s, Phrases p) {
    if (s.closed().isEmpty())
      return p.t(
          "nothing: no 'closed' filter, so every lead idle long enough is stalled, won and lost ones too");
    return p.t("leads closed before the period (rows where %s)", p.filter(s.closed()))
        + "; "
        + p.t(
            "only those rows close a lead: every other lead — lost, undecided or still open — stays one to re-engage, lost ones"
                + " included (name their rows in 'closed' to leave them out)");
  }
}
