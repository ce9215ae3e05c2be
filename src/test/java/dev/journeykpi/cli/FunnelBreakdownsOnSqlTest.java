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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Funnels and conversions with several {@code by:} columns, {@code rollup: true}, and breakdowns by
 * numbers, yes/no values and dates on the SQL engines (issue 17, {@code
 * types.funnel.FunnelGroups}): generated edge cases give the default engine's rows in its order (a
 * roll-up's subtotal before the groups under it, the total last), and a funnel by campaign ×
 * department with the roll-up is worked by hand. PostgreSQL and Spark run the same generated export
 * (FunnelBreakdownsOnPostgresTest, SparkBreakdownsDifferentialTest).
 */
class FunnelBreakdownsOnSqlTest {
  @TempDir Path dir;

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static final String DEFINITION =
      """
      version: 1
      name: funnel breakdowns
      timezone: Asia/Ho_Chi_Minh
      sources:
        h:
          file: history.csv
          columns:
            lead: lead
            campaign: campaign
            department: department
            priority: { column: priority, type: number }
            vip: { column: vip, type: boolean }
            signed: { column: signed, type: date, format: dd/MM/yyyy }
            stage: stage
            at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
        s:
          file: snapshot.csv
          columns:
            lead: lead
            campaign: campaign
            department: department
            priority: { column: priority, type: number }
            stage: stage
            created: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
            new_at: { column: new_at, type: datetime, format: dd/MM/yyyy HH:mm }
            contacted_at: { column: contacted_at, type: datetime, format: dd/MM/yyyy HH:mm }
            won_at: { column: won_at, type: datetime, format: dd/MM/yyyy HH:mm }
      kpis:
        - id: fill_rollup
          type: funnel
          source: h
          mode: history
          lead: lead
          stage: stage
          time: at
          unit: hours
          stages: [{ id: new, values: [New, Mới] }, { id: contacted }, { id: demo, optional: true }, { id: won }]
          lost: [{ id: lost, values: [Lost, Không mua] }]
          by: [campaign, department]
          rollup: true
        - id: exclude_by_two
          type: funnel
          source: h
          mode: history
          lead: lead
          stage: stage
          time: at
          stages: [{ id: new, values: [New, Mới] }, { id: contacted }, { id: demo }, { id: won }]
          lost: [{ id: lost, values: [Lost, Không mua] }]
          skipped: exclude
          periods: activity
          by: [department, priority]
        - id: window_three
          type: funnel
          source: h
          mode: history
          lead: lead
          stage: stage
          time: at
          unit: minutes
          stages: [{ id: new, values: [New, Mới] }, { id: contacted }, { id: demo, optional: true }, { id: won }]
          lost: [{ id: lost, values: [Lost, Không mua] }]
          entered_midway: count_separately
          within: 3 days
          by: [campaign, vip, priority]
          rollup: true
        - id: by_signed
          type: funnel
          source: h
          mode: history
          lead: lead
          stage: stage
          time: at
          stages: [{ id: new, values: [New, Mới] }, { id: contacted }, { id: demo }, { id: won }]
          lost: [{ id: lost, values: [Lost, Không mua] }]
          by: [signed]
        - { id: by_vip, type: funnel, source: h, mode: history, lead: lead, stage: stage, time: at,
            stages: [{ id: new, values: [New, Mới] }, { id: contacted }, { id: demo }, { id: won }],
            entered_midway: fill, by: [vip] }
        - { id: rate_rollup, type: conversion, funnel: fill_rollup, from: new, to: won,
            by: [campaign, department], rollup: true }
        - id: snap_rollup
          type: funnel
          source: s
          mode: snapshot
          lead: lead
          stage: stage
          time: created
          stages:
            - { id: new, values: [New, Mới], entered: new_at }
            - { id: contacted, entered: contacted_at }
            - { id: won, entered: won_at }
          lost: [{ id: lost, values: [Lost, Không mua] }]
          by: [campaign, department]
          rollup: true
        - id: snap_by_priority
          type: funnel
          source: s
          mode: snapshot
          lead: lead
          stage: stage
          time: created
          stages:
            - { id: new, values: [New, Mới], entered: new_at }
            - { id: contacted, entered: contacted_at }
            - { id: won, entered: won_at }
          skipped: exclude
          periods: activity
          by: [priority]
      """;

