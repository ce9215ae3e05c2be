package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code compare:} (issue 20) end to end on a small export whose every number is worked out below:
 * the comparison columns of CSV and JSON, the sentences of the views, Holm over every comparison of
 * the period, the reproducible bootstrap, a control no row has, and the places of definition
 * errors. The numbers are checked on both engines: on {@code --engine duckdb} the compared KPIs'
 * rows are read back from DuckDB and compared by the same code (engine.ComparedRows).
 */
class CompareCliTest {
  @TempDir Path dir;
  private CliFixture f;

  /**
   * October: script A 10 sessions (4 solved; minutes 10, 12, …, 28: mean 19), B 10 (8 solved;
   * minutes 20, 22, …, 38: mean 29), C 5 (2 solved; minutes 15, 20, 25, 30, 35: mean 25), one
   * session without a script (in the totals, compared with nothing). N1 in November says that the
   * data covers October to its end.
   */
  static String[] sessions() {
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++)
      rows.add("A%d,2026-10-%02d,A,%s,%d".formatted(i, i + 1, i < 4 ? "yes" : "no", 10 + 2 * i));
    for (int i = 0; i < 10; i++)
      rows.add("B%d,2026-10-%02d,B,%s,%d".formatted(i, i + 1, i < 8 ? "yes" : "no", 20 + 2 * i));
    for (int i = 0; i < 5; i++)
      rows.add("C%d,2026-10-%02d,C,%s,%d".formatted(i, i + 1, i < 2 ? "yes" : "no", 15 + 5 * i));
    rows.add("X1,2026-10-20,,yes,100");
    rows.add("N1,2026-11-02,A,no,10");
    return rows.toArray(String[]::new);
  }

  static String definition(String control, String extra) {
    return """
        version: 1
        locale: en
        sources:
          sessions:
            file: sessions.csv
            columns:
              id: id
              created_at: { column: created_at, type: date, format: yyyy-MM-dd }
              script: script
              solved: solved
              minutes: { column: minutes, type: number }
        kpis:
          - id: solved
            type: ratio
            source: sessions
            time: created_at
            numerator: { solved: yes }
            compare: { by: script, control: %s }
          - { id: minutes, type: mean, column: minutes, source: sessions, time: created_at,
              compare: { by: script, control: A } }
          - { id: sessions, type: count, source: sessions, time: created_at }
        %s"""
        .formatted(control, extra);
  }

  @BeforeEach
  void write() throws Exception {
    f = new CliFixture(dir);
    f.csv("sessions.csv", "id,created_at,script,solved,minutes", sessions());
    f.definition(definition("A", ""));
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

  private static CSVRecord row(List<CSVRecord> rows, String kpi, String script) {
    return rows.stream()
        .filter(r -> r.get("kpi").equals(kpi) && r.get("script").equals(script))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Solved, Newcombe at 95 % (z = 1.959964): B 8/10 Wilson 0.490162–0.943318, A 4/10
   * 0.168180–0.687326. d = 0.4; low = 0.4 − √((0.8 − 0.490162)² + (0.687326 − 0.4)²) = 0.4 −
   * √(0.096000 + 0.082556) = −0.022558; high = 0.4 + √((0.943318 − 0.8)² + (0.4 − 0.168180)²) =
   * 0.672544. Pooled p: p̄ = 12/20 = 0.6, se = √(0.6·0.4·(1/10 + 1/10)) = 0.219089, z = 1.825742, p
   * = 0.067889. C 2/5 against 4/10: d = 0, p = 1; interval −0.402858 to 0.436010. Lift: 0.4 ÷ 0.4 =
   * 1.
   *
   * <p>Minutes, Welch: B − A = 29 − 19 = 10, both s² = 36.666667 (n 10), se = √(3.666667 · 2) =
   * 2.708013, df = 18, t(18, 0.975) = 2.100922: 10 ± 5.689324 = 4.310676 to 15.689324, p =
   * 0.001665. C − A = 6: s² 62.5 (n 5), se = √(12.5 + 3.666667) = 4.020779, df = 6.444398, interval
   * −3.676351 to 15.676351, p = 0.182883. Lifts 10/19 = 0.526316 and 6/19 = 0.315789.
   *
   * <p>Holm over the period's four p-values: sorted 0.001665 (×4 = 0.006661), 0.067889 (×3 =
   * 0.203667), 0.182883 (0.18288325 × 2 = 0.3657665, written 0.365766), 1 (×1 = 1).
   * scipy.stats.ttest_ind(equal_var=False) gives the same Welch numbers, computed apart from this
   * code.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void csvHasTheComparisonOnEachVariantsRow(String engine) throws Exception {
    CliRunner.Result r = f.run("report", "--engine", engine, "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .endsWith(
            ",note,control,difference,lift,difference_low,difference_high,p_value,p_holm,test,"
                + "test_note");
    List<CSVRecord> rows = csv(r.out());
    CSVRecord b = row(rows, "solved", "B");
    assertThat(List.of(b.get("control"), b.get("difference"), b.get("lift")))
        .containsExactly("A", "0.4", "1");
    assertThat(List.of(b.get("difference_low"), b.get("difference_high")))
        .containsExactly("-0.022558", "0.672544");
    assertThat(List.of(b.get("p_value"), b.get("p_holm"), b.get("test")))
        .containsExactly("0.067889", "0.203667", "newcombe-hybrid-score");
    CSVRecord c = row(rows, "solved", "C");
    assertThat(List.of(c.get("difference"), c.get("difference_low"), c.get("difference_high")))
        .containsExactly("0", "-0.402858", "0.43601");
    assertThat(List.of(c.get("p_value"), c.get("p_holm"))).containsExactly("1", "1");
    CSVRecord mb = row(rows, "minutes", "B");
    assertThat(
            List.of(
                mb.get("difference"),
                mb.get("lift"),
                mb.get("difference_low"),
                mb.get("difference_high"),
                mb.get("p_value"),
                mb.get("p_holm"),
                mb.get("test")))
        .containsExactly(
            "10", "0.526316", "4.310676", "15.689324", "0.001665", "0.006661", "welch-t");
    CSVRecord mc = row(rows, "minutes", "C");
    assertThat(
            List.of(
                mc.get("difference_low"),
                mc.get("difference_high"),
                mc.get("p_value"),
                mc.get("p_holm")))
        .containsExactly("-3.676351", "15.676351", "0.182883", "0.365766");
    // The control's row, the blank script's, the totals and a KPI without compare: empty.
    for (CSVRecord e :
        List.of(
            row(rows, "solved", "A"),
            row(rows, "solved", "(blank)"),
            row(rows, "solved", "(total)"),
            rows.stream().filter(x -> x.get("kpi").equals("sessions")).findFirst().orElseThrow()))
      assertThat(e.get("control") + e.get("difference") + e.get("test")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void jsonHasTheSameFields(String engine) {
    CliRunner.Result r = f.run("report", "--engine", engine, "--period", "2026-10", "-f", "json");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out())
        .contains(
            "\"control\" : \"A\",\n  \"difference\" : 10,\n  \"lift\" : 0.526316,\n"
                + "  \"difference_low\" : 4.310676,\n  \"difference_high\" : 15.689324,\n"
                + "  \"p_value\" : 0.001665,\n  \"p_holm\" : 0.006661,\n"
                + "  \"test\" : \"welch-t\",\n  \"test_note\" : null")
        .contains("\"control\" : null");
  }

  /** The sentences of the numbers above, with the Holm-adjusted p-value. */
  @Test
  void theViewsSayEachComparisonInASentence() throws Exception {
    CliRunner.Result r = f.run("report", "--period", "2026-10", "--width", "0");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out())
        .contains(
            "solved · 2026-10: B (80.0%, n 10) is higher than A (40.0%, n 10) by 40.0 points"
                + " (95\u00a0% CI −2.3 to 67.3 points, p = 0.20, Holm-adjusted; Newcombe hybrid"
                + " score interval)")
        .contains(
            "solved · 2026-10: C (40.0%, n 5) is level with A (40.0%, n 10) (95\u00a0% CI −40.3"
                + " to 43.6 points, p = 1.00, Holm-adjusted; Newcombe hybrid score interval)")
        .contains(
            "minutes · 2026-10: B (29, n 10) is higher than A (19, n 10) by 10.00 (95\u00a0% CI"
                + " 4.31 to 15.69, p = 0.007, Holm-adjusted; Welch's t-test)");
    Path page = dir.resolve("card.html");
    assertThat(f.run("report", "--period", "2026-10", "-o", page.toString()).exitCode()).isZero();
    assertThat(java.nio.file.Files.readString(page))
        .contains("<li>minutes · 2026-10: B (29, n 10) is higher than A (19, n 10) by 10.00");
    CliRunner.Result md = f.run("report", "--period", "2026-10", "-f", "md");
    assertThat(md.out())
        .contains("## A/B comparisons — each variant against its control")
        .contains("- minutes · 2026-10: C (25, n 5) is higher than A (19, n 10) by 6.00");
  }

  /**
   * The workbook: the Data sheet has the comparison columns as numbers (minutes B: difference 10,
   * p_holm 0.006661), the Scorecard sheet the sentences under the table.
   */
  @Test
  void theWorkbookHasTheColumnsAndTheSentences() throws Exception {
    Path out = dir.resolve("card.xlsx");
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.toFile())) {
      var data = wb.getSheet("Data");
      List<String> header = new java.util.ArrayList<>();
      data.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).endsWith("p_value", "p_holm", "test", "test_note");
      org.apache.poi.ss.usermodel.Row minutesB = null;
      for (var row : data) {
        if (row.getCell(0).getStringCellValue().equals("minutes")
            && row.getCell(header.indexOf("script")).getStringCellValue().equals("B"))
          minutesB = row;
      }
      assertThat(minutesB.getCell(header.indexOf("difference")).getNumericCellValue())
          .isEqualTo(10.0);
      assertThat(minutesB.getCell(header.indexOf("p_holm")).getNumericCellValue())
          .isCloseTo(0.006661, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(minutesB.getCell(header.indexOf("test")).getStringCellValue())
          .isEqualTo("welch-t");
      StringBuilder scorecard = new StringBuilder();
      for (var row : wb.getSheet("Scorecard"))
        if (row.getCell(0) != null) scorecard.append(row.getCell(0).toString()).append('\n');
      assertThat(scorecard.toString())
          .contains("minutes · 2026-10: B (29, n 10) is higher than A (19, n 10) by 10.00");
    }
  }

  /** Vietnamese: the same comparison in the definition's language. */
  @Test
  void aVietnameseDefinitionSaysItInVietnamese() {
    CliRunner.Result r = f.run("report", "--period", "2026-10", "--lang", "vi", "--width", "0");
    assertThat(r.out())
        .contains(
            "B (80.0%, n 10) cao hơn A (40.0%, n 10) 40.0 điểm\u00a0% (khoảng tin cậy 95\u00a0%"
                + " −2.3 đến 67.3 điểm\u00a0%, p = 0.20, đã hiệu chỉnh Holm; khoảng điểm lai"
                + " Newcombe)");
  }

  /** A variant below its control is "lower … by" the gap, with the gap's interval. */
  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void aVariantBelowItsControlIsLowerByTheGap(String engine) throws Exception {
    f.definition(definition("B", ""));
    CliRunner.Result r = f.run("report", "--engine", engine, "--period", "2026-10", "--width", "0");
    // A − B = 0.4 − 0.8 = −0.4, Newcombe −0.672544 to 0.022558 (the interval above turned round):
    // A is lower by 40.0 points, the gap B − A between −2.3 and 67.3 points.
    assertThat(r.out())
        .contains(
            "A (40.0%, n 10) is lower than B (80.0%, n 10) by 40.0 points (95\u00a0% CI −2.3 to"
                + " 67.3 points");
  }

  /** --confidence 90 sets the comparisons' level too: t(18, 0.95) = 1.734064, 10 ± 4.695866. */
  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void confidenceSetsTheLevel(String engine) throws Exception {
    CliRunner.Result r =
        f.run(
            "report", "--engine", engine, "--period", "2026-10", "-f", "csv", "--confidence", "90");
    CSVRecord mb = row(csv(r.out()), "minutes", "B");
    assertThat(List.of(mb.get("difference_low"), mb.get("difference_high")))
        .containsExactly("5.304134", "14.695866");
  }

  /**
   * A control no row has: a warning placed at the control's value, the rows' note, and each variant
   * without a test, saying why.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void aControlNoRowHasIsAWarningAndEveryVariantSaysWhy(String engine) throws Exception {
    f.definition(definition("Z", ""));
    CliRunner.Result r = f.run("report", "--engine", engine, "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err())
        .contains(
            "d.yaml:18:37: warning: kpi 'solved'.compare.control: no row of source 'sessions' has"
                + " script 'Z'");
    CSVRecord b = row(csv(r.out()), "solved", "B");
    assertThat(b.get("control")).isEqualTo("Z");
    assertThat(b.get("difference")).isEmpty();
    assertThat(b.get("test_note")).isEqualTo("no row of the period has the control");
    assertThat(b.get("note"))
        .isEqualTo(
            "compare.control expects script 'Z', which no row of the data has: check its spelling");
  }

  /** The bootstrap is seeded: two runs give the same bytes. */
  @ParameterizedTest
  @ValueSource(strings = {"tablesaw", "duckdb"})
  void aMedianIsComparedByTheSameBootstrapEveryRun(String engine) throws Exception {
    f.definition(
        definition(
            "A",
            """
              - { id: median_minutes, type: median, column: minutes, source: sessions,
                  time: created_at, compare: { by: script, control: A } }
            """));
    CliRunner.Result first =
        f.run("report", "--engine", engine, "--period", "2026-10", "-f", "csv");
    CliRunner.Result again =
        f.run("report", "--engine", engine, "--period", "2026-10", "-f", "csv");
    assertThat(first.exitCode()).isEqualTo(0);
    assertThat(first.out()).isEqualTo(again.out());
    // Medians: B 29, A 19 (the middle of ten: (18 + 20) ÷ 2 = 19, (28 + 30) ÷ 2 = 29).
    CSVRecord b = row(csv(first.out()), "median_minutes", "B");
    assertThat(List.of(b.get("difference"), b.get("test")))
        .containsExactly("10", "bootstrap-percentile");
  }

  /** Every definition problem at once, each at its place, exit 2. */
  @Test
  void definitionErrorsArePlaced() throws Exception {
    f.definition(
        """
        version: 1
        sources:
          sessions:
            file: sessions.csv
            columns:
              created_at: { column: created_at, type: date, format: yyyy-MM-dd }
              script: script
              solved: solved
        kpis:
          - { id: k1, type: count, source: sessions, time: created_at,
              compare: { by: script, control: A } }
          - { id: k2, type: ratio, source: sessions, time: created_at, numerator: { solved: yes },
              compare: { by: scritp, control: A } }
          - { id: k3, type: ratio, source: sessions, time: created_at, numerator: { solved: yes },
              by: [solved], compare: { by: script, control: A } }
          - { id: k4, type: ratio, source: sessions, time: created_at, numerator: { solved: yes },
              compare: script }
          - { id: k5, type: ratio, source: sessions, time: created_at, numerator: { solved: yes },
              compare: { by: script } }
        """);
    CliRunner.Result r = f.run("validate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "d.yaml:11:16: error: kpi 'k1'.compare: a count KPI cannot be compared between groups"
                + " (it grows with how many rows a group has; compare a rate or a mean)")
        .contains(
            "d.yaml:13:22: error: kpi 'k2'.compare.by refers to unknown column 'scritp' (did you"
                + " mean 'script'?)")
        // by: beside compare: is a breakdown the variants are compared within
        // (CompareWithinCliTest).
        .doesNotContain("kpi 'k3'")
        .contains("d.yaml:17:16: error: kpi 'k4'.compare must be a map")
        .contains("d.yaml:19:16: error: kpi 'k5'.compare needs 'control'")
        .doesNotContain("Exception");
  }

  /**
   * On {@code --engine duckdb} every format has the default engine's bytes: the same comparisons,
   * the same Holm family, the bootstrap's median interval included (the same values, in the same
   * order, the same seed). A compared column of numbers too: its groups are labelled and its
   * control matched by value, as on the default engine ({@code control: "2.0"} is the group 2).
   */
  @Test
  void theSqlEngineGivesTheDefaultEnginesBytes() throws Exception {
    f.definition(
        definition(
            "A",
            """
              - { id: median_minutes, type: median, column: minutes, source: sessions,
                  time: created_at, compare: { by: script, control: A } }
              - { id: solved_by_length, type: ratio, source: sessions, time: created_at,
                  numerator: { solved: yes }, compare: { by: minutes, control: "20.0" } }
            """));
    for (String[] format :
        List.of(
            new String[] {"-f", "csv"},
            new String[] {"-f", "json"},
            new String[] {"-f", "md"},
            new String[] {"--width", "0"})) {
      CliRunner.Result tablesaw = f.run("report", "--period", "2026-10", format[0], format[1]);
      CliRunner.Result duckdb =
          f.run("report", "--period", "2026-10", format[0], format[1], "--engine", "duckdb");
      assertThat(tablesaw.exitCode()).as(tablesaw.err()).isZero();
      assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
      assertThat(duckdb.out()).as(format[1]).isEqualTo(tablesaw.out());
    }
    // Sessions of 20 minutes: A5 (not solved), B0 and C1 (solved): 2 of 3; of 22 minutes: A6 (not
    // solved) and B1 (solved): 1 of 2. 0.5 − 0.666667 = −0.166667, against the control "20.0".
    List<CSVRecord> rows =
        csv(f.run("report", "--period", "2026-10", "-f", "csv", "--engine", "duckdb").out());
    CSVRecord at22 =
        rows.stream()
            .filter(r -> r.get("kpi").equals("solved_by_length") && r.get("minutes").equals("22"))
            .findFirst()
            .orElseThrow();
    assertThat(List.of(at22.get("control"), at22.get("difference"), at22.get("test")))
        .containsExactly("20", "-0.166667", "newcombe-hybrid-score");
  }

  /** kpi sql prints a compared KPI's query, and says that its comparisons are no query. */
  @Test
  void kpiSqlSaysTheComparisonsAreComputedByKpi() {
    CliRunner.Result r =
        f.run("sql", "--kpi", "solved", "--period", "2026-10", "--dialect", "duckdb");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("-- kpi solved (ratio)")
        .contains(
            "-- compare: by script: computed by kpi from the source's rows, not by a query"
                + " (docs/ab-tests.md)");
  }
}
