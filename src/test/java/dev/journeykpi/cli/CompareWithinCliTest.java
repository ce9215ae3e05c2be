package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code compare:} beside another breakdown (issue 20): {@code by: channel} with {@code compare: {
 * by: script, control: A }} compares the scripts within each channel, Holm over every comparison of
 * the period, the sentences naming the channel; on both engines, where the comparisons are the same
 * code over the same rows (on {@code --engine duckdb} read back from DuckDB: engine.ComparedRows).
 */
class CompareWithinCliTest {
  @TempDir Path dir;
  private CliFixture f;

  /**
   * October: Email A 20 sessions (8 solved), B 20 (14 solved); Zalo A 10 (6), B 10 (5), C 4 (1);
   * Phone B 5 (3), no A. N1 in November says that the data covers October to its end.
   */
  static String[] sessions() {
    List<String> rows = new ArrayList<>();
    add(rows, "Email", "A", 20, 8);
    add(rows, "Email", "B", 20, 14);
    add(rows, "Zalo", "A", 10, 6);
    add(rows, "Zalo", "B", 10, 5);
    add(rows, "Zalo", "C", 4, 1);
    add(rows, "Phone", "B", 5, 3);
    rows.add("N1,2026-11-02,Email,A,no");
    return rows.toArray(String[]::new);
  }

  private static void add(List<String> rows, String channel, String script, int n, int solved) {
    for (int i = 0; i < n; i++)
      rows.add(
          "%s%s%d,2026-10-%02d,%s,%s,%s"
              .formatted(
                  channel, script, i, 1 + i % 28, channel, script, i < solved ? "yes" : "no"));
  }

  static String definition(String by) {
    return """
        version: 1
        locale: en
        sources:
          sessions:
            file: sessions.csv
            columns:
              id: id
              created_at: { column: created_at, type: date, format: yyyy-MM-dd }
              channel: channel
              script: script
              solved: solved
        kpis:
          - id: solved
            type: ratio
            source: sessions
            time: created_at
            numerator: { solved: yes }
            by: %s
            compare: { by: script, control: A }
        """
        .formatted(by);
  }

  @BeforeEach
  void write() throws Exception {
    f = new CliFixture(dir);
    f.csv("sessions.csv", "id,created_at,channel,script,solved", sessions());
    f.definition(definition("channel"));
  }

