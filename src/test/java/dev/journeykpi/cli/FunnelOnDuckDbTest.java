package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Funnels and conversions on {@code --engine duckdb} (issue 17): the same rows as the default
 * engine on generated edge cases (fixed seed) for every funnel option the SQL engine compiles, on
 * the shipped funnels whose data is not bundled, and a small export worked by hand.
 */
class FunnelOnDuckDbTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /**
   * A generated stage history (seed 9) and snapshot: duplicated stage rows, skipped stages,
   * re-entries, leads lost then reopened, lost and a stage in the same minute, leads first seen
   * mid-way, unmapped values, values in other case and spacing, blank leads, times and campaigns,
   * entries at midnight on a period's edge, rows in shuffled order; every funnel option the SQL
   * engine compiles (fill and exclude, an optional stage, both mid-way rules, a window in calendar
   * time, cohort and activity periods, a breakdown, conversions), by month and over all time.
   */
  @Test
  void generatedEdgeCasesGiveTheSameRowsOnBothEngines(@TempDir Path tmp) throws Exception {
    Random rnd = new Random(9);
    String[][] values = {
      {"New", "new", " NEW", "Mới"},
      {"Contacted", "contacted"},
      {"Demo", "DEMO"},
      {"Won", "won "}
    };
    String[] lost = {"Lost", "Không mua"};
    String[] unmapped = {"Chờ", "???", "Pending", "On hold", ""};
    String[] campaigns = {"A", "B", "", "Hè 2026"};
    List<String> history = new ArrayList<>();
    List<String> snapshot = new ArrayList<>();
    LocalDateTime base = LocalDateTime.of(2026, 9, 1, 0, 0);
    for (int lead = 0; lead < 400; lead++) {
      String id = "L" + lead;
      String campaign = campaigns[rnd.nextInt(campaigns.length)];
      // Entries at midnight on the edge of October and November, else anywhere in Sep-Nov.
      LocalDateTime t =
          rnd.nextInt(8) == 0
              ? LocalDateTime.of(2026, 10 + rnd.nextInt(2), 1, 0, 0).minusMinutes(rnd.nextInt(2))
              : base.plusMinutes(rnd.nextInt(90 * 24 * 60));
      int stage = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(3) : 0; // first seen mid-way
      LocalDateTime[] entered = new LocalDateTime[4];
      int steps = 1 + rnd.nextInt(4);
      for (int s = 0; s < steps && stage < 4; s++) {
        String v = values[stage][rnd.nextInt(values[stage].length)];
        history.add(row(id, campaign, v, t));
        if (rnd.nextInt(6) == 0) history.add(row(id, campaign, v, t)); // duplicated row
        if (rnd.nextInt(8) == 0) history.add(row(id, campaign, v, t.plusHours(2))); // same stay
        if (entered[stage] == null) entered[stage] = t;
        t = t.plusMinutes(rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(6 * 24 * 60));
        int r = rnd.nextInt(10);
        if (r == 0 && stage > 0) stage--; // a re-entry into an earlier stage
        else if (r == 1 && stage < 2) stage += 2; // a skipped stage
        else stage++;
      }
      int end = rnd.nextInt(10);
      if (end < 3)
        history.add(row(id, campaign, lost[rnd.nextInt(2)], t)); // lost (maybe same minute)
      if (end == 0) // reopened after the lost outcome
      history.add(row(id, campaign, values[1][0], t.plusDays(1)));
      if (end == 4) history.add(row(id, campaign, unmapped[rnd.nextInt(unmapped.length)], t));
      if (rnd.nextInt(30) == 0) history.add(row("", campaign, "New", t)); // no lead
      if (rnd.nextInt(30) == 0) history.add(id + "," + campaign + ",Contacted,"); // no time
      // The snapshot: the current stage, the dates it has.
      String current =
          end < 3 ? lost[end % 2] : end == 4 ? unmapped[lead % 5] : values[Math.min(stage, 3)][0];
      StringBuilder snap = new StringBuilder(id + "," + campaign + "," + current + ",");
      snap.append(rnd.nextInt(10) == 0 ? "" : AT.format(base.plusMinutes(lead * 311L)));
      for (int k = 0; k < 4; k++)
        snap.append(",")
            .append(entered[k] == null || rnd.nextInt(5) == 0 ? "" : AT.format(entered[k]));
      snapshot.add(snap.toString());
      if (rnd.nextInt(25) == 0)
        snapshot.add(snap.toString().replace(current, "Won")); // repeated id
    }
    Collections.shuffle(history, rnd);
    history.add(0, "lead,campaign,stage,at");
    snapshot.add(0, "lead,campaign,stage,created,new_at,contacted_at,demo_at,won_at");
    Files.write(tmp.resolve("history.csv"), history, StandardCharsets.UTF_8);
    Files.write(tmp.resolve("snapshot.csv"), snapshot, StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("f.yaml"),
        """
        version: 1
        name: funnel edge cases
        timezone: Asia/Ho_Chi_Minh
        sources:
          h:
            file: history.csv
            columns:
              lead: lead
              campaign: campaign
              stage: stage
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
          s:
            file: snapshot.csv
            columns:
              lead: lead
              campaign: campaign
              stage: stage
              created: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
              new_at: { column: new_at, type: datetime, format: dd/MM/yyyy HH:mm }
              contacted_at: { column: contacted_at, type: datetime, format: dd/MM/yyyy HH:mm }
              demo_at: { column: demo_at, type: datetime, format: dd/MM/yyyy HH:mm }
              won_at: { column: won_at, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - id: fill
            type: funnel
            source: h
            mode: history
            lead: lead
            stage: stage
            time: at
            unit: hours
            stages:
              - { id: new, values: [New, Mới] }
              - { id: contacted }
              - { id: demo, optional: true }
              - { id: won }
            lost: [{ id: lost, values: [Lost, Không mua] }]
            by: [campaign]
          - id: exclude_activity
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
            by: [campaign]
          - id: exclude_midway_fill
            type: funnel
            source: h
            mode: history
            lead: lead
            stage: stage
            time: at
            stages: [{ id: new, values: [New, Mới] }, { id: contacted }, { id: demo }, { id: won }]
            lost: [{ id: lost, values: [Lost, Không mua] }]
            skipped: exclude
            entered_midway: fill
          - id: window
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
          - { id: new_to_won, type: conversion, funnel: fill, from: new, to: won, by: [campaign] }
          - { id: contacted_to_won, type: conversion, funnel: exclude_activity, from: contacted, to: won }
          - id: snap_fill
            type: funnel
            source: s
            mode: snapshot
            lead: lead
            stage: stage
            time: created
            stages:
              - { id: new, values: [New, Mới], entered: new_at }
              - { id: contacted, entered: contacted_at }
              - { id: demo, optional: true, entered: demo_at }
              - { id: won, entered: won_at }
            lost: [{ id: lost, values: [Lost, Không mua] }]
            by: [campaign]
          - id: snap_exclude
            type: funnel
            source: s
            mode: snapshot
            lead: lead
            stage: stage
            time: created
            stages:
              - { id: new, values: [New, Mới], entered: new_at }
              - { id: contacted, entered: contacted_at }
              - { id: demo, entered: demo_at }
              - { id: won, entered: won_at }
            lost: [{ id: lost, values: [Lost, Không mua] }]
            skipped: exclude
            periods: activity
          - { id: snap_rate, type: conversion, funnel: snap_fill, from: contacted, to: won }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("f.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    for (List<Period> periods :
        List.of(
            Period.parse("2026-11").lastN(3),
            List.of(Period.ALL),
            List.of(Period.parse("2026-Q4")))) {
      RunRequest request =
          new RunRequest(periods, Map.of(), List.of(), RunRequest.Compare.PREVIOUS, TODAY);
      var tablesaw = KpiEngine.run(def, request);
      SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
      // The generated data does have what it is meant to: notes of every kind, lost leads.
      String notes = String.join(" ", tablesaw.rows().stream().map(ResultRow::note).toList());
      assertThat(notes).contains("not in the funnel").contains("without lead").contains("mid-way");
    }
  }

  private static String row(String lead, String campaign, String stage, LocalDateTime t) {
    return lead + "," + campaign + "," + stage + "," + AT.format(t);
  }

  /**
   * The shipped funnels whose exports are not bundled (the shared datasets, when this machine has
   * them): the bundled ones are compared by SqlEngineDifferentialTest.
   */
  @ParameterizedTest
  @ValueSource(strings = {"crm-sales-opportunities", "synthetic-crm-pipeline"})
  void theSharedDatasetsFunnelsGiveTheSameRows(String name) {
    Path config = Path.of("kpi-definitions/" + name + ".yaml");
    Definition def = KpiEngine.load(List.of(config));
    Path data =
        config
            .toAbsolutePath()
            .getParent()
            .resolve(def.sources().values().iterator().next().file());
    Assumptions.assumeTrue(Files.isRegularFile(data), "no " + data);
    List<String> funnels =
        def.kpis().stream()
            .filter(k -> k.type().equals("funnel") || k.type().equals("conversion"))
            .map(KpiDef::id)
            .toList();
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb"))
        .doesNotContainKeys(funnels.toArray(String[]::new));
    RunRequest request =
        new RunRequest(List.of(Period.ALL), Map.of(), funnels, RunRequest.Compare.PREVIOUS, TODAY);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, request), SqlKpiEngine.run(def, request));
  }

  /**
   * Four leads worked by hand (skipped: fill, unit hours, October):
   *
   * <pre>
   * L1 new 01/10 08:00, contacted 01/10 10:00, won 02/10 10:00
   * L2 new 02/10 08:00, contacted 02/10 09:00, lost 03/10 08:00          → lost at contacted
   * L3 new 03/10 08:00 (twice), lost 04/10 08:00, contacted 05/10 08:00  → reopened: not lost
   * L4 contacted 04/10 12:00 only                                        → first seen mid-way: new filled in
   * plus a row of 'Chờ' (not a stage) and a row without a lead.
   * </pre>
   *
   * Entered: new 4, contacted 4, won 1. To next: new 4/4 = 100%, contacted 1/4 = 25%; dropped at
   * contacted 3/4 = 75%, lost there 1 (L2); from first: won 1/4 = 25% = the headline. Time to next
   * from new (L4's new has no time of its own): L2 1 h, L1 2 h, L3 48 h → median 2 h, p90 at rank
   * (3−1)×0.9 = 1.8: 2 + 0.8 × (48 − 2) = 38.8 h; from contacted: L1 24 h. Time in new: L1 2 h, L2
   * 1 h, L3 24 h (its two rows are one stay, until the lost row) → median 2 h; in contacted: L1 24
   * h, L2 23 h (L3 and L4 are still there) → median 23.5 h; in won: none (L1 is still there).
   */
  @Test
  void aSmallExportWorkedByHand(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("small.csv"),
        """
        lead,stage,at
        L1,new,01/10/2026 08:00
        L1,contacted,01/10/2026 10:00
        L1,won,02/10/2026 10:00
        L2,contacted,02/10/2026 09:00
        L2,new,02/10/2026 08:00
        L2,lost,03/10/2026 08:00
        L3,new,03/10/2026 08:00
        L3,new,03/10/2026 08:00
        L3,lost,04/10/2026 08:00
        L3,contacted,05/10/2026 08:00
        L4,contacted,04/10/2026 12:00
        L5,Chờ,05/10/2026 08:00
        ,new,05/10/2026 09:00
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("small.yaml"),
        """
        version: 1
        name: worked by hand
        timezone: Asia/Ho_Chi_Minh
        sources:
          s:
            file: small.csv
            columns:
              lead: lead
              stage: stage
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - { id: f, type: funnel, source: s, mode: history, lead: lead, stage: stage, time: at, unit: hours,
              stages: [{ id: new }, { id: contacted }, { id: won }], lost: [{ id: lost }] }
          - { id: c, type: conversion, funnel: f, from: contacted, to: won }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("small.yaml")));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    var sql = SqlKpiEngine.run(def, request);
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : sql.rows()) by.put(r.kpi() + " " + r.dims().values(), r);
    assertThat(by.get("f [new, entered]").value()).isEqualTo(4.0);
    assertThat(by.get("f [contacted, entered]").value()).isEqualTo(4.0);
    assertThat(by.get("f [won, entered]").value()).isEqualTo(1.0);
    assertThat(by.get("f [new, to_next]").value()).isEqualTo(1.0);
    assertThat(by.get("f [contacted, to_next]").value()).isEqualTo(0.25);
    assertThat(by.get("f [contacted, dropped]").value()).isEqualTo(0.75);
    assertThat(by.get("f [contacted, lost]").value()).isEqualTo(1.0);
    assertThat(by.get("f [new, lost]").value()).isEqualTo(0.0);
    assertThat(by.get("f [won, from_first]").value()).isEqualTo(0.25);
    assertThat(by.get("f [(total), (total)]").value()).isEqualTo(0.25);
    assertThat(by.get("f [new, time_to_next_median]").value()).isEqualTo(2.0);
    assertThat(by.get("f [new, time_to_next_p90]").value())
        .isCloseTo(38.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(by.get("f [contacted, time_to_next_median]").value()).isEqualTo(24.0);
    assertThat(by.get("f [new, time_in_stage_median]").value()).isEqualTo(2.0);
    assertThat(by.get("f [contacted, time_in_stage_median]").value()).isEqualTo(23.5);
    assertThat(by.get("f [won, time_in_stage_median]").value()).isNull();
    // The conversion: 1 of the 4 that reached contacted reached won.
    assertThat(by.get("c []").value()).isEqualTo(0.25);
    assertThat(by.get("f [new, entered]").note())
        .contains("'Chờ'")
        .contains("1 row")
        .contains("mid-way");
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), sql);
  }

  /**
   * Business time, windows of working days and a zone's daylight-saving rules compile now (their
   * numbers: FunnelBusinessTimeOnDuckDbTest); what is not compiled yet, a lead column that is not
   * text, is refused by name, never computed another way.
   */
  @Test
  void businessTimeWorkingDayWindowsAndDaylightSavingCompileAndANumberLeadIsRefused(
      @TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("s.csv"), "lead,stage,at\n1,new,01/10/2026 08:00\n", StandardCharsets.UTF_8);
    String funnel =
        "type: funnel, source: s, mode: history, lead: lead, stage: stage, time: at,"
            + " stages: [{ id: new }, { id: won }]";
    Files.writeString(
        tmp.resolve("f.yaml"),
        """
        version: 1
        name: refused
        timezone: %s
        sources:
          s: { file: s.csv, columns: { lead: lead, stage: stage, at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm } } }
          n: { file: s.csv, columns: { lead: { column: lead, type: number }, stage: stage, at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm } } }
        kpis:
          - { id: business, clock: business, %s }
          - { id: working_days, within: 5 working days, %s }
          - { id: rate, type: conversion, funnel: business, from: new, to: won }
          - { id: plain, %s }
          - { id: number_lead, %s }
        """
            .formatted(
                "Asia/Ho_Chi_Minh",
                funnel,
                funnel,
                funnel,
                funnel.replace("source: s", "source: n")),
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("f.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb"))
        .containsOnlyKeys("number_lead")
        .containsEntry("number_lead", "(type funnel): a lead column that is not text (lead)");
    Files.writeString(
        tmp.resolve("f.yaml"),
        Files.readString(tmp.resolve("f.yaml")).replace("Asia/Ho_Chi_Minh", "Europe/Paris"));
    def = KpiEngine.load(List.of(tmp.resolve("f.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).containsOnlyKeys("number_lead");
    // Trino's SQL has no daylight-saving rules yet: every funnel refused there, by name (and a
    // formula or conversion on one with it).
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "trino").get("plain"))
        .contains("in Europe/Paris, a zone with daylight saving, are not compiled for trino yet");
  }

  /** {@code kpi sql} prints a funnel's queries: the counts, the notes, the unmapped values. */
  @Test
  void kpiSqlPrintsAFunnelsQueries() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "kpi-definitions/lead-stages.yaml",
            "--kpi",
            "lead_stages",
            "--period",
            "2026-Q3",
            "--dialect",
            "duckdb");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Golden.check("sql/duckdb/lead-stages-2026-Q3.sql", r.out());
  }
}
