package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.types.KpiKinds;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multi-export example (issue 16): kpi-definitions/b2b-sales.yaml over examples/b2b-sales, as
 * scripts/GenerateB2bExamples.java writes it. Every KPI of 2026-10 is worked out below by hand from
 * the exported rows, with the rows that count; the program's output was not consulted.
 *
 * <p><b>Deals</b> (co-hoi.csv, 51 stage changes of 20 deals). {@code distinct: keep: last by
 * updated_at} leaves each deal's latest change; the join to khach-hang.csv adds its sector and
 * region (KH015 is not in the accounts export: blank; {@code kh004} finds KH004 without case):
 *
 * <pre>
 * deal   account  sector    region      latest stage  value (M)  created  expected  closed
 * CH001  KH001    Giáo dục  Miền Bắc    Thắng         72         04/08    15/10     08/10
 * CH002  KH002    Y tế      Miền Bắc    Thua          50         10/08    30/09     02/10
 * CH003  kh004    Bán lẻ    Miền Bắc    Thắng         28         03/08    15/09     11/09
 * CH004  KH003    Sản xuất  Miền Bắc    Thắng         42         01/09    30/09     06/10
 * CH005  KH003    Sản xuất  Miền Bắc    Đàm phán      85         15/09    30/11     -
 * CH006  KH004    Bán lẻ    Miền Bắc    Tiềm năng     28         05/10    15/12     -
 * CH007  KH005    Giáo dục  Miền Trung  Thắng         108        18/08    31/10     21/10
 * CH008  KH006    Dịch vụ   Miền Trung  Thắng         50         20/08    30/09     24/09
 * CH009  KH006    Dịch vụ   Miền Trung  Thua          40         24/08    15/09     18/09
 * CH010  KH007    Y tế      Miền Trung  Thắng         60         07/09    20/10     15/10
 * CH011  KH008    Sản xuất  Miền Trung  Thua          25         15/09    31/10     19/10
 * CH012  KH008    Sản xuất  Miền Trung  Đàm phán      65         28/08    30/09     -   (Thua 05/10, reopened 20/10)
 * CH013  KH009    Sản xuất  Miền Nam    Thắng         33         22/09    25/10     29/10
 * CH014  KH010    Giáo dục  Miền Nam    Thắng         22         26/08    30/09     16/09
 * CH015  KH011    Bán lẻ    Miền Nam    Thua          15         01/09    30/09     29/09
 * CH016  KH012    Y tế      Miền Nam    Thua          18         28/09    30/11     31/10
 * CH017  KH015    (blank)   (blank)     Báo giá       40         12/10    31/12     -
 * CH018  KH009    Sản xuất  Miền Nam    Tiềm năng     24         14/10    30/11     -
 * CH019  KH011    Bán lẻ    Miền Nam    Báo giá       16         20/10    15/12     -
 * CH020  KH012    Y tế      Miền Nam    Tiềm năng     12         23/10    31/12     -
 * </pre>
 *
 * Closed in October: won CH001, CH004, CH007, CH010, CH013; lost CH002, CH011, CH016. CH012's Thua
 * row of 05/10 is not its latest state, so it is not lost.
 *
 * <p><b>Order lines</b> (ban-hang.xlsx, sheet "Chi tiết bán hàng"), October, with the unit price
 * and group from the sheet "Bảng giá" and the team from nhan-su.csv (NV01, NV02 Nhóm Hà Nội; NV03,
 * NV04 Nhóm Đà Nẵng; NV05, NV06 Nhóm TP.HCM). revenue = quantity × unit price × (1 − discount), a
 * blank discount counting as 0:
 *
 * <pre>
 * #    invoice  product       qty  price      disc  revenue     rep   paid   group           note
 * L1   HD1001   GIAY-A4       20   420.000    5%    7.980.000   NV01  Có     Văn phòng phẩm
 * L2   HD1001   BUT-BI        10   60.000     -     600.000     NV01  Có     Văn phòng phẩm
 * L3   HD1002   MAYIN-M211    2    3.900.000  0     7.800.000   NV03  Có     Thiết bị
 * L4   HD1002   MUC-HP107     4    1.150.000  0     4.600.000   NV03  Có     Vật tư in
 * L5   HD1003   GHE-XOAY      6    1.350.000  10%   7.290.000   NV05  Không  Nội thất        KM tháng 10
 * L6   HD1004   GIAY-A3       5    650.000    -     3.250.000   NV02  Có     Văn phòng phẩm
 * L7   HD1004   MUC-CN325     3    980.000    "5%"  2.793.000   NV02  Có     Vật tư in       (5% typed as text)
 * L8   HD1005   MAYCHIEU-X06  1    12.500.000 0     12.500.000  NV04  Có     Thiết bị        Lắp đặt tại hội trường
 * L9   CN1001   GIAY-A4       2    420.000    5%    798.000     NV01  Có     Văn phòng phẩm  Trả hàng: giấy bị ẩm
 * L10  HD1006   GIAY-A4       50   420.000    10%   18.900.000  NV06  Không  Văn phòng phẩm  Khuyến mãi khách hàng mới
 * L11  HD1006   BUT-BI        30   60.000     10%   1.620.000   NV06  Không  Văn phòng phẩm  Khuyến mãi khách hàng mới
 * L12  HD1007   GHE-LUOI      4    (none)     -     (blank)     NV03  Có     (blank)         not on the price list
 * L13  HD1007   GHE-XOAY      2    1.350.000  -     2.700.000   NV03  Có     Nội thất
 * L14  HD1008   MUC-HP107     10   1.150.000  5%    10.925.000  NV05  Có     Vật tư in
 * L15  HD1009   MAYIN-M211    1    3.900.000  -     3.900.000   NV02  Không  Thiết bị
 * L16  HD1009   GIAY-A4       10   420.000    -     4.200.000   NV02  Không  Văn phòng phẩm
 * L17  CN1002   MUC-CN325     1    980.000    0     980.000     NV04  Có     Vật tư in       Trả hàng: hộp mực lỗi
 * L18  HD1010   MUC-CN325     6    980.000    5%    5.586.000   NV04  Có     Vật tư in
 * L19  HD1010   GIAY-A3       4    650.000    0     2.600.000   NV04  Có     Văn phòng phẩm  Khách mua thêm
 * L20  HD1011   MAYCHIEU-X06  2    12.500.000 5%    23.750.000  NV06  Không  Thiết bị        KM: tặng kèm màn chiếu
 * L21  HD1012   GHE-XOAY      10   1.350.000  10%   12.150.000  NV01  Có     Nội thất
 * L22  HD1012   BUT-BI        20   60.000     -     1.200.000   NV01  Có     Văn phòng phẩm
 * L23  HD1013   giay-a4       15   420.000    0     6.300.000   NV03  Không  Văn phòng phẩm  (lower case: still GIAY-A4)
 * </pre>
 *
 * Sales lines are those whose invoice does not start with C: all but L9 and L17 (21 lines).
 */
