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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SLA's limit picked by a column that is not text ({@code limit: { by: priority }} on a number,
 * yes/no or date column) on the SQL engines (issue 17): the default engine looks each row's label
 * up (2, true, 2026-10-01), so a limit's text names the value labelled so — "2" the number 2,
 * whether the file writes 2 or 2.0, and "2.0" nothing; "yes" nothing on a yes/no column (its label
 * is true); a blank cell gets the default. Seven tickets in October 2026 (the export's latest time
 * is row 7's answer, 06/10 09:00):
 *
 * <pre>
 * id  opened       answered     took      priority  vip      day
 * 1   01/10 08:00  01/10 09:00  1 h       1         yes      2026-10-01
 * 2   01/10 08:00  01/10 13:00  5 h       2         no       2026-10-01
 * 3   02/10 08:00  02/10 10:00  2 h       1         no       2026-10-02
 * 4   03/10 08:00  03/10 08:30  0.5 h     3         yes      2026-10-03
 * 5   04/10 08:00  (open)       49 h so far  2     (blank)  2026-10-04
 * 6   05/10 08:00  05/10 12:00  4 h       2.0       no       2026-10-05
 * 7   06/10 08:00  06/10 09:00  1 h       (blank)   yes      2026-10-06
 * </pre>
 */
class SlaLimitsByTypedColumnOnSqlTest {
  static Definition definition(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("s.csv"),
        """
        id,opened,answered,priority,vip,day
        1,2026-10-01 08:00,2026-10-01 09:00,1,yes,2026-10-01
        2,2026-10-01 08:00,2026-10-01 13:00,2,no,2026-10-01
        3,2026-10-02 08:00,2026-10-02 10:00,1,no,2026-10-02
        4,2026-10-03 08:00,2026-10-03 08:30,3,yes,2026-10-03
        5,2026-10-04 08:00,,2,,2026-10-04
        6,2026-10-05 08:00,2026-10-05 12:00,2.0,no,2026-10-05
        7,2026-10-06 08:00,2026-10-06 09:00,,yes,2026-10-06
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("s.yaml"),
        """
        version: 1
        timezone: UTC
        sources:
          s:
            file: s.csv
            columns:
              id: id
              opened: { column: opened, type: datetime, format: yyyy-MM-dd HH:mm }
              answered: { column: answered, type: datetime, format: yyyy-MM-dd HH:mm }
              priority: { column: priority, type: number }
              vip: { column: vip, type: boolean }
              day: { column: day, type: date, format: yyyy-MM-dd }
        kpis:
          - { id: by_priority, type: sla, source: s, time: opened, start: opened, end: answered,
              limit: { by: priority, values: { "1": 1 hour, "2": 4 hours, "2.0": 30 minutes } } }
          - { id: by_vip, type: sla, source: s, time: opened, start: opened, end: answered,
              limit: { by: vip, values: { "true": 2 hours, "yes": 1 minute }, default: 3 hours } }
          - { id: by_day, type: sla, source: s, time: opened, start: opened, end: answered,
              limit: { by: day, values: { "2026-10-01": 4 hours, "2026-10-02": 1 hour } } }
        """,
        StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("s.yaml")));
  }

  private static final RunRequest OCTOBER =
      new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());

  @Test
  void limitsPickedByNumbersYesNoAndDatesWorkedByHand(@TempDir Path dir) throws Exception {
    Definition def = definition(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : SqlKpiEngine.run(def, OCTOBER).rows()) by.put(r.kpi(), r);
    // priority: 1 → 1 h: row 1 met, row 3 breached; 2 → 4 h (the "2.0" limit names nothing):
    // row 2 breached, row 5 open 49 h past it (breached), row 6 (2.0, i.e. 2) 4 h met; rows 4
    // (3) and 7 (blank) have no limit. Met 2 of 5 judged.
    ResultRow p = by.get("by_priority");
    assertThat(p.numerator()).isEqualTo(2.0);
    assertThat(p.denominator()).isEqualTo(5.0);
    assertThat(p.value()).isEqualTo(0.4);
    assertThat(p.notes().english()).contains("'(blank)', '3'");
    // vip: true → 2 h (rows 1, 4, 7 met); false and blank → the default 3 h: row 3 met, rows 2
    // and 6 breached, row 5 open past it. Met 4 of 7.
    ResultRow v = by.get("by_vip");
    assertThat(v.numerator()).isEqualTo(4.0);
    assertThat(v.denominator()).isEqualTo(7.0);
    // day: 2026-10-01 → 4 h: row 1 met, row 2 breached; 2026-10-02 → 1 h: row 3 breached; the
    // other four days have no limit. Met 1 of 3.
    ResultRow d = by.get("by_day");
    assertThat(d.numerator()).isEqualTo(1.0);
    assertThat(d.denominator()).isEqualTo(3.0);
    assertThat(d.notes().english())
        .contains("'2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06'");
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER));
  }

  @Test
  void everyDialectPrintsTheLimits(@TempDir Path dir) throws Exception {
    definition(dir);
    for (String dialect :
        List.of("duckdb", "postgres", "spark", "trino", "bigquery", "snowflake")) {
      CliRunner.Result r =
          CliRunner.run(
              "sql", "-c", dir.resolve("s.yaml").toString(), "-p", "2026-10", "--dialect", dialect);
      assertThat(r.exitCode()).as(dialect + ": " + r.err()).isZero();
      assertThat(r.out())
          .as(dialect)
          .contains(" THEN 3600 WHEN ")
          .contains(" THEN 7200 ELSE 10800");
    }
  }
}
