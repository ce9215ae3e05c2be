package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer, order and lead ids in number columns on the SQL engines (issue 17), keyed as the
 * default engine keys them (by label: 12 and 12.0 are one customer, -0 and 0 one too), and a date
 * column as an id. Seven orders:
 *
 * <pre>
 * customer  order  day         amount
 * 12        1      2026-09-05  10
 * 12.0      2      2026-10-03  20
 * 7         3      2026-10-10  30
 * -0        -0     2026-10-11  40
 * 0         0      2026-10-12  50
 * (blank)   5      2026-10-15  60
 * 1.5       6      2026-10-20  70
 * </pre>
 */
class NumberIdsOnSqlTest {
  static Definition definition(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("o.csv"),
        """
        customer,order,day,amount
        12,1,2026-09-05,10
        12.0,2,2026-10-03,20
        7,3,2026-10-10,30
        -0,-0,2026-10-11,40
        0,0,2026-10-12,50
        ,5,2026-10-15,60
        1.5,6,2026-10-20,70
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("o.yaml"),
        """
        version: 1
        timezone: UTC
        sources:
          o:
            file: o.csv
            columns:
              customer: { column: customer, type: number }
              order: { column: order, type: number }
              day: { column: day, type: date, format: yyyy-MM-dd }
              amount: { column: amount, type: number }
        kpis:
          - { id: active, type: customers, measure: active, window: period, source: o, time: day,
              customer: customer }
          - { id: new, type: customers, measure: new, source: o, time: day, customer: customer }
          - { id: frequency, type: customers, measure: frequency, source: o, time: day,
              customer: customer, order: order, value: amount }
          - { id: stalled, type: stalled, source: o, lead: customer, time: day, idle: 20 days }
          - { id: days, type: customers, measure: active, window: period, source: o, time: day,
              customer: day }
        """,
        StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("o.yaml")));
  }

  static List<RunRequest> requests() {
    return List.of(
        new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()),
        new RunRequest(
            Period.parse("2026-11").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.NONE,
            LocalDate.of(2026, 12, 8)));
  }

  @Test
  void numberIdsAreKeyedAsOnTheDefaultEngineWorkedByHand(@TempDir Path dir) throws Exception {
    Definition def = definition(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : SqlKpiEngine.run(def, requests().get(0)).rows()) by.put(r.kpi(), r);
    // Active in October: 12 (written 12.0), 7, 0 (written -0 and 0), 1.5; the blank id is no
    // customer: 4.
    assertThat(by.get("active").value()).isEqualTo(4.0);
    // New in October: 7, 0, 1.5 (12 was active in September): 3.
    assertThat(by.get("new").value()).isEqualTo(3.0);
    // Orders per customer in October: 12 → order 2, 7 → 3, 0 → -0 and 0, one order, 1.5 → 6:
    // 4 orders of 4 customers = 1.
    assertThat(by.get("frequency").value()).isEqualTo(1.0);
    // Stalled at October's start (idle more than 20 days by 30 September): only 12, last touched
    // on 5 September (25 days); touched again on 3 October (as 12.0): 1 re-engaged of 1 stalled.
    assertThat(by.get("stalled").denominator()).isEqualTo(1.0);
    assertThat(by.get("stalled").numerator()).isEqualTo(1.0);
    // A date column as the id: each of October's six days is one "customer".
    assertThat(by.get("days").value()).isEqualTo(6.0);
    for (RunRequest request : requests())
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request));
  }
}