class B2bSalesExampleTest {
  static final Path DEFINITION = Path.of("kpi-definitions/b2b-sales.yaml");
  static final List<String> DEAL_KPIS =
      List.of("won_deals", "won_value", "win_rate", "on_time", "cycle", "open_pipeline");
  static final List<String> LINE_KPIS =
      List.of(
          "revenue",
          "revenue_by_team",
          "revenue_by_group",
          "invoices",
          "promo_lines",
          "unpaid",
          "returns",
          "credit_notes");
  static final List<String> FORMULA_KPIS =
      List.of("revenue_share", "return_rate", "revenue_per_won_deal");

  static Scorecard october;

  @BeforeAll
  static void run() {
    october =
        KpiEngine.run(
            KpiKinds.load(List.of(DEFINITION)),
            new RunRequest(
                List.of(Period.parse("2026-10")),
                Map.of(),
                List.of(),
                RunRequest.Compare.PREVIOUS));
  }

  /**
   * won_deals: CH001, CH004, CH007, CH010, CH013 = 5.
   *
   * <p>won_value: 72 + 42 + 108 + 60 + 33 = 315 M ≥ 300 M: green.
   *
   * <p>win_rate, won ÷ (won + lost) closed in October, by region: Miền Bắc won CH001, CH004, lost
   * CH002 → 2/3; Miền Trung won CH007, CH010, lost CH011 → 2/3; Miền Nam won CH013, lost CH016 →
   * 1/2; total 5/8 = 62.5 % ≥ 60 %: green; 1/2 = 50 % is below 60 % but not below 50 %: amber.
   *
   * <p>on_time, won deals closed on or before their expected close date: CH001 08/10 ≤ 15/10 yes,
   * CH004 06/10 ≤ 30/09 no, CH007 21/10 ≤ 31/10 yes, CH010 15/10 ≤ 20/10 yes, CH013 29/10 ≤ 25/10
   * no → 3/5 = 60 %, below the amber threshold 70 %: red.
   *
   * <p>cycle, days_between(created, closed) of the won deals: CH001 04/08 → 08/10 = 27 + 30 + 8 =
   * 65; CH004 01/09 → 06/10 = 29 + 6 = 35; CH007 18/08 → 21/10 = 13 + 30 + 21 = 64; CH010 07/09 →
   * 15/10 = 23 + 15 = 38; CH013 22/09 → 29/10 = 8 + 29 = 37; mean 239 / 5 = 47.8 days: above 45,
   * not above 60: amber. By the account's sector: Giáo dục CH001 (KH001) 65 and CH007 (KH005) 64 →
   * 64.5, above 60: red; Sản xuất CH004 (KH003) 35 and CH013 (KH009) 37 → 36: green; Y tế CH010
   * (KH007) 38: green.
   *
   * <p>open_pipeline (time: none: the deals whose latest stage is neither Thắng nor Thua, at the
   * export's end), by region: Miền Bắc CH005 85 + CH006 28 = 113 M; Miền Trung CH012 65 M
   * (reopened); Miền Nam CH018 24 + CH019 16 + CH020 12 = 52 M; (blank) CH017 40 M; total 270 M
   * over 7 deals.
   */
  @Test
  void dealsAreCountedAtTheirLatestStageWithTheAccountsRegionAndSector() {
    assertThat(values(DEAL_KPIS))
        .containsExactlyInAnyOrder(
            "won_deals/=5",
            "won_value/=315000000",
            "win_rate/Miền Bắc=2/3",
            "win_rate/Miền Trung=2/3",
            "win_rate/Miền Nam=1/2",
            "win_rate/(total)=5/8",
            "on_time/=3/5",
            "cycle/Giáo dục=64.5",
            "cycle/Sản xuất=36",
            "cycle/Y tế=38",
            "cycle/(total)=47.8",
            "open_pipeline/Miền Bắc=113000000",
            "open_pipeline/Miền Trung=65000000",
            "open_pipeline/Miền Nam=52000000",
            "open_pipeline/(blank)=40000000",
            "open_pipeline/(total)=270000000");
    assertThat(row("win_rate", "(total)").value()).isEqualTo(0.625);
    assertThat(row("on_time", "").value()).isEqualTo(0.6);
    assertThat(row("open_pipeline", "(total)").n()).isEqualTo(7);
    assertThat(statuses(DEAL_KPIS))
        .containsExactly(
            Map.entry("won_value/", Status.GREEN),
            Map.entry("win_rate/Miền Bắc", Status.GREEN),
            Map.entry("win_rate/Miền Nam", Status.AMBER),
            Map.entry("win_rate/Miền Trung", Status.GREEN),
            Map.entry("win_rate/(total)", Status.GREEN),
            Map.entry("on_time/", Status.RED),
            Map.entry("cycle/Giáo dục", Status.RED),
            Map.entry("cycle/Sản xuất", Status.GREEN),
            Map.entry("cycle/Y tế", Status.GREEN),
            Map.entry("cycle/(total)", Status.AMBER));
  }

