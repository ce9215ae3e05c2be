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
 * A KPI's own {@code confidence:} (issue 20): its shares get Wilson intervals at its level with or
 * without {@code --confidence}, which stays the level of every other KPI; {@code ci_level} says
 * each row's level; its comparisons are at its level; bad levels are refused at their place.
 */
class KpiConfidenceCliTest {
  @TempDir Path dir;
  private CliFixture f;

  /**
   * The tickets of {@link ConfidenceCliTest}: Zalo 5 of 5 resolved, Email 0 of 3, 5 of 8 in all.
   */
  static final String DEFINITION =
      """
      version: 1
      locale: en
      sources:
        tickets:
          file: tickets.csv
          columns:
            id: id
            created_at: { column: created_at, type: date, format: yyyy-MM-dd }
            channel: channel
            resolved: resolved
            minutes: { column: minutes, type: number }
      kpis:
        - id: resolved_rate
          type: ratio
          source: tickets
          time: created_at
          numerator: { resolved: yes }
          by: [channel]
          confidence: 90
        - { id: zalo_share, type: ratio, source: tickets, time: created_at,
            numerator: { channel: Zalo } }
        - { id: tickets, type: count, source: tickets, time: created_at }
      """;

  @BeforeEach
  void write() throws Exception {
    f = new CliFixture(dir);
    f.file("tickets.csv", ConfidenceCliTest.TICKETS);
    f.definition(DEFINITION);
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

  private static List<String> interval(List<CSVRecord> rows, String kpi, String channel) {
    CSVRecord r =
        rows.stream()
            .filter(x -> x.get("kpi").equals(kpi) && x.get("channel").equals(channel))
            .findFirst()
            .orElseThrow();
    return List.of(r.get("ci_low"), r.get("ci_high"), r.get("ci_level"));
  }

  /**
   * At 90 %, z = 1.644854 (the 95th percentile of the normal), z² = 2.705543:
   *
   * <ul>
   *   <li>0/3: 0 to z² ÷ (n + z²) = 2.705543 ÷ 5.705543 = 0.474196.
   *   <li>5/5: n ÷ (n + z²) = 5 ÷ 7.705543 = 0.648883 to 1.
   *   <li>5/8: p = 0.625, z²/n = 0.338193, centre = (0.625 + 0.169096) ÷ 1.338193 = 0.593410, half
   *       = 1.644854 ÷ 1.338193 × √(0.625 · 0.375 ÷ 8 + 2.705543 ÷ 256) = 1.229161 × √(0.029297 +
   *       0.010569) = 1.229161 × 0.199664 = 0.245419: 0.347991 to 0.838828.
   * </ul>
   *
   * Without {@code --confidence}, zalo_share (also 5/8) has no interval: only resolved_rate asked
   * for one. The same numbers from Python's statistics.NormalDist, computed apart from this code.
   */
  @Test
  void theKpisOwnLevelGivesItsSharesIntervalsWithoutTheOption() throws Exception {
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .endsWith(",complete,note,ci_low,ci_high,ci_level");
    List<CSVRecord> rows = csv(r.out());
    assertThat(interval(rows, "resolved_rate", "Email")).containsExactly("0", "0.474196", "90");
    assertThat(interval(rows, "resolved_rate", "Zalo")).containsExactly("0.648883", "1", "90");
    assertThat(interval(rows, "resolved_rate", "(total)"))
        .containsExactly("0.347991", "0.838828", "90");
    assertThat(interval(rows, "zalo_share", "")).containsExactly("", "", "");
    assertThat(interval(rows, "tickets", "")).containsExactly("", "", "");
    // The intervals are put on the rows after either engine has measured them: the same bytes.
    CliRunner.Result duckdb =
        f.run("report", "--period", "2026-10", "-f", "csv", "--engine", "duckdb");
    assertThat(duckdb.exitCode()).as(duckdb.err()).isEqualTo(0);
    assertThat(duckdb.out()).isEqualTo(r.out());
  }

  /** kpi explain names the KPI's own level, in both languages. */
  @Test
  void explainNamesTheLevel() {
    assertThat(f.run("explain", "resolved_rate", "--lang", "en").out())
        .contains("Confidence:")
        .contains("intervals at 90 % (its own level, whatever --confidence says)");
    assertThat(f.run("explain", "resolved_rate", "--lang", "vi").out())
        .contains("Độ tin cậy:")
        .contains("khoảng tin cậy 90 % (mức riêng của chỉ số, dù --confidence là bao nhiêu)");
  }

  /**
   * --confidence 99 is the level of every other KPI: zalo_share 5/8 at z = 2.575829, z² = 6.634897,
   * z²/n = 0.829362: centre = (0.625 + 0.414681) ÷ 1.829362 = 0.568330, half = 2.575829 ÷ 1.829362
   * × √(0.029297 + 6.634897 ÷ 256) = 1.408046 × √0.055215 = 1.408046 × 0.234978 = 0.330860:
   * 0.237470 to 0.899189 (Python's statistics.NormalDist agrees). resolved_rate keeps its own 90 %.
   */
  @Test
  void theOptionIsTheLevelOfTheOthers() throws Exception {
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-f", "csv", "--confidence", "99");
    List<CSVRecord> rows = csv(r.out());
    assertThat(interval(rows, "zalo_share", "")).containsExactly("0.23747", "0.899189", "99");
    assertThat(interval(rows, "resolved_rate", "(total)"))
        .containsExactly("0.347991", "0.838828", "90");
    CliRunner.Result json =
        f.run("report", "--period", "2026-10", "-f", "json", "--confidence", "99");
    assertThat(json.out())
        .contains("\"ci_low\" : 0.347991,\n  \"ci_high\" : 0.838828,\n  \"ci_level\" : 90\n")
        .contains("\"ci_low\" : 0.23747,\n  \"ci_high\" : 0.899189,\n  \"ci_level\" : 99\n")
        .contains("\"ci_low\" : null,\n  \"ci_high\" : null,\n  \"ci_level\" : null\n");
  }

  /** The views say each interval's level beside it. */
  @Test
  void theViewsShowEachIntervalsLevel() throws Exception {
    CliRunner.Result r =
        f.run("report", "--period", "2026-10", "--confidence", "99", "--width", "0");
    assertThat(r.out())
        .contains("62.5% (90\u00a0% CI 34.8–83.9%)")
        .contains("62.5% (99\u00a0% CI 23.7–89.9%)");
    CliRunner.Result vi =
        f.run("report", "--period", "2026-10", "--lang", "vi", "-f", "md", "--width", "0");
    assertThat(vi.out()).contains("62.5% (KTC 90\u00a0% 34.8–83.9%)");
  }

  /**
   * Without any KPI of its own level, the columns are those of before: no ci_level (the {@link
   * ConfidenceCliTest} definition keeps its exact bytes).
   */
  @Test
  void withoutOwnLevelsThereIsNoLevelColumn() throws Exception {
    f.definition(DEFINITION.replace("    confidence: 90\n", ""));
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-f", "csv", "--confidence", "95");
    assertThat(r.out().lines().findFirst().orElseThrow()).endsWith(",note,ci_low,ci_high");
    CliRunner.Result none = f.run("report", "--period", "2026-10", "-f", "csv");
    assertThat(none.out().lines().findFirst().orElseThrow()).endsWith(",note");
  }

  /** Levels that cannot be used, each at its place; every problem at once, exit 2. */
  @Test
  void badLevelsAreRefusedAtTheirPlace() throws Exception {
    f.definition(
        """
        version: 1
        sources:
          tickets:
            file: tickets.csv
            columns:
              created_at: { column: created_at, type: date, format: yyyy-MM-dd }
              resolved: resolved
        kpis:
          - { id: k1, type: ratio, source: tickets, time: created_at, numerator: { resolved: yes },
              confidence: 50 }
          - { id: k2, type: ratio, source: tickets, time: created_at, numerator: { resolved: yes },
              confidence: 100 }
          - { id: k3, type: ratio, source: tickets, time: created_at, numerator: { resolved: yes },
              confidence: high }
          - { id: k4, type: ratio, source: tickets, time: created_at, numerator: { resolved: yes },
              confidence: [90] }
          - { id: k5, type: ratio, source: tickets, time: created_at, numerator: { resolved: yes },
              confidence: "90%" }
          - { id: k6, type: ratio, source: tickets, time: created_at, numerator: { resolved: yes },
              confidnce: 90 }
        """);
    CliRunner.Result r = f.run("validate");
    assertThat(r.exitCode()).isEqualTo(2);
    String must =
        ".confidence must be a level in percent strictly between 50 and 100, e.g. 90 or 95;";
    assertThat(r.err())
        .contains("d.yaml:10:19: error: kpi 'k1'" + must + " found '50'")
        .contains("d.yaml:12:19: error: kpi 'k2'" + must + " found '100'")
        .contains("d.yaml:14:19: error: kpi 'k3'" + must + " found 'high'")
        .contains("d.yaml:16:19: error: kpi.confidence must be a single value, found a list")
        .contains("d.yaml:20:7: error: unknown key 'confidnce' in kpi (did you mean 'confidence'?)")
        .doesNotContain("kpi 'k5'")
        .doesNotContain("Exception");
  }

  /**
   * A level nothing would use is an error at its place (issue 17's follow-up of issue 20): a mean,
   * a sum, a count and an NPS have no shares to put a Wilson interval on, and without compare: no
   * comparison whose interval the level would set. Beside compare:, or on a rate (a ratio, a
   * top-box score), it is taken. Every problem at once, exit 2.
   */
  @Test
  void aLevelOnAKpiWithoutSharesOrCompareIsAnErrorAtItsPlace() throws Exception {
    f.definition(
        """
        version: 1
        sources:
          tickets:
            file: tickets.csv
            columns:
              created_at: { column: created_at, type: date, format: yyyy-MM-dd }
              channel: channel
              resolved: resolved
              minutes: { column: minutes, type: number }
        kpis:
          - { id: m1, type: mean, column: minutes, source: tickets, time: created_at, confidence: 90 }
          - { id: m2, type: sum, column: minutes, source: tickets, time: created_at, confidence: 90 }
          - { id: m3, type: count, source: tickets, time: created_at, confidence: 90 }
          - { id: m4, preset: nps, column: minutes, source: tickets, time: created_at, confidence: 90 }
          - { id: ok1, type: mean, column: minutes, source: tickets, time: created_at, confidence: 90,
              compare: { by: channel, control: Zalo } }
          - { id: ok2, type: ratio, source: tickets, time: created_at, numerator: { resolved: yes },
              confidence: 90 }
          - { id: ok3, preset: csat, column: minutes, source: tickets, time: created_at, confidence: 90 }
        """);
    CliRunner.Result r = f.run("validate");
    assertThat(r.exitCode()).isEqualTo(2);
    String rest =
        " has no shares to put an interval on (rates of counted rows: a ratio, an sla, a top-box"
            + " score…) and no compare: whose interval it would set; drop it, or add compare:";
    // Line 11 is m1's, its level's value at column 91 (the flow map's confidence: 90).
    assertThat(r.err())
        .contains("d.yaml:11:91: error: kpi 'm1'.confidence: a mean KPI" + rest)
        .contains("d.yaml:12:90: error: kpi 'm2'.confidence: a sum KPI" + rest)
        .contains("d.yaml:13:75: error: kpi 'm3'.confidence: a count KPI in rows" + rest)
        .contains("d.yaml:14:92: error: kpi 'm4'.confidence: a score KPI in NPS" + rest)
        .doesNotContain("kpi 'ok")
        .doesNotContain("Exception");
  }

  /**
   * A KPI's level is its comparisons' too. The sessions of {@link CompareCliTest}, solved at 90 %
   * (z = 1.644854, z²/n = 0.270554 for n = 10, z ÷ (1 + z²/n) = 1.294595): B 8/10, centre (0.8 +
   * 0.135277) ÷ 1.270554 = 0.736117, half 1.294595 × √(0.016 + 0.006764) = 1.294595 × 0.150877 =
   * 0.195325: 0.540793 to 0.931442; A 4/10, centre 0.421294, half 1.294595 × √(0.024 + 0.006764) =
   * 0.227067: 0.194227 to 0.648361. Newcombe: low = 0.4 − √((0.8 − 0.540793)² + (0.648361 − 0.4)²)
   * = 0.4 − √(0.067188 + 0.061683) = 0.041013; high = 0.4 + √((0.931442 − 0.8)² + (0.4 −
   * 0.194227)²) = 0.4 + √(0.017277 + 0.042343) = 0.644171 (Python, apart from this code). The
   * pooled z-test's p does not depend on the level (0.067889, Holm 0.203667 as in CompareCliTest).
   * minutes keeps the run's 95 %: 4.310676 to 15.689324.
   */
  @Test
  void theKpisLevelIsItsComparisonsLevel() throws Exception {
    f.csv("sessions.csv", "id,created_at,script,solved,minutes", CompareCliTest.sessions());
    String own =
        CompareCliTest.definition("A", "")
            .replace(
                "    compare: { by: script, control: A }\n",
                "    compare: { by: script, control: A }\n    confidence: 90\n");
    assertThat(own).contains("confidence: 90");
    f.definition(own);
    CliRunner.Result r = f.run("report", "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    List<CSVRecord> rows = csv(r.out());
    CSVRecord b = byScript(rows, "solved", "B");
    assertThat(
            List.of(
                b.get("difference_low"),
                b.get("difference_high"),
                b.get("p_value"),
                b.get("p_holm"),
                b.get("ci_low"),
                b.get("ci_high"),
                b.get("ci_level")))
        .containsExactly(
            "0.041013", "0.644171", "0.067889", "0.203667", "0.540793", "0.931442", "90");
    CSVRecord mb = byScript(rows, "minutes", "B");
    assertThat(
            List.of(
                mb.get("difference_low"),
                mb.get("difference_high"),
                mb.get("ci_low"),
                mb.get("ci_level")))
        .containsExactly("4.310676", "15.689324", "", "95");
    assertThat(byScript(rows, "minutes", "A").get("ci_level")).isEmpty();
    CliRunner.Result view = f.run("report", "--period", "2026-10", "--width", "0");
    assertThat(view.out())
        .contains("80.0% (90\u00a0% CI 54.1–93.1%)")
        .contains("solved · 2026-10: B (80.0%, n 10) is higher than A (40.0%, n 10)")
        .contains("by 40.0 points (90\u00a0% CI 4.1 to 64.4 points, p = 0.20, Holm-adjusted;")
        .contains("by 10.00 (95\u00a0% CI 4.31 to 15.69, p = 0.007, Holm-adjusted;");
  }

  private static CSVRecord byScript(List<CSVRecord> rows, String kpi, String script) {
    return rows.stream()
        .filter(x -> x.get("kpi").equals(kpi) && x.get("script").equals(script))
        .findFirst()
        .orElseThrow();
  }
}
