package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook opened back with POI: statuses coloured, numbers stored as numbers with formats,
 * header frozen.
 */
class XlsxRendererTest {
  @TempDir Path dir;

  @Test
  void workbookHasTheScorecardAndTypedData() throws Exception {
    Path f = dir.resolve("s.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "-o",
                f.toString()))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Scorecard");
      Sheet score = wb.getSheet("Scorecard");
      assertThat(score.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Khách sạn — touchpoint scorecard — 2026-10");
      Cell red = find(score, "đỏ"); // the hotel definition is in Vietnamese (locale: vi)
      assertThat(red).isNotNull();
      assertThat(red.getCellStyle().getFillForegroundColor())
          .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.CORAL.getIndex());

      Sheet data = wb.getSheet("Data");
      assertThat(data.getPaneInformation().isFreezePane()).isTrue();
      Row header = data.getRow(0);
      int value = -1;
      for (Cell c : header) if (c.getStringCellValue().equals("value")) value = c.getColumnIndex();
      // First data row: sheets_changed_rate for floor 1, 61 / 69 = 0.884058, stored as a number
      // shown as a percent.
      Cell v = data.getRow(1).getCell(value);
      assertThat(v.getNumericCellValue())
          .isEqualTo(61.0 / 69, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(v.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    }
  }

