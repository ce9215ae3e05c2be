package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counts on stderr read as English (1 row, 2 rows) and say which source they are about. */
class CountMessagesCliTest {
  @TempDir Path dir;

  private Path twoSources() throws Exception {
    // Dates are required: a row whose date is not one is rejected. Source a: 2 rows, the second not
    // a date: 2 read, 1 used, 1 rejected.
    Files.writeString(dir.resolve("a.csv"), "Ngày,Kênh\n2026-10-01,Web\nhôm qua,Web\n");
    // Source b: 3 rows, two of them rejected the same way: 3 read, 1 used, 2 rejected.
    Files.writeString(dir.resolve("b.csv"), "Ngày,Kênh\n2026-10-02,Web\n??,Web\nmai,Web\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        sources:
          a: { file: a.csv, columns: { created: { column: Ngày, type: date, required: true }, channel: Kênh } }
          b: { file: b.csv, columns: { created: { column: Ngày, type: date, required: true }, channel: Kênh } }
        kpis:
          - { id: na, type: count, source: a, time: created }
          - { id: nb, type: count, source: b, time: created }
        """);
    return def;
  }

  @Test
  void strictNamesEachSourceWithItsRejectedRowsInTheSingularForOne() throws Exception {
    CliRunner.Result r = run("report", "-c", twoSources().toString(), "--strict", "-f", "csv");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("  a: 2 rows read, 1 used, 1 rejected\n")
        .contains("  b: 3 rows read, 1 used, 2 rejected\n")
        .contains("kpi: data error: source 'a': 1 row rejected and --strict is set\n")
        .contains("kpi: data error: source 'b': 2 rows rejected and --strict is set\n")
        .doesNotContain("3 rows rejected");
  }

  @Test
  void aSourceOfOneRowSaysSo() throws Exception {
    // One data row, not a date: 1 read, 0 used, so the run stops (exit 3) and says "1 row", not "1
    // rows".
    Files.writeString(dir.resolve("a.csv"), "Ngày,Kênh\nhôm qua,Web\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        sources: { a: { file: a.csv, columns: { created: { column: Ngày, type: date, required: true }, channel: Kênh } } }
        kpis: [ { id: na, type: count, source: a, time: created } ]
        """);
    CliRunner.Result r = run("report", "-c", def.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("  a: 1 row read, 0 used, 1 rejected\n")
        .contains(
            "kpi: data error: source 'a': its one row could not be used (1 rejected for created:")
        .doesNotContain("1 rows");
  }
}
