package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi validate}: definition files that cannot be used, and the values {@code --check-data}
 * looks up.
 */
class ValidateCommandTest {
  @TempDir Path dir;

  /**
   * Writes d.yaml: source t (t.csv, id Mã and created Ngày as a date, lines 1-6), then {@code
   * rest}, which goes on with the source's other columns (indented as they are) and the kpis. Line
   * and column numbers count as in the file.
   */
  private Path tDefinition(String rest) throws Exception {
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        sources:
          t:
            file: t.csv
            columns:
              id: Mã
              created: { column: Ngày, type: date }
        """
            + rest);
    return def;
  }

  @Test
  void anEmptyDefinitionIsExit2InValidateAndReport() throws Exception {
    Path f = dir.resolve("empty.yaml");
    Files.writeString(f, "# the KPIs will be added next week\n");
    String msg = f + ":1:1: error: the definition is empty (nothing but blank lines and comments)";
    CliRunner.Result v = run("validate", "-c", f.toString());
    assertThat(v.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(v.err()).contains(msg);
    CliRunner.Result r = run("report", "-c", f.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(msg).doesNotContain("\tat ");
  }

  @Test
  void checkDataLooksUpFilterSlaAndStageValuesInTheData() throws Exception {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        Mã,Ngày,Trạng thái,Ưu tiên,Xong
        1,2026-10-01,Closed,Urgent,2026-10-02
        2,2026-10-02,Open,High,
        3,2026-10-03,Đóng,Low,2026-10-09
        """);
    // The 'not' value is written decomposed (NFD: 'o' + U+0301 + U+0302 …) with spaces and another
    // case: the filters compare trimmed, NFC and without case, so it matches 'Đóng' and is not
    // reported.
    String dongNfd = java.text.Normalizer.normalize("đóng", java.text.Normalizer.Form.NFD);
    Path def =
        tDefinition(
            """
              status: Trạng thái
              priority: Ưu tiên
              done: { column: Xong, type: date }
        kpis:
          - { id: closed, type: ratio, source: t, time: created, numerator: { status: [Closed, Closd] }, where: { status: { not: " %s " } } }
          - { id: resolve, type: sla, source: t, time: created, start: created, end: done, limit: { by: priority, values: { urgent: 1 day, Hgh: 2 days } } }
          - { id: f, type: funnel, source: t, mode: snapshot, lead: id, stage: status, time: created, stages: [Open, { id: won, values: [Wonn, Gagné] }] }
        """
                .formatted(dongNfd));
    CliRunner.Result r = run("validate", "-c", def.toString(), "--check-data");
    // Warnings: the data may lack a value in one month; the run is still usable.
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("3 warning(s)");
    // Columns: 'Closd' is item 2 of the list on line 11 (column 88); 'Hgh' the second key on line
    // 12 (column 132); the stage 'won' is the map starting at column 110 of line 13. 'urgent'
    // matches 'Urgent' without case.
    assertThat(r.err())
        .isEqualTo(
            String.join(
                    "\n",
                    def
                        + ":11:88: warning: kpi 'closed'.numerator: no row of source 't' has status 'Closd' (did you mean 'Closed'?)",
                    def
                        + ":12:132: warning: kpi 'resolve'.limit.values: no row of source 't' has priority 'Hgh' (did you mean 'High'?)",
                    def
                        + ":13:110: warning: kpi 'f'.stage 'won': no row of source 't' has status any of 'Wonn', 'Gagné'; values: Closed,"
                        + " Open, Đóng")
                + "\n");
    // Without --check-data nothing is read.
    assertThat(run("validate", "-c", def.toString()).err()).isEmpty();
  }

  @Test
  void aMissingHeaderOfAVeryWideCsvIsNamedInOneShortLine() throws Exception {
    // 16,000 columns C0…C15999 (FastCSV's own limit on this branch is 16,384 fields; reading
    // 100,000 is the CSV reader's part) with one data row; the definition maps two of them, one
    // misspelt.
    int n = 16_000;
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < n; i++) csv.append(i == 0 ? "" : ",").append("C").append(i);
    csv.append('\n');
    for (int i = 0; i < n; i++) csv.append(i == 0 ? "" : ",").append(i);
    csv.append('\n');
    Files.writeString(dir.resolve("wide.csv"), csv);
    Path def = dir.resolve("w.yaml");
    Files.writeString(
        def,
        """
        sources: { w: { file: wide.csv, columns: { a: C5, b: C15999x } } }
        kpis: [ { id: n, type: count, source: w, time: none, by: [a, b] } ]
        """);
    CliRunner.Result r = run("validate", "-c", def.toString(), "--check-data");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    // The message names the header and the near one, and lists the first 40 headers, not all 16,000
    // (about 100 kB).
    assertThat(r.err())
        .contains("column 'b': header 'C15999x' is not in")
        .contains("(did you mean 'C15999'?)")
        .contains("; headers: C0, C1, C2, ")
        .contains(", C39, … (16,000 headers in all)")
        .doesNotContain("C40,");
    assertThat(r.err().length()).isLessThan(2_000);
  }

  @Test
  void checkDataRefusesAMappedHeaderThatAppearsTwiceAsReportDoes() throws Exception {
    // 'Tên' is the 3rd and the 5th header: columns 3 (C) and 5 (E). Report cannot tell which to
    // read.
    Files.writeString(dir.resolve("t.csv"), "Mã,Ngày,Tên,Kênh,Tên\n1,2026-10-01,An,Web,Bình\n");
    Path def =
        tDefinition(
            """
              name: Tên
        kpis: [ { id: n, type: count, source: t, time: created } ]
        """);
    String twice = "header 'Tên' appears twice, in columns 3 (C) and 5 (E); rename one";
    CliRunner.Result r = run("report", "-c", def.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).contains(twice);
    CliRunner.Result v = run("validate", "-c", def.toString(), "--check-data");
    assertThat(v.exitCode()).isEqualTo(ExitCodes.DATA);
    // At the mapping's own line (7, 'name: Tên' at column 7).
    assertThat(v.err())
        .contains(
            def + ":7:7: error: source 't' column 'name': " + dir.resolve("t.csv") + ": " + twice);
  }

  @Test
  void checkDataFindsADataFileProblemWithExit3AsReportDoes() throws Exception {
    // A CSV renamed .xlsx: the definition is sound, the file is not what its extension says.
    Files.writeString(dir.resolve("t.xlsx"), "Mã,Ngày\n1,2026-10-01\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        sources: { t: { file: t.xlsx, columns: { id: Mã, created: { column: Ngày, type: date } } } }
        kpis: [ { id: n, type: count, source: t, time: created } ]
        """);
    assertThat(run("report", "-c", def.toString()).exitCode()).isEqualTo(ExitCodes.DATA);
    CliRunner.Result v = run("validate", "-c", def.toString(), "--check-data");
    assertThat(v.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(v.err()).contains("t.xlsx").contains("1 error(s)");
    // A definition error as well (an unknown KPI type) takes precedence: exit 2, and the data is
    // not read.
    Files.writeString(
        def,
        """
        sources: { t: { file: t.xlsx, columns: { id: Mã, created: { column: Ngày, type: date } } } }
        kpis: [ { id: n, type: cuont, source: t, time: created } ]
        """);
    CliRunner.Result both = run("validate", "-c", def.toString(), "--check-data");
    assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).doesNotContain("t.xlsx");
  }
}
