package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ISO weeks as periods on the command line (issue 19): a count KPI over events at the edges of
 * weeks, the same rows on both engines. The weeks, read off a calendar: 2026-W45 is Monday 2 to
 * Sunday 8 November 2026, W44 ends Sunday 1 November, W46 starts Monday 9 November; 2025-W45 is 3
 * to 9 November 2025; 1 January 2026 is a Thursday, so 2026-W01 is Monday 29 December 2025 to
 * Sunday 4 January 2026, after 2025-W52 (22 to 28 December).
 */
class WeeksCliTest {
  @TempDir Path dir;

  static final String EVENTS =
      """
      id,at,channel
      E1,2026-11-01 23:59,web
      E2,2026-11-02 00:00,web
      E3,2026-11-08 23:59,shop
      E4,2026-11-09 00:00,web
      E5,2025-11-05 10:00,web
      E6,2025-12-31 12:00,shop
      E7,2026-01-04 23:59,web
      E8,2026-01-05 00:00,web
      E9,2025-12-28 23:59,shop
      """;

  private Path def;

  @BeforeEach
  void write() throws Exception {
    Files.writeString(dir.resolve("e.csv"), EVENTS);
    def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          e:
            file: e.csv
            columns:
              id: id
              channel: channel
              at: { column: at, type: datetime, format: yyyy-MM-dd HH:mm }
        kpis:
          - { id: events, type: count, source: e, time: at, by: [channel] }
        """);
  }

  /** The CSV on both engines, asserted equal; the rows without the header. */
  private List<String> rows(String... args) {
    List<String> common = new java.util.ArrayList<>(List.of("report", "-c", def.toString()));
    common.addAll(List.of(args));
    common.addAll(List.of("-f", "csv", "-q"));
    CliRunner.Result tablesaw = run(common.toArray(String[]::new));
    common.addAll(List.of("--engine", "duckdb"));
    CliRunner.Result duckdb = run(common.toArray(String[]::new));
    assertThat(tablesaw.exitCode()).as(tablesaw.err()).isZero();
    assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
    assertThat(duckdb.out()).isEqualTo(tablesaw.out());
    return tablesaw.out().lines().skip(1).toList();
  }

  @Test
  void aWeekRunsFromMondayMidnightToSundayMidnight() {
    // W45 has E2 (Monday 00:00, web) and E3 (Sunday 23:59, shop): 2. The week before, W44, has
    // E1 (Sunday 1 November 23:59, web): 1, so the total changes by +1 (+100 %), web by 0.
    assertThat(rows("--period", "2026-W45", "--compare", "previous"))
        .containsExactly(
            "events,events,2026-W45,shop,1,rows,,,1,,,,,,true,",
            "events,events,2026-W45,web,1,rows,,,1,,,1,0,0,true,",
            "events,events,2026-W45,(total),2,rows,,,2,,,1,1,1,true,");
  }

  @Test
  void theSameWeekAYearEarlier() {
    // 2025-W45 (3 to 9 November 2025) has E5 (web): 1.
    assertThat(rows("--period", "2026-w45", "--compare", "year"))
        .contains(
            "events,events,2026-W45,web,1,rows,,,1,,,1,0,0,true,",
            "events,events,2026-W45,(total),2,rows,,,2,,,1,1,1,true,");
  }

  @Test
  void aTrendOfWeeksAcrossTheNewYear() {
    // 2025-W52: E9 (Sunday 28 December 23:59, shop). 2026-W01: E6 (Wednesday 31 December, shop),
    // E7 (Sunday 4 January 23:59, web). 2026-W02: E8 (Monday 5 January 00:00, web).
    assertThat(rows("--period", "2026-W02", "--periods", "3"))
        .containsExactly(
            "events,events,2025-W52,shop,1,rows,,,1,,,,,,true,",
            "events,events,2025-W52,(total),1,rows,,,1,,,,,,true,",
            "events,events,2026-W01,shop,1,rows,,,1,,,,,,true,",
            "events,events,2026-W01,web,1,rows,,,1,,,,,,true,",
            "events,events,2026-W01,(total),2,rows,,,2,,,,,,true,",
            "events,events,2026-W02,web,1,rows,,,1,,,,,,true,",
            "events,events,2026-W02,(total),1,rows,,,1,,,,,,true,");
  }

  @Test
  void theLastCompleteWeek() {
    // The data ends Monday 9 November 00:00 (E4): W46 has only its Monday, so W45 is the last
    // complete week, reported as if named.
    CliRunner.Result r = run("report", "-c", def.toString(), "--period", "last-week", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "kpi: --period last-week: 2026-W45, the last week the data covers to its end (its"
                + " dates reach 2026-11-09)");
    assertThat(r.out()).contains("events,events,2026-W45,(total),2,rows,,,2,,,,,,true,");
  }

  @Test
  void weeksThatDoNotExistAreUsageErrors() {
    CliRunner.Result w54 = run("report", "-c", def.toString(), "--period", "2026-W54");
    assertThat(w54.exitCode()).isEqualTo(2);
    assertThat(w54.err())
        .isEqualTo("kpi: period '2026-W54': 2026 has 53 ISO weeks (2026-W01 to 2026-W53)\n");
    CliRunner.Result w0 = run("report", "-c", def.toString(), "--period", "2026-W0");
    assertThat(w0.exitCode()).isEqualTo(2);
    assertThat(w0.err()).contains("ISO weeks are numbered from 1");
    // 2025 has 52 weeks: 2026-W53 has no week a year earlier; said, not compared with another.
    CliRunner.Result year =
        run("report", "-c", def.toString(), "--period", "2026-W53", "--compare", "year");
    assertThat(year.exitCode()).isEqualTo(2);
    assertThat(year.err())
        .contains(
            "kpi: --compare year: 2026-W53 has no week a year earlier (2025 has 52 ISO weeks);"
                + " compare with the week before (--compare previous)")
        .doesNotContain("Exception");
    assertThat(year.out()).isEmpty();
  }
}
