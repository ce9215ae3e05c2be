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

/**
 * {@code compare:} (issue 20) where the data gives a test nothing to go on, or names the control in
 * more than one way: one value on a side, groups that never vary, a control spelled 'A' and 'a', a
 * control written "5.0" on a number column, and the minus sign of a negative value.
 */
class CompareEdgeCasesTest {
  @TempDir Path dir;
  private CliFixture f;

  @BeforeEach
  void fixture() {
    f = new CliFixture(dir);
  }

  private static final String HEAD =
      """
      version: 1
      locale: en
      sources:
        s:
          file: s.csv
          columns:
            created_at: { column: created_at, type: date, format: yyyy-MM-dd }
            script: script
            minutes: { column: minutes, type: number }
            score: { column: score, type: number }
            store: { column: store, type: number }
            nps: { column: nps, type: number }
      kpis:
      """;

  private static final String COLUMNS = "created_at,script,minutes,score,store,nps";

  private static List<CSVRecord> csv(String text) throws Exception {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private static CSVRecord row(List<CSVRecord> rows, String kpi, String column, String value) {
    return rows.stream()
        .filter(r -> r.get("kpi").equals(kpi) && r.get(column).equals(value))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Median minutes (bootstrap): A {5, 5}; B {7} has one value, C {7, 7} never varies, nor does A.
   * Before, both gave "higher by 2.00 (95 % CI 2.00 to 2.00, p = 2/2001)": every resample was the
   * sample. Now neither is tested, and neither joins Holm's family.
   *
   * <p>Mean score (Welch): A {1, 2} mean 1.5, C {100, 101} mean 100.5, B {50} one value. C − A =
   * 99; s² = 0.5 each side, se = √(0.5/2 + 0.5/2) = 0.707107, df = 0.5² ÷ (0.25²/1 + 0.25²/1) = 2;
   * t = 99 ÷ 0.707107 = 140.007 (t² = 19602). With 2 degrees of freedom the two-sided tail is 1 −
   * t/√(t² + 2) = 1 − √(19602/19604) = 0.0000510113. The only p-value of the period: Holm's is the
   * same (had the two bootstrap rows joined with p = 0.0009995, it would be tripled).
   */
  @Test
  void oneValueOrGroupsThatNeverVaryAreNotTestedAndNotInHolm() throws Exception {
    f.csv(
        "s.csv",
        COLUMNS,
        "2026-10-01,A,5,1,1,9",
        "2026-10-02,A,5,2,1,9",
        "2026-10-03,B,7,50,1,9",
        "2026-10-04,C,7,100,1,9",
        "2026-10-05,C,7,101,1,9");
    f.definition(
        HEAD
            + """
              - { id: med, type: median, column: minutes, source: s, time: created_at,
                  compare: { by: script, control: A } }
              - { id: avg, type: mean, column: score, source: s, time: created_at,
                  compare: { by: script, control: A } }
            """);
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    List<CSVRecord> rows = csv(r.out());
    CSVRecord b = row(rows, "med", "script", "B");
    assertThat(List.of(b.get("difference"), b.get("p_value"), b.get("p_holm"), b.get("test_note")))
        .containsExactly("", "", "", "too few values (two a side at least)");
    CSVRecord c = row(rows, "med", "script", "C");
    assertThat(List.of(c.get("difference"), c.get("p_value"), c.get("p_holm"), c.get("test_note")))
        .containsExactly("", "", "", "no variation within either group: no interval");
    CSVRecord mean = row(rows, "avg", "script", "C");
    assertThat(List.of(mean.get("difference"), mean.get("p_value"), mean.get("p_holm")))
        .containsExactly("99", "0.000051", "0.000051");
    assertThat(row(rows, "avg", "script", "B").get("test_note"))
        .isEqualTo("too few values (two a side at least)");

    CliRunner.Result text = f.run("report", "--period", "2026-10", "--width", "0");
    assertThat(text.out())
        .contains("B (7, n 1): no comparison: too few values (two a side at least)")
        .contains(
            "C (7, n 2): no comparison: no variation within either group (each has one value"
                + " throughout), so no interval");
  }

  /**
   * NPS: D's two answers are 0 and 3 (two detractors: −100), A's 9 and 10 (two promoters: 100).
   * Each group is constant in its class, so the trinomial variance of each is 0: ((0 + 1) − (−1)²)
   * ÷ 2 = 0 and ((1 + 0) − 1²) ÷ 2 = 0; no interval. The note says so (it used to say "too few
   * values", though there are two a side), and the sentence's −100 has the minus sign of the
   * intervals, in English and Vietnamese.
   */
  @Test
  void npsConstantWithinEachGroupSaysSoWithARealMinusSign() throws Exception {
    f.csv(
        "s.csv",
        COLUMNS,
        "2026-10-01,A,1,1,1,9",
        "2026-10-02,A,1,1,1,10",
        "2026-10-03,D,1,1,1,0",
        "2026-10-04,D,1,1,1,3");
    f.definition(
        HEAD
            + """
              - { id: nps, preset: nps, source: s, compare: { by: script, control: A } }
            """);
    CliRunner.Result csv = f.run("report", "--period", "2026-10", "-f", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isEqualTo(0);
    assertThat(row(csv(csv.out()), "nps", "script", "D").get("test_note"))
        .isEqualTo("no variation within either group: no interval");
    CliRunner.Result en = f.run("report", "--period", "2026-10", "--width", "0");
    assertThat(en.out())
        .contains(
            "D (−100 NPS, n 2): no comparison: no variation within either group (each has one"
                + " value throughout), so no interval");
    CliRunner.Result vi = f.run("report", "--period", "2026-10", "--width", "0", "--lang", "vi");
    assertThat(vi.out())
        .contains(
            "D (−100 NPS, n 2): không so sánh được: giá trị trong mỗi nhóm đều như nhau, không có"
                + " khoảng tin cậy");
  }

  /**
   * The control spelled 'A' and 'a': both are the control, their rows pooled — minutes {10, 20} and
   * {30}: mean 20, n 3 — and 'a' is no variant. The variants stay as the data spells them, as the
   * breakdown rows do: 'B' {40, 50} (mean 45, difference 45 − 20 = 25) and 'b' {60} (one value: too
   * few). The comparison names the control as the definition writes it, since the data writes it
   * two ways.
   */
  @Test
  void everySpellingOfTheControlIsTheControl() throws Exception {
    f.csv(
        "s.csv",
        COLUMNS,
        "2026-10-01,A,10,1,1,9",
        "2026-10-02,A,20,1,1,9",
        "2026-10-03,a,30,1,1,9",
        "2026-10-04,B,40,1,1,9",
        "2026-10-05,B,50,1,1,9",
        "2026-10-06,b,60,1,1,9");
    f.definition(
        HEAD
            + """
              - { id: avg, type: mean, column: minutes, source: s, time: created_at,
                  compare: { by: script, control: A } }
            """);
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    List<CSVRecord> rows = csv(r.out());
    CSVRecord b = row(rows, "avg", "script", "B");
    assertThat(List.of(b.get("control"), b.get("difference"), b.get("lift")))
        .containsExactly("A", "25", "1.25");
    assertThat(row(rows, "avg", "script", "a").get("control")).isEmpty();
    assertThat(row(rows, "avg", "script", "A").get("control")).isEmpty();
    assertThat(row(rows, "avg", "script", "b").get("test_note"))
        .isEqualTo("too few values (two a side at least)");
    // The breakdown's own rows are unchanged: A (mean 15) and a (30) each their own row.
    assertThat(
            List.of(
                row(rows, "avg", "script", "A").get("value"),
                row(rows, "avg", "script", "a").get("value")))
        .containsExactly("15", "30");
    CliRunner.Result text = f.run("report", "--period", "2026-10", "--width", "0");
    assertThat(text.out()).contains("B (45, n 2) is higher than A (20, n 3) by 25.00");
  }

  /**
   * On a number column the control matches by value: "5.0" is the group labelled 5 (stores 5 and 6;
   * minutes {10, 20} and {40, 50}: 45 − 15 = 30), where as text it matched nothing.
   */
  @Test
  void aNumberControlMatchesByValue() throws Exception {
    f.csv(
        "s.csv",
        COLUMNS,
        "2026-10-01,A,10,1,5,9",
        "2026-10-02,A,20,1,5,9",
        "2026-10-03,A,40,1,6,9",
        "2026-10-04,A,50,1,6,9");
    f.definition(
        HEAD
            + """
              - { id: avg, type: mean, column: minutes, source: s, time: created_at,
                  compare: { by: store, control: "5.0" } }
            """);
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    CSVRecord six = row(csv(r.out()), "avg", "store", "6");
    assertThat(List.of(six.get("control"), six.get("difference"), six.get("test_note")))
        .containsExactly("5", "30", "");
    assertThat(row(csv(r.out()), "avg", "store", "5").get("control")).isEmpty();
  }
}
