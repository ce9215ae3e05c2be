package dev.journeykpi.types.sla;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SlaDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.PeriodRowsKind;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Share of rows whose start-to-end time met a limit; open rows judged as of the data's end. */
public final class SlaKind extends PeriodRowsKind<SlaSpec> {
  public SlaKind() {
    super("sla", SlaSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("start", "end", "clock", "limit");
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String start = r.requiredTime("start");
    String end = r.requiredTime("end");
    boolean business = r.businessClock();
    SlaDef sla = r.limit(business);
    return new SpecReader.Bound(
        new SlaSpec(start, end, business, sla), r.fixedUnit("%", "an sla KPI"));
  }

  /** A share of counted rows: Newcombe's interval of the difference of two shares. */
  @Override
  protected CompareDef.Test compared(SlaSpec spec) {
    return CompareDef.Test.of(CompareDef.Method.NEWCOMBE);
  }

  @Override
  protected Measurer measurer(KpiDef k, SlaSpec spec, KpiRunner runner) {
    return new SlaMeasurer(
        spec.start(),
        spec.end(),
        spec.businessTime() ? runner.calendar() : null,
        runner.zone(),
        spec.sla());
  }

  /** SLAs in SQL on either clock: {@link SlaSql}. */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, SlaSpec spec) {
    return new SlaSql(spec);
  }

  @Override
  public void expectedValues(KpiDef k, SlaSpec spec, ExpectedValues out) {
    SlaDef sla = spec.sla();
    if (sla == null || sla.by() == null) return;
    for (String key : sla.limits().keySet()) {
      out.value(
          "limit.values",
          sla.by(),
          List.of(key),
          sla.keyLocations().getOrDefault(key, k.location()));
    }
  }

  @Override
  public Explained explain(KpiDef k, SlaSpec spec, Phrases p) {
    return new Explained(
        p.t(
            "share of rows whose time from %s to %s met its limit: %s",
            spec.start(), spec.end(), limits(spec.sla(), p)),
        List.of(),
        Explained.byTime(k.time(), p),
        spec.businessTime(),
        null,
        p.t(
            "rows still open within their limit (they may still meet it), rows with no limit for their value, rows without"
                + " %s or ending before it: left out and counted; rows still open past their limit count as breached, judged at the"
                + " export's latest timestamp",
            spec.start()),
        null,
        p.t("rows met ÷ (rows met + rows breached)") + p.overRows(k.where()));
  }

  private static String limits(SlaDef sla, Phrases p) {
    if (sla.by() == null) return sla.fallback().toString();
    String per =
        sla.limits().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return p.t("by %s: %s", sla.by(), per)
        + (sla.fallback() == null
            ? "; " + p.t("other values have no limit")
            : "; " + p.t("other values %s", sla.fallback()));
  }
}
