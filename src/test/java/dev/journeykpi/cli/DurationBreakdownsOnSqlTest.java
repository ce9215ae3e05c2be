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
 * A breakdown by a duration column on the SQL engines (issue 17): each group is the duration's
 * seconds, labelled as the default engine labels a number ({@code 330}, {@code 330.5}), for the
 * types grouped by sets (count, backlog), those that copy rows per group (stalled, customers) and
 * funnels. Worked by hand on DuckDB; the same definition on PostgreSQL in
 * DurationBreakdownsOnPostgresTest.
 */
class DurationBreakdownsOnSqlTest {
  @TempDir Path dir;

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  /**
   * Seven calls in October 2026 (and one in November), talk a duration (seconds unless said, or
   * M:SS / H:MM:SS), hold in minutes:
   *
   * <pre>
   * c1 A  5:30     → 330 s      hold 1.5 → 90 s
   * c2 A  330      → 330 s      hold 1.5 → 90 s
   * c3 A  5:30.5   → 330.5 s    hold 2   → 120 s
   * c4 B  0:05:30  → 330 s      hold (blank)
   * c5 B  (blank)               hold 2   → 120 s
   * c6 B  x        → not a duration: blanked (noted in the quality report)
   * c7 B  1:00:00  → 3600 s     hold 1.5 → 90 s
   * c8 B  330 on 01/11 (November: not counted in October, its group is there anyway)
   * </pre>
   *
   * Calls by talk in October: 330 → c1 c2 c4 = 3; 330.5 → c3 = 1; 3600 → c7 = 1; (blank) → c5 c6 =
   * 2; total 7. By team and talk with the roll-up: A 3 (330: 2, 330.5: 1), B 4 (330: 1, 3600: 1,
   * (blank): 2). By hold: 90 → c1 c2 c7 = 3, 120 → c3 c5 = 2, (blank) → c4 c6 = 2. Groups in the
   * default engine's order: numbers in value order, blank after them, the total last.
   */
  static final String CSV =
      """
      id,at,team,talk,hold,lead,stage,customer
      c1,01/10/2026 09:00,A,5:30,"1,5",L1,new,K1
      c2,02/10/2026 09:00,A,330,"1,5",L1,won,K2
      c3,03/10/2026 09:00,A,5:30.5,2,L2,new,K1
      c4,04/10/2026 09:00,B,0:05:30,,L3,new,K3
      c5,05/10/2026 09:00,B,,2,L4,new,K4
      c6,06/10/2026 09:00,B,x,,L4,won,K4
      c7,07/10/2026 09:00,B,1:00:00,"1,5",L5,new,K5
      c8,01/11/2026 09:00,B,330,,L6,new,K6
      """;

  static final String YAML =
      """
      version: 1
      timezone: Asia/Ho_Chi_Minh
      sources:
        calls:
          file: calls.csv
          columns:
            id: id
            at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
            team: team
            talk: { column: talk, type: duration }
            hold: { column: hold, type: duration, unit: minutes, decimal: "," }
            lead: lead
            stage: stage
            customer: customer
      kpis:
        - { id: by_talk, type: count, source: calls, time: at, by: [talk] }
        - { id: team_talk, type: count, source: calls, time: at, by: [team, talk], rollup: true }
        - { id: by_hold, type: count, source: calls, time: at, by: [hold] }
        - { id: mean_by_talk, type: mean, source: calls, time: at, column: hold, by: [talk] }
        - { id: stalled_by_talk, type: stalled, source: calls, lead: customer, time: at,
            idle: 10 days, by: [talk] }
        - { id: active_by_hold, preset: active_customers, source: calls, customer: customer, time: at,
            by: [hold] }
        - { id: funnel_by_talk, type: funnel, source: calls, mode: history, lead: lead, stage: stage,
            time: at, stages: [{ id: new }, { id: won }], by: [team, talk], rollup: true }
      """;

  static Definition definition(Path dir) throws Exception {
    Files.writeString(dir.resolve("calls.csv"), CSV, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("d.yaml"), YAML, StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("d.yaml")));
  }

  static RunRequest october() {
    return new RunRequest(
        List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
  }

  @Test
  void aBreakdownByADurationColumnWorkedByHand() throws Exception {
    Definition def = definition(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    var sql = SqlKpiEngine.run(def, october());
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : sql.rows()) by.put(r.kpi() + " " + r.dims().values(), r);
    Map<String, Double> talk = new LinkedHashMap<>();
    by.forEach((k, r) -> talk.put(k, r.value()));
    assertThat(talk)
        .containsEntry("by_talk [330]", 3.0)
        .containsEntry("by_talk [330.5]", 1.0)
        .containsEntry("by_talk [3600]", 1.0)
        .containsEntry("by_talk [(blank)]", 2.0)
        .containsEntry("by_talk [(total)]", 7.0)
        .containsEntry("team_talk [A, (total)]", 3.0)
        .containsEntry("team_talk [A, 330]", 2.0)
        .containsEntry("team_talk [A, 330.5]", 1.0)
        .containsEntry("team_talk [B, (total)]", 4.0)
        .containsEntry("team_talk [B, 330]", 1.0)
        .containsEntry("team_talk [B, 3600]", 1.0)
        .containsEntry("team_talk [B, (blank)]", 2.0)
        .containsEntry("by_hold [90]", 3.0)
        .containsEntry("by_hold [120]", 2.0)
        .containsEntry("by_hold [(blank)]", 2.0);
    assertThat(by.keySet().stream().filter(k -> k.startsWith("by_talk ")).map(k -> k.substring(8)))
        .containsExactly("[330]", "[330.5]", "[3600]", "[(blank)]", "[(total)]");
    // The mean hold per talk group, in seconds: 330 → c1 90, c2 90, c4 blank → 90; 330.5 → 120.
    assertThat(by.get("mean_by_talk [330]").value()).isEqualTo(90.0);
    assertThat(by.get("mean_by_talk [330.5]").value()).isEqualTo(120.0);
    // Stalled, active customers and the funnel have a group per duration too (their values are
    // the default engine's: compared below).
    assertThat(by).containsKey("stalled_by_talk [330.5]");
    assertThat(by).containsKey("active_by_hold [120]");
    assertThat(by).containsKey("funnel_by_talk [A, 330.5, (total), (total)]");
    // L1's new (c1, talk 330) and won (c2, talk 330) are one lead of group A 330: 1 of 1 won.
    assertThat(by.get("funnel_by_talk [A, 330, (total), (total)]").value()).isEqualTo(1.0);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, october()), sql);
  }
}