  @Test
  void theScorecardSheetHoldsNumbersInTheirUnitsFormat() throws Exception {
    Path f = dir.resolve("s.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "-o",
                f.toString()))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      Sheet score = wb.getSheet("Scorecard");
      // The sheets-changed row of floor 1 (as in the Data sheet: 61 of 69 beds): the period's value
      // is the number 61 / 69 shown as a percent, n the whole number 69.
      Row floor1 = null;
      for (Row r : score) {
        Cell b = r.getCell(1);
        if (b != null
            && b.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            && b.getStringCellValue().equals("1")) {
          floor1 = r;
          break;
        }
      }
      assertThat(floor1).isNotNull();
      Cell value = floor1.getCell(2);
      assertThat(value.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(value.getNumericCellValue())
          .isEqualTo(61.0 / 69, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(value.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      Cell n = floor1.getCell(3);
      assertThat(n.getNumericCellValue()).isEqualTo(69.0);
      assertThat(n.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      // The KPI and breakdown columns stay in view.
      assertThat(score.getPaneInformation().isFreezePane()).isTrue();
      assertThat(score.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
      // And the header (issue 19): rows 0 the title, 1 blank, 2 the first section's title
      // ("Lưu trú › Dọn phòng …"), 3 its header (Chỉ số, Tầng, 2026-10, n …), so the split is at
      // row 4, the first KPI row the first to scroll.
      assertThat(score.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
      assertThat(score.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 4);
      assertThat(score.getRow(3).getCell(2).getStringCellValue()).isEqualTo("2026-10");
      assertThat(score.getRow(2).getCell(0).getStringCellValue()).startsWith("Lưu trú › Dọn phòng");
      // In the Data sheet, complete is a boolean cell: October is over and the checks reach its
      // end.
      Sheet data = wb.getSheet("Data");
      int complete = -1;
      for (Cell c : data.getRow(0))
        if (c.getStringCellValue().equals("complete")) complete = c.getColumnIndex();
      assertThat(data.getRow(1).getCell(complete).getCellType())
          .isEqualTo(org.apache.poi.ss.usermodel.CellType.BOOLEAN);
      assertThat(data.getRow(1).getCell(complete).getBooleanCellValue()).isTrue();
    }
  }

  @Test
  void intervalsReachTheWorkbookAndWholeNumbersHaveNoTrailingPoint() throws Exception {
    Path f = dir.resolve("c.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "--confidence",
                "95",
                "-o",
                f.toString()))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      Sheet data = wb.getSheet("Data");
      int low = -1;
      int n = -1;
      for (Cell c : data.getRow(0)) {
        if (c.getStringCellValue().equals("ci_low")) low = c.getColumnIndex();
        if (c.getStringCellValue().equals("n")) n = c.getColumnIndex();
      }
      // Floor 1's 61 of 69: Wilson at 95 %, p = 0.884058, z = 1.959964, z² = 3.841459;
      // centre (61 + 1.920729) / 72.841459 = 0.863804, half-width 1.959964 × sqrt(61 × 8 / 69 +
      // 0.960365) / 72.841459 = 1.959964 × 2.834223 / 72.841459 = 0.076261 → low 0.787543,
      // high 0.940065.
      assertThat(data.getRow(1).getCell(low).getNumericCellValue())
          .isCloseTo(0.787543, org.assertj.core.api.Assertions.within(2e-6));
      // n = 69 is a whole number: "#,##0", not "#,##0.##" (Excel would show "69.").
      assertThat(data.getRow(1).getCell(n).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      // In the Scorecard sheet, a share with its interval stays the text that shows both, and the
      // interval's level (KTC: khoảng tin cậy, the sheet being in the definition's Vietnamese).
      Cell shown = find(wb.getSheet("Scorecard"), "88,4% (KTC 95\u00a0% 78,8–94,0%)");
      assertThat(shown).isNotNull();
    }
  }

  @Test
  void unitsAreWrittenAfterTheNumberAsTheTerminalWritesThem() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XlsxRenderer.Styles st = new XlsxRenderer.Styles(wb);
      assertThat(st.shown("VND").getDataFormatString()).isEqualTo("#,##0\" VND\"");
      assertThat(st.shown("minutes").getDataFormatString()).isEqualTo("0.0\" min\"");
      assertThat(st.shown("hours").getDataFormatString()).isEqualTo("0.0\" h\"");
      assertThat(st.shown("%").getDataFormatString()).isEqualTo("0.0%");
      assertThat(st.shown("").getDataFormatString()).isEqualTo("#,##0.##");
      assertThat(st.shown("beds").getDataFormatString()).isEqualTo("#,##0.##\" beds\"");
    }
  }

  @Test
  void trendSheetHasAColumnPerPeriod() throws Exception {
    Path f = dir.resolve("t.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "--periods",
                "2",
                "--kpi",
                "checkouts",
                "-o",
                f.toString()))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      Sheet t = wb.getSheet("Trend");
      assertThat(t.getRow(0).getCell(3).getStringCellValue()).isEqualTo("2026-09");
      assertThat(t.getRow(0).getCell(4).getStringCellValue()).isEqualTo("2026-10");
      // Checkouts per month in the example export, counted with Python's csv module: 161 in
      // September, 169 in October.
      assertThat(t.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(161.0);
      assertThat(t.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(169.0);
    }
  }

  @Test
  void noTimestampGivesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.xlsx");
    Path b = dir.resolve("b.xlsx");
    String[] base = {
      "report",
      "-c",
      "kpi-definitions/hotel-housekeeping.yaml",
      "--period",
      "2026-10",
      "--no-timestamp",
      "-o"
    };
    assertThat(CliHarness.exit(concat(base, a.toString()))).isZero();
    Thread.sleep(1100); // a different second, which POI would otherwise stamp
    assertThat(CliHarness.exit(concat(base, b.toString()))).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(a))) {
      assertThat(wb.getSheet("Data").getLastRowNum()).isPositive();
    }
  }

  /**
   * Funnels and cohorts get sheets of numbers: the sales funnel's stages with entered counts equal
   * to the tidy rows (185 leads in Q3 at the first stage, 34 won — the golden CSV's numbers), and
   * the retention cohorts as percentages.
   */
  @Test
  void funnelAndCohortSheetsHoldNumbers() throws Exception {
    Path f = dir.resolve("sales.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/sales-journey.yaml",
                "--period",
                "2026-Q3",
                "-o",
                f.toString(),
                "-q"))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      Sheet s = wb.getSheet("Funnel sales_funnel");
      assertThat(s).isNotNull();
      assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("entered");
      assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Lead marketing");
      assertThat(s.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(185.0);
      assertThat(s.getRow(8).getCell(0).getStringCellValue()).isEqualTo("Chốt đơn");
      assertThat(s.getRow(8).getCell(2).getNumericCellValue()).isEqualTo(34.0);
      assertThat(s.getRow(2).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      // A sheet per journey stage, its statuses coloured: "Tiếp cận" holds the contact and response
      // rates.
      Sheet stage = wb.getSheet("Tiếp cận");
      assertThat(stage).isNotNull();
      assertThat(stage.getRow(0).getCell(12).getStringCellValue()).isEqualTo("status");
      assertThat(stage.getRow(1).getCell(0).getStringCellValue()).isEqualTo("contact_rate");
      assertThat(stage.getRow(1).getCell(6).getNumericCellValue())
          .isCloseTo(150.0 / 171, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(stage.getRow(1).getCell(12).getStringCellValue()).isEqualTo("green");
      assertThat(stage.getRow(1).getCell(12).getCellStyle().getFillForegroundColor())
          .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_GREEN.getIndex());
    }
    Path r = dir.resolve("retention.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/retention.yaml",
                "--period",
                "2026-10",
                "-o",
                r.toString(),
                "-q"))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(r))) {
      Sheet s = wb.getSheet("Cohorts cohorts");
      assertThat(s.getRow(0).getCell(2).getStringCellValue()).isEqualTo("+0");
      assertThat(s.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1.0);
      assertThat(s.getRow(1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    }
  }

  /**
   * Issue 19's "counts use an integer format" on the stage and cohort sheets too (they were in the
   * General format): sales-journey's contact rate is 150 of 171 (the rate 150 / 171 above), so its
   * row on the "Tiếp cận" sheet holds n 171, numerator 150 and denominator 171 as #,##0;
   * retention's cohort of 2025-11 has 14 customers (the terminal's triangle says 14).
   */
  @Test
  void countsOfTheStageAndCohortSheetsHaveTheIntegerFormat() throws Exception {
    Path f = dir.resolve("counts.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/sales-journey.yaml",
                "--period",
                "2026-Q3",
                "-o",
                f.toString(),
                "-q"))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      var row = wb.getSheet("Tiếp cận").getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("contact_rate");
      for (int[] cell : new int[][] {{8, 171}, {9, 150}, {10, 171}}) {
        assertThat(row.getCell(cell[0]).getNumericCellValue()).isEqualTo(cell[1]);
        assertThat(row.getCell(cell[0]).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      }
    }
    Path r = dir.resolve("cohort-sizes.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/retention.yaml",
                "--period",
                "2026-10",
                "-o",
                r.toString(),
                "-q"))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(r))) {
      var row = wb.getSheet("Cohorts cohorts").getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("2025-11");
      assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(14.0);
      assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
    }
  }

  /**
   * With several periods, a Charts sheet holds a native line chart per Trend row whose series point
   * at that row's cells. Worked by hand: the Trend sheet has kpi, label, unit in columns A–C, then
   * one column per period, so 3 periods are D–F; checkouts is the only KPI (--kpi), so it is row 2,
   * and its series is 'Trend'!$D$2:$F$2 (values) over 'Trend'!$D$1:$F$1 (the period labels). The
   * values: 0 in August (the export starts in September), 161 in September and 169 in October (the
   * trend test's counts).
   */
  @Test
  void aLineChartPerTrendRowPointsAtItsCells() throws Exception {
    Path f = dir.resolve("charts.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "--periods",
                "3",
                "--kpi",
                "checkouts",
                "-q",
                "-o",
                f.toString()))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      Sheet trend = wb.getSheet("Trend");
      for (int c = 3; c <= 5; c++)
        assertThat(trend.getRow(1).getCell(c).getCellType())
            .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(trend.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(0.0);
      assertThat(trend.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(161.0);
      assertThat(trend.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(169.0);
      var charts = wb.getSheet("Charts").getDrawingPatriarch().getCharts();
      assertThat(charts).hasSize(1);
      var data = charts.get(0).getChartSeries();
      assertThat(data).hasSize(1);
      assertThat(data.get(0))
          .isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.class);
      var series = data.get(0).getSeries(0);
      assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("Trend!$D$2:$F$2");
      assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("Trend!$D$1:$F$1");
      assertThat(charts.get(0).getTitleText().getString()).isEqualTo("Lượt trả phòng (stays)");
    }
    // Without --kpi, one chart per KPI row of the Trend sheet, each on its own row's cells.
    Path all = dir.resolve("all.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/hotel-housekeeping.yaml",
                "--period",
                "2026-10",
                "--periods",
                "3",
                "-q",
                "-o",
                all.toString()))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(all))) {
      int rows = wb.getSheet("Trend").getLastRowNum();
      var charts = wb.getSheet("Charts").getDrawingPatriarch().getCharts();
      assertThat(charts).hasSize(rows);
      // POI lists the charts by part name (chart10 before chart2): compared as a set.
      java.util.Set<String> refs = new java.util.TreeSet<>();
      java.util.Set<String> expected = new java.util.TreeSet<>();
      for (int i = 0; i < rows; i++) {
        refs.add(
            charts
                .get(i)
                .getChartSeries()
                .get(0)
                .getSeries(0)
                .getValuesData()
                .getDataRangeReference());
        expected.add("Trend!$D$" + (i + 2) + ":$F$" + (i + 2));
      }
      assertThat(refs).isEqualTo(expected);
    }
  }

  /**
   * A funnel's sheet has a bar chart of its stage counts. Worked by hand: the sales funnel's block
   * starts with its title (row 1) and header (row 2), then its 7 stages in rows 3–9; the stage
   * labels are column A and the entered counts column C (after stage and owner), so the series is
   * 'Funnel sales_funnel'!$C$3:$C$9 over $A$3:$A$9; C3 holds the 185 leads of the first stage.
   */
  @Test
  void aFunnelHasABarChartOfItsStageCounts() throws Exception {
    Path f = dir.resolve("funnel.xlsx");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                "kpi-definitions/sales-journey.yaml",
                "--period",
                "2026-Q3",
                "-o",
                f.toString(),
                "-q"))
        .isZero();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
      var s = wb.getSheet("Funnel sales_funnel");
      assertThat(s.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(185.0);
      var charts = s.getDrawingPatriarch().getCharts();
      assertThat(charts).hasSize(1);
      var bars =
          (org.apache.poi.xddf.usermodel.chart.XDDFBarChartData)
              charts.get(0).getChartSeries().get(0);
      assertThat(bars.getBarDirection())
          .isEqualTo(org.apache.poi.xddf.usermodel.chart.BarDirection.BAR);
      var series = bars.getSeries(0);
      assertThat(series.getValuesData().getDataRangeReference())
          .isEqualTo("'Funnel sales_funnel'!$C$3:$C$9");
      assertThat(series.getCategoryData().getDataRangeReference())
          .isEqualTo("'Funnel sales_funnel'!$A$3:$A$9");
      for (int r = 2; r <= 8; r++)
        assertThat(s.getRow(r).getCell(2).getCellType())
            .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
    }
    // The stylesheet has Excel's Normal cell style and its gray125 reserved fill.
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(f.toFile())) {
      String styles =
          new String(
              zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(styles)
          .contains(
              "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\""
                  + " builtinId=\"0\"/></cellStyles>")
          .contains("<patternFill patternType=\"gray125\"/>");
    }
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }

  private static Cell find(Sheet s, String text) {
    for (Row r : s)
      for (Cell c : r) {
        if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            && c.getStringCellValue().equals(text)) return c;
      }
    return null;
  }
}
