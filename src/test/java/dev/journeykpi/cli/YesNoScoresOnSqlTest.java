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
 * {@code score} answers in a yes/no column on the SQL engines (issue 17): each answer is the text
 * the default engine's yes/no column gives ({@code true}, {@code false}), read as a text answer, so
 * {@code values:} maps it and an unmapped one is unrecognised, with the same examples. Six answers
 * in October 2026:
 *
 * <pre>
 * id  team  recommend
 * 1   A     yes
 * 2   A     no
 * 3   A     có        (yes in Vietnamese)
 * 4   B     (blank)
 * 5   B     maybe     (not yes/no: blanked on import)
 * 6   B     yes
 * </pre>
 */
class YesNoScoresOnSqlTest {
  static Definition definition(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("y.csv"),
        """
        id,at,team,recommend
        1,2026-10-01 09:00,A,yes
        2,2026-10-02 09:00,A,no
        3,2026-10-03 09:00,A,có
        4,2026-10-04 09:00,B,
        5,2026-10-05 09:00,B,maybe
        6,2026-10-06 09:00,B,yes
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("y.yaml"),
        """
        version: 1
        timezone: UTC
        sources:
          s:
            file: y.csv
            columns:
              id: id
              at: { column: at, type: datetime, format: yyyy-MM-dd HH:mm }
              team: team
              recommend: { column: recommend, type: boolean }
        kpis:
          - { id: would_recommend, type: score, source: s, time: at, column: recommend, scale: 0-1,
              values: { "true": 1, "false": 0 }, stat: mean, by: [team] }
          - { id: unmapped, type: score, source: s, time: at, column: recommend, scale: 0-1, stat: mean }
        """,
        StandardCharsets.UTF_8);
    return KpiEngine.load(List.of(dir.resolve("y.yaml")));
  }

  @Test
  void yesNoAnswersAreReadAsOnTheDefaultEngineWorkedByHand(@TempDir Path dir) throws Exception {
    Definition def = definition(dir);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest october = new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : SqlKpiEngine.run(def, october).rows())
      by.put(r.kpi() + " " + r.dims().values(), r);
    // A: true 1, false 0, true 1 → 2/3; B: blank, blanked, true 1 → 1 (two blanks left out);
    // all: 1 + 0 + 1 + 1 = 3 of 4 answers → 0.75.
    assertThat(by.get("would_recommend [A]").value()).isCloseTo(2.0 / 3, within());
    assertThat(by.get("would_recommend [B]").value()).isEqualTo(1.0);
    assertThat(by.get("would_recommend [B]").n()).isEqualTo(1);
    assertThat(by.get("would_recommend [(total)]").value()).isEqualTo(0.75);
    assertThat(by.get("would_recommend [(total)]").n()).isEqualTo(4);
    // Without values: 'true' and 'false' are no numbers: all 4 answers unrecognised, no value.
    ResultRow unmapped = by.get("unmapped []");
    assertThat(unmapped.value()).isNull();
    assertThat(unmapped.notes().english()).contains("unrecognised").contains("'true'");
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, october), SqlKpiEngine.run(def, october));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