  /**
   * revenue (sales lines; L12 has no price, so no revenue, and is left out with a note): L1
   * 7.980.000 + L2 600.000 + L3 7.800.000 + L4 4.600.000 + L5 7.290.000 + L6 3.250.000 + L7
   * 2.793.000 + L8 12.500.000 + L10 18.900.000 + L11 1.620.000 + L13 2.700.000 + L14 10.925.000 +
   * L15 3.900.000 + L16 4.200.000 + L18 5.586.000 + L19 2.600.000 + L20 23.750.000 + L21 12.150.000
   * + L22 1.200.000 + L23 6.300.000 = 140.644.000 over 20 lines; below 150 M, not below 120 M:
   * amber.
   *
   * <p>by team: Hà Nội (NV01 L1, L2, L21, L22; NV02 L6, L7, L15, L16) 7.980.000 + 600.000 +
   * 12.150.000 + 1.200.000 + 3.250.000 + 2.793.000 + 3.900.000 + 4.200.000 = 36.073.000 (8 lines);
   * Đà Nẵng (NV03 L3, L4, L13, L23, and L12 without revenue; NV04 L8, L18, L19) 7.800.000 +
   * 4.600.000 + 2.700.000 + 6.300.000 + 12.500.000 + 5.586.000 + 2.600.000 = 42.086.000 (7 lines);
   * TP.HCM (NV05 L5, L14; NV06 L10, L11, L20) 7.290.000 + 10.925.000 + 18.900.000 + 1.620.000 +
   * 23.750.000 = 62.485.000 (5 lines). 36.073.000 + 42.086.000 + 62.485.000 = 140.644.000.
   *
   * <p>by product group: Văn phòng phẩm L1, L2, L6, L10, L11, L16, L19, L22, L23 = 7.980.000 +
   * 600.000 + 3.250.000 + 18.900.000 + 1.620.000 + 4.200.000 + 2.600.000 + 1.200.000 + 6.300.000 =
   * 46.650.000; Vật tư in L4, L7, L14, L18 = 4.600.000 + 2.793.000 + 10.925.000 + 5.586.000 =
   * 23.904.000; Thiết bị L3, L8, L15, L20 = 7.800.000 + 12.500.000 + 3.900.000 + 23.750.000 =
   * 47.950.000; Nội thất L5, L13, L21 = 7.290.000 + 2.700.000 + 12.150.000 = 22.140.000; (blank)
   * L12 alone, no value to add: no value (not 0).
   *
   * <p>invoices: HD1001 … HD1013 = 13 distinct numbers over 21 lines. promo_lines, notes matching
   * "khuyến mãi" or the word KM: L5 "KM tháng 10", L10, L11 "Khuyến mãi khách hàng mới", L20 "KM:
   * tặng kèm…" = 4 (L19 "Khách mua thêm" is not KM). unpaid (Không): L5 7.290.000 + L10 18.900.000
   * + L11 1.620.000 + L15 3.900.000 + L16 4.200.000 + L20 23.750.000 + L23 6.300.000 = 65.960.000.
   * returns (credit notes): L9 2 × 420.000 × 0.95 = 798.000 + L17 980.000 = 1.778.000 ≤ 2 M: green;
   * credit_notes: CN1001, CN1002 = 2.
   */
  @Test
  void orderLinesArePricedFromTheOtherSheetAndCreditNotesKeptApart() {
    assertThat(values(LINE_KPIS))
        .containsExactlyInAnyOrder(
            "revenue/=140644000",
            "revenue_by_team/Nhóm Hà Nội=36073000",
            "revenue_by_team/Nhóm Đà Nẵng=42086000",
            "revenue_by_team/Nhóm TP.HCM=62485000",
            "revenue_by_team/(total)=140644000",
            "revenue_by_group/Văn phòng phẩm=46650000",
            "revenue_by_group/Vật tư in=23904000",
            "revenue_by_group/Thiết bị=47950000",
            "revenue_by_group/Nội thất=22140000",
            "revenue_by_group/(blank)=null",
            "revenue_by_group/(total)=140644000",
            "invoices/=13",
            "promo_lines/=4",
            "unpaid/=65960000",
            "returns/=1778000",
            "credit_notes/=2");
    assertThat(row("revenue", "").n()).isEqualTo(20);
    assertThat(row("revenue", "").note()).isEqualTo("1 rows without revenue skipped");
    assertThat(row("revenue_by_team", "Nhóm Hà Nội").n()).isEqualTo(8);
    assertThat(row("revenue_by_team", "Nhóm Đà Nẵng").n()).isEqualTo(7);
    assertThat(row("revenue_by_team", "Nhóm TP.HCM").n()).isEqualTo(5);
    assertThat(row("invoices", "").n()).isEqualTo(21);
    assertThat(statuses(LINE_KPIS))
        .containsExactly(Map.entry("revenue/", Status.AMBER), Map.entry("returns/", Status.GREEN));
  }

