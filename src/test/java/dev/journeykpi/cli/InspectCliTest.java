package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi inspect} reads a file as {@code kpi report} will, and its snippet works once pasted
 * elsewhere.
 */
class InspectCliTest {
  @TempDir Path dir;

  @Test
  void anUnterminatedQuoteIsNamedAndTheRowsAfterItAreSampledAsReportReadsThem() throws Exception {
    Path f = dir.resolve("q.csv");
    // Line 3's note opens a quote never closed: at column 14 ('2,2026-10-02,' is 13 characters).
    // Report rejects line 3 and reads lines 4 and 5, so 3 data rows (lines 2, 4, 5) and the samples
    // 1 · 3 · 4; FastCSV read lines 3-5 as one ragged row, leaving 1 data row.
    Files.writeString(
        f,
        "Mã,Ngày,Ghi chú\n1,2026-10-01,ok\n2,2026-10-02,\"chưa đóng\n3,2026-10-03,tốt\n4,2026-10-04,x\n");
    CliRunner.Result r = run("inspect", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(f + ":3: unterminated quote opened at line 3, column 14")
        .contains("kpi report rejects that row and reads the lines after it")
        .contains(", 3 data rows")
        .contains("1 · 3 · 4")
        .contains("ok · tốt · x");
  }

  @Test
  void theSnippetNamesTheFileByItsAbsolutePathSoItWorksPastedInAnotherFolder() throws Exception {
    // The path as typed is relative to the current folder (the project's); pasted into a definition
    // in another folder it must still find the file: the snippet gives the absolute path.
    String typed = "examples/hotel/checkouts.csv";
    CliRunner.Result r = run("inspect", typed, "--id", "co");
    assertThat(r.out())
        .contains("    file: " + Path.of(typed).toAbsolutePath() + "    # absolute;");
    String snippet = r.out().substring(r.out().indexOf("sources:"));
    Path def = Files.createDirectories(dir.resolve("kpi-definitions")).resolve("d.yaml");
    Files.writeString(def, snippet + "kpis: [ { id: n, type: count, source: co, time: none } ]\n");
    CliRunner.Result v = run("validate", "-c", def.toString(), "--check-data");
    assertThat(v.err()).isEmpty();
    assertThat(v.exitCode()).isZero();
  }

  @Test
  void withForTheSnippetNamesTheFileRelativeToTheDefinitionsFolder() throws Exception {
    // The export in DIR/data, the definition to be DIR/kpi-definitions/d.yaml (not written yet):
    // from DIR/kpi-definitions, the export is ../data/checkouts.csv.
    Path data = Files.createDirectories(dir.resolve("data")).resolve("checkouts.csv");
    Files.copy(Path.of("examples/hotel/checkouts.csv"), data);
    Path def = dir.resolve("kpi-definitions").resolve("d.yaml");
    CliRunner.Result r = run("inspect", data.toString(), "--id", "co", "--for", def.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "    file: ../data/checkouts.csv    # relative to "
                + dir.resolve("kpi-definitions")
                + ", the definition file's folder");
    String snippet = r.out().substring(r.out().indexOf("sources:"));
    Files.createDirectories(def.getParent());
    Files.writeString(def, snippet + "kpis: [ { id: n, type: count, source: co, time: none } ]\n");
    CliRunner.Result v = run("validate", "-c", def.toString(), "--check-data");
    assertThat(v.err()).isEmpty();
    assertThat(v.exitCode()).isZero();
    // An existing folder is the folder itself: from DIR, data/checkouts.csv.
    assertThat(run("inspect", data.toString(), "--for", dir.toString()).out())
        .contains("    file: data/checkouts.csv    # relative to " + dir + ",");
  }
}
