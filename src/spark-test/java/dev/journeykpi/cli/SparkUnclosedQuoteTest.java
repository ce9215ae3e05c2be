package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.sql.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quote a CSV file never closes, on {@code --engine spark} (issue 18): Spark's reader would read
 * the rest of the file into that field, and in a record's last field keep the record, losing the
 * rows after it without a word (the default engine ends the field at its line and reads on: 4 rows
 * below, where Spark would count 3). The run stops with exit 3 and the file's line, as {@code
 * --engine duckdb} does; a file whose quotes all close, line breaks inside them included, is read
 * whole.
 */
class SparkUnclosedQuoteTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final String HEADER = "id,at,note\n";
  private static final String TWO = "1,01/10/2026 08:00,a\n2,01/10/2026 09:00,b\n";
  private static final String LAST_TWO = "4,01/10/2026 11:00,d\n5,01/10/2026 12:00,e\n";

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SparkSessions.get(); // the test JVM's session: the backend reuses it
  }

  private Path definition(String csv) throws Exception {
    Files.writeString(dir.resolve("t.csv"), csv);
    Path yaml = dir.resolve("t.yaml");
    Files.writeString(
        yaml,
        """
        version: 1
        timezone: UTC
        sources:
          t:
            file: t.csv
            columns:
              id: id
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm, required: true }
              note: note
        kpis:
          - { id: rows, type: count, source: t, time: at }
        """);
    return yaml;
  }

  private CliRunner.Result report(Path yaml) {
    return CliRunner.run(
        "report", "-c", yaml.toString(), "-p", "2026-10", "-f", "csv", "--engine", "spark");
  }

  @Test
  void aQuoteOpenedInTheThirdRecordsLastFieldStopsTheRunAtItsLine() throws Exception {
    // Line 4 (the header is line 1) is the 3rd record; its last field opens a quote never closed.
    Path yaml = definition(HEADER + TWO + "3,01/10/2026 10:00,\"c\n" + LAST_TWO);
    CliRunner.Result r = report(yaml);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("t.csv: line 4: the quote that opens field 3 is never closed")
        .contains("run it with --engine tablesaw")
        .doesNotContain("Exception");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    // The default engine reads on after that line: records 1, 2, 4 and 5 (3 rejected) = 4 rows.
    CliRunner.Result tablesaw =
        CliRunner.run("report", "-c", yaml.toString(), "-p", "2026-10", "-f", "csv");
    assertThat(tablesaw.exitCode()).as(tablesaw.err()).isZero();
    assertThat(tablesaw.out()).contains(",4");
  }

  @Test
  void aQuoteOpenedInAMiddleFieldStopsTheRunToo() throws Exception {
    Path yaml = definition(HEADER + TWO + "3,\"01/10/2026 10:00,c\n" + LAST_TWO);
    CliRunner.Result r = report(yaml);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("t.csv: line 4: the quote that opens field 2 is never closed")
        .doesNotContain("Exception");
  }

  /**
   * Quoted line breaks and doubled quotes, all closed: the 5 records are read whole (lines 1-8: the
   * notes of records 3 and 4 span two lines each), 5 rows in October, as the default engine reads.
   */
  @Test
  void aWellFormedFileWithQuotedLineBreaksIsReadWhole() throws Exception {
    Path yaml =
        definition(
            HEADER
                + TWO
                + "3,01/10/2026 10:00,\"line one\nline two\"\n"
                + "4,\"01/10/2026 11:00\",\"say \"\"hi\"\"\r\nagain\"\n"
                + "5,01/10/2026 12:00,5\" screen\n");
    Definition def = KpiEngine.load(List.of(yaml));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Scorecard actual =
        SqlKpiEngine.run(def, request, Engine.SPARK, new SqlTarget(null, null, null, null, null));
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), actual);
    assertThat(actual.rows().get(0).value()).isEqualTo(5.0);
    assertThat(actual.quality().get(0).rowsRead()).isEqualTo(5);
    assertThat(actual.quality().get(0).rowsUsed()).isEqualTo(5);
  }
}
