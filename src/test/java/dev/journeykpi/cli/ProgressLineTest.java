package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.ImportProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The import's progress line on a terminal (issue 19), and its absence everywhere else. */
class ProgressLineTest {
  private static ImportProgress.Snapshot snapshot(String source, long rows, double seconds) {
    return new ImportProgress.Snapshot(Set.of(source), rows, (long) (seconds * 1e9));
  }

  @Test
  void rowsAndRate() {
    // 1,250,000 rows in 2 s: 625,000 rows/s; 1,000 rows in 1.5 s: 666.7, shown to the thousand:
    // 1,000.
    assertThat(ProgressLine.text(snapshot("tickets", 1_250_000, 2)))
        .isEqualTo("kpi: reading tickets: 1,250,000 rows, 625,000 rows/s");
    assertThat(ProgressLine.text(snapshot("t", 1_000, 1.5)))
        .isEqualTo("kpi: reading t: 1,000 rows, 1,000 rows/s");
    // One row in 2 s: 0.5 rows/s, shown to the thousand: 0; "1 row", not "1 rows".
    assertThat(ProgressLine.text(snapshot("t", 1, 2))).isEqualTo("kpi: reading t: 1 row, 0 rows/s");
  }

  @Test
  void drawnInPlaceAfterASecondAndClearedWithoutEscapeCodes() {
    StringWriter out = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(out));
    line.draw(snapshot("t", 500_000, 0.5)); // under a second: nothing
    line.draw(null); // no import under way: nothing
    assertThat(out.toString()).isEmpty();
    line.draw(snapshot("t", 1_200_000, 1.2));
    String first = "kpi: reading t: 1,200,000 rows, 1,000,000 rows/s";
    assertThat(out.toString()).isEqualTo("\r" + first);
    // A shorter line next: spaces cover the rest of the longer one.
    line.draw(snapshot("t", 1_500_000, 2));
    String second = "kpi: reading t: 1,500,000 rows, 750,000 rows/s";
    assertThat(out.toString())
        .isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()));
    out.getBuffer().setLength(0);
    line.clear();
    assertThat(out.toString()).isEqualTo("\r" + " ".repeat(second.length()) + "\r");
    out.getBuffer().setLength(0);
    line.clear(); // nothing on the screen: nothing to clear
    assertThat(out.toString()).isEmpty();
  }

  /**
   * On a terminal of 40 columns the line (49 columns) is cut to 39: its first 38 characters and an
   * ellipsis, so it never wraps: a wrapped line's carriage return would go back to the start of its
   * second half only, and each redraw would leave a line behind.
   */
  @Test
  void cutToTheTerminalsWidth() {
    StringWriter out = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(out), 40);
    line.draw(snapshot("t", 1_200_000, 1.2));
    assertThat(out.toString()).isEqualTo("\rkpi: reading t: 1,200,000 rows, 1,000,…");
  }

  @Test
  void theRowsCountedAreTheDataRows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    // A title line, the header on line 2, 3 data rows (one ragged, still a row read): 3, as the
    // quality report counts them, not the 5 lines.
    java.nio.file.Files.writeString(
        dir.resolve("t.csv"), "Export of tickets\nid,at\nT1,2026-10-01\nT2,2026-10-02\nT3\n");
    java.nio.file.Files.writeString(
        dir.resolve("d.yaml"),
        """
        version: 1
        sources:
          t:
            file: t.csv
            header_row: 2
            columns: { id: id, at: { column: at, type: date, format: yyyy-MM-dd } }
        kpis:
          - { id: n, type: count, source: t, time: at }
        """);
    CliRunner.Result r = run("report", "-c", dir.resolve("d.yaml").toString(), "-f", "csv");
    assertThat(r.err()).contains("t: 3 rows read, 2 used, 1 rejected");
    assertThat(ImportProgress.rows()).isEqualTo(3);
  }

  @Test
  void nothingWhenStderrIsNotATerminal() {
    // Tests run without a console, as cron jobs and pipes do.
    CliRunner.Result r =
        run(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "-f",
            "csv");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).doesNotContain("\r").doesNotContain("kpi: reading");
  }
}
