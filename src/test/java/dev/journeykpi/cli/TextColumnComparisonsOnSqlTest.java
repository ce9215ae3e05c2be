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
 * A filter comparing two text columns or two yes/no columns ({@code team: { eq: { column: team_2 }
 * }}) on the SQL engines (issue 17), as the default engine's ColumnComparison compares them: texts
 * without case, NFC (a decomposed spelling is the composed one), a blank on either side never a
 * match, under {@code not:} too. Five rows in October 2026:
 *
 * <pre>
 * id  team  team_2              ok   ok_2
 * 1   Bắc   bắc                 yes  yes
 * 2   Nam   Bắc                 no   yes
 * 3   Nam   (blank)             yes  (blank)
 * 4   ĐÔNG  đông                no   no
 * 5   bắc   BẮC (decomposed)    yes  no
 * </pre>
 */
class TextColumnComparisonsOnSqlTest {
  static Definition definition(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("c.csv"),
        "id,at,team,team_2,ok,ok_2\n"
            + "1,2026-10-01 09:00,Bắc,bắc,yes,yes\n"
            + "2,2026-10-02 09:00,Nam,Bắc,no,yes\n"
            + "3,2026-10-03 09:00,Nam,,yes,\n"
            + "4,2026-10-04 09:00,ĐÔNG,đông,no,no\n"
            // B, A, combining breve, combining acute, C: NFC is BẮC.
            + "5,2026-10-05 09:00,bắc,BA\u0306\u0301C,yes,no\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("c.yaml"),
        """
        version: 1
        timezone: UTC
        sources:
          s:
            file: c.csv
            columns:
              id: id
              at: { column: at, type: datetime, format: yyyy-MM-dd HH:mm }
              team: team
              team_2: team_2
              ok: { column: ok, type: boolean }
              ok_2: { column: ok_2, type: boolean }
        kpis:
          - { id: same_team, type: count, source: s, time: at, where: { team: { eq: { column: team_2 } } } }
          - { id: other_team, type: count, source: s, time: at, where: { team: { not: { column: team_2 } } } }
          - { id: not_same, type: count, source: s, time: at,
              where: { not: { team: { eq: { column: team_2 } } } } }
          - { id: agreed, type: ratio, source: s, time: at, numerator: { ok: { eq: { column: ok_2 } } } }
          - { id: disagreed, type: count, source: s, time: at, where: { ok: { not: { column: ok_2 } } },
              by: [team] }
        """,
        StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("c.yaml")));
  }

  private static final RunRequest OCTOBER =
      new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());

  @Test
  void textAndYesNoColumnsCompareAsOnTheDefaultEngineWorkedByHand(@TempDir Path dir)
      throws Exception {
    Definition def = definition(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : SqlKpiEngine.run(def, OCTOBER).rows())
      by.put(r.kpi() + " " + r.dims().values(), r);
    // team = team_2 without case: rows 1, 4 (Đ/đ) and 5 (the decomposed BẮC is NFC bắc): 3.
    assertThat(by.get("same_team []").value()).isEqualTo(3.0);
    // team ≠ team_2: row 2 only; row 3's blank team_2 is no match either way.
    assertThat(by.get("other_team []").value()).isEqualTo(1.0);
    // not (team = team_2): row 2 again, row 3 still not judged.
    assertThat(by.get("not_same []").value()).isEqualTo(1.0);
    // ok = ok_2: rows 1 (yes, yes) and 4 (no, no) of the 5 rows: 0.4.
    assertThat(by.get("agreed []").numerator()).isEqualTo(2.0);
    assertThat(by.get("agreed []").denominator()).isEqualTo(5.0);
    assertThat(by.get("agreed []").value()).isEqualTo(0.4);
    // ok ≠ ok_2: rows 2 (Nam) and 5 (bắc); row 3 blank.
    assertThat(by.get("disagreed [bắc]").value()).isEqualTo(1.0);
    assertThat(by.get("disagreed [Nam]").value()).isEqualTo(1.0);
    assertThat(by.get("disagreed [(total)]").value()).isEqualTo(2.0);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER));
  }

  @Test
  void everyDialectPrintsTheComparison(@TempDir Path dir) throws Exception {
    definition(dir);
    for (String dialect :
        List.of("duckdb", "postgres", "spark", "trino", "bigquery", "snowflake")) {
      CliRunner.Result r =
          CliRunner.run(
              "sql",
              "-c",
              dir.resolve("c.yaml").toString(),
              "--kpi",
              "same_team",
              "-p",
              "2026-10",
              "--dialect",
              dialect);
      assertThat(r.exitCode()).as(dialect + ": " + r.err()).isZero();
      assertThat(r.out()).as(dialect).containsIgnoringCase("(lower(").contains(" = lower(");
    }
  }
}
