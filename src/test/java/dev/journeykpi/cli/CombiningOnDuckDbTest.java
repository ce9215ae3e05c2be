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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Combining exports on {@code --engine duckdb} (issue 17): breakdowns by several columns and by
 * columns that are not text, roll-ups, derived columns and {@code expr:} filters, {@code distinct:}
 * and {@code join:} give the same rows and the same quality counts as the default engine, on
 * generated edge cases (fixed seed) and on small exports worked by hand.
 */
class CombiningOnDuckDbTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @TempDir Path dir;

  private Scorecard[] both(Path yaml, String period) {
    Definition def = KpiEngine.load(List.of(yaml));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request =
        new RunRequest(
            Period.parse(period).lastN(2), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Scorecard tablesaw = KpiEngine.run(def, request);
    Scorecard duckdb = SqlKpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
    return new Scorecard[] {tablesaw, duckdb};
  }

  /**
   * Generated (seed 17): breakdowns by text, number (whole and fractional), yes/no, date and
   * date-time columns, blanks among them, two and three columns, roll-ups of two and three levels.
   */
  @Test
  void breakdownsBySeveralAndNonTextColumnsAndRollups() throws Exception {
    Random rnd = new Random(17);
    String[] teams = {"Bắc", "bắc", "Nam", "Đông", ""};
    String[] agents = {"Hà", "Bảo", "An", "", "Zoe"};
    String[] sizes = {"1", "2", "2,5", "-0,25", "1000000", "", "x"};
    String[] flags = {"yes", "no", "", "maybe"};
    String[] days = {"2026-10-01", "2026-10-02", "2026-10-31", "2026-11-01", "", "2026-11-30"};
    String[] times = {"08:00", "08:00:30", "23:59:59", "00:00"};
    StringBuilder csv = new StringBuilder("id;day;at;team;agent;size;vip\n");
    for (int i = 0; i < 300; i++) {
      String day = days[rnd.nextInt(days.length)];
      csv.append("T")
          .append(i)
          .append(';')
          .append(day)
          .append(';')
          .append(day.isEmpty() ? "" : day + " " + times[rnd.nextInt(times.length)])
          .append(';')
          .append(teams[rnd.nextInt(teams.length)])
          .append(';')
          .append(agents[rnd.nextInt(agents.length)])
          .append(';')
          .append(sizes[rnd.nextInt(sizes.length)])
          .append(';')
          .append(flags[rnd.nextInt(flags.length)])
          .append('\n');
    }
    Files.writeString(dir.resolve("t.csv"), csv.toString(), StandardCharsets.UTF_8);
    Path yaml = dir.resolve("t.yaml");
    Files.writeString(
        yaml,
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: t.csv
            columns:
              id: id
              day: { column: day, type: date, format: yyyy-MM-dd }
              at: { column: at, type: datetime, format: [yyyy-MM-dd HH:mm:ss, yyyy-MM-dd HH:mm] }
              team: team
              agent: agent
              size: { column: size, type: number, decimal: "," }
              vip: { column: vip, type: boolean }
        kpis:
          - { id: two, type: count, source: t, time: day, by: [team, agent] }
          - { id: by_size, type: count, source: t, time: day, by: [size] }
          - { id: by_vip, type: sum, column: size, source: t, time: day, by: [vip] }
          - { id: by_day, type: count, source: t, time: day, by: [day] }
          - { id: by_at, type: count, source: t, time: none, by: [at] }
          - { id: mixed, type: mean, column: size, source: t, time: day, by: [vip, team, size] }
          - { id: up2, type: ratio, numerator: { vip: true }, source: t, time: day, by: [team, agent],
              rollup: true }
          - { id: up3, type: sum, column: size, source: t, time: day, by: [vip, team, agent],
              rollup: true }
        """,
        StandardCharsets.UTF_8);
    Scorecard[] s = both(yaml, "2026-11");
    // The labels the default engine writes: a number without ".0", a date-time without zero
    // seconds.
    assertThat(s[1].rows())
        .extracting(ResultRow::dims)
        .contains(
            Map.of("size", "2.5"),
            Map.of("size", "1000000"),
            Map.of("size", "-0.25"),
            Map.of("vip", "true"),
            Map.of("day", "2026-10-31"),
            Map.of("at", "2026-10-01 08:00"),
            Map.of("at", "2026-10-01 08:00:30"));
  }

  /**
   * A roll-up worked by hand, on the SQL engine: minutes per department, team and agent.
   *
   * <pre>
   * department team agent minutes
   * CSKH       Bắc  Hà    10
   * CSKH       Bắc  Hà    20
   * CSKH       Bắc  Bảo   60
   * CSKH       Nam  Mai   15
   * (blank)    Nam  Lan   40
   * </pre>
   *
   * Mean minutes: CSKH (10 + 20 + 60 + 15) / 4 = 26.25; CSKH/Bắc (10 + 20 + 60) / 3 = 30 (not the
   * mean of its agents' means, (15 + 60) / 2 = 37.5); Bảo 60, Hà 15; CSKH/Nam 15, Mai 15; the blank
   * department 40; total 145 / 5 = 29. Subtotals before the groups under them, Vietnamese order
   * (Bảo before Hà), the blank department last.
   */
  @Test
  void aRollupWorkedByHand() throws Exception {
    Files.writeString(
        dir.resolve("r.csv"),
        """
        day,department,team,agent,minutes
        01/10/2026,CSKH,Bắc,Hà,10
        02/10/2026,CSKH,Bắc,Hà,20
        03/10/2026,CSKH,Bắc,Bảo,60
        04/10/2026,CSKH,Nam,Mai,15
        05/10/2026,,Nam,Lan,40
        """);
    Path yaml = dir.resolve("r.yaml");
    Files.writeString(
        yaml,
        """
        sources:
          s:
            file: r.csv
            columns:
              day: { column: day, type: date, format: dd/MM/yyyy }
              department: department
              team: team
              agent: agent
              minutes: { column: minutes, type: number }
        kpis:
          - { id: m, type: mean, column: minutes, source: s, time: day,
              by: [department, team, agent], rollup: true }
        """);
    Definition def = KpiEngine.load(List.of(yaml));
    Scorecard card =
        SqlKpiEngine.run(
            def, new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
    assertThat(card.rows())
        .extracting(r -> String.join("/", r.dims().values()) + "=" + r.value())
        .containsExactly(
            "CSKH/(total)/(total)=26.25",
            "CSKH/Bắc/(total)=30.0",
            "CSKH/Bắc/Bảo=60.0",
            "CSKH/Bắc/Hà=15.0",
            "CSKH/Nam/(total)=15.0",
            "CSKH/Nam/Mai=15.0",
            "(blank)/(total)/(total)=40.0",
            "(blank)/Nam/(total)=40.0",
            "(blank)/Nam/Lan=40.0",
            "(total)/(total)/(total)=29.0");
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of())),
        card);
  }
}
