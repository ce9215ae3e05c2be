package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.model.DataException;
import dev.journeykpi.model.Inspection;
import dev.journeykpi.model.QualityReport;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Excel layouts as real exports have them: a title above the table, the header in row 3, data from
 * column B, real date cells, serial numbers without a date format, dates typed as text, formulas
 * with cached values, durations as day fractions, booleans. The same workbook is written as .xlsx
 * and as legacy .xls.
 */
class ExcelImportTest {
  @TempDir Path dir;

  static final String SOURCE =
      """
      sheet: Cuộc gọi
      columns:
        id: Mã
        called: { column: Gọi lúc, type: datetime, format: dd/MM/yyyy HH:mm }
        serial: { column: Ngày (số), type: date }
        talk: { column: Thời lượng, type: duration }
        amount: { column: Thành tiền, type: number }
        total: { column: Tổng, type: number }
        vip: { column: VIP, type: boolean }
      """;

  Path workbook(String ext) throws Exception {
    try (Workbook wb = ext.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
      wb.createSheet("Khác").createRow(0).createCell(0).setCellValue("not this sheet");
      Sheet s = wb.createSheet("Cuộc gọi");
      s.createRow(0).createCell(1).setCellValue("Nhật ký cuộc gọi tháng 10");
      String[] header = {"Mã", "Gọi lúc", "Ngày (số)", "Thời lượng", "Thành tiền", "Tổng", "VIP"};
      Row h = s.createRow(2);
      for (int c = 0; c < header.length; c++) h.createCell(c + 1).setCellValue(header[c]);
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(
          wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      CellStyle durationStyle = wb.createCellStyle();
      durationStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("[h]:mm:ss"));

      Row r1 = s.createRow(3);
      r1.createCell(1).setCellValue("C1");
      Cell d = r1.createCell(2);
      d.setCellValue(LocalDateTime.of(2026, 10, 31, 14, 5));
      d.setCellStyle(dateStyle);
      r1.createCell(3)
          .setCellValue(46326); // 2026-10-31 as an Excel serial number, shown as a plain number
      Cell t = r1.createCell(4);
      t.setCellValue(275 / 86400.0); // 0:04:35 as a fraction of a day
      t.setCellStyle(durationStyle);
      r1.createCell(5).setCellValue(1_250_000);
      r1.createCell(6).setCellFormula("F4*2");
      r1.createCell(7).setCellValue(true);

      Row r2 = s.createRow(4);
      r2.createCell(1).setCellValue("C2");
      r2.createCell(2).setCellValue("01/11/2026 08:30"); // a date typed as text
      r2.createCell(3).setCellValue(46327);
      r2.createCell(4).setCellValue("0:01:30"); // a duration typed as text
      r2.createCell(5)
          .setCellValue("2.000.000"); // text with '.' grouping: not a number with decimal '.'
      r2.createCell(6).setCellFormula("F5*2");
      r2.createCell(7).setCellValue("Không");
      s.createRow(5); // an empty row at the end, as Excel leaves them
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      Path f = dir.resolve("calls." + ext);
      try (OutputStream out = Files.newOutputStream(f)) {
        wb.write(out);
      }
      return f;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void readsRealExcelLayouts(String ext) throws Exception {
    workbook(ext);
    LoadedSource s = ImportFixtures.load(dir, "file: calls." + ext + "\n" + SOURCE);
    Table t = s.table();
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.dateTimeColumn("called").asList())
        .containsExactly(
            LocalDateTime.of(2026, 10, 31, 14, 5), LocalDateTime.of(2026, 11, 1, 8, 30));
    assertThat(t.dateColumn("serial").get(0)).hasToString("2026-10-31");
    assertThat(t.dateColumn("serial").get(1)).hasToString("2026-11-01");
    assertThat(t.doubleColumn("talk").asDoubleArray()).containsExactly(275.0, 90.0);
    assertThat(t.doubleColumn("amount").get(0)).isEqualTo(1_250_000.0);
    // The formula's cached value is read, not the formula; the second one refers to a blank → 0.
    assertThat(t.doubleColumn("total").get(0)).isEqualTo(2_500_000.0);
    assertThat(t.booleanColumn("vip").asList()).containsExactly(true, false);
    // Row 5 of the sheet (the second data row) has "2.000.000" in a '.'-decimal column: blanked and
    // reported.
    QualityReport.Problem p = s.quality().blanked().values().iterator().next().examples().get(0);
    assertThat(p.row()).isEqualTo(5);
    assertThat(p.column()).isEqualTo("Thành tiền");
    assertThat(p.value()).isEqualTo("2.000.000");
  }

  @Test
  void unknownSheetListsTheSheets() throws Exception {
    workbook("xlsx");
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: calls.xlsx\nsheet: Cuoc goi\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("no sheet 'Cuoc goi'")
        .hasMessageContaining("sheets: Khác, Cuộc gọi");
  }

  @Test
  void sheetByIndexAndHeaderFound() throws Exception {
    workbook("xlsx");
    Table t = ImportFixtures.load(dir, "file: calls.xlsx\nsheet: 1\ncolumns:\n  id: Mã\n").table();
    assertThat(t.stringColumn("id").asList()).containsExactly("C1", "C2");
  }

  @Test
  void inspectFindsTypesAndLayout() throws Exception {
    Path f = workbook("xlsx");
    Inspection in = Inspector.inspect(f, "Cuộc gọi", 0, null, (char) 0);
    assertThat(in.headerRow()).isEqualTo(3);
    assertThat(in.rows()).isEqualTo(2);
    assertThat(in.columns())
        .extracting(Inspection.ColumnReport::name)
        .containsExactly("ma", "goi_luc", "ngay_so", "thoi_luong", "thanh_tien", "tong", "vip");
    assertThat(in.columns().get(0).type()).isEqualTo("string");
    assertThat(in.columns().get(1).type()).isEqualTo("datetime");
    assertThat(in.columns().get(1).formats()).containsExactly("dd/MM/yyyy HH:mm");
  }
}