  /**
   * A stage history and a snapshot (seed 17) over campaigns, departments, priorities (a number
   * written two ways, a blank, 0.5), a yes/no column and a sign-up date, each with blanks and a
   * text spelled in two cases; a lead whose rows move from one department to another (each group
   * has its own history of the lead), duplicated rows, skipped stages, re-entries, leads lost then
   * reopened, unmapped values, rows without a lead or a time, entries at midnight on a month's
   * edge.
   */
  static Definition generated(Path dir) throws Exception {
    Random rnd = new Random(17);
    String[][] values = {{"New", "new", "Mới"}, {"Contacted"}, {"Demo", "DEMO"}, {"Won", "won "}};
    String[] lost = {"Lost", "Không mua"};
    String[] unmapped = {"Chờ", "Pending", ""};
    String[] campaigns = {"A", "a", "B", "", "Hè 2026"};
    String[] departments = {"Sales", "Kho", ""};
    String[] priorities = {"1", "2", "2.0", "", "0.5"};
    String[] flags = {"Có", "Không", ""};
    List<String> history = new ArrayList<>();
    List<String> snapshot = new ArrayList<>();
    LocalDateTime base = LocalDateTime.of(2026, 9, 1, 0, 0);
    for (int lead = 0; lead < 300; lead++) {
      String id = "L" + lead;
      String campaign = pick(rnd, campaigns);
      String department = pick(rnd, departments);
      String attrs =
          ","
              + pick(rnd, priorities)
              + ","
              + pick(rnd, flags)
              + ","
              + (rnd.nextInt(6) == 0 ? "" : DAY.format(base.plusDays(rnd.nextInt(4))));
      LocalDateTime t =
          rnd.nextInt(8) == 0
              ? LocalDateTime.of(2026, 10 + rnd.nextInt(2), 1, 0, 0).minusMinutes(rnd.nextInt(2))
              : base.plusMinutes(rnd.nextInt(90 * 24 * 60));
      int stage = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(3) : 0; // first seen mid-way
      LocalDateTime[] entered = new LocalDateTime[4];
      int steps = 1 + rnd.nextInt(4);
      for (int s = 0; s < steps && stage < 4; s++) {
        // A lead moved to another department now and then: its later rows are another group's.
        if (rnd.nextInt(15) == 0) department = pick(rnd, departments);
        String v = pick(rnd, values[stage]);
        String prefix = id + "," + campaign + "," + department + attrs;
        history.add(prefix + "," + v + "," + AT.format(t));
        if (rnd.nextInt(6) == 0) history.add(prefix + "," + v + "," + AT.format(t)); // duplicated
        if (entered[stage] == null) entered[stage] = t;
        t = t.plusMinutes(rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(6 * 24 * 60));
        int r = rnd.nextInt(10);
        if (r == 0 && stage > 0) stage--; // a re-entry into an earlier stage
        else if (r == 1 && stage < 2) stage += 2; // a skipped stage
        else stage++;
      }
      String prefix = id + "," + campaign + "," + department + attrs;
      int end = rnd.nextInt(10);
      if (end < 3) history.add(prefix + "," + pick(rnd, lost) + "," + AT.format(t));
      if (end == 0) history.add(prefix + ",Contacted," + AT.format(t.plusDays(1))); // reopened
      if (end == 4) history.add(prefix + "," + pick(rnd, unmapped) + "," + AT.format(t));
      if (rnd.nextInt(30) == 0)
        history.add("," + campaign + "," + department + attrs + ",New," + AT.format(t));
      if (rnd.nextInt(30) == 0) history.add(prefix + ",Contacted,"); // no time
      String current =
          end < 3 ? lost[end % 2] : end == 4 ? unmapped[lead % 3] : values[Math.min(stage, 3)][0];
      if (current.equals("Demo")) current = "Contacted"; // the snapshot has no demo stage
      StringBuilder snap =
          new StringBuilder(
              id
                  + ","
                  + campaign
                  + ","
                  + department
                  + ","
                  + pick(rnd, priorities)
                  + ","
                  + current
                  + ",");
      snap.append(rnd.nextInt(10) == 0 ? "" : AT.format(base.plusMinutes(lead * 431L)));
      for (int k : new int[] {0, 1, 3})
        snap.append(",")
            .append(entered[k] == null || rnd.nextInt(5) == 0 ? "" : AT.format(entered[k]));
      snapshot.add(snap.toString());
    }
    Collections.shuffle(history, rnd);
    history.add(0, "lead,campaign,department,priority,vip,signed,stage,at");
    snapshot.add(0, "lead,campaign,department,priority,stage,created,new_at,contacted_at,won_at");
    Files.write(dir.resolve("history.csv"), history, StandardCharsets.UTF_8);
    Files.write(dir.resolve("snapshot.csv"), snapshot, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("f.yaml"), DEFINITION, StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("f.yaml")));
  }

  private static String pick(Random rnd, String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  /** Three months (each compared with the one before), and all time. */
  static List<RunRequest> requests() {
    return List.of(
        new RunRequest(
            Period.parse("2026-11").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY),
        new RunRequest(List.of(Period.ALL), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY));
  }

  @Test
  void generatedEdgeCasesGiveTheSameRowsOnBothEngines() throws Exception {
    Definition def = generated(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    List<RunRequest> requests = requests();
    for (RunRequest request : requests) {
      var expected = KpiEngine.run(def, request);
      SqlEngineDifferentialTest.assertSame(expected, SqlKpiEngine.run(def, request));
      if (request != requests.get(0)) continue;
      // The data has what it is meant to: subtotals, blanks, numbers, yes/no values and dates as
      // groups, both spellings of a campaign, notes.
      String keys = String.join("\n", expected.rows().stream().map(r -> key(r)).toList());
      assertThat(keys)
          .contains("fill_rollup [A, (total), (total), (total)]")
          .contains("fill_rollup [a, Kho, new, entered]")
          .contains("fill_rollup [(blank), (blank), won, entered]")
          .contains("exclude_by_two [Kho, 0.5, new, entered]")
          .contains("exclude_by_two [(blank), 2, (total), (total)]")
          .contains("window_three [Hè 2026, true, (total), (total), (total)]")
          .contains("window_three [B, false, 1, contacted, entered]")
          .contains("by_signed [2026-09-02, new, entered]")
          .contains("by_signed [(blank), (total), (total)]")
          .contains("by_vip [false, won, entered]")
          .contains("rate_rollup [B, (total)]")
          .contains("snap_rollup [(blank), (total), (total), (total)]")
          .contains("snap_by_priority [0.5, won, entered]");
      String notes = String.join(" ", expected.rows().stream().map(ResultRow::note).toList());
      assertThat(notes).contains("not in the funnel").contains("without lead").contains("mid-way");
    }
  }

  private static String key(ResultRow r) {
    return r.kpi() + " " + r.dims().values();
  }

  /**
   * Six leads over campaign × department, skipped: fill, unit hours, October 2026, with the
   * roll-up:
   *
   * <pre>
   * L1 A Sales: new 01/10 08:00, contacted 01/10 10:00, won 02/10 10:00   → won
   * L2 A Sales: new 02/10 08:00, lost 03/10 08:00                        → lost at new
   * L3 A Kho:   new 03/10 08:00, contacted 03/10 12:00                   → at contacted
   * L4 B Sales: new 04/10 08:00, won 05/10 08:00                         → contacted filled in
   * L5 B (blank department): new 05/10 08:00, 'Chờ' 05/10 09:00 (not a stage)
   * L6 B Kho:   new 06/11 08:00 (November: not in October's cohort, its group still listed)
   * </pre>
   *
   * Per group, entered new / contacted / won, the headline (won ÷ new):
   *
   * <pre>
   * A, Sales       L1 L2    2 / 1 / 1   1/2; lost at new 1 (L2); new → next 1/2
   * A, Kho         L3       1 / 1 / 0   0
   * A, (total)     L1-L3    3 / 2 / 1   1/3
   * B, (blank)     L5       1 / 0 / 0   0; note: 1 row 'Chờ' not in the funnel
   * B, Kho         L6       0 / 0 / 0   no leads in October (the headline blank)
   * B, Sales       L4       1 / 1 / 1   1 (contacted filled in at won's time, 05/10 08:00)
   * B, (total)     L4-L6    2 / 1 / 1   1/2
   * total          L1-L5    5 / 3 / 2   2/5 = 0.4
   * </pre>
   *
   * Time from new to the next stage reached, in hours, per group: A Sales L1 2 (L2 never went on);
   * A (total) L1 2, L3 4 → median 3; B Sales none: L4's next stage on its path is contacted, filled
   * in, which has no time of its own (as on the default engine, a filled-in stage gives no time);
   * total L1 2, L3 4 → median 3. Groups in order: a campaign's subtotal before its departments,
   * blank after the values, the total last.
   */
  @Test
  void aFunnelByCampaignAndDepartmentWithTheRollupWorkedByHand() throws Exception {
    Files.writeString(
        dir.resolve("h.csv"),
        """
        lead,campaign,department,stage,at
        L1,A,Sales,new,01/10/2026 08:00
        L1,A,Sales,contacted,01/10/2026 10:00
        L1,A,Sales,won,02/10/2026 10:00
        L2,A,Sales,new,02/10/2026 08:00
        L2,A,Sales,lost,03/10/2026 08:00
        L3,A,Kho,new,03/10/2026 08:00
        L3,A,Kho,contacted,03/10/2026 12:00
        L4,B,Sales,new,04/10/2026 08:00
        L4,B,Sales,won,05/10/2026 08:00
        L5,B,,new,05/10/2026 08:00
        L5,B,,Chờ,05/10/2026 09:00
        L6,B,Kho,new,06/11/2026 08:00
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("h.yaml"),
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          s:
            file: h.csv
            columns:
              lead: lead
              campaign: campaign
              department: department
              stage: stage
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - { id: f, type: funnel, source: s, mode: history, lead: lead, stage: stage, time: at,
              unit: hours, stages: [{ id: new }, { id: contacted }, { id: won }], lost: [{ id: lost }],
              by: [campaign, department], rollup: true }
          - { id: c, type: conversion, funnel: f, from: new, to: won, by: [campaign, department],
              rollup: true }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(dir.resolve("h.yaml")));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    var sql = SqlKpiEngine.run(def, request);
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : sql.rows()) by.put(key(r), r);
    List<String> headlines =
        by.keySet().stream()
            .filter(k -> k.startsWith("f ") && k.endsWith("(total), (total)]"))
            .toList();
    assertThat(headlines)
        .containsExactly(
            "f [A, (total), (total), (total)]",
            "f [A, Kho, (total), (total)]",
            "f [A, Sales, (total), (total)]",
            "f [B, (total), (total), (total)]",
            "f [B, Kho, (total), (total)]",
            "f [B, Sales, (total), (total)]",
            "f [B, (blank), (total), (total)]",
            "f [(total), (total), (total), (total)]");
    String[][] entered = {
      {"A, Sales", "2", "1", "1"},
      {"A, Kho", "1", "1", "0"},
      {"A, (total)", "3", "2", "1"},
      {"B, (blank)", "1", "0", "0"},
      {"B, Kho", "0", "0", "0"},
      {"B, Sales", "1", "1", "1"},
      {"B, (total)", "2", "1", "1"},
      {"(total), (total)", "5", "3", "2"}
    };
    String[] stages = {"new", "contacted", "won"};
    for (String[] g : entered)
      for (int k = 0; k < 3; k++)
        assertThat(by.get("f [" + g[0] + ", " + stages[k] + ", entered]").value())
            .as(g[0] + " " + stages[k])
            .isEqualTo(Double.parseDouble(g[k + 1]));
    assertThat(by.get("f [A, Sales, (total), (total)]").value()).isEqualTo(0.5);
    assertThat(by.get("f [A, Sales, new, lost]").value()).isEqualTo(1.0);
    assertThat(by.get("f [A, Sales, new, to_next]").value()).isEqualTo(0.5);
    assertThat(by.get("f [A, Kho, (total), (total)]").value()).isEqualTo(0.0);
    assertThat(by.get("f [A, (total), (total), (total)]").value()).isEqualTo(1.0 / 3);
    assertThat(by.get("f [B, Kho, (total), (total)]").value()).isNull();
    assertThat(by.get("f [B, Sales, (total), (total)]").value()).isEqualTo(1.0);
    assertThat(by.get("f [B, (total), (total), (total)]").value()).isEqualTo(0.5);
    assertThat(by.get("f [(total), (total), (total), (total)]").value()).isEqualTo(0.4);
    assertThat(by.get("f [B, (blank), new, entered]").note()).contains("'Chờ'");
    assertThat(by.get("f [A, Sales, new, time_to_next_median]").value()).isEqualTo(2.0);
    assertThat(by.get("f [A, (total), new, time_to_next_median]").value()).isEqualTo(3.0);
    assertThat(by.get("f [B, Sales, new, time_to_next_median]").value()).isNull();
    assertThat(by.get("f [(total), (total), new, time_to_next_median]").value()).isEqualTo(3.0);
    // The conversion new → won: the same counts as the headline.
    assertThat(by.get("c [A, (total)]").value()).isEqualTo(1.0 / 3);
    assertThat(by.get("c [B, Sales]").value()).isEqualTo(1.0);
    assertThat(by.get("c [(total), (total)]").value()).isEqualTo(0.4);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), sql);
  }
}