  /**
   * September, the period each October value is compared with. Sales lines of September (HD0901 …
   * HD0912, 17 lines): 4.200.000 + 5.750.000 + 600.000 + 3 × 3.900.000 × 0.95 = 11.115.000 +
   * 5.400.000 + 1.300.000 + 30 × 420.000 × 0.9 = 11.340.000 + 12.500.000 × 0.95 = 11.875.000 +
   * 4.900.000 + 1.200.000 + 5.040.000 + 3 × 650.000 × 0.95 = 1.852.500 + 8 × 1.350.000 × 0.9 =
   * 9.720.000 + 3.450.000 + 3.360.000 + 300.000 + 1.960.000 = 83.362.500. The credit note CN0901 (1
   * × 3.900.000 × 0.95 = 3.705.000) is September's returns. Deals closed in September: won CH003
   * 28, CH008 50, CH014 22 = 100 M; lost CH009, CH015 → win rate 3/5 = 0.6; every won deal on time
   * (11/09 ≤ 15/09, 24/09 ≤ 30/09, 16/09 ≤ 30/09) → 1. open_pipeline reads every row whatever the
   * period (time: none), so September's is October's 270 M, and its row, in no period, is neither
   * complete nor incomplete (comparing such a row once stopped the run: issue 16's example found
   * it).
   */
  @Test
  void septemberIsTheComparison() {
    assertThat(row("revenue", "").previous()).isEqualTo(83_362_500.0);
    assertThat(row("returns", "").previous()).isEqualTo(3_705_000.0);
    assertThat(row("won_value", "").previous()).isEqualTo(100_000_000.0);
    assertThat(row("win_rate", "(total)").previous()).isEqualTo(0.6);
    assertThat(row("on_time", "").previous()).isEqualTo(1.0);
    assertThat(row("open_pipeline", "(total)").previous()).isEqualTo(270_000_000.0);
    assertThat(row("open_pipeline", "(total)").delta()).isEqualTo(0.0);
    assertThat(row("open_pipeline", "(total)").complete()).isNull();
  }

