package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.report.DisplayWidth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's "fits $COLUMNS" on an 80-column terminal: no line of standard output is wider than 80
 * display columns (Vietnamese marks counted as DisplayWidth counts them, column by column). Tables
 * that did not fit before: customer-service 97 columns, retention 99, hotel 94 (until the KPI label
 * could go on its own line), the funnel tables of incident-process, lead-stages and sales-journey
 * (88 to 101, until a stage table's times could stand apart), b2b-sales' money columns (121, until
 * the numerator / denominator could go into the notes).
 */
class NarrowTerminalTest {
  /**
   * Each bundled scorecard as its header runs it, and in English with the change from the period
   * before (wider words, a column more: hotel's was 118 columns, retention's English cohort
   * triangle 81).
   */
  @Test
  void everyBundledScorecardFitsEightyColumns() {
    for (ShippedDefinitions.Shipped shipped : ShippedDefinitions.bundled())
      for (List<String> extra :
          List.of(List.<String>of(), List.of("--lang", "en", "--compare", "previous"))) {
        List<String> args =
            new java.util.ArrayList<>(
                List.of(
                    "report",
                    "-c",
                    shipped.config().toString(),
                    "--period",
                    shipped.period(),
                    "-q",
                    "--width",
                    "80"));
        args.addAll(extra);
        CliRunner.Result r = run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> wide =
            Arrays.stream(r.out().split("\n")).filter(l -> DisplayWidth.of(l) > 80).toList();
        assertThat(wide).as("%s %s: lines over 80 columns", shipped, extra).isEmpty();
        List<String> wideErr =
            Arrays.stream(r.err().split("\n")).filter(l -> DisplayWidth.of(l) > 80).toList();
        assertThat(wideErr).as("%s: lines of stderr over 80 columns", shipped).isEmpty();
      }
  }

  /**
   * hotel with --compare previous at 80 columns (118 before): the numerator / denominator under the
   * row did not make it fit (93), so the change goes there too, before it, each named by its
   * header. Widths by hand: indent 2 + Tầng 10 ("Điện thoại") + 2026-10 14 ("40.853.000 VND") + n 3
   * + Mục tiêu 10 ("≤ 3,0 phút") + Trạng thái 10, and 4 gaps of 2 = 2 + 47 + 8 = 57 (the rule 55
   * after the indent); the values are those of the 100-column table (−1,9 điểm %, 289 / 332).
   */
  @Test
  void theChangeGoesUnderItsRowWhenTheFractionAloneDoesNotMakeItFit() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "--compare",
            "previous",
            "-q",
            "--width",
            "80");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            """
              Tầng               2026-10    n  Mục tiêu    Trạng thái
              ───────────────────────────────────────────────────────
              Phòng được thay ga
              Tổng                 87,0%  332  ≥ 90,0%     vàng
                  Thay đổi: −1,9 điểm %; tử / mẫu: 289 / 332
            """)
        .contains(
            """
              Tổng        40.853.000 VND  180
                  Thay đổi: −14.048.000 VND (−25,6%); 13 dòng không có amount bị bỏ qua
            """);
    CliRunner.Result wide =
        run(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "--compare",
            "previous",
            "-q",
            "--width",
            "100");
    assertThat(wide.out()).doesNotContain("Thay đổi: ").contains("−1,9 điểm %");
  }

  /**
   * The hotel's quality summary at 80 columns: " blanked 1: sheets_changed: not a yes/no value
   * (true: có/x; false: không/(blank))" was 84 columns. By hand: 4 + "blanked 1:" 10 + 1 +
   * "sheets_changed:" 15 = 30, + " not a yes/no value" 19 = 49, + " (true: có/x; false:" 20 = 69; +
   * " không/(blank))" would make 84, so it goes under, two columns in from the line's indent: 6 +
   * 14 = 20. Without a width given (a pipe, a cron log: no --width, no COLUMNS) the line stays
   * whole.
   */
  @Test
  void qualityLinesWrapUnderTheirText() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "-q",
            "--width",
            "80");
    assertThat(r.err())
        .contains(
            "    blanked 1: sheets_changed: not a yes/no value (true: có/x; false:\n"
                + "      không/(blank))\n"
                + "      examples/hotel/room-checks.csv:312:Đã thay ga 'Có?'\n");
    assertThat(
            run(
                    "report",
                    "-c",
                    "kpi-definitions/hotel-housekeeping.yaml",
                    "--period",
                    "2026-10",
                    "-q")
                .err())
        .contains(
            "    blanked 1: sheets_changed: not a yes/no value (true: có/x; false: không/(blank))\n");
  }

  /**
   * lead-stages' funnel at 80 columns: the counts and rates with the owner cut (Chăm sóc…), then
   * the times to the next stage in a table of their own, every number of the 100-column table still
   * there. Widths by hand: indent 2 + Giai đoạn 15 ("Dùng thử 7 ngày") + phụ trách 10 + Số vào 6 +
   * → bước sau 10 + từ đầu phễu 11 + Rơi rụng 11 ("146 (33,3%)") + Mất 3, and 6 gaps of 2 = 2 + 66
   * + 12 = 80; the times: 2 + 15 + "sang bước sau (ngày)" 20 + "3,0 ngày" 8 + 2 gaps of 2 = 49. The
   * values are the 100-column golden's (lead-stages-2026-q3.txt).
   */
  @Test
  void aFunnelsTimesStandApartUnderItsCounts() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            "kpi-definitions/lead-stages.yaml",
            "--period",
            "2026-Q3",
            "-q",
            "--width",
            "80");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String whole =
        r.out()
            .substring(
                r.out().indexOf("Giai đoạn khách theo chiến dịch — 2026-Q3\n  Giai đoạn  "),
                r.out().indexOf("Giai đoạn khách theo chiến dịch — 2026-Q3 — Back"));
    assertThat(whole)
        .isEqualTo(
            """
            Giai đoạn khách theo chiến dịch — 2026-Q3
              Giai đoạn        phụ trách   Số vào  → bước sau  từ đầu phễu     Rơi rụng  Mất
              ──────────────────────────────────────────────────────────────────────────────
              Mới              Marketing      439       66,7%       100,0%  146 (33,3%)    0
              Có hứng thú      Telesales      293       54,6%        66,7%  133 (45,4%)   79
              Tiềm năng        Telesales      160       43,8%        36,4%   90 (56,3%)   48
              Dùng thử 7 ngày  Chăm sóc…       70       54,3%        15,9%   32 (45,7%)   17
              Mua hàng         Kinh doanh      38                     8,7%                 0
              Rơi rụng ở các bước của từng bộ phận: Telesales 223 · Marketing 146 · Chăm sóc
              khách hàng 32

              Giai đoạn        sang bước sau (ngày)       p90
              ───────────────────────────────────────────────
              Mới                          2,0 ngày  3,0 ngày
              Có hứng thú                  2,0 ngày  3,2 ngày
              Tiềm năng                    2,0 ngày  3,0 ngày
              Dùng thử 7 ngày              4,0 ngày  7,0 ngày

            """);
  }

  /**
   * b2b-sales at 80 columns: its money ratios' numerator / denominator ("42.086.000 / 140.644.000",
   * 25 columns) go into the row's notes, under the row, after "tử / mẫu:", and each KPI's label on
   * a line of its own. Widths by hand: indent 2 + Phân nhóm 14 ("Văn phòng phẩm") + 2026-10 15
   * ("315.000.000 VND") + n 2 + Mục tiêu 17 ("≥ 300.000.000 VND") + Trạng thái 10, and 4 gaps of 2
   * = 2 + 58 + 8 = 68 (121 with the column and the labels in line).
   */
  @Test
  void wideNumeratorsAndDenominatorsGoUnderTheirRows() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            "kpi-definitions/b2b-sales.yaml",
            "--period",
            "2026-10",
            "-q",
            "--width",
            "80");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            """
              Tỷ trọng doanh thu theo nhóm
              Tổng                     100,0%  20
                  tử / mẫu: 140.644.000 / 140.644.000
              Nhóm Đà Nẵng              29,9%   7
                  tử / mẫu: 42.086.000 / 140.644.000
            """)
        .contains(
            """
              Tổng                      62,5%   8  ≥ 60,0%            xanh
                  tử / mẫu: 5 / 8; 7 dòng không có closed_on không thuộc kỳ nào
            """)
        .contains("  " + "─".repeat(66) + "\n");
    // At 100 columns the column stays (the labels in line fit there).
    assertThat(
            run(
                    "report",
                    "-c",
                    "kpi-definitions/b2b-sales.yaml",
                    "--period",
                    "2026-10",
                    "-q",
                    "--width",
                    "100")
                .out())
        .contains("140.644.000 / 140.644.000")
        .doesNotContain("tử / mẫu:");
  }

  /**
   * At the width kpi takes when it does not know the terminal's (100), every bundled definition's
   * scorecard fits, sales-journey's funnel tables included: 101 columns before each stage's name
   * could go on a line of its own above its numbers (now its times stand apart instead).
   */
  @Test
  void everyBundledScorecardFitsAHundredColumns() {
    for (ShippedDefinitions.Shipped shipped : ShippedDefinitions.bundled()) {
      CliRunner.Result r =
          run(
              "report",
              "-c",
              shipped.config().toString(),
              "--period",
              shipped.period(),
              "-q",
              "--width",
              "100");
      assertThat(r.exitCode()).as(r.err()).isZero();
      List<String> wide =
          Arrays.stream(r.out().split("\n")).filter(l -> DisplayWidth.of(l) > 100).toList();
      assertThat(wide).as("%s: lines over 100 columns", shipped).isEmpty();
    }
  }

  /**
   * Issue 19's trends: with --periods 3 the scorecards were 119 to 155 columns wide even at 100.
   * Every bundled scorecard with a trend of 3 and of 6 periods fits 80 and 100 columns.
   */
  @Test
  void everyBundledTrendFitsEightyAndAHundredColumns() {
    for (ShippedDefinitions.Shipped shipped : ShippedDefinitions.bundled())
      for (String periods : List.of("3", "6"))
        for (int width : new int[] {80, 100}) {
          CliRunner.Result r =
              run(
                  "report",
                  "-c",
                  shipped.config().toString(),
                  "--period",
                  shipped.period(),
                  "--periods",
                  periods,
                  "-q",
                  "--width",
                  String.valueOf(width));
          assertThat(r.exitCode()).as(r.err()).isZero();
          List<String> wide =
              Arrays.stream(r.out().split("\n")).filter(l -> DisplayWidth.of(l) > width).toList();
          assertThat(wide)
              .as("%s --periods %s: lines over %d columns", shipped, periods, width)
              .isEmpty();
        }
  }

  /**
   * hotel with --periods 6 at 80 columns: the periods before the last two go into the row's notes,
   * the oldest first, each named by its period, after the numerator / denominator went there. By
   * hand, the KPI label on its own line: indent 2 + Tầng 10 ("Điện thoại") + each period 14
   * ("40.853.000 VND") + n 3 + Mục tiêu 10 + Trạng thái 10, with a gap of 2 before each column but
   * the first: two periods 2 + 10 + 16 + 16 + 5 + 12 + 12 = 73 columns (the rule 71 after the
   * indent); a third period would make 89 &gt; 80, so 2026-05 … 2026-08 go under the row. The
   * values are those of the wide table: 2026-05 … 2026-08 "–" (no checks yet), 88,9% and 87,0%. A
   * row with no value in a folded period (floor 1: blank cells) names none.
   */
  @Test
  void aTrendsEarlierPeriodsGoUnderTheRowWhenTheTableIsTooWide() {
    CliRunner.Result r =
        run(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "--periods",
            "6",
            "-q",
            "--width",
            "80");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            """
              Tầng               2026-09         2026-10    n  Mục tiêu    Trạng thái
              ───────────────────────────────────────────────────────────────────────
              Phòng được thay ga
              Tổng                 88,9%           87,0%  332  ≥ 90,0%     vàng
                  2026-05: –; 2026-06: –; 2026-07: –; 2026-08: –; tử / mẫu: 289 / 332
              1                    91,4%           88,4%   69  ≥ 90,0%     vàng
                  tử / mẫu: 61 / 69
            """);
    CliRunner.Result wide =
        run(
            "report",
            "-c",
            "kpi-definitions/hotel-housekeeping.yaml",
            "--period",
            "2026-10",
            "--periods",
            "6",
            "-q",
            "--width",
            "0");
    assertThat(wide.out()).doesNotContain("2026-05: ").contains("2026-05");
  }

  /**
   * The summary's status line names the period in the definition's language: a run without {@code
   * --period} over all the data said "all" in a Vietnamese scorecard.
   */
  @Test
  void theStatusLineNamesAllTimeInTheDefinitionsLanguage() {
    CliRunner.Result r = run("report", "-c", "kpi-definitions/retention.yaml", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Trạng thái các chỉ số chính, toàn bộ:").doesNotContain(", all:");
  }
}
