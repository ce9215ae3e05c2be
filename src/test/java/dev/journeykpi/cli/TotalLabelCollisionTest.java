package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data value equal to kpi's own {@code (total)} label is a group of its own, never merged with
 * (or dropped for) the total or a roll-up's subtotal, on the default engine and on DuckDB alike and
 * in the same order: its rows are labelled {@code '(total)} in CSV and JSON, shown as {@code
 * (total)} by the views for people (model.BreakdownLabel). Found by the session 13 review: the
 * default engine kept the data's row, DuckDB the subtotal.
 *
 * <p>tickets.csv (8 rows, all in October 2026):
 *
 * <pre>
 * row  campaign  team
 * 1    Alpha     A
 * 2    Alpha     A
 * 3    Alpha     (total)
 * 4    Alpha     (total)
 * 5    Beta      B
 * 6    Beta      (total)
 * 7    Beta      ""        blank
 * 8    (total)   (blank)   a blank token: blank
 * </pre>
 *
 * leads.csv: L1 Alpha/A new → won; L2 Alpha/(total) new; L3 (total)/A new → won; L4 (total)/(total)
 * new; L5 (total)/B new.
 */
class TotalLabelCollisionTest {
  @TempDir Path dir;

  /**
   * Count by team: A rows 1, 2 = 2; the team "(total)" rows 3, 4, 6 = 3; B row 5 = 1; blank rows 7,
   * 8 = 2; the period's total all 8 rows (2 + 3 + 1 + 2 = 8). The apostrophe and the brackets sort
   * before letters (the collator's order), the blank last, then the total, as for any label.
   *
   * <p>Count by campaign, team with the roll-up: campaign "(total)" has row 8 (subtotal 1, blank
   * team 1); Alpha rows 1-4: subtotal 4, team "(total)" 2 (rows 3, 4), A 2; Beta rows 5-7: subtotal
   * 3, team "(total)" 1 (row 6), B 1, blank 1 (row 7); total 8 = 1 + 4 + 3.
   */
  @Test
  void aCountKeepsTheDataRowAndTheTotalApartOnBothEngines() throws Exception {
    Definition def = TotalLabelCollision.definition(dir);
    RunRequest request = TotalLabelCollision.request();
    Scorecard tablesaw = KpiEngine.run(def, request);
    List<String> expected =
        List.of(
            "by_team '(total) = 3.0",
            "by_team A = 2.0",
            "by_team B = 1.0",
            "by_team (blank) = 2.0",
            "by_team (total) = 8.0",
            "by_both '(total)/(total) = 1.0",
            "by_both '(total)/(blank) = 1.0",
            "by_both Alpha/(total) = 4.0",
            "by_both Alpha/'(total) = 2.0",
            "by_both Alpha/A = 2.0",
            "by_both Beta/(total) = 3.0",
            "by_both Beta/'(total) = 1.0",
            "by_both Beta/B = 1.0",
            "by_both Beta/(blank) = 1.0",
            "by_both (total)/(total) = 8.0");
    assertThat(rows(tablesaw, "by_team", "by_both")).isEqualTo(expected);
    Scorecard duckdb = SqlKpiEngine.run(def, request);
    assertThat(rows(duckdb, "by_team", "by_both")).isEqualTo(expected);
    SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
  }