  /**
   * KPIs from KPIs, each the formula over the other KPIs' October values (checked above):
   *
   * <p>revenue_share = revenue_by_team / revenue, the whole revenue (no breakdown) given to each
   * team: Hà Nội 36.073.000 / 140.644.000 = 0.256484 (140.644 × 0.25 = 35.161; 0.912 / 140.644 =
   * 0.006484); Đà Nẵng 42.086.000 / 140.644.000 = 0.299238 (140.644 × 0.3 = 42.1932; −0.1072 /
   * 140.644 = −0.000762); TP.HCM 62.485.000 / 140.644.000 = 0.444278 (140.644 × 0.44 = 61.88336;
   * 0.60164 / 140.644 = 0.004278); the three sum to 1.000000; the total row is the formula over the
   * totals, 140.644.000 / 140.644.000 = 1.
   *
   * <p>return_rate = returns / revenue = 1.778.000 / 140.644.000 = 0.012642 (140.644 × 0.0126 =
   * 1.77211; 0.00589 / 140.644 = 0.0000419), at or below 2 %: green. September: 3.705.000 /
   * 83.362.500 = 2 / 45 = 0.044444.
   *
   * <p>revenue_per_won_deal = revenue / won_deals, two sources: 140.644.000 / 5 = 28.128.800 VND;
   * September 83.362.500 / 3 = 27.787.500; delta +341.300, relative 341.300 / 27.787.500 =
   * 0.012283.
   */
  @Test
  void formulaKpisAreTheirOperandsValuesCombined() {
    assertThat(values(FORMULA_KPIS))
        .containsExactlyInAnyOrder(
            "revenue_share/Nhóm Hà Nội=36073000/140644000",
            "revenue_share/Nhóm Đà Nẵng=42086000/140644000",
            "revenue_share/Nhóm TP.HCM=62485000/140644000",
            "revenue_share/(total)=140644000/140644000",
            "return_rate/=1778000/140644000",
            "revenue_per_won_deal/=140644000/5");
    assertThat(row("revenue_share", "Nhóm Hà Nội").value())
        .isCloseTo(0.256484, org.assertj.core.api.Assertions.within(5e-7));
    assertThat(row("revenue_share", "Nhóm Đà Nẵng").value())
        .isCloseTo(0.299238, org.assertj.core.api.Assertions.within(5e-7));
    assertThat(row("revenue_share", "Nhóm TP.HCM").value())
        .isCloseTo(0.444278, org.assertj.core.api.Assertions.within(5e-7));
    assertThat(row("revenue_share", "(total)").value()).isEqualTo(1.0);
    assertThat(row("return_rate", "").value())
        .isCloseTo(0.012642, org.assertj.core.api.Assertions.within(5e-7));
    assertThat(row("return_rate", "").status()).isEqualTo(Status.GREEN);
    assertThat(row("return_rate", "").previous())
        .isCloseTo(2.0 / 45, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(row("revenue_per_won_deal", "").value()).isEqualTo(28_128_800.0);
    assertThat(row("revenue_per_won_deal", "").previous()).isEqualTo(27_787_500.0);
    assertThat(row("revenue_per_won_deal", "").delta()).isEqualTo(341_300.0);
    assertThat(row("revenue_per_won_deal", "").deltaRelative())
        .isCloseTo(0.012283, org.assertj.core.api.Assertions.within(5e-7));
  }

  /**
   * Each KPI of the definition is checked above, and the joins and the distinct say what they did:
   * 51 − 20 = 31 stage changes dropped, KH015 and GHE-LUOI not found (kept, their joined columns
   * blank).
   */
  @Test
  void everyKpiIsCheckedAndTheQualityReportNamesWhatTheJoinsMissed() {
    assertThat(october.rows().stream().map(ResultRow::kpi).distinct())
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.of(DEAL_KPIS, LINE_KPIS, FORMULA_KPIS)
                .flatMap(List::stream)
                .toList());
    QualityReport deals = quality("deals");
    assertThat(deals.rowsRead()).isEqualTo(51);
    assertThat(deals.rowsUsed()).isEqualTo(20);
    assertThat(deals.rowsDropped()).isEqualTo(31);
    assertThat(unmatched(deals)).containsExactly("KH015");
    QualityReport lines = quality("lines");
    assertThat(lines.rowsRead()).isEqualTo(41);
    assertThat(lines.rowsUsed()).isEqualTo(41);
    assertThat(unmatched(lines)).containsExactly("GHE-LUOI");
  }