  private static List<CSVRecord> csv(String text) throws Exception {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private static CSVRecord row(List<CSVRecord> rows, String channel, String script) {
    return rows.stream()
        .filter(r -> r.get("channel").equals(channel) && r.get("script").equals(script))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> compared(CSVRecord r) {
    return List.of(
        r.get("control"),
        r.get("difference"),
        r.get("difference_low"),
        r.get("difference_high"),
        r.get("p_value"),
        r.get("p_holm"),
        r.get("test_note"));
  }

  /**
   * Newcombe at 95 % (z = 1.959964), each channel on its own rows:
   *
   * <ul>
   *   <li>Email B 14/20 − A 8/20 = 0.3. Wilson 14/20: 0.481027 to 0.854523; 8/20: 0.218807 to
   *       0.613418. Low = 0.3 − √((0.7 − 0.481027)² + (0.613418 − 0.4)²) = 0.3 − √(0.047949 +
   *       0.045547) = −0.005772; high = 0.3 + √((0.854523 − 0.7)² + (0.4 − 0.218807)²) = 0.3 +
   *       √(0.023877 + 0.032831) = 0.538135. Pooled: p̄ = 22/40 = 0.55, se = √(0.55 · 0.45 · (1/20
   *       + 1/20)) = 0.157321, z = 1.906925, p = 0.056530.
   *   <li>Zalo B 5/10 − A 6/10 = −0.1. Wilson 5/10: 0.236593 to 0.763407; 6/10: 0.312674 to
   *       0.831820. Low = −0.1 − √(0.069383 + 0.053740) = −0.450890; high = −0.1 + √(0.069383 +
   *       0.082556) = 0.289794. p̄ = 0.55, se = 0.222486, z = −0.449467, p = 0.653095.
   *   <li>Zalo C 1/4 − A 6/10 = −0.35. Wilson 1/4: 0.045587 to 0.699358. Low = −0.35 − √(0.041785 +
   *       0.053740) = −0.659071; high = −0.35 + √(0.201923 + 0.082556) = 0.183366. p̄ = 7/14 = 0.5,
   *       se = √(0.25 · (1/4 + 1/10)) = 0.295804, z = −1.183216, p = 0.236724.
   *   <li>Phone B has no A in its channel: no test, out of Holm's family.
   * </ul>
   *
   * Holm over the three: 0.056530 × 3 = 0.169591; 0.236724 × 2 = 0.473447; 0.653095 × 1. Every
   * number from Python's statistics.NormalDist (Wilson, Newcombe and the z-test written out there),
   * apart from this code.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void eachChannelsVariantsAreComparedWithItsControl(String engine) throws Exception {
    CliRunner.Result r = f.run("report", "--engine", engine, "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("kpi,label,period,channel,script,value,");
    List<CSVRecord> rows = csv(r.out());
    assertThat(compared(row(rows, "Email", "B")))
        .containsExactly("A", "0.3", "-0.005772", "0.538135", "0.05653", "0.169591", "");
    assertThat(compared(row(rows, "Zalo", "B")))
        .containsExactly("A", "-0.1", "-0.45089", "0.289794", "0.653095", "0.653095", "");
    assertThat(compared(row(rows, "Zalo", "C")))
        .containsExactly("A", "-0.35", "-0.659071", "0.183366", "0.236724", "0.473447", "");
    assertThat(compared(row(rows, "Phone", "B")))
        .containsExactly("A", "", "", "", "", "", "no row of the period has the control");
    // The controls' rows and the total: no comparison.
    for (CSVRecord e :
        List.of(row(rows, "Email", "A"), row(rows, "Zalo", "A"), row(rows, "(total)", "(total)")))
      assertThat(e.get("control") + e.get("difference")).isEmpty();
    // by: [channel, script] is the same breakdown, and the same comparisons.
    f.definition(definition("[channel, script]"));
    assertThat(f.run("report", "--engine", engine, "--period", "2026-10", "-f", "csv").out())
        .isEqualTo(r.out());
  }

  /** The sentences name the channel, in English and in Vietnamese. */
  @Test
  void theSentencesNameTheGroup() {
    CliRunner.Result r = f.run("report", "--period", "2026-10", "--width", "0");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("p-values Holm-adjusted over every comparison of the period")
        .contains(
            "solved · 2026-10: In channel Email, B (70.0%, n 20) is higher than A (40.0%, n 20) by"
                + " 30.0 points (95\u00a0% CI −0.6 to 53.8 points, p = 0.17, Holm-adjusted; Newcombe"
                + " hybrid score interval)")
        .contains(
            "solved · 2026-10: In channel Zalo, B (50.0%, n 10) is lower than A (60.0%, n 10) by"
                + " 10.0 points (95\u00a0% CI −29.0 to 45.1 points, p = 0.65, Holm-adjusted;")
        .contains(
            "solved · 2026-10: In channel Zalo, C (25.0%, n 4) is lower than A (60.0%, n 10) by"
                + " 35.0 points (95\u00a0% CI −18.3 to 65.9 points, p = 0.47, Holm-adjusted;")
        .contains(
            "solved · 2026-10: In channel Phone, B (60.0%, n 5): no comparison: no row of the"
                + " period has script 'A' (the control)");
    CliRunner.Result vi = f.run("report", "--period", "2026-10", "--lang", "vi", "--width", "0");
    assertThat(vi.out())
        .contains(
            "Trong channel Email, B (70.0%, n 20) cao hơn A (40.0%, n 20) 30.0 điểm\u00a0%"
                + " (khoảng tin cậy 95\u00a0% −0.6 đến 53.8 điểm\u00a0%, p = 0.17, đã hiệu chỉnh"
                + " Holm; khoảng điểm lai Newcombe)");
  }

  /** kpi explain says within which groups. */
  @Test
  void explainSaysWithinWhichGroups() {
    CliRunner.Result r = f.run("explain", "solved", "--lang", "en");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains(
            "every other value of script against the control 'A': difference, interval and"
                + " Holm-adjusted p-value by newcombe-hybrid-score; within each group of channel");
  }

  /**
   * Both parts of issue 20 together, pinned whole: the comparisons within each channel at the KPI's
   * own 90 %, a second KPI at the run's --confidence 95 (its shares' intervals only), so that CSV
   * and JSON carry ci_level beside ci_low and ci_high and every view says each interval's level.
   * The same files on both engines. Regenerated on purpose when the outputs change
   * (-Dgolden.update=true).
   */
  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void bothTogetherInEveryFormat(String engine) throws Exception {
    f.definition(
        definition("channel")
            + "    confidence: 90\n"
            + "  - { id: solved_all, type: ratio, source: sessions, time: created_at,\n"
            + "      numerator: { solved: yes } }\n");
    String[] run = {
      "report", "--engine", engine, "--period", "2026-10", "--confidence", "95", "-f"
    };
    CliRunner.Result csv = f.run(run[0], tail(run, "csv"));
    assertThat(csv.exitCode()).as(csv.err()).isEqualTo(0);
    Golden.check("compare-within-confidence-2026-10.csv", csv.out());
    Golden.check("compare-within-confidence-2026-10.json", f.run(run[0], tail(run, "json")).out());
    Golden.check("compare-within-confidence-2026-10-en.md", f.run(run[0], tail(run, "md")).out());
  }

  private static String[] tail(String[] run, String format) {
    String[] out = java.util.Arrays.copyOfRange(run, 1, run.length + 1);
    out[out.length - 1] = format;
    return out;
  }

  /** A roll-up beside compare: is refused at its place (its subtotal rows are no variant). */
  @Test
  void aRollupBesideCompareIsRefused() throws Exception {
    f.definition(
        definition("channel").replace("    by: channel\n", "    by: channel\n    rollup: true\n"));
    CliRunner.Result r = f.run("validate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "d.yaml:19:13: error: kpi 'solved': rollup does not apply beside compare: (the variants"
                + " are compared within each group of 'by')")
        .doesNotContain("Exception");
  }

  /**
   * The workbook: ci_level a number on the Data sheet (90 on Email B's row, the KPI's own level),
   * the Scorecard sheet's share with its level and the sentence naming the channel.
   */
  @Test
  void theWorkbookHasTheLevelAndTheGroup() throws Exception {
    f.definition(definition("channel") + "    confidence: 90\n");
    Path out = dir.resolve("card.xlsx");
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.toFile())) {
      var data = wb.getSheet("Data");
      List<String> header = new ArrayList<>();
      data.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).containsSubsequence("ci_low", "ci_high", "ci_level", "control");
      org.apache.poi.ss.usermodel.Row emailB = null;
      for (var row : data)
        if (row.getCell(header.indexOf("channel")).getStringCellValue().equals("Email")
            && row.getCell(header.indexOf("script")).getStringCellValue().equals("B")) emailB = row;
      assertThat(emailB.getCell(header.indexOf("ci_level")).getNumericCellValue()).isEqualTo(90.0);
      StringBuilder sheet = new StringBuilder();
      for (var row : wb.getSheet("Scorecard"))
        for (var c : row) sheet.append(c.toString()).append('\n');
      assertThat(sheet.toString())
          .contains("70.0% (90\u00a0% CI 51.6–83.6%)")
          .contains("solved · 2026-10: In channel Email, B (70.0%, n 20) is higher than A");
    }
  }
}
