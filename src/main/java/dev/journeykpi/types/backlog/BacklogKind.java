package dev.journeykpi.types.backlog;

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

/** Rows open at the end of the period: a point-in-time count over every row of the history. */
public final class BacklogKind extends KpiKind<BacklogSpec> {
  public BacklogKind() {
    super("backlog", BacklogSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("start", "end");
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
    return new SpecReader.Bound(
        new BacklogSpec(start, end), r.declaredUnit() == null ? "open" : r.declaredUnit());
  }

  @Override
  public List<ResultRow> run(
      KpiDef k, BacklogSpec spec, Table table, List<Period> periods, KpiRunner runner) {
    return runner.atPointInTime(
        k, table, periods, new BacklogMeasurer(spec.start(), spec.end()), spec.start(), spec.end());
  }

  /** Counted at each period's end in SQL ({@link BacklogSql}). */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, BacklogSpec spec) {
    return new BacklogSql(spec);
  }

  /** A backlog's rows reach as far as their latest start or end. */
  @Override
  public List<String> datedBy(KpiDef k, BacklogSpec spec) {
    return spec.end() == null ? List.of(spec.start()) : List.of(spec.start(), spec.end());
  }

  @Override
  public Listing<BacklogSpec> listing() {
    return null;
  }

  @Override
  public boolean judgesWholeHistory() {
    return true;
  }

  @Override
  public void expectedValues(KpiDef k, BacklogSpec spec, ExpectedValues out) {}

  @Override
  public Explained explain(KpiDef k, BacklogSpec spec, Phrases p) {
    return new Explained(
        p.t(
            "rows open (started, not ended) at the end of the period, from %s and %s",
            spec.start(), spec.end()),
        List.of(),
        p.t(
            "counted at the end of each period over every row: a row started before the period ends and not ended by then"),
        null,
        null,
        "",
        null,
        p.t(
                "count(%s < period end and (%s blank or %s ≥ period end))",
                spec.start(), spec.end(), spec.end())
            + p.overRows(k.where()));
  }
}
