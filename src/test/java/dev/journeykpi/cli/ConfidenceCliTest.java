package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi report --confidence} (issue 20): Wilson intervals on shares, in CSV and JSON columns
 * and in the views, a note on small samples, nothing for other rows, no new column without it.
 */
class ConfidenceCliTest {
  @TempDir Path dir;

  /**
   * 8 tickets in October: Zalo 5 of 5 resolved, Email 0 of 3; 5 of 8 in all. T9, in November, says
   * that the data covers October to its end.
   */
  static final String TICKETS =
      """
      id,created_at,channel,resolved,minutes
      T1,2026-10-01,Zalo,yes,10
      T2,2026-10-02,Zalo,yes,20
      T3,2026-10-03,Zalo,yes,30
      T4,2026-10-04,Zalo,yes,40
      T5,2026-10-05,Zalo,yes,50
      T6,2026-10-06,Email,no,60
      T7,2026-10-07,Email,no,70
      T8,2026-10-08,Email,no,80
      T9,2026-11-02,Zalo,no,90
      """;

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
        - { id: tickets, type: count, source: tickets, time: created_at }
        - { id: mean_minutes, type: mean, column: minutes, source: tickets, time: created_at }
      """;

  private Path def;

  @BeforeEach
  void write() throws Exception {
    Files.writeString(dir.resolve("tickets.csv"), TICKETS);
    def = dir.resolve("d.yaml");
    Files.writeString(def, DEFINITION);
  }

  /**
   * At 95 % (z = 1.959964, z² = 3.841459):
   *
   * <ul>
   *   <li>5/8: p = 0.625, z²/n = 0.480182, centre = (0.625 + 0.240091) ÷ 1.480182 = 0.584449, half
   *       = 1.959964 ÷ 1.480182 × √(0.029297 + 0.015006) = 1.324137 × 0.210483 = 0.278708: 0.305742
   *       to 0.863156.
   *   <li>0/3: 0 to z² ÷ (3 + z²) = 3.841459 ÷ 6.841459 = 0.561497.
   *   <li>5/5: 1 − 3.841459 ÷ 8.841459 = 0.565518 to 1.
   * </ul>
   *
   * The same six numbers from Python's statistics.NormalDist, computed apart from this code. Every
   * denominator is under 30: each share is noted as too small to read. The count and the mean get
   * no interval.
   */
  @Test
  void csvHasTheIntervalColumnsLastAndOnlySharesFillThem() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "2026-10",
            "-f",
            "csv",
            "--confidence",
            "95");
    assertThat(r.exitCode()).isEqualTo(0);
    String small = "only %d in the denominator (under 30): too few to read";
    assertThat(r.out())
        .isEqualTo(
            "kpi,label,period,channel,value,unit,numerator,denominator,n,target,status,previous,delta,"
                + "delta_relative,complete,note,ci_low,ci_high\n"
                + "resolved_rate,resolved_rate,2026-10,Email,0,%,0,3,3,,,,,,true,"
                + small.formatted(3)
                + ",0,0.561497\n"
                + "resolved_rate,resolved_rate,2026-10,Zalo,1,%,5,5,5,,,,,,true,"
                + small.formatted(5)
                + ",0.565518,1\n"
                + "resolved_rate,resolved_rate,2026-10,(total),0.625,%,5,8,8,,,,,,true,"
                + small.formatted(8)
                + ",0.305742,0.863156\n"
                + "tickets,tickets,2026-10,,8,rows,,,8,,,,,,true,,,\n"
                + "mean_minutes,mean_minutes,2026-10,,45,,,,8,,,,,,true,,,\n");
  }

  @Test
  void withoutConfidenceTheColumnsAreThoseOfBefore() {
    CliRunner.Result r = run("report", "-c", def.toString(), "--period", "2026-10", "-f", "csv");
    assertThat(r.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "kpi,label,period,channel,value,unit,numerator,denominator,n,target,status,previous,delta,"
                + "delta_relative,complete,note");
    assertThat(r.out()).doesNotContain("too few to read");
  }

  @Test
  void jsonHasTheIntervalAsNumbersOrNull() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "2026-10",
            "-f",
            "json",
            "--confidence",
            "95");
    assertThat(r.out())
        .contains("\"ci_low\" : 0.305742,\n  \"ci_high\" : 0.863156\n")
        .contains("\"ci_low\" : null,\n  \"ci_high\" : null\n");
  }

  /**
   * The views: the share, then its interval in brackets with its level (a KPI may set its own), in
   * the definition's locale.
   */
  @Test
  void theTableShowsTheIntervalBesideTheShare() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "2026-10",
            "--confidence",
            "95",
            "--width",
            "0");
    assertThat(r.out())
        .contains("62.5% (95\u00a0% CI 30.6–86.3%)")
        .contains("0.0% (95\u00a0% CI 0.0–56.1%)")
        .contains("100.0% (95\u00a0% CI 56.6–100.0%)")
        .contains("too few to read");
    CliRunner.Result md =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "2026-10",
            "-f",
            "md",
            "--confidence",
            "95");
    assertThat(md.out()).contains("62.5% (95\u00a0% CI 30.6–86.3%)");
  }

  /**
   * 90 % (z = 1.644854, z² = 2.705545) for 5/8: centre = (0.625 + 0.169097) ÷ 1.338193 = 0.593410,
   * half = 1.644854 ÷ 1.338193 × √(0.029297 + 0.010569) = 0.245419: 0.347991 to 0.838828.
   */
  @Test
  void otherLevelsAndBadOnes() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            def.toString(),
            "--period",
            "2026-10",
            "-f",
            "csv",
            "--confidence",
            "90%");
    assertThat(r.out()).contains(",0.347991,0.838828\n");
    for (String bad : new String[] {"0", "100", "abc", "-5"}) {
      CliRunner.Result b =
          run("report", "-c", def.toString(), "--period", "2026-10", "--confidence", bad);
      assertThat(b.exitCode()).isEqualTo(2);
      assertThat(b.err())
          .contains("--confidence is a level in percent between 0 and 100, e.g. 95; found '" + bad)
          .doesNotContain("Exception");
    }
  }

  private static String row(String csv, String start) {
    return csv.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  /**
   * Which rows are shares, on the bundled kits. Customer service, October 2026: CSAT 103 of 184 (p
   * = 0.559783, z²/n = 0.020877, centre 0.558560, half-width 0.071000): 0.48756 to 0.62956;
   * turnover (leavers ÷ an average headcount) and the CES mean get none. Retention: churn 33 of 287
   * (z²/n = 0.013385, centre 0.120068, half-width 0.037013): 0.083055 to 0.157081; the customer
   * retention rate, (E − N) ÷ S, gets none. Both intervals also from Python's
   * statistics.NormalDist.
   */
  @Test
  void theKitsSharesAndTheirOtherRates() {
    String service =
        run(
                "report",
                "-c",
                "kpi-definitions/customer-service.yaml",
                "--period",
                "2026-10",
                "-f",
                "csv",
                "--confidence",
                "95")
            .out();
    assertThat(row(service, "csat,")).endsWith(",0.48756,0.62956");
    assertThat(row(service, "turnover,")).endsWith(",,");
    assertThat(row(service, "ces,")).endsWith(",,");
    String retention =
        run(
                "report",
                "-c",
                "kpi-definitions/retention.yaml",
                "--period",
                "2026-10",
                "-f",
                "csv",
                "--confidence",
                "95",
                "--kpi",
                "churn,crr")
            .out();
    assertThat(row(retention, "churn,")).endsWith(",0.083055,0.157081");
    assertThat(retention.lines().filter(l -> l.startsWith("crr,"))).allMatch(l -> l.endsWith(",,"));
  }
}
