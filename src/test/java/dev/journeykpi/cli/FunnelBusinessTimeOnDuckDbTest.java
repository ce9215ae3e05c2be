package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Funnels on business time and working days, and times between stages in a zone with daylight
 * saving, on {@code --engine duckdb} (issue 17): the same rows as the default engine on a generated
 * edge set (fixed seed) and on small exports worked by hand.
 */
class FunnelBusinessTimeOnDuckDbTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** The export worked by hand below, also printed as each dialect's SQL (golden). */
  private static final Path HAND = Path.of("src/test/resources/sql-gaps/funnel-business.yaml");

  private static final String HISTORY_COLUMNS =
      """
          columns:
            lead: lead
            campaign: campaign
            stage: stage
            at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
      """;

  /**
   * Worked by hand ({@link #HAND}): Monday–Friday 08:00–17:00, Monday 12/10/2026 a holiday, unit
   * hours, October.
   *
   * <pre>
   * L1 new Fri 02/10 16:00, qualified Tue 06/10 10:00, won Tue 06/10 16:30
   * L2 new Fri 09/10 16:00, qualified Tue 13/10 10:00            (Monday 12 a holiday)
   * L3 new Mon 05/10 10:00, qualified Wed 07/10 10:00, won Wed 07/10 10:01
   * L4 new Sat 10/10 20:00, qualified Sun 11/10 09:00            (a weekend night)
   * L5 new Tue 13/10 10:00, qualified Thu 15/10 10:01
   * </pre>
   *
   * Business hours from new to qualified: L1 1 (Fri 16–17) + 9 (Mon) + 2 (Tue 08–10) = 12; L2 1
   * (Fri) + 0 (the holiday) + 2 (Tue) = 3; L3 7 (Mon 10–17) + 9 (Tue) + 2 (Wed) = 18; L4 0 (a
   * weekend); L5 7 + 9 + 2 h 1 min = 18 1/60. Sorted 0, 3, 12, 18, 18.0167: median 12; p90 at rank
   * (5−1)×0.9 = 3.6, 18 + 0.6 × 1/60 = 18.01. From qualified to won: L1 6.5 (10:00–16:30), L3 1/60:
   * median (6.5 + 1/60) / 2 = 3.258333…; p90 at rank 0.9, 1/60 + 0.9 × (6.5 − 1/60) = 5.851666….
   *
   * <p>Within 2 working days (the window ends on the 2nd working day after the date, at the same
   * time of day): L1 Fri 16:00 → Tue 06/10 16:00, qualified Tue 10:00 in, then Thu 08/10 10:00, won
   * in; L2 Fri 09/10 → Tue 13 (1), Wed 14 (2) 16:00, in; L3 Mon 10:00 → Wed 07/10 10:00, qualified
   * at exactly the window's end: in (its end included), won Wed 10:01 within Fri 10:00; L4 Sat →
   * Tue 13 (1), Wed 14 (2), in; L5 Tue 10:00 → Thu 15/10 10:00, qualified a minute later: out.
   * Entered: new 5, qualified 4, won 2; new to qualified 4/5 = 80%.
   *
   * <p>Within 1 working day: L1 → Mon 05/10 16:00, out; L2 → Tue 13/10 16:00 (the holiday skipped),
   * in; L3 → Tue 06/10 10:00, out; L4 → Tue 13/10 20:00, in; L5 → Wed 14/10 10:00, out. Entered:
   * new 5, qualified 2, won 0.
   */
  @Test
  void businessHoursAndWorkingDayWindowsWorkedByHand() throws Exception {
    Definition def = KpiEngine.load(List.of(HAND));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Scorecard sql = SqlKpiEngine.run(def, request);
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : sql.rows()) by.put(r.kpi() + " " + r.dims().values(), r);
    Offset<Double> close = Offset.offset(1e-9);
    assertThat(by.get("biz [new, time_to_next_median]").value()).isCloseTo(12.0, close);
    assertThat(by.get("biz [new, time_to_next_p90]").value()).isCloseTo(18.01, close);
    assertThat(by.get("biz [qualified, time_to_next_median]").value())
        .isCloseTo((6.5 + 1 / 60.0) / 2, close);
    assertThat(by.get("biz [qualified, time_to_next_p90]").value())
        .isCloseTo(1 / 60.0 + 0.9 * (6.5 - 1 / 60.0), close);
    assertThat(by.get("wd2 [new, entered]").value()).isEqualTo(5.0);
    assertThat(by.get("wd2 [qualified, entered]").value()).isEqualTo(4.0);
    assertThat(by.get("wd2 [won, entered]").value()).isEqualTo(2.0);
    assertThat(by.get("wd2 [new, to_next]").value()).isEqualTo(0.8);
    assertThat(by.get("wd1 [qualified, entered]").value()).isEqualTo(2.0);
    assertThat(by.get("wd1 [won, entered]").value()).isEqualTo(0.0);
    assertThat(by.get("rate []").value()).isEqualTo(0.4);
    // Both clocks' worth: business hours from new among the 4 leads the window kept (L5 out):
    // 0, 3, 12, 18 → median 7.5.
    assertThat(by.get("biz_wd2 [(total), new, time_to_next_median]").value()).isCloseTo(7.5, close);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), sql);
  }

  /**
   * {@code kpi sql} prints the business-time funnel with a window of working days for every
   * dialect: the calendar table, each day's window end, the working seconds per stage (golden).
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres", "spark", "trino", "bigquery", "snowflake"})
  void kpiSqlPrintsABusinessTimeFunnelForEveryDialect(String dialect) throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            HAND.toString(),
            "--kpi",
            "biz_wd2",
            "--period",
            "2026-10",
            "--dialect",
            dialect);
    assertThat(r.exitCode()).as(r.err()).isZero();
    Golden.check("sql/" + dialect + "/funnel-business-2026-10.sql", r.out());
    // Nothing a warehouse does not read (WarehouseSqlTest's list: DuckDB's functions, least, …).
    if (List.of("trino", "bigquery", "snowflake").contains(dialect))
      WarehouseSqlTest.constructs(dialect)
          .forEach((what, p) -> assertThat(p.matcher(r.out()).find()).as(what).isFalse());
  }

  /**
   * Worked by hand, Europe/Paris (clocks forward on Sunday 29/03/2026 at 02:00, back on Sunday
   * 25/10/2026 at 03:00), calendar clock, unit hours:
   *
   * <pre>
   * P1 new Sat 28/03 12:00, qualified Sun 29/03 12:00   23 h (a day with an hour less)
   * P2 new Sun 29/03 02:30, qualified Sun 29/03 03:10   −1/3 h: 02:30 is in the gap, read as 03:30
   * P3 new Sat 24/10 12:00, qualified Sun 25/10 12:00   25 h
   * P4 new Sun 25/10 01:30, qualified Sun 25/10 03:30   3 h (01:30 summer time to 03:30 winter time)
   * </pre>
   *
   * The default engine keeps P2's negative time (its order is judged on the clock, where 03:10 is
   * after 02:30). Sorted −1/3, 3, 23, 25: median (3 + 23) / 2 = 13; p90 at rank 3 × 0.9 = 2.7, 23 +
   * 0.7 × 2 = 24.4.
   */
  @Test
  void timesBetweenStagesAcrossDaylightSavingWorkedByHand(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("h.csv"),
        """
        lead,campaign,stage,at
        P1,A,new,28/03/2026 12:00
        P1,A,qualified,29/03/2026 12:00
        P2,A,new,29/03/2026 02:30
        P2,A,qualified,29/03/2026 03:10
        P3,A,new,24/10/2026 12:00
        P3,A,qualified,25/10/2026 12:00
        P4,A,new,25/10/2026 01:30
        P4,A,qualified,25/10/2026 03:30
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("f.yaml"),
        """
        version: 1
        name: daylight saving
        timezone: Europe/Paris
        sources:
          h:
            file: h.csv
        %s
        kpis:
          - { id: f, type: funnel, source: h, mode: history, lead: lead, stage: stage, time: at,
              unit: hours, stages: [{ id: new }, { id: qualified }] }
        """
            .formatted(HISTORY_COLUMNS),
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("f.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request =
        new RunRequest(List.of(Period.ALL), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Scorecard sql = SqlKpiEngine.run(def, request);
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : sql.rows()) by.put(r.kpi() + " " + r.dims().values(), r);
    Offset<Double> close = Offset.offset(1e-9);
    assertThat(by.get("f [new, time_to_next_median]").value()).isCloseTo(13.0, close);
    assertThat(by.get("f [new, time_to_next_p90]").value()).isCloseTo(24.4, close);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), sql);
  }

  /**
   * A generated edge set (seed 12): entries on weekdays, weekends, holidays (one on a Friday, a run
   * over a weekend), in and out of working hours and in a Saturday night shift running past
   * midnight, steps exactly a whole number of working days apart (a window's end itself) and a
   * minute after, entries in the spring gap and the autumn overlap; funnels on both clocks, windows
   * of 1 to 3 working days, fill and exclude, an optional stage, cohort and activity periods, a
   * breakdown, snapshots, conversions — the same rows on both engines, in a zone without daylight
   * saving and in Europe/Paris.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Asia/Ho_Chi_Minh", "Europe/Paris"})
  void generatedEdgeCasesGiveTheSameRowsOnBothEngines(String zone, @TempDir Path tmp)
      throws Exception {
    Definition def = KpiEngine.load(List.of(edgeSet(tmp, zone)));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    for (List<Period> periods :
        // All time, and each month from March to November (one query each).
        List.of(List.of(Period.ALL), Period.parse("2026-11").lastN(9))) {
      RunRequest request =
          new RunRequest(periods, Map.of(), List.of(), RunRequest.Compare.PREVIOUS, TODAY);
      Scorecard tablesaw = KpiEngine.run(def, request);
      SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
      // The windows do end paths: fewer leads go on within 1 working day than with no window.
      if (periods.get(0) == Period.ALL) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (ResultRow r : tablesaw.rows())
          if (r.dims().values().contains(ResultRow.TOTAL) || r.dims().values().size() == 2)
            v.put(r.kpi() + " " + r.dims().values(), r.value());
        assertThat(v.get("wd1 [(total), contacted, entered]"))
            .isLessThan(v.get("cal [contacted, entered]"));
      }
    }
  }

  /**
   * Writes {@link #generatedEdgeCasesGiveTheSameRowsOnBothEngines}' exports and definition (in
   * {@code zone}) into the folder; returns the definition. Shared with PostgresDifferentialTest.
   */
  static Path edgeSet(Path tmp, String zone) throws java.io.IOException {
    Random rnd = new Random(12);
    String[] stages = {"New", "Contacted", "Demo", "Won"};
    String[] campaigns = {"A", "B", ""};
    List<String> history = new ArrayList<>();
    List<String> snapshot = new ArrayList<>();
    // Around both changes of 2026 (29/03 and 25/10), and across the holidays below.
    LocalDateTime[] bases = {
      LocalDateTime.of(2026, 3, 20, 0, 0), LocalDateTime.of(2026, 10, 15, 0, 0)
    };
    for (int lead = 0; lead < 300; lead++) {
      String id = "L" + lead;
      String campaign = campaigns[rnd.nextInt(campaigns.length)];
      LocalDateTime t = start(rnd, bases[lead % 2]);
      LocalDateTime[] entered = new LocalDateTime[4];
      int stage = rnd.nextInt(8) == 0 ? 1 : 0;
      while (stage < 4) {
        history.add(id + "," + campaign + "," + stages[stage] + "," + AT.format(t));
        if (entered[stage] == null) entered[stage] = t;
        t = next(rnd, t);
        int r = rnd.nextInt(10);
        if (r == 0 && stage > 0) stage--; // a re-entry
        else if (r == 1) stage += 2; // a skipped stage
        else if (r == 2) break; // stops here
        else stage++;
      }
      if (rnd.nextInt(6) == 0) history.add(id + "," + campaign + ",Lost," + AT.format(t));
      StringBuilder snap = new StringBuilder(id + "," + campaign + ",");
      int furthest = 3;
      while (furthest > 0 && entered[furthest] == null) furthest--;
      snap.append(stages[furthest]).append(",").append(AT.format(bases[lead % 2]));
      for (int k = 0; k < 4; k++)
        snap.append(",")
            .append(entered[k] == null || rnd.nextInt(6) == 0 ? "" : AT.format(entered[k]));
      snapshot.add(snap.toString());
    }
    Collections.shuffle(history, rnd);
    history.add(0, "lead,campaign,stage,at");
    snapshot.add(0, "lead,campaign,stage,created,new_at,contacted_at,demo_at,won_at");
    Files.write(tmp.resolve("history.csv"), history, StandardCharsets.UTF_8);
    Files.write(tmp.resolve("snapshot.csv"), snapshot, StandardCharsets.UTF_8);
    String h =
        "type: funnel, source: h, mode: history, lead: lead, stage: stage, time: at, unit: hours,"
            + " lost: [{ id: lost }]";
    String s =
        "type: funnel, source: s, mode: snapshot, lead: lead, stage: stage, time: created, unit:"
            + " hours, lost: [{ id: lost }], stages: [{ id: new, entered: new_at }, { id:"
            + " contacted, entered: contacted_at }, { id: demo, optional: true, entered: demo_at"
            + " }, { id: won, entered: won_at }]";
    String four = "stages: [{ id: new }, { id: contacted }, { id: demo }, { id: won }]";
    String optional =
        "stages: [{ id: new }, { id: contacted }, { id: demo, optional: true }, { id: won }]";
    Files.writeString(
        tmp.resolve("f.yaml"),
        """
        version: 1
        name: business time edge cases
        timezone: %s
        calendar:
          workdays: [MON, TUE, WED, THU, FRI, SAT]
          hours: { MON-FRI: "08:00-12:00,13:00-17:00", SAT: "22:00-06:00" }
          holidays: [2026-03-27, 2026-04-03..2026-04-06, 2026-10-23, 2026-10-31..2026-11-02]
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
          - { id: biz_fill, clock: business, by: [campaign], %s, %s }
          - { id: biz_exclude_activity, clock: business, skipped: exclude, periods: activity, %s, %s }
          - { id: cal, %s, %s }
          - { id: wd1, within: 1 working day, by: [campaign], %s, %s }
          - { id: wd2_exclude, within: 2 working days, skipped: exclude, %s, %s }
          - { id: biz_wd3, clock: business, within: 3 working days, entered_midway: count_separately, %s, %s }
          - { id: wd2_activity, within: 2 working days, periods: activity, %s, %s }
          - { id: snap_biz, clock: business, by: [campaign], %s }
          - { id: snap_wd2, within: 2 working days, %s }
          - { id: wd1_rate, type: conversion, funnel: wd1, from: new, to: won, by: [campaign] }
          - { id: snap_rate, type: conversion, funnel: snap_wd2, from: contacted, to: won }
        """
            .formatted(
                zone, h, optional, h, four, h, optional, h, optional, h, four, h, optional, h, four,
                s, s),
        StandardCharsets.UTF_8);
    return tmp.resolve("f.yaml");
  }

  /**
   * A lead's first entry: in working hours, at night, on a weekend or a holiday; a few in the
   * spring gap (29/03 02:00–03:00 in Europe/Paris) and the autumn overlap (25/10 02:00–03:00).
   */
  private static LocalDateTime start(Random rnd, LocalDateTime base) {
    return switch (rnd.nextInt(10)) {
      case 0 -> LocalDateTime.of(2026, 3, 29, 2, rnd.nextInt(60));
      case 1 -> LocalDateTime.of(2026, 10, 25, 2, rnd.nextInt(60));
      default -> base.plusMinutes(rnd.nextInt(20 * 24 * 60));
    };
  }

  /**
   * The next entry: the same minute, a few minutes to days later, exactly 1 to 3 days later (a
   * window of working days ends at the same time of day) or a minute after that, or across the
   * change of offset that night.
   */
  private static LocalDateTime next(Random rnd, LocalDateTime t) {
    return switch (rnd.nextInt(8)) {
      case 0 -> t;
      case 1 -> t.plusDays(1 + rnd.nextInt(3));
      case 2 -> t.plusDays(1 + rnd.nextInt(3)).plusMinutes(1);
      case 3 -> t.plusMinutes(rnd.nextInt(90));
      case 4 -> t.plusHours(rnd.nextInt(14));
      default -> t.plusMinutes(rnd.nextInt(5 * 24 * 60));
    };
  }
}