  private static List<String> unmatched(QualityReport q) {
    return q.blanked().values().stream()
        .flatMap(t -> t.examples().stream())
        .map(QualityReport.Problem::value)
        .toList();
  }

  private static QualityReport quality(String source) {
    return october.quality().stream()
        .filter(q -> q.source().equals(source))
        .findFirst()
        .orElseThrow();
  }

  /** "kpi/group=value", a ratio as numerator/denominator, numbers without trailing zeros. */
  private static List<String> values(List<String> kpis) {
    return october.rows().stream()
        .filter(r -> kpis.contains(r.kpi()))
        .map(
            r ->
                r.kpi()
                    + "/"
                    + String.join("/", r.dims().values())
                    + "="
                    + (r.denominator() != null
                        ? plain(r.numerator()) + "/" + plain(r.denominator())
                        : plain(r.value())))
        .toList();
  }

  private static Map<String, Status> statuses(List<String> kpis) {
    return october.rows().stream()
        .filter(r -> kpis.contains(r.kpi()) && r.status() != null)
        .collect(
            Collectors.toMap(
                r -> r.kpi() + "/" + String.join("/", r.dims().values()),
                ResultRow::status,
                (a, b) -> a,
                LinkedHashMap::new));
  }

  private static ResultRow row(String kpi, String group) {
    return october.rows().stream()
        .filter(r -> r.kpi().equals(kpi) && String.join("/", r.dims().values()).equals(group))
        .findFirst()
        .orElseThrow();
  }

  private static String plain(Double v) {
    return v == null ? "null" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
