package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The shipped A/B example ({@code kpi-definitions/ab-test.yaml} on {@code examples/ab-test}, issue
 * 20): October 2026's comparisons against numbers computed apart from kpi, with Python's csv module
 * and scipy from the export itself, and its terminal and Markdown scorecards pinned as goldens (the
 * page docs/ab-tests.md shows).
 */
class AbTestExampleTest {
  static final String DEFINITION = "kpi-definitions/ab-test.yaml";

  private static List<String> comparison(List<CSVRecord> rows, String kpi, String script) {
    CSVRecord r =
        rows.stream()
            .filter(x -> x.get("kpi").equals(kpi) && x.get("script").equals(script))
            .findFirst()
            .orElseThrow();
    List<String> out = new ArrayList<>();
    for (String c :
        List.of("difference", "difference_low", "difference_high", "p_value", "p_holm", "test"))
      out.add(r.get(c));
    return out;
  }

  /**
   * Python over the export's October rows (Bắt đầu in 10/2026), by Kịch bản:
   *
   * <ul>
   *   <li>solved first: B 338/462, A 283/456 — Newcombe (Wilson limits by the formula) 0.110988,
   *       0.050490 to 0.170410; pooled z-test p = 0.000326.
   *   <li>csat (4–5 of the answers 1–5): B 157/200, A 134/207 — 0.137657, 0.050055 to 0.222215, p =
   *       0.002101.
   *   <li>csat_mean: scipy.stats.ttest_ind(B, A, equal_var=False): 0.425870, 0.240535 to 0.611205,
   *       p = 8.24e-6.
   *   <li>NPS, answers scored +1/0/−1, variance of the scores ÷ n each side: C − A = −22.364478,
   *       −37.484757 to −7.244199, p = 0.003744.
   * </ul>
   *
   * Holm over the ten p-values of the period (the two bootstrap ones, 0.0009995 and 1, taken from
   * kpi): the smallest five × 10, 9, 8, 7, 6: 0.000082, 0.002931 (0.000326 × 9), 0.007996
   * (0.0009995 × 8), 0.014709 (0.002101 × 7), 0.022462 (0.003744 × 6).
   */
  @Test
  void octobersComparisonsAreThoseComputedApart() throws Exception {
    CliRunner.Result r = run("report", "-c", DEFINITION, "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(r.out()))
            .getRecords();
    assertThat(comparison(rows, "solved_first", "B"))
        .containsExactly(
            "0.110988", "0.05049", "0.17041", "0.000326", "0.002931", "newcombe-hybrid-score");
    assertThat(comparison(rows, "csat", "B"))
        .containsExactly(
            "0.137657", "0.050055", "0.222215", "0.002101", "0.014709", "newcombe-hybrid-score");
    assertThat(comparison(rows, "csat_mean", "B"))
        .containsExactly("0.42587", "0.240535", "0.611205", "0.000008", "0.000082", "welch-t");
    assertThat(comparison(rows, "nps", "C"))
        .containsExactly(
            "-22.364478", "-37.484756", "-7.244199", "0.003744", "0.022462", "nps-trinomial");
    assertThat(comparison(rows, "chat_time", "C"))
        .containsExactly("-3", "-4", "-2", "0.001", "0.007996", "bootstrap-percentile");
  }

  @Test
  void theScorecardsForPeopleArePinned() throws Exception {
    CliRunner.Result table =
        run("report", "-c", DEFINITION, "--period", "2026-10", "--width", "100");
    assertThat(table.exitCode()).isZero();
    Golden.check("ab-test-2026-10.txt", table.out());
    CliRunner.Result md =
        run("report", "-c", DEFINITION, "--period", "2026-10", "-f", "md", "--lang", "en");
    Golden.check("ab-test-2026-10-en.md", md.out());
  }

  /**
   * On {@code --engine duckdb} the example gives the default engine's bytes: CSV and JSON with the
   * comparison columns, and the pinned terminal view with its sentences (the same golden file); on
   * {@code --engine jdbc} too.
   */
  @Test
  void theSqlEngineGivesTheSameBytes() throws Exception {
    for (String format : List.of("csv", "json")) {
      CliRunner.Result tablesaw =
          run("report", "-c", DEFINITION, "--period", "2026-10", "-f", format);
      CliRunner.Result duckdb =
          run(
              "report",
              "-c",
              DEFINITION,
              "--period",
              "2026-10",
              "-f",
              format,
              "--engine",
              "duckdb");
      assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
      assertThat(duckdb.out()).as(format).isEqualTo(tablesaw.out());
    }
    // Any SQL engine: the rows come back over plain JDBC (here to DuckDB, through JdbcBackend).
    CliRunner.Result jdbc =
        run(
            "report",
            "-c",
            DEFINITION,
            "--period",
            "2026-10",
            "-f",
            "csv",
            "--engine",
            "jdbc",
            "--url",
            "jdbc:duckdb:");
    assertThat(jdbc.exitCode()).as(jdbc.err()).isZero();
    assertThat(jdbc.out())
        .isEqualTo(run("report", "-c", DEFINITION, "--period", "2026-10", "-f", "csv").out());
    CliRunner.Result table =
        run(
            "report",
            "-c",
            DEFINITION,
            "--period",
            "2026-10",
            "--width",
            "100",
            "--engine",
            "duckdb");
    assertThat(table.exitCode()).as(table.err()).isZero();
    Golden.check("ab-test-2026-10.txt", table.out());
  }
}