  /**
   * Funnel by campaign: Alpha L1, L2 entered new (2), L1 won (1): 1 / 2 = 0.5; the campaign
   * "(total)" L3, L4, L5 new (3), L3 won (1): 1 / 3; the funnel's total 5 new, 2 won: 0.4. The
   * conversion new → won gives the same shares.
   *
   * <p>By campaign, team with the roll-up: Alpha's subtotal L1, L2: 1 of 2 won = 0.5, team
   * "(total)" L2: 0 of 1, A L1: 1 of 1; campaign "(total)"'s subtotal L3, L4, L5: 1 of 3, team
   * "(total)" L4: 0 of 1, A L3: 1 of 1, B L5: 0 of 1; total 2 of 5 = 0.4.
   */
  @Test
  void aFunnelKeepsTheDataRowAndTheTotalApartOnBothEngines() throws Exception {
    Definition def = TotalLabelCollision.definition(dir);
    RunRequest request = TotalLabelCollision.request();
    Scorecard tablesaw = KpiEngine.run(def, request);
    List<String> expected =
        List.of(
            "pipeline '(total)/new/entered = 3.0",
            "pipeline '(total)/won/entered = 1.0",
            "pipeline '(total)/(total)/(total) = 0.3333333333333333",
            "pipeline Alpha/new/entered = 2.0",
            "pipeline Alpha/won/entered = 1.0",
            "pipeline Alpha/(total)/(total) = 0.5",
            "pipeline (total)/new/entered = 5.0",
            "pipeline (total)/won/entered = 2.0",
            "pipeline (total)/(total)/(total) = 0.4",
            "new_to_won '(total) = 0.3333333333333333",
            "new_to_won Alpha = 0.5",
            "new_to_won (total) = 0.4",
            "pipeline_teams '(total)/(total)/(total)/(total) = 0.3333333333333333",
            "pipeline_teams '(total)/'(total)/(total)/(total) = 0.0",
            "pipeline_teams '(total)/A/(total)/(total) = 1.0",
            "pipeline_teams '(total)/B/(total)/(total) = 0.0",
            "pipeline_teams Alpha/(total)/(total)/(total) = 0.5",
            "pipeline_teams Alpha/'(total)/(total)/(total) = 0.0",
            "pipeline_teams Alpha/A/(total)/(total) = 1.0",
            "pipeline_teams (total)/(total)/(total)/(total) = 0.4");
    assertThat(funnelRows(tablesaw)).isEqualTo(expected);
    Scorecard duckdb = SqlKpiEngine.run(def, request);
    assertThat(funnelRows(duckdb)).isEqualTo(expected);
    SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
  }

