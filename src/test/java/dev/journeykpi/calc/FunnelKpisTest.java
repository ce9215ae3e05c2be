package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Status;
import dev.journeykpi.types.KpiKinds;
import dev.journeykpi.types.funnel.FunnelLeadList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Funnels, conversions and stalled leads on small hand-made histories, the expected numbers worked
 * out in each comment. Calendar: Monday–Friday, 2026-09-02 a holiday. Stages: New → Interested →
 * Trial → Bought; lost outcome: Không mua.
 */
class FunnelKpisTest {
  @TempDir Path dir;

  static final String STAGES =
      """
      stages:
        - { id: new, label: Mới, values: [New, Mới] }
        - { id: interested, label: Có hứng thú, values: [Interested] }
        - { id: trial, label: Dùng thử 7 ngày, values: [Trial] }
        - { id: bought, label: Mua hàng, values: [Bought, Won] }
      lost: [{ id: not_bought, label: Không mua, values: [Không mua, Lost] }]
      """;

  Definition definition(String columns, String kpi) throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        timezone: UTC
        calendar: { workdays: [MON, TUE, WED, THU, FRI], hours: { MON-FRI: "08:00-17:00" }, holidays: [2026-09-02] }
        sources:
          s:
            file: none.csv
            columns:
        """
            + columns.indent(6)
            + "kpis:\n  - source: s\n"
            + kpi.indent(4));
    return KpiKinds.load(List.of(f));
  }

  static final String HISTORY_COLUMNS =
      """
      lead_id: Lead
      stage: Stage
      entered_at: { column: At, type: datetime }
      campaign: Campaign
      """;

  /**
   *
   *
   * <pre>
   * lead campaign  entries
   * L1   A         New 10-01, Interested 10-02, Trial 10-05, Bought 10-10
   * L2   A         New 10-01, Interested 10-03, Interested 10-03 (a duplicated row), Không mua 10-08
   * L3   A         New 10-02, Trial 10-06 (skipped Interested), Bought 10-20
   * L4   B         New 10-03, Interested 10-04, New 10-05 (back: a re-entry), Interested 10-07 (still there)
   * L5   B         New 09-28 (September's cohort), Interested 10-01
   * L6   B         Interested 10-04 (no New row), Trial 10-05
   * L7   B         Spam 10-02 (not a stage: left out and counted)
   * </pre>
   *
   * All at 09:00. October's cohort (first entry in October): L1, L2, L3, L4, L6.
   */
  static Table history() {
    String[][] rows = {
      {"L1", "New", "2026-10-01", "A"},
      {"L1", "Interested", "2026-10-02", "A"},
      {"L1", "Trial", "2026-10-05", "A"},
      {"L1", "Bought", "2026-10-10", "A"},
      {"L2", "New", "2026-10-01", "A"},
      {"L2", "Interested", "2026-10-03", "A"},
      {"L2", "Interested", "2026-10-03", "A"},
      {"L2", "Không mua", "2026-10-08", "A"},
      {"L3", "New", "2026-10-02", "A"},
      {"L3", "Trial", "2026-10-06", "A"},
      {"L3", "Bought", "2026-10-20", "A"},
      {"L4", "New", "2026-10-03", "B"},
      {"L4", "Interested", "2026-10-04", "B"},
      {"L4", "New", "2026-10-05", "B"},
      {"L4", "Interested", "2026-10-07", "B"},
      {"L5", "New", "2026-09-28", "B"},
      {"L5", "Interested", "2026-10-01", "B"},
      {"L6", "Interested", "2026-10-04", "B"},
      {"L6", "Trial", "2026-10-05", "B"},
      {"L7", "Spam", "2026-10-02", "B"}
    };
    Table t = Table.create("history");
    t.addColumns(
        StringColumn.create("lead_id", Arrays.stream(rows).map(r -> r[0]).toArray(String[]::new)),
        StringColumn.create("stage", Arrays.stream(rows).map(r -> r[1]).toArray(String[]::new)),
        DateTimeColumn.create(
            "entered_at",
            Arrays.stream(rows)
                .map(r -> LocalDate.parse(r[2]).atTime(9, 0))
                .toArray(LocalDateTime[]::new)),
        StringColumn.create("campaign", Arrays.stream(rows).map(r -> r[3]).toArray(String[]::new)));
    return t;
  }

  static List<ResultRow> run(Definition d, Table t, String period) {
    return new KindRunner(new BusinessCalendar(d.calendar()), d.zone())
        .run(d.kpis().get(0), t, List.of(Period.parse(period)));
  }

  /** "stage/step" → row, for the rows of the whole population (breakdown at its total, if any). */
  static Map<String, ResultRow> byStep(List<ResultRow> rows, String group) {
    Map<String, ResultRow> out = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      String g = r.dims().getOrDefault("campaign", ResultRow.TOTAL);
      if (g.equals(group)) out.put(r.dims().get("stage") + "/" + r.dims().get("step"), r);
    }
    return out;
  }

  static String funnel(String extra) {
    return "id: f\ntype: funnel\nmode: history\nlead: lead_id\nstage: stage\ntime: entered_at\n"
        + STAGES
        + extra;
  }

  /**
   * skipped: fill. L3 passed Interested when it entered Trial (10-06); L6 passed New when it
   * entered Interested. Reached: L1 all four; L2 New, Interested, then lost; L3 all four; L4 New,
   * Interested; L6 New, Interested, Trial. Entered: New 5, Interested 5, Trial 3, Bought 2. To
   * next: 5/5, 3/5, 2/3. From first: 5/5, 5/5, 3/5, 2/5. Dropped: New 0/5, Interested 2/5 (L2, L4),
   * Trial 1/3 (L6). Lost at Interested: 1 (L2). Headline: 2/5. Days to the next stage, only between
   * stages actually entered: New → Interested L1 1, L2 2, L4 1 (its first entries) → median 1, p90
   * 1 + 0.8 × (2 − 1) = 1.8; Interested → Trial L1 3, L6 1 → median 2; Trial → Bought L1 5, L3 14 →
   * 9.5. Days in New, re-entries added up: L1 1, L2 2, L3 4, L4 1 + 2 = 3 → median 2.5. Days in
   * Interested: L2's duplicated row extends one stay to the loss, 5; L1 3; L4 1 (its second stay is
   * still open); L6 1 → median 2.
   */
  @Test
  void fillCountsSkippedStagesAsPassed() throws IOException {
    Map<String, ResultRow> r =
        byStep(run(definition(HISTORY_COLUMNS, funnel("")), history(), "2026-10"), ResultRow.TOTAL);
    assertThat(List.of("new", "interested", "trial", "bought"))
        .extracting(s -> r.get(s + "/entered").value())
        .containsExactly(5.0, 5.0, 3.0, 2.0);
    assertThat(r.get("new/to_next").value()).isEqualTo(1.0);
    assertThat(r.get("interested/to_next").numerator()).isEqualTo(3.0);
    assertThat(r.get("interested/to_next").denominator()).isEqualTo(5.0);
    assertThat(r.get("trial/to_next").value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(r.get("bought/from_first").value()).isCloseTo(0.4, within(1e-12));
    assertThat(r.get("interested/dropped").numerator()).isEqualTo(2.0);
    assertThat(r.get("trial/dropped").numerator()).isEqualTo(1.0);
    assertThat(r.get("interested/lost").value()).isEqualTo(1.0);
    assertThat(r.get("new/lost").value()).isEqualTo(0.0);
    assertThat(r.get("(total)/(total)").value()).isCloseTo(0.4, within(1e-12));
    assertThat(r.get("new/time_to_next_median").value()).isEqualTo(1.0);
    assertThat(r.get("new/time_to_next_p90").value()).isCloseTo(1.8, within(1e-12));
    assertThat(r.get("interested/time_to_next_median").value()).isEqualTo(2.0);
    assertThat(r.get("trial/time_to_next_median").value()).isEqualTo(9.5);
    assertThat(r.get("new/time_in_stage_median").value()).isEqualTo(2.5);
    assertThat(r.get("interested/time_in_stage_median").value()).isEqualTo(2.0);
    assertThat(r.get("new/entered").note())
        .contains("1 rows with a stage not in the funnel left out ('Spam')");
    assertThat(r).doesNotContainKey("bought/to_next");
  }

  /**
   * skipped: exclude. Reached only what was entered: New L1, L2, L3, L4 = 4; Interested L1, L2, L4,
   * L6 = 4 (L6 first appears there: counted from there); Trial L1, L3, L6 = 3; Bought L1, L3 = 2.
   * Went on (to any later stage): from New L1, L2, L4 and L3, which skipped Interested for Trial —
   * skipping a stage is not dropping out — = 4/4, none dropped; from Interested L1, L6 = 2/4 (L2
   * lost, L4 still there); from Trial L1, L3 = 2/3. From first (reached New too): Interested 3/4,
   * Trial 2/4, Bought 2/4 = the headline. No rate is above 100% although L6 is at Interested
   * without New.
   */
  @Test
  void excludeCountsOnlyTheStagesEntered() throws IOException {
    Map<String, ResultRow> r =
        byStep(
            run(definition(HISTORY_COLUMNS, funnel("skipped: exclude\n")), history(), "2026-10"),
            ResultRow.TOTAL);
    assertThat(List.of("new", "interested", "trial", "bought"))
        .extracting(s -> r.get(s + "/entered").value())
        .containsExactly(4.0, 4.0, 3.0, 2.0);
    assertThat(r.get("new/to_next").numerator()).isEqualTo(4.0);
    assertThat(r.get("new/dropped").numerator()).isEqualTo(0.0);
    assertThat(r.get("interested/to_next").numerator()).isEqualTo(2.0);
    assertThat(r.get("trial/to_next").numerator()).isEqualTo(2.0);
    assertThat(r.get("interested/from_first").numerator()).isEqualTo(3.0);
    assertThat(r.get("trial/from_first").numerator()).isEqualTo(2.0);
    assertThat(r.get("bought/from_first").value()).isEqualTo(0.5);
    assertThat(r.get("(total)/(total)").value()).isEqualTo(0.5);
    assertThat(r.get("new/entered").note())
        .contains(
            "1 leads first appear at a later stage (the log starts mid-way): counted from there");
    assertThat(r.values())
        .allSatisfy(
            x ->
                assertThat(x.unit().equals("%") && x.value() != null ? x.value() : 0.0)
                    .isLessThanOrEqualTo(1.0));
  }

  /**
   * A 3-day window, fill. L1: New 10-01 → Interested 10-02 (1 day) → Trial 10-05 (3 days: the
   * window's end is inclusive) → Bought 10-10 (5 days: no). L2: New → Interested in 2 days. L3: New
   * 10-02 → Interested passed at 10-06, 4 days: the chain stops at New. L4: 1 day. L6: New and
   * Interested at 10-04, Trial 10-05. Entered: New 5, Interested 4, Trial 2 (L1, L6), Bought 0.
   */
  @Test
  void windowInCalendarDays() throws IOException {
    Map<String, ResultRow> r =
        byStep(
            run(definition(HISTORY_COLUMNS, funnel("within: 3 days\n")), history(), "2026-10"),
            ResultRow.TOTAL);
    assertThat(List.of("new", "interested", "trial", "bought"))
        .extracting(s -> r.get(s + "/entered").value())
        .containsExactly(5.0, 4.0, 2.0, 0.0);
  }

  /**
   * New on Friday 08-28 09:00, Interested on Thursday 09-03 08:30. Three working days after Friday:
   * Monday 31 (1), Tuesday 09-01 (2), Wednesday 09-02 is a holiday, Thursday 09-03 (3) → the window
   * ends Thursday 09:00 and the step counts. Without the holiday it would end Wednesday 09:00 and
   * would not; three calendar days end Monday 08-31.
   */
  @Test
  void windowInWorkingDaysAcrossAHoliday() throws IOException {
    Table t = Table.create("h");
    t.addColumns(
        StringColumn.create("lead_id", "W1", "W1"),
        StringColumn.create("stage", "New", "Interested"),
        DateTimeColumn.create(
            "entered_at",
            LocalDateTime.parse("2026-08-28T09:00"),
            LocalDateTime.parse("2026-09-03T08:30")),
        StringColumn.create("campaign", "A", "A"));
    Map<String, ResultRow> working =
        byStep(
            run(definition(HISTORY_COLUMNS, funnel("within: 3 working days\n")), t, "2026-08"),
            ResultRow.TOTAL);
    assertThat(working.get("interested/entered").value()).isEqualTo(1.0);
    Map<String, ResultRow> calendar =
        byStep(
            run(definition(HISTORY_COLUMNS, funnel("within: 3 days\n")), t, "2026-08"),
            ResultRow.TOTAL);
    assertThat(calendar.get("interested/entered").value()).isEqualTo(0.0);
  }

  /**
   * Activity funnel for October (fill): the leads entering each stage in October, and whether they
   * went on. New: L1, L2, L3, L4, L6 (L6's filled entry is 10-04) = 5, all went on → 5/5.
   * Interested: those five plus L5 (September's lead, interested on 10-01) = 6; went on to Trial
   * L1, L3, L6 → 3/6. Trial 3, Bought 2. The cohort funnel of September holds only L5: New 1,
   * Interested 1, Trial 0.
   */
  @Test
  void activityFunnelAgainstCohortFunnel() throws IOException {
    Map<String, ResultRow> a =
        byStep(
            run(definition(HISTORY_COLUMNS, funnel("periods: activity\n")), history(), "2026-10"),
            ResultRow.TOTAL);
    assertThat(List.of("new", "interested", "trial", "bought"))
        .extracting(s -> a.get(s + "/entered").value())
        .containsExactly(5.0, 6.0, 3.0, 2.0);
    assertThat(a.get("interested/to_next").numerator()).isEqualTo(3.0);
    assertThat(a.get("interested/to_next").denominator()).isEqualTo(6.0);
    assertThat(a.get("interested/from_first").value()).isNull();
    Map<String, ResultRow> sep =
        byStep(run(definition(HISTORY_COLUMNS, funnel("")), history(), "2026-09"), ResultRow.TOTAL);
    assertThat(List.of("new", "interested", "trial"))
        .extracting(s -> sep.get(s + "/entered").value())
        .containsExactly(1.0, 1.0, 0.0);
  }

  /**
   * Per campaign (fill, October): A = L1, L2, L3 → 3, 3, 2, 2; B = L4, L6 → 2, 2, 1, 0; the total
   * 5, 5, 3, 2.
   */
  @Test
  void breakdownPerCampaign() throws IOException {
    List<ResultRow> rows =
        run(definition(HISTORY_COLUMNS, funnel("by: [campaign]\n")), history(), "2026-10");
    for (String[] expect :
        new String[][] {
          {"A", "3", "3", "2", "2"},
          {"B", "2", "2", "1", "0"},
          {ResultRow.TOTAL, "5", "5", "3", "2"}
        }) {
      Map<String, ResultRow> r = byStep(rows, expect[0]);
      assertThat(List.of("new", "interested", "trial", "bought"))
          .as(expect[0])
          .extracting(s -> r.get(s + "/entered").value())
          .containsExactly(
              Double.valueOf(expect[1]),
              Double.valueOf(expect[2]),
              Double.valueOf(expect[3]),
              Double.valueOf(expect[4]));
    }
  }

  /**
   * One row per lead, its current stage, created date, and (optionally) the dates it entered
   * Interested and Trial:
   *
   * <pre>
   * lead  current     created  interested  trial
   * S1    Bought      10-01    10-03       10-05
   * S2    Trial       10-02    –           10-06
   * S3    Interested  10-03
   * S4    Lost        10-04    10-05
   * S5    Lost        10-05
   * S6    New         10-06
   * </pre>
   *
   * Without the date columns (fill): S1 reached all four, S2 three, S3 two, S4 and S5 are lost with
   * no stage date, so at New; S6 New → entered 6, 3, 2, 1; lost at New 2. With them: S4 reached
   * Interested (its date) and is lost there → entered 6, 4, 2, 1; lost at New 1 (S5), at Interested
   * 1 (S4).
   */
  @Test
  void snapshotWithAndWithoutDateEnteredColumns() throws IOException {
    Table t = Table.create("deals");
    t.addColumns(
        StringColumn.create("lead_id", "S1", "S2", "S3", "S4", "S5", "S6"),
        StringColumn.create("stage", "Bought", "Trial", "Interested", "Lost", "Lost", "New"),
        DateColumn.create(
            "created",
            Arrays.stream(new int[] {1, 2, 3, 4, 5, 6})
                .mapToObj(d -> LocalDate.of(2026, 10, d))
                .toArray(LocalDate[]::new)),
        DateColumn.create(
            "interested_on",
            new LocalDate[] {
              LocalDate.of(2026, 10, 3), null, null, LocalDate.of(2026, 10, 5), null, null
            }),
        DateColumn.create(
            "trial_on",
            new LocalDate[] {
              LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), null, null, null, null
            }));
    String cols =
        "lead_id: Lead\nstage: Stage\ncreated: { column: Created, type: date }\n"
            + "interested_on: { column: I, type: date }\ntrial_on: { column: T, type: date }\n";
    String base =
        "id: f\ntype: funnel\nmode: snapshot\nlead: lead_id\nstage: stage\ntime: created\n";
    Map<String, ResultRow> plain =
        byStep(run(definition(cols, base + STAGES), t, "2026-10"), ResultRow.TOTAL);
    assertThat(List.of("new", "interested", "trial", "bought"))
        .extracting(s -> plain.get(s + "/entered").value())
        .containsExactly(6.0, 3.0, 2.0, 1.0);
    assertThat(plain.get("new/lost").value()).isEqualTo(2.0);
    String dated =
        STAGES
            .replace("values: [Interested] }", "values: [Interested], entered: interested_on }")
            .replace("values: [Trial] }", "values: [Trial], entered: trial_on }");
    Map<String, ResultRow> withDates =
        byStep(run(definition(cols, base + dated), t, "2026-10"), ResultRow.TOTAL);
    assertThat(List.of("new", "interested", "trial", "bought"))
        .extracting(s -> withDates.get(s + "/entered").value())
        .containsExactly(6.0, 4.0, 2.0, 1.0);
    assertThat(withDates.get("new/lost").value()).isEqualTo(1.0);
    assertThat(withDates.get("interested/lost").value()).isEqualTo(1.0);
    // Days from Interested to Trial where both dates exist: S1 10-03 → 10-05 = 2.
    assertThat(withDates.get("interested/time_to_next_median").value()).isEqualTo(2.0);
  }

  /**
   * A conversion KPI names two stages of a funnel KPI: New → Trial in October's cohort (fill) =
   * 3/5.
   */
  @Test
  void conversionBetweenTwoStages() throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          s:
            file: none.csv
            columns: { lead_id: Lead, stage: Stage, entered_at: { column: At, type: datetime }, campaign: Campaign }
        kpis:
          - source: s
        """
            + funnel("").indent(4)
            + """
          - { id: new_to_trial, type: conversion, funnel: f, from: new, to: trial, target: { min: 0.5 } }
        """);
    Definition d = KpiKinds.load(List.of(f));
    List<ResultRow> rows =
        new KindRunner(new BusinessCalendar(d.calendar()), d.zone())
            .run(d.kpis().get(1), history(), List.of(Period.parse("2026-10")));
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.numerator()).isEqualTo(3.0);
              assertThat(r.denominator()).isEqualTo(5.0);
              assertThat(r.status()).isEqualTo(Status.GREEN);
            });
  }

  /**
   * Idle more than 30 working days before October (counted in (last touch, 09-30]; 09-02 a
   * holiday):
   *
   * <pre>
   * lead  touches                          working days idle at 09-30      stalled?
   * T1    08-10, then 10-05                36                               yes, and touched again
   * T2    08-20                            28                               no
   * T3    08-18                            30 (31 without the holiday)     no: not more than 30
   * T4    07-01, Won 07-15                 closed before October            not counted
   * T5    06-01                            more than 30                     yes, not touched
   * </pre>
   *
   * Re-engagement: 1 of 2 = 50%.
   */
  @Test
  void stalledLeadsReEngaged() throws IOException {
    Table t = Table.create("touches");
    String[][] rows = {
      {"T1", "2026-08-10", "call"},
      {"T1", "2026-10-05", "call"},
      {"T2", "2026-08-20", "call"},
      {"T3", "2026-08-18", "email"},
      {"T4", "2026-07-01", "call"},
      {"T4", "2026-07-15", "Won"},
      {"T5", "2026-06-01", "call"}
    };
    t.addColumns(
        StringColumn.create("lead_id", Arrays.stream(rows).map(r -> r[0]).toArray(String[]::new)),
        DateColumn.create(
            "touched_on",
            Arrays.stream(rows).map(r -> LocalDate.parse(r[1])).toArray(LocalDate[]::new)),
        StringColumn.create("outcome", Arrays.stream(rows).map(r -> r[2]).toArray(String[]::new)));
    Definition d =
        definition(
            "lead_id: Lead\ntouched_on: { column: Date, type: date }\noutcome: Outcome\n",
            "id: reengaged\ntype: stalled\nlead: lead_id\ntime: touched_on\nidle: 30 working days\nclosed: { outcome: [Won, Lost] }\n");
    ResultRow r = run(d, t, "2026-10").get(0);
    assertThat(r.numerator()).isEqualTo(1.0);
    assertThat(r.denominator()).isEqualTo(2.0);
    assertThat(r.note()).contains("1 leads closed before the period not counted");
    // The call list: untouched first (T5, idle since 06-01: 86 working days in (06-01, 09-30] —
    // June 21, July 23, August 21, September 21 with the holiday), then the touched one (T1, 36).
    assertThat(
            dev.journeykpi.types.stalled.StalledLeadList.stalled(
                d.kpis().get(0),
                d.kpis().get(0).spec(dev.journeykpi.types.stalled.StalledSpec.class).stalled(),
                t,
                Period.parse("2026-10"),
                new BusinessCalendar(d.calendar())))
        .extracting(e -> e.lead() + " " + e.status() + " " + e.daysThere())
        .containsExactly("T5 untouched 86", "T1 touched 36");
  }

  /**
   * The leads behind Interested in October's cohort (fill): five reached it, three went on (L1, L3,
   * L6); L2 was lost there, L4 is stuck there since 10-04 09:00 — 16 days before the export's last
   * entry (L3 bought on 10-20 09:00).
   */
  @Test
  void leadsStoppedAtAStage() throws IOException {
    Definition d = definition(HISTORY_COLUMNS, funnel("by: [campaign]\n"));
    List<LeadList.Entry> list =
        FunnelLeadList.of(
            d.kpis().get(0),
            KindRunner.funnel(d.kpis().get(0)),
            history(),
            Period.parse("2026-10"),
            "interested",
            new BusinessCalendar(d.calendar()),
            d.zone());
    assertThat(list)
        .extracting(e -> e.lead() + " " + e.dims() + " " + e.status() + " " + e.daysThere())
        .containsExactly("L2 [A] lost null", "L4 [B] stuck 16");
    assertThat(
            FunnelLeadList.of(
                d.kpis().get(0),
                KindRunner.funnel(d.kpis().get(0)),
                history(),
                Period.parse("2026-10"),
                "bought",
                new BusinessCalendar(d.calendar()),
                d.zone()))
        .extracting(LeadList.Entry::lead)
        .containsExactly("L1", "L3");
  }
}
