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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local times in a daylight-saving gap or overlap on the SQL engine (issue 17): a calendar-clock
 * duration in Europe/Paris gives the default engine's rows. java.time reads a local time as {@code
 * ZonedDateTime.ofLocal} does — in the gap (2026-03-29 02:00–03:00 does not exist) shifted later by
 * the gap's length, in the overlap (2026-10-25 02:00–03:00 happens twice) at the earlier offset,
 * CEST — and the default engine counts a row whose real duration comes out below zero with the rows
 * ending before they start, though its end is after its start on the clock.
 */
class DaylightSavingGapOnSqlTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  /**
   * Worked by hand (CET = UTC+1, CEST = UTC+2):
   *
   * <ol>
   *   <li>2026-03-29 01:50 → 03:10: 01:50 CET = 00:50Z, 03:10 CEST = 01:10Z: 20 minutes.
   *   <li>2026-03-29 02:30 → 03:10: 02:30 is in the gap, read as 03:30 CEST = 01:30Z; 03:10 CEST =
   *       01:10Z: −20 minutes, so it ends before it starts (though 03:10 is after 02:30 on the
   *       clock), counted with the rows ending before they start and not measured.
   *   <li>2026-03-29 02:30 → 04:00: 01:30Z → 02:00Z: 30 minutes.
   *   <li>2026-10-25 01:30 → 02:30: 01:30 CEST = 23:30Z (24th); 02:30 happens twice, the earlier
   *       (CEST) = 00:30Z: 60 minutes.
   *   <li>2026-10-25 02:30 → 03:00: 02:30 CEST = 00:30Z, 03:00 CET = 02:00Z: 90 minutes.
   *   <li>2026-10-25 02:00 → 01:00: ends before it starts on the clock.
   * </ol>
   *
   * March: 2 measured (20, 30), mean 25 minutes, 1 ending before it starts. October: 2 measured
   * (60, 90), mean 75 minutes, 1 ending before it starts.
   */
  @Test
  void gapAndOverlapTimesAreReadAsJavaTimeReadsThem(@TempDir Path tmp) throws Exception {
    Definition def = KpiEngine.load(List.of(write(tmp)));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-03"), Period.parse("2026-10")),
            Map.of(),
            List.of(),
            RunRequest.Compare.NONE,
            TODAY);
    Scorecard tablesaw = KpiEngine.run(def, request);
    Scorecard sql = SqlKpiEngine.run(def, request);
    for (Scorecard s : List.of(tablesaw, sql)) {
      Map<String, ResultRow> by = new java.util.LinkedHashMap<>();
      for (ResultRow r : s.rows()) by.put(r.kpi() + " " + r.period(), r);
      assertThat(by.get("wall 2026-03").value()).isEqualTo(25.0);
      assertThat(by.get("wall 2026-03").n()).isEqualTo(2);
      assertThat(by.get("wall 2026-03").notes().toString())
          .contains("END_BEFORE_START_EXAMPLES, args=[1,");
      assertThat(by.get("wall_max 2026-03").value()).isEqualTo(30.0);
      assertThat(by.get("wall 2026-10").value()).isEqualTo(75.0);
      assertThat(by.get("wall 2026-10").n()).isEqualTo(2);
      assertThat(by.get("wall 2026-10").notes().toString())
          .contains("END_BEFORE_START_EXAMPLES, args=[1,");
      assertThat(by.get("wall_max 2026-10").value()).isEqualTo(90.0);
    }
    SqlEngineDifferentialTest.assertSame(tablesaw, sql);
  }

  /** The export and definition of {@link #gapAndOverlapTimesAreReadAsJavaTimeReadsThem}. */
  static Path write(Path tmp) throws java.io.IOException {
    Files.writeString(
        tmp.resolve("t.csv"),
        """
        id,created,answered
        1,29/03/2026 01:50,29/03/2026 03:10
        2,29/03/2026 02:30,29/03/2026 03:10
        3,29/03/2026 02:30,29/03/2026 04:00
        4,25/10/2026 01:30,25/10/2026 02:30
        5,25/10/2026 02:30,25/10/2026 03:00
        6,25/10/2026 02:00,25/10/2026 01:00
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("t.yaml"),
        BusinessTimeOnDuckDbTest.HEADER
            + """
            sources:
              t:
                file: t.csv
                columns:
                  id: id
                  created: { column: created, type: datetime, format: dd/MM/yyyy HH:mm }
                  answered: { column: answered, type: datetime, format: dd/MM/yyyy HH:mm }
            kpis:
              - { id: wall, type: duration, source: t, time: created, start: created, end: answered,
                  stat: mean }
              - { id: wall_max, type: duration, source: t, time: created, start: created,
                  end: answered, stat: max }
            """,
        StandardCharsets.UTF_8);
    return tmp.resolve("t.yaml");
  }
}
