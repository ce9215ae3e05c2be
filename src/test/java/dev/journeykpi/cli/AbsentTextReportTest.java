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
 * {@code kpi report} and {@code kpi leads} say a filter text no row has (issue 16), as {@code
 * validate --check-data} does: a warning with the definition's position on stderr and in {@code
 * --quality-report}, and a note on the KPI's rows. Nothing may be silently wrong: a misspelt {@code
 * where} otherwise reads as a quiet month.
 */
class AbsentTextReportTest {
  @TempDir Path dir;

  private CliFixture fixture;

  @BeforeEach
  void folder() {
    fixture = new CliFixture(dir);
  }

  /**
   * Three orders in October: two "Hoàn thành", one "Đã hủy". {@code typo} asks for "Hoan thanh"
   * (typed without accents): compared trimmed, NFC and without case, "hoan thanh" is not "hoàn
   * thành", so no row has it and the count is 0. {@code done} asks for "Hoàn thành": rows 1 and 2,
   * a count of 2, and nothing to say. Line 6 of d.yaml is typo's; its value "Hoan thanh" starts at
   * column 69 (two spaces, "- { id: typo, type: count, source: o, time: day, where: { status: " is
   * 66 more characters, so the value is the 69th).
   */
  private Path definition() throws Exception {
    fixture.csv(
        "o.csv",
        "Mã,Ngày,Trạng thái",
        "1,2026-10-01,Hoàn thành",
        "2,2026-10-02,Hoàn thành",
        "3,2026-10-31,Đã hủy");
    return fixture.definition(
        """
        sources:
          o:
            file: o.csv
            columns: { id: Mã, day: { column: Ngày, type: date }, status: Trạng thái }
        kpis:
          - { id: typo, type: count, source: o, time: day, where: { status: Hoan thanh } }
          - { id: done, type: count, source: o, time: day, where: { status: Hoàn thành } }
        """);
  }

  private static final String NOTE_EN =
      "where expects status 'Hoan thanh', which no row of the data has: check its spelling";

  @Test
  void aWhereValueNoRowHasIsAWarningAndANoteOnTheKpisRows() throws Exception {
    Path def = definition();
    Path quality = dir.resolve("q.csv");
    // --strict: the warning is no failure (a value can be absent from one month's export).
    CliRunner.Result r =
        fixture.run(
            "report",
            "-p",
            "2026-10",
            "-f",
            "csv",
            "--strict",
            "--quality-report",
            quality.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            String.join(
                "\n",
                "kpi,label,period,value,unit,numerator,denominator,n,target,status,previous,delta,"
                    + "delta_relative,complete,note",
                "typo,typo,2026-10,0,rows,,,0,,,,,,true,\"" + NOTE_EN + "\"",
                "done,done,2026-10,2,rows,,,2,,,,,,true,",
                ""));
    String warning =
        def
            + ":6:69: warning: kpi 'typo'.where: no row of source 'o' has status 'Hoan thanh'"
            + " (did you mean 'Hoàn thành'?)";
    assertThat(r.err()).startsWith("kpi: o: " + warning + "\n");
    assertThat(r.err().lines().filter(l -> l.contains("warning")).count()).isEqualTo(1);
    assertThat(Files.readAllLines(quality))
        .containsExactly(
            "source,kind,reason,file,row,column,value",
            "o,warning,kpi 'typo'.where: no row of source 'o' has status 'Hoan thanh' (did you mean"
                + " 'Hoàn thành'?),"
                + def
                + ":6:69,,status,'Hoan thanh'");
    // The same through validate --check-data: one implementation, the same words.
    CliRunner.Result v = fixture.run("validate", "--check-data");
    assertThat(v.err()).isEqualTo(warning + "\n");
  }

