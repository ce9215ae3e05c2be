package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The HTML page byte for byte (issue 19; generated on purpose with -Dgolden.update=true): the hotel
 * with three periods and their changes (summary cards, trend charts, breakdown bars), the sales
 * funnel (bars true to their counts, drops) and the retention cohorts (heat map). A change of the
 * page shows here as a diff to review; the numbers themselves are pinned by the shipped
 * definitions' terminal, CSV and JSON goldens.
 */
class HtmlPageGoldenTest {

  private static String html(String config, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of("report", "-c", config, "-q", "--format", "html"));
    args.addAll(java.util.List.of(extra));
    CliHarness.Output r = CliHarness.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out();
  }

  @Test
  void hotelWithTrendsAndChanges() throws Exception {
    Golden.check(
        "hotel-2026-10-trend-compare.html",
        html(
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "--periods",
            "3",
            "--compare",
            "previous"));
  }

  @Test
  void salesFunnel() throws Exception {
    Golden.check(
        "sales-journey-2026-q3.html",
        html("kpi-definitions/sales-journey.yaml", "--period", "2026-Q3"));
  }

  @Test
  void retentionCohorts() throws Exception {
    Golden.check(
        "retention-2026-10.html", html("kpi-definitions/retention.yaml", "--period", "2026-10"));
  }
}
