package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.model.DataException;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.report.QualitySummary;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Workbooks that read wrong without a word unless handled: the 1904 date system, a hidden first
 * sheet, merged cells, formulas saved without their values.
 */
class WorkbookQuirksTest {
  @TempDir Path dir;

  private Path save(Workbook wb, String name) throws Exception {
    return Workbooks.save(wb, dir.resolve(name));
  }

  /**
   * Marks a workbook as counting dates from 1904 (Excel for Mac before 2011, and workbooks made
   * from them).
   */
  private static void use1904(Workbook wb) {
    if (wb instanceof XSSFWorkbook x) {
      var ct = x.getCTWorkbook();
      (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
    } else {
      DateWindow1904Record r =
          (DateWindow1904Record)
              ((HSSFWorkbook) wb)
                  .getInternalWorkbook()
                  .findFirstRecordBySid(DateWindow1904Record.sid);
      r.setWindowing((short) 1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void aWorkbookInThe1904DateSystemReadsItsOwnDates(String ext) throws Exception {
    Workbook wb = Workbooks.create(ext);
    use1904(wb);
    Sheet s = wb.createSheet("Calls");
    Workbooks.textRow(s, 0, "Id", "Gọi lúc", "Ngày (số)", "Ngày (chữ)", "Thời lượng");
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    CellStyle time = wb.createCellStyle();
    time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("[h]:mm:ss"));
    Row r = s.createRow(1);
    r.createCell(0).setCellValue("C1");
    // In the 1904 system day 0 is 1904-01-01. 2026-10-31 is serial 46326 in the 1900 system
    // (ExcelImportTest) and 1904-01-01 is 1900-serial 1462, so 2026-10-31 is 46326 - 1462 = 44864
    // here; .75 of a day is 18:00.
    Cell d = r.createCell(1);
    d.setCellValue(44864.75);
    d.setCellStyle(date);
    r.createCell(2).setCellValue(44864); // the same day as a plain number in a date column
    r.createCell(3).setCellValue("44865"); // the day after, as text, read with format: excel
    Cell t = r.createCell(4);
    t.setCellValue(0.25); // 6 hours: a time of day has no date system
    t.setCellStyle(time);
    save(wb, "calls." + ext);
    LoadedSource src =
        ImportFixtures.load(
            dir,
            """
        file: calls.%s
        columns:
          id: Id
          called: { column: Gọi lúc, type: datetime }
          day: { column: Ngày (số), type: date }
          day_text: { column: Ngày (chữ), type: date, format: excel }
          talk: { column: Thời lượng, type: duration }
        """
                .formatted(ext));
    Table tb = src.table();
    assertThat(tb.dateTimeColumn("called").get(0)).isEqualTo(LocalDateTime.of(2026, 10, 31, 18, 0));
    assertThat(tb.dateColumn("day").get(0)).isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(tb.dateColumn("day_text").get(0)).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(tb.doubleColumn("talk").get(0)).isEqualTo(6 * 3600.0);
    assertThat(src.quality().isClean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void aHiddenFirstSheetIsSkippedAndSaid(String ext) throws Exception {
    Workbook wb = Workbooks.create(ext);
    // The guide has a header of its own (Mã, Kênh over an example row), read when the sheet is
    // declared.
    Workbooks.hiddenGuideBeforeData(wb, new String[] {"Mã", "Kênh"}, new String[] {"(mã phiếu)"});
    save(wb, "tickets." + ext);
    LoadedSource s =
        ImportFixtures.load(
            dir, "file: tickets." + ext + "\ncolumns:\n  id: Mã\n  channel: Kênh\n");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("T1");
    String f = shown("tickets." + ext);
    assertThat(s.quality().notes())
        .containsExactly("reading sheet 'Data' of " + f + " (sheet 'Hướng dẫn' is hidden)");
    assertThat(QualitySummary.notes(List.of(s.quality())))
        .isEqualTo("kpi: s: reading sheet 'Data' of " + f + " (sheet 'Hướng dẫn' is hidden)\n");
    // Declared, the hidden sheet is read, and nothing is said.
    LoadedSource declared =
        ImportFixtures.load(
            dir, "file: tickets." + ext + "\nsheet: Hướng dẫn\ncolumns:\n  id: Mã\n");
    assertThat(declared.table().stringColumn("id").asList()).containsExactly("(mã phiếu)");
    assertThat(declared.quality().notes()).isEmpty();
  }

  @Test
  void aHeaderNotFoundListsTheSheetsHiddenOnesMarked() throws Exception {
    Workbook wb = Workbooks.create("xlsx");
    wb.createSheet("Mẫu").createRow(0).createCell(0).setCellValue("Mã phiếu");
    Sheet data = wb.createSheet("Tổng hợp");
    Workbooks.textRow(data, 0, "Tháng", "Số phiếu");
    wb.createSheet("Chi tiết").createRow(0).createCell(0).setCellValue("Mã phiếu");
    wb.setSheetHidden(0, true);
    save(wb, "book.xlsx");
    assertThatThrownBy(
            () -> ImportFixtures.load(dir, "file: book.xlsx\ncolumns:\n  id: Mã phiếu\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("column 'Mã phiếu' (mapped to 'id') is not in the header row")
        .hasMessageContaining(
            "read sheet 'Tổng hợp', header row 1; sheets: Mẫu (hidden), Tổng hợp, Chi tiết (choose one with sheet:)");
  }

  /**
   * A channel merged over the four rows of its calls, and the id header merged over the two header
   * rows (the dates have a group title above their own headers).
   */
  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void mergedRangesAreFilledWithTheirTopLeftValueAndCounted(String ext) throws Exception {
    Workbook wb = Workbooks.create(ext);
    Sheet s = wb.createSheet("Calls");
    Workbooks.textRow(s, 0, "Mã", "Kênh", "Thời gian");
    Row sub = s.createRow(1);
    sub.createCell(2).setCellValue("Bắt đầu");
    sub.createCell(3).setCellValue("Kết thúc");
    s.addMergedRegion(CellRangeAddress.valueOf("A1:A2"));
    s.addMergedRegion(CellRangeAddress.valueOf("B1:B2"));
    s.addMergedRegion(CellRangeAddress.valueOf("C1:D1"));
    for (int i = 0; i < 5; i++) {
      Row r = s.createRow(2 + i);
      r.createCell(0).setCellValue("C" + (i + 1));
      if (i == 0) r.createCell(1).setCellValue("Zalo");
      if (i == 4) r.createCell(1).setCellValue("Email");
      r.createCell(2).setCellValue("08:0" + i);
    }
    s.addMergedRegion(
        CellRangeAddress.valueOf("B3:B6")); // Zalo over rows 3-6; row 7 is Email, not merged
    save(wb, "calls." + ext);
    LoadedSource src =
        ImportFixtures.load(
            dir,
            """
        file: calls.%s
        header_row: 2
        columns:
          id: Mã
          channel: { column: Kênh, required: true }
          start: Bắt đầu
        """
                .formatted(ext));
    Table t = src.table();
    assertThat(t.stringColumn("id").asList()).containsExactly("C1", "C2", "C3", "C4", "C5");
    assertThat(t.stringColumn("channel").asList())
        .containsExactly("Zalo", "Zalo", "Zalo", "Zalo", "Email");
    // Filled data cells: B4, B5, B6 (rows 4-6 of B3:B6). The header cells A2 and B2 are filled too,
    // but they are the header, not data, so they are not counted.
    QualityReport q = src.quality();
    String f = shown("calls." + ext);
    assertThat(q.cellsFilled()).isEqualTo(3);
    assertThat(q.filled().get("channel: filled from a merged range").examples())
        .extracting(QualityReport.Problem::where)
        .containsExactly(f + ":4:Kênh", f + ":5:Kênh", f + ":6:Kênh");
    assertThat(q.rowsRejected()).isZero();
    assertThat(QualitySummary.text(List.of(q)))
        .contains("s: 5 rows read, 5 used, 3 cells filled from a merged range\n")
        .contains(
            "    filled 3: channel: filled from a merged range\n      " + f + ":4:Kênh 'Zalo'\n");
    StringWriter csv = new StringWriter();
    QualitySummary.csv(List.of(q), csv);
    assertThat(csv.toString())
        .contains("s,filled,channel: filled from a merged range," + f + ",4,Kênh,Zalo");
  }

  /**
   * A title merged over the whole table stays one cell to the header finder, and a header merged
   * over two columns names one column, not two.
   */
  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void aMergedTitleAndAWideHeaderCellDoNotConfuseTheHeader(String ext) throws Exception {
    Workbook wb = Workbooks.create(ext);
    Sheet s = wb.createSheet("Calls");
    s.createRow(0).createCell(0).setCellValue("Báo cáo cuộc gọi tháng 10");
    s.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
    Workbooks.textRow(s, 1, "Mã", "Kênh", "Ghi chú");
    s.addMergedRegion(CellRangeAddress.valueOf("C2:D2"));
    Row r = s.createRow(2);
    r.createCell(0).setCellValue("C1");
    r.createCell(1).setCellValue("Zalo");
    r.createCell(2).setCellValue("gọi lại");
    save(wb, "calls." + ext);
    // Before: the title filled across A1:D1 made row 1 the widest text row, read as the header;
    // C2:D2 read as 'Ghi chú' twice. Now row 2 is the header (found: 3 text cells of its own
    // against the title's 1) and 'Ghi chú' is C.
    LoadedSource src =
        ImportFixtures.load(dir, "file: calls." + ext + "\ncolumns:\n  id: Mã\n  note: Ghi chú\n");
    assertThat(src.table().stringColumn("note").asList()).containsExactly("gọi lại");
    assertThat(src.quality().notes()).isEmpty();
    assertThat(src.quality().cellsFilled()).isZero();
  }

  /**
   * An order of 100 split over three lines, its amount and its day merged over the three rows
   * (C2:C4, D2:D4), then an order of 50 on one row. Excel shows 100 once and sums it once; the day
   * is a label of each of the three rows.
   */
  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void aNumberMergedOverRowsIsCountedOnceWhileADateFillsDown(String ext) throws Exception {
    Workbook wb = Workbooks.create(ext);
    Sheet s = wb.createSheet("Orders");
    Workbooks.textRow(s, 0, "Mã", "Sản phẩm", "Số tiền", "Ngày");
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    for (int i = 0; i < 4; i++) {
      Row r = s.createRow(1 + i);
      r.createCell(0).setCellValue("Đ" + (i + 1));
      r.createCell(1).setCellValue("SP" + (i + 1));
      if (i == 0 || i == 3) {
        r.createCell(2).setCellValue(i == 0 ? 100 : 50);
        Cell d = r.createCell(3);
        d.setCellValue(
            i == 0 ? 46326 : 46327); // 2026-10-31 and 2026-11-01 (serial 46326, see the 1904 test)
        d.setCellStyle(date);
      }
    }
    s.addMergedRegion(CellRangeAddress.valueOf("C2:C4"));
    s.addMergedRegion(CellRangeAddress.valueOf("D2:D4"));
    save(wb, "orders." + ext);
    String f = shown("orders." + ext);
    LoadedSource src =
        ImportFixtures.load(
            dir,
            """
        file: orders.%s
        columns:
          id: Mã
          amount: { column: Số tiền, type: number }
          day: { column: Ngày, type: date }
        """
                .formatted(ext));
    Table t = src.table();
    // 100 once (row 2) + 50 (row 5) = 150; filled into rows 3 and 4 as well it was 100 * 3 + 50 =
    // 350.
    assertThat(t.doubleColumn("amount").sum()).isEqualTo(150.0);
    assertThat(t.doubleColumn("amount").countMissing()).isEqualTo(2); // rows 3 and 4
    // The day fills down: rows 2-4 are 2026-10-31, row 5 2026-11-01; the two filled cells (D3, D4)
    // are counted.
    LocalDate oct31 = LocalDate.of(2026, 10, 31);
    assertThat(t.dateColumn("day").asList())
        .containsExactly(oct31, oct31, oct31, LocalDate.of(2026, 11, 1));
    QualityReport q = src.quality();
    assertThat(q.cellsFilled()).isEqualTo(2);
    assertThat(q.filled()).containsOnlyKeys("day: filled from a merged range");
    assertThat(q.filled().get("day: filled from a merged range").examples())
        .extracting(QualityReport.Problem::where)
        .containsExactly(f + ":3:Ngày", f + ":4:Ngày");
    // Neither blanked nor rejected: the rows below have no amount of their own, and that is said
    // once.
    assertThat(q.isClean()).isTrue();
    assertThat(q.notes())
        .containsExactly(
            "amount: a number merged over 3 rows ("
                + f
                + " rows 2-4) is counted once, on its first row"
                + "; if it labels every row (a floor, a code), map the column as text and it is filled down");
    // A required amount: rows 3 and 4 have none, and are rejected for that reason.
    LoadedSource required =
        ImportFixtures.load(
            dir,
            """
        file: orders.%s
        columns:
          id: Mã
          amount: { column: Số tiền, type: number, required: true }
        """
                .formatted(ext));
    assertThat(required.table().stringColumn("id").asList()).containsExactly("Đ1", "Đ4");
    assertThat(
            required
                .quality()
                .rejected()
                .get("amount: a number merged over several rows, counted on its first row only")
                .count())
        .isEqualTo(2);
  }

  /**
   * A 'Tổng | 150' row with 150 merged over the amount and day columns (B4:C4), and a channel
   * merged over the channel and note columns and two rows (D2:E3): a value belongs to its first
   * column, and fills down that column only.
   */
  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void aRangeMergedAcrossColumnsFillsOnlyItsFirstColumn(String ext) throws Exception {
    Workbook wb = Workbooks.create(ext);
    Sheet s = wb.createSheet("Orders");
    Workbooks.textRow(s, 0, "Mã", "Số tiền", "Ngày", "Kênh", "Ghi chú");
    for (int i = 0; i < 2; i++) {
      Row r = s.createRow(1 + i);
      r.createCell(0).setCellValue("Đ" + (i + 1));
      r.createCell(1).setCellValue(i == 0 ? 100 : 50);
      r.createCell(2).setCellValue("31/10/2026");
      if (i == 0) r.createCell(3).setCellValue("Zalo");
    }
    s.addMergedRegion(CellRangeAddress.valueOf("D2:E3"));
    Row total = s.createRow(3);
    total.createCell(0).setCellValue("Tổng");
    total.createCell(1).setCellValue(150);
    s.addMergedRegion(CellRangeAddress.valueOf("B4:C4"));
    save(wb, "orders." + ext);
    String f = shown("orders." + ext);
    LoadedSource src =
        ImportFixtures.load(
            dir,
            """
        file: orders.%s
        columns:
          id: Mã
          amount: { column: Số tiền, type: number }
          day: { column: Ngày, type: date, format: dd/MM/yyyy }
          channel: Kênh
          note: Ghi chú
        """
                .formatted(ext));
    Table t = src.table();
    assertThat(t.doubleColumn("amount").asList()).containsExactly(100.0, 50.0, 150.0);
    // The total row has no day: 150 copied into it read as serial 150, 1900-05-29.
    assertThat(t.dateColumn("day").get(2)).isNull();
    assertThat(t.stringColumn("channel").asList()).containsExactly("Zalo", "Zalo", "");
    assertThat(t.stringColumn("note").asList()).containsExactly("", "", "");
    // Filled: D3 only (E2 and E3 are in the range's second column, left blank).
    QualityReport q = src.quality();
    assertThat(q.cellsFilled()).isEqualTo(1);
    assertThat(q.filled().get("channel: filled from a merged range").examples())
        .extracting(QualityReport.Problem::where)
        .containsExactly(f + ":3:Kênh");
    assertThat(q.isClean()).isTrue();
    assertThat(q.notes()).isEmpty();
  }

  /**
   * Formulas written by a program that does not compute them (POI here, as openpyxl and pandas do):
   * no value.
   */
  @Test
  void formulasWithoutACachedValueAreReportedWithTheFormula() throws Exception {
    Workbook wb = Workbooks.create("xlsx");
    Sheet s = wb.createSheet("Orders");
    Workbooks.textRow(s, 0, "Mã", "Số lượng", "Thành tiền");
    for (int i = 1; i <= 2; i++) {
      Row r = s.createRow(i);
      r.createCell(0).setCellValue("Đ" + i);
      r.createCell(1).setCellValue(i * 10);
      r.createCell(2).setCellFormula("B" + (i + 1) + "*1000");
    }
    save(wb, "orders.xlsx"); // not evaluated: the cells hold <f> and no <v>
    LoadedSource src =
        ImportFixtures.load(
            dir,
            """
        file: orders.xlsx
        columns:
          id: Mã
          amount: { column: Thành tiền, type: number }
        """);
    QualityReport q = src.quality();
    assertThat(src.table().rowCount()).isEqualTo(2);
    QualityReport.Tally tally = q.blanked().get("amount: formula without a cached value");
    assertThat(tally.count()).isEqualTo(2);
    assertThat(tally.examples())
        .extracting(p -> p.where() + " " + p.value())
        .containsExactly(
            shown("orders.xlsx") + ":2:Thành tiền =B2*1000",
            shown("orders.xlsx") + ":3:Thành tiền =B3*1000");
    // A required column without its value rejects the row, for that reason.
    LoadedSource required =
        ImportFixtures.load(
            dir,
            """
        file: orders.xlsx
        columns:
          id: Mã
          amount: { column: Thành tiền, type: number, required: true }
        """);
    assertThat(required.quality().rejected())
        .containsOnlyKeys("amount: formula without a cached value");
    assertThat(required.table().rowCount()).isZero();
  }

  /**
   * A workbook as openpyxl writes it: formulas with an empty {@code <v></v>}, the 1904 flag as
   * "true", and a sheet whose elements carry a namespace prefix, merged cells included. Excel's own
   * cached empty string (t="str", empty v) is a value, not a missing one.
   */
  @Test
  void aWorkbookWrittenByAnotherProgramReads() throws Exception {
    // Sheets listed in an order other than their relation ids, the first one "veryHidden".
    Workbooks.xlsx(
        dir.resolve("gen.xlsx"),
        "<workbookPr date1904=\"true\"/>",
        List.of(
            new Workbooks.SheetPart(
                "Dữ liệu",
                """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Ngày</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Nhóm</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Tổng</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>Ghi chú</x:t></x:is></x:c></x:row>
            <x:row r="2"><x:c r="A2"><x:v>44864</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>A</x:t></x:is></x:c><x:c r="C2"><x:f>SUM(1,2)</x:f><x:v></x:v></x:c><x:c r="D2" t="str"><x:f>IF(1,"","x")</x:f><x:v></x:v></x:c></x:row>
            <x:row r="3"><x:c r="A3"><x:v>44865</x:v></x:c><x:c r="C3"><x:v>7</x:v></x:c></x:row>
            </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>"""),
            new Workbooks.SheetPart(
                "Cấu hình",
                "veryHidden",
                """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>not the data</t></is></c></row></sheetData></worksheet>""")),
        2,
        1);
    LoadedSource src =
        ImportFixtures.load(
            dir,
            """
        file: gen.xlsx
        columns:
          day: { column: Ngày, type: date }
          group: Nhóm
          total: { column: Tổng, type: number }
          note: Ghi chú
        """);
    Table t = src.table();
    // 44864 and 44865 in the 1904 system: 2026-10-31 and 2026-11-01 (see the test above).
    assertThat(t.dateColumn("day").asList())
        .containsExactly(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1));
    assertThat(t.stringColumn("group").asList()).containsExactly("A", "A");
    assertThat(t.doubleColumn("total").isMissing(0)).isTrue();
    assertThat(t.doubleColumn("total").get(1)).isEqualTo(7.0);
    QualityReport q = src.quality();
    assertThat(q.blanked()).containsOnlyKeys("total: formula without a cached value");
    assertThat(q.blanked().get("total: formula without a cached value").examples().get(0).value())
        .isEqualTo("=SUM(1,2)");
    assertThat(q.cellsFilled()).isEqualTo(1);
    assertThat(q.notes())
        .containsExactly(
            "reading sheet 'Dữ liệu' of " + shown("gen.xlsx") + " (sheet 'Cấu hình' is hidden)");
  }

  /** A file of the test's folder as messages name it. */
  private String shown(String name) {
    return SourceLoader.display(dir.resolve(name));
  }
}
