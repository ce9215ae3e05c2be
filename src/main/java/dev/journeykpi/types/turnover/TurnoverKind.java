package dev.journeykpi.types.turnover;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecReader;
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

/** Employee turnover: leavers in the period ÷ average headcount at its edges. */
public final class TurnoverKind extends KpiKind<TurnoverSpec> {
  public TurnoverKind() {
    super("turnover", TurnoverSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("start", "end", "numerator");
  }

  @Override
  public Placement placement() {
    return Placement.AT_EDGES;
  }

  /** A declared group without rows is measured like a population without rows: 0 open, etc. */
  @Override
  public boolean takesDeclaredGroups() {
    return true;
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String start = r.requiredTime("start");
    String end = r.requiredTime("end");
    var leavers = r.filter("numerator");
    return new SpecReader.Bound(
        new TurnoverSpec(start, end, leavers), r.fixedUnit("%", "a turnover KPI"));
  }

  @Override
  public List<ResultRow> run(
      KpiDef k, TurnoverSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    return runner.atPointInTime(
        k,
        table,
        periods,
        new TurnoverMeasurer(spec.start(), spec.end(), spec.leavers()),
        spec.start(),
        spec.end());
  }

  /** Counted at each period's edges in SQL ({@link TurnoverSql}). */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, TurnoverSpec spec) {
    return new TurnoverSql(spec);
  }

  /**
   * None: an HR list's last hire or leave may rightly be months old, so the period is not checked
   * against it.
   */
  @Override
  public List<String> datedBy(KpiDef k, TurnoverSpec spec) {
    return List.of();
  }

  @Override
  public Listing<TurnoverSpec> listing() {
    return null;
  }

  @Override
  public boolean judgesWholeHistory() {
    return false;
  }

  @Override
  public void expectedValues(KpiDef k, TurnoverSpec spec, ExpectedValues out) {
    out.filter("numerator", spec.leavers());
  }

  @Override
  public Explained explain(KpiDef k, TurnoverSpec spec, Phrases p) {
    return new Explained(
        p.t(
            "leavers (%s in the period) ÷ average headcount (from %s and %s)",
            spec.end(), spec.start(), spec.end()),
        spec.leavers().isEmpty()
            ? List.of()
            : List.of(
                p.t(
                    "leavers counted: those where %s (everyone stays in the headcount)",
                    p.filter(spec.leavers()))),
        p.t(
            "leavers: rows whose %s is in the period; headcount at an instant: %s before it and %s blank or not before it",
            spec.end(), spec.start(), spec.end()),
        null,
        null,
        p.t("rows without %s (counted in the note)", spec.start()),
        null,
        p.t("leavers ÷ ((headcount at start + headcount at end) ÷ 2)") + p.overRows(k.where()));
  }

  /** Leavers ÷ an average headcount: not a share of counted people (no interval). */
  @Override
  public boolean ratesAreShares(KpiDef k) {
    return false;
  }
}
