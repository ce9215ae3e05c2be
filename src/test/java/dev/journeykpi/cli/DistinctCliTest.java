package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's {@code distinct:} end to end: the scorecard counts one row per incident, the quality
 * summary and --quality-report count the dropped rows, --strict does not take them for rejected
 * ones, kpi explain says which row is kept, and mistakes in it are definition errors with their
 * position.
 */
class DistinctCliTest {
  @TempDir Path dir;

  static final String DEFINITION =
      """
      version: 1
      timezone: UTC
      sources:
        audit:
          file: audit.csv
          columns:
            incident: incident
            status: status
            updated_at: { column: updated_at, type: datetime, format: yyyy-MM-dd HH:mm }
          distinct: { key: incident, keep: %s, by: updated_at }
      kpis:
        - { id: incidents, label: Incidents by status, type: count, source: audit, time: none, by: [status] }
      """;

  /** The audit log of ingest.DistinctRowsTest, where every line's fate is worked out. */
  private CliFixture fixture;

  @BeforeEach
  void writeAudit() throws Exception {
    fixture = new CliFixture(dir);
    fixture.auditLog();
  }

  private Path definition(String keep) throws Exception {
    return fixture.definition(DEFINITION.formatted(keep));
  }

  @Test
  void theScorecardCountsEachIncidentsLatestStateAndTheDroppedRowsAreCounted() throws Exception {
    Path quality = dir.resolve("quality.csv");
    definition("last");
    CliRunner.Result r =
        fixture.run("report", "-f", "csv", "--strict", "--quality-report", quality.toString());
    // Duplicates are not rejected rows: --strict lets the run pass.
    assertThat(r.exitCode()).isEqualTo(0);
    // Kept (DistinctRowsTest): INC-1 resolved, INC-2 resolved, two blank-key rows new, INC-3
    // assigned, INC-4 closed: 6 rows, of which resolved 2, new 2, assigned 1, closed 1.
    assertThat(r.out())
        .contains(",6,")
        .containsPattern("resolved,2,")
        .containsPattern("new,2,")
        .containsPattern("assigned,1,")
        .containsPattern("closed,1,")
        .doesNotContain("reopened");
    assertThat(r.err())
        .contains("  audit: 12 rows read, 6 used, 6 dropped as duplicates\n")
        .contains(
            "    dropped 4: duplicate incident: an earlier row by updated_at (distinct keeps the"
                + " last)\n")
        .contains("audit.csv:incident 'INC-1 @ 2026-10-01 08:00'")
        .contains(
            "    dropped 2: duplicate incident without updated_at (distinct keeps the last: a row"
                + " with updated_at, else the last in the file)\n")
        .contains("distinct: 2 rows have a blank incident; each is kept as a row of its own");
    // --quality-report: one line per dropped row, 6 in all.
    String report = Files.readString(quality);
    assertThat(report.lines().filter(l -> l.startsWith("audit,dropped,"))).hasSize(6);
  }

  @Test
  void keepFirstCountsEachIncidentsFirstState() throws Exception {
    definition("first");
    CliRunner.Result r = fixture.run("report", "-f", "csv");
    assertThat(r.exitCode()).isEqualTo(0);
    // Kept (DistinctRowsTest): lines 2, 3, 7, 8 new, line 10 assigned, line 11 new: new 5, assigned
    // 1.
    assertThat(r.out()).containsPattern("new,5,").containsPattern("assigned,1,");
  }

  @Test
  void explainSaysWhichRowOfEachIncidentIsKeptInBothLanguages() throws Exception {
    definition("last");
    assertThat(fixture.run("explain", "incidents").out())
        .contains(
            "one row per incident: the last by updated_at (equal updated_at: the later in the"
                + " file; a row without updated_at only when none has one); the others are dropped"
                + " and counted in the quality report");
    assertThat(fixture.run("explain", "--lang", "vi", "incidents").out())
        .contains(
            "Dòng dữ liệu: một dòng cho mỗi incident: dòng cuối cùng theo updated_at (bằng nhau"
                + " về updated_at: dòng sau trong tệp; dòng không có updated_at chỉ được giữ khi"
                + " không dòng nào có)");
  }

  @Test
  void mistakesAreDefinitionErrorsWithTheirPositions() throws Exception {
    fixture.definition(
        """
        version: 1
        sources:
          audit:
            file: audit.csv
            columns:
              incident: incident
              status: status
              updated_at: { column: updated_at, type: datetime, format: yyyy-MM-dd HH:mm }
            distinct: { key: [incidnt], keep: latest, by: status }
          raw:
            file: audit.csv
            distinct: { keep: last }
        kpis:
          - { id: incidents, type: count, source: audit, time: none }
        """);
    CliRunner.Result r = fixture.run("validate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    // Line 9 is "    distinct: { key: [incidnt], keep: latest, by: status }": 'incidnt' starts at
    // column 23, 'latest' at 39, 'status' at 51; line 12's map at column 15.
    assertThat(r.err())
        .contains(
            "d.yaml:9:23: error: source 'audit'.distinct.key names unknown column 'incidnt' (did"
                + " you mean 'incident'?); columns: incident, status, updated_at")
        .contains(
            "d.yaml:9:39: error: source 'audit'.distinct.keep is first or last, found 'latest' (did"
                + " you mean 'last'?)")
        .contains(
            "d.yaml:9:51: error: source 'audit'.distinct.by orders each key's rows, so it is a"
                + " number, duration, date or datetime column; 'status' is string")
        .contains(
            "d.yaml:12:15: error: source 'raw'.distinct needs the source's columns: mapped (its"
                + " key, and by with a type)");
  }

  @Test
  void keyAndKeepAreRequired() throws Exception {
    fixture.definition(
        """
        version: 1
        sources:
          audit:
            file: audit.csv
            columns: { incident: incident }
            distinct: { by: incident, sort: x }
        kpis:
          - { id: incidents, type: count, source: audit, time: none }
        """);
    CliRunner.Result r = fixture.run("validate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        // Line 6 is "    distinct: { by: incident, sort: x }": the map starts at column 15.
        .contains("d.yaml:6:15: error: source 'audit'.distinct needs 'key'")
        .contains("d.yaml:6:15: error: source 'audit'.distinct needs 'keep'")
        .contains("unknown key 'sort' in source 'audit'.distinct")
        .contains("'incident' is string");
  }
}