  @Test
  void theNoteInVietnameseAndTheWarningEvenWhenQuiet() throws Exception {
    definition();
    CliRunner.Result r =
        fixture.run(
            "report", "-p", "2026-10", "--lang", "vi", "-q", "--kpi", "typo", "--width", "0");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "where cần status 'Hoan thanh', nhưng không dòng nào của dữ liệu có giá trị này:"
                + " kiểm tra lại chính tả");
    assertThat(r.err()).contains(":6:69: warning: kpi 'typo'.where:");
  }

  @Test
  void aValueSomeRowHasSaysNothing() throws Exception {
    definition();
    CliRunner.Result r = fixture.run("report", "-p", "2026-10", "-f", "json", "--kpi", "done");
    assertThat(r.exitCode()).isZero();
    // Rows 1 and 2 are "Hoàn thành": 2, no note, no warning.
    assertThat(r.out()).contains("\"value\" : 2,").contains("\"note\" : \"\"");
    assertThat(r.err()).doesNotContain("warning");
  }

  /**
   * The new user's case: the retention kit with kpi 'new' filtering "Hoan thanh" (line 47, column
   * 90 of retention.yaml, as validate --check-data says it) reported 0 new customers with no note.
   */
  @Test
  void theRetentionKitWithAnUnaccentedStatus() throws Exception {
    Path shipped = Path.of("kpi-definitions/retention.yaml");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(shipped));
    assertThat(lines.get(46)).contains("id: new,").contains("where: { status: Hoàn thành }");
    lines.set(46, lines.get(46).replace("Hoàn thành", "Hoan thanh"));
    Path examples = Path.of("examples").toAbsolutePath();
    lines.replaceAll(l -> l.replace("../examples", examples.toString()));
    Path def = dir.resolve("retention.yaml");
    Files.write(def, lines);
    String warning =
        def
            + ":47:90: warning: kpi 'new'.where: no row of source 'orders' has status 'Hoan thanh'"
            + " (did you mean 'Hoàn thành'?)";

    CliRunner.Result r =
        run("report", "-c", def.toString(), "-p", "2026-10", "-f", "csv", "--kpi", "new,active");
    assertThat(r.exitCode()).isZero();
    // No order is "Hoan thanh", so no customer is new; 'active' keeps its filter and has no note.
    assertThat(r.out())
        .contains("new,Khách mới,2026-10,0,,,,0,,,,,,true,\"" + NOTE_EN + "\"")
        .doesNotContain("active,Khách đang hoạt động (90 ngày),2026-10,0");
    assertThat(r.out().lines().filter(l -> l.contains("Hoan thanh")).count()).isEqualTo(1);
    assertThat(r.err()).contains("kpi: orders: " + warning + "\n");

    CliRunner.Result leads =
        run("leads", "-c", def.toString(), "-p", "2026-10", "--kpi", "new", "-q");
    assertThat(leads.exitCode()).isZero();
    assertThat(leads.err()).isEqualTo("kpi: orders: " + warning + "\n");

    CliRunner.Result v = run("validate", "-c", def.toString(), "--check-data");
    assertThat(v.err()).isEqualTo(warning + "\n");
  }

  /**
   * The richer filters too: codes HĐ-1, hđ-2, INV-3. {@code starts_with: [Z, X]}: no code starts
   * with Z or X, so a count of 0 and a note showing both prefixes; {@code matches: '^inv-\\d$'}:
   * INV-3 matches (without case), a count of 1 and no note.
   */
  @Test
  void aPrefixNoValueHasIsNotedOnTheRows() throws Exception {
    fixture.csv(
        "t.csv", "Mã,Ngày,Mã đơn", "1,2026-10-01,HĐ-1", "2,2026-10-02,hđ-2", "3,2026-10-31,INV-3");
    Path def =
        fixture.definition(
            """
        sources:
          t:
            file: t.csv
            columns: { id: Mã, created: { column: Ngày, type: date }, code: Mã đơn }
        kpis:
          - { id: a, type: count, source: t, time: created, where: { code: { starts_with: [Z, X] } } }
          - { id: d, type: count, source: t, time: created, where: { code: { matches: '^inv-\\d$' } } }
        """);
    CliRunner.Result r = fixture.run("report", "-p", "2026-10", "-f", "csv", "-q");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().skip(1).toList())
        .containsExactly(
            "a,a,2026-10,0,rows,,,0,,,,,,true,\"where expects code 'Z…' | 'X…', which no row of the"
                + " data has: check its spelling\"",
            "d,d,2026-10,1,rows,,,1,,,,,,true,");
    assertThat(r.err())
        .isEqualTo(
            "kpi: t: "
                + def
                + ":6:70: warning: kpi 'a'.where: no row of source 't' has code starting with any"
                + " of 'Z', 'X'; values: HĐ-1, INV-3, hđ-2\n");
  }
}
