package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The note on durations that end before they start shows the rows it counts (found by session 11's
 * review: it said "(e.g. )" for a start in a daylight-saving gap, which it counted but did not
 * show), the same on both engines.
 */
class EndBeforeStartExamplesTest {
  @TempDir Path dir;

  /**
   * Europe/Berlin skips 02:00-03:00 on 2026-03-29. Row 1: 01:00 (CET) to 04:00 (CEST) is 2 hours of
   * real time. Row 2 starts at 02:30, in the gap, read an hour later (03:30 CEST), and ends at
   * 03:10: -20 minutes, so it is left out as ending before it starts, though its times are in order
   * on the wall clock. The note showed no example for it, "(e.g. )"; now it shows the row, on both
   * engines.
   */
  @Test
  void aDurationEndingBeforeItStartsInADaylightSavingGapIsShownInTheNote() throws Exception {
    Files.writeString(
        dir.resolve("t.csv"),
        "created,resolved\n2026-03-29 01:00,2026-03-29 04:00\n2026-03-29 02:30,2026-03-29 03:10\n",
        StandardCharsets.UTF_8);
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: Europe/Berlin
        sources:
          t:
            file: t.csv
            columns:
              created: { column: created, type: datetime, format: yyyy-MM-dd HH:mm, required: true }
              resolved: { column: resolved, type: datetime, format: yyyy-MM-dd HH:mm }
        kpis:
          - { id: ttr, type: duration, source: t, start: created, end: resolved, time: created, unit: hours }
        """,
        StandardCharsets.UTF_8);
    for (String engine : List.of("tablesaw", "duckdb")) {
      CliRunner.Result r =
          CliRunner.run(
              "report", "-c", def.toString(), "-p", "2026-03", "-f", "csv", "--engine", engine);
      assertThat(r.exitCode()).as(engine + ": " + r.err()).isZero();
      assertThat(r.out())
          .as(engine)
          .contains("ttr,ttr,2026-03,2,hours,,,1,")
          .contains(
              "1 with resolved before created left out (e.g. created 2026-03-29 02:30 → resolved"
                  + " 2026-03-29 03:10)")
          .doesNotContain("(e.g. )");
    }
  }
}