  /**
   * CSV and JSON print the data's team as {@code '(total)} and the total as {@code (total)}; the
   * table for people shows the data's value as it is, {@code (total)}, and the total as {@code
   * Total}.
   */
  @Test
  void csvTellsTheRowsApartAndTheTableShowsTheDataValue() throws Exception {
    TotalLabelCollision.definition(dir);
    String[] args = {
      "report", "-c", dir.resolve("k.yaml").toString(), "--period", "2026-10", "--kpi", "by_team"
    };
    CliRunner.Result csv = CliRunner.run(concat(args, "--format", "csv"));
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(
            csv.out()
                .lines()
                .filter(l -> l.startsWith("by_team,"))
                .map(TotalLabelCollisionTest::team))
        .containsExactly("'(total)=3", "A=2", "B=1", "(blank)=2", "(total)=8");
    CliRunner.Result json = CliRunner.run(concat(args, "--format", "json"));
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out().replace(" ", ""))
        .contains("\"team\":\"'(total)\"", "\"team\":\"(total)\"");
    CliRunner.Result table = CliRunner.run(concat(args, "--format", "table", "--width", "0"));
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).doesNotContain("'(total)").contains("(total)").contains("Total");
  }

  /**
   * Every type that takes several breakdown columns and the roll-up (backlog, turnover, csat, nps,
   * stalled, churn, customer lifecycle, cohorts, count, ratio, duration, sla, sum) over generated
   * data where a team, a channel and a department are named "(total)": the same rows on both
   * engines, no two rows of a KPI and period with the same breakdown, and the data's "(total)"
   * groups there beside the subtotals.
   */
  @Test
  void everyTypeKeepsTheDataRowsApartOnBothEngines() throws Exception {
    Definition def = TotalLabelCollision.generated(dir);
    for (RunRequest request : SeveralBreakdownsOnSqlTest.requests()) {
      Scorecard tablesaw = KpiEngine.run(def, request);
      SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
      assertDistinct(tablesaw);
      if (request != SeveralBreakdownsOnSqlTest.requests().get(0)) continue;
      String keys =
          String.join(
              "\n", tablesaw.rows().stream().map(r -> r.kpi() + " " + r.dims().values()).toList());
      assertThat(keys)
          .contains("open_rollup ['(total), (total)]")
          .contains("open_rollup [Email, '(total)]")
          .contains("turnover_rollup ['(total), (total)]")
          .contains("csat_rollup ['(total), '(total)]")
          .contains("stalled_rollup ['(total), (total)]")
          .contains("life_rollup ['(total), (total), new]")
          .contains("cohorts_rollup ['(total), (total)")
          .contains("count_rollup ['(total), '(total)]")
          .contains("ratio_rollup ['(total), (total)]")
          .contains("duration_rollup [Email, '(total)]")
          .contains("sla_rollup ['(total), (total)]")
          .contains("sum_by_team ['(total)]");
    }
  }

  /**
   * {@code compare: { by: script, control: (total) }}: the control is the data's script "(total)"
   * (rows 1, 2: minutes 1 and 2, mean 1.5), not kpi's total; the variant A (rows 3, 4: 100 and 101,
   * mean 100.5) differs by 100.5 − 1.5 = 99. The comparison names the control by its label, {@code
   * '(total)}, as the rows do; the same on DuckDB.
   */
  @Test
  void aControlNamedLikeTheTotalIsTheDatasGroup() throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("s.csv"),
        """
        day,script,minutes
        01/10/2026,(total),1
        02/10/2026,(total),2
        03/10/2026,A,100
        04/10/2026,A,101
        """);
    Path f = dir.resolve("c.yaml");
    java.nio.file.Files.writeString(
        f,
        """
        sources:
          s:
            file: s.csv
            columns:
              day: { column: day, format: dd/MM/yyyy }
              script: script
              minutes: { column: minutes, type: number }
        kpis:
          - { id: avg, type: mean, column: minutes, source: s, time: day,
              compare: { by: script, control: "(total)" } }
        """);
    Definition def = KpiEngine.load(List.of(f));
    RunRequest request = TotalLabelCollision.request();
    Scorecard tablesaw = KpiEngine.run(def, request);
    assertThat(tablesaw.comparisons())
        .extracting(c -> c.control() + " " + c.variant() + " " + c.difference())
        .containsExactly("'(total) A 99.0");
    SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
  }

  /** No two rows of a KPI and period share their breakdown: none was merged into another. */
  static void assertDistinct(Scorecard card) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ResultRow r : card.rows())
      assertThat(seen.add(r.kpi() + " " + r.period() + " " + r.dims()))
          .as(r.kpi() + " " + r.period() + " " + r.dims() + " twice")
          .isTrue();
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A CSV row's team and value: the columns kpi, label, period, team, value, … */
  private static String team(String line) {
    String[] cells = line.split(",");
    return cells[3] + "=" + cells[4];
  }

  private static List<String> rows(Scorecard card, String... kpis) {
    List<String> ids = List.of(kpis);
    return card.rows().stream()
        .filter(r -> ids.contains(r.kpi()))
        .map(r -> r.kpi() + " " + String.join("/", r.dims().values()) + " = " + r.value())
        .toList();
  }

  /** The funnels' entered counts and headline shares, the conversion's shares. */
  private static List<String> funnelRows(Scorecard card) {
    return card.rows().stream()
        .filter(r -> r.kpi().startsWith("pipeline") || r.kpi().equals("new_to_won"))
        .filter(r -> !r.kpi().equals("pipeline_teams") || r.isTotal() || headline(r))
        .filter(r -> !r.kpi().equals("pipeline") || headline(r) || "entered".equals(step(r)))
        .map(r -> r.kpi() + " " + String.join("/", r.dims().values()) + " = " + r.value())
        .toList();
  }

  private static boolean headline(ResultRow r) {
    return ResultRow.TOTAL.equals(r.dims().get("stage"));
  }

  private static String step(ResultRow r) {
    return r.dims().get("step");
  }
}
