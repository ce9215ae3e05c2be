package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.model.DataException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A header that appears twice, and files whose content is not what their name or format says. */
class HeaderAndFormatTest {
  @TempDir Path dir;

  private static final String TICKETS =
      "Mã,Ngày,Kênh,Ghi chú,Nhân viên,Ghi chú,Kênh\nT1,2026-10-01,Zalo,a,Hà,b,Email\n";

  private String shown(String name) {
    return SourceLoader.display(dir.resolve(name));
  }

  @Test
  void aMappedHeaderThatAppearsTwiceStopsTheRunNamingBothColumns() throws Exception {
    Files.writeString(dir.resolve("t.csv"), TICKETS);
    // 'Kênh' is the 3rd and the 7th header: columns C and G.
    assertThatThrownBy(
            () -> ImportFixtures.load(dir, "file: t.csv\ncolumns:\n  id: Mã\n  channel: Kênh\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.csv")
                + ": header 'Kênh' appears twice, in columns 3 (C) and 7 (G); rename one");
  }

  @Test
  void anUnmappedHeaderThatAppearsTwiceIsAWarning() throws Exception {
    Files.writeString(dir.resolve("t.csv"), TICKETS);
    LoadedSource s = ImportFixtures.load(dir, "file: t.csv\ncolumns:\n  id: Mã\n");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("T1");
    // 'Ghi chú' is the 4th and 6th header (D, F); 'Kênh' the 3rd and 7th (C, G).
    assertThat(s.quality().notes())
        .containsExactly(
            shown("t.csv")
                + ": header 'Kênh' appears twice, in columns 3 (C) and 7 (G); not mapped, so not read",
            shown("t.csv")
                + ": header 'Ghi chú' appears twice, in columns 4 (D) and 6 (F); not mapped, so not read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void aHeaderTwiceInAWorkbookCountsSheetColumns(String ext) throws Exception {
    try (Workbook wb = ext.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
      Row h =
          wb.createSheet("S").createRow(1); // the table starts at B2: its headers are in B, C, D
      h.createCell(1).setCellValue("Mã");
      h.createCell(2).setCellValue("Kênh ");
      h.createCell(3).setCellValue("Ke\u0302nh"); // decomposed, as Mac tools write it
      wb.getSheetAt(0).createRow(2).createCell(1).setCellValue("T1");
      try (OutputStream out = Files.newOutputStream(dir.resolve("t." + ext))) {
        wb.write(out);
      }
    }
    // "Kênh " (trailing space) and the decomposed "Kênh" both read as Kênh: columns 3 (C) and 4 (D)
    // of the sheet.
    assertThatThrownBy(
            () ->
                ImportFixtures.load(
                    dir, "file: t." + ext + "\ncolumns:\n  id: Mã\n  channel: Kênh\n"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            shown("t." + ext)
                + ": header 'Kênh' appears twice, in columns 3 (C) and 4 (D); rename one");
  }

  @Test
  void aCsvNamedXlsxSaysWhatItIsAndWhatToSet() throws Exception {
    Files.writeString(dir.resolve("t.xlsx"), TICKETS);
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.xlsx\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.xlsx")
                + ": the name says .xlsx but the file is CSV text; rename it to .csv or set format: csv on its source");
    // With the format declared, it reads.
    assertThat(
            ImportFixtures.load(dir, "file: t.xlsx\nformat: csv\ncolumns:\n  id: Mã\n")
                .table()
                .rowCount())
        .isEqualTo(1);
  }

  @Test
  void aUtf16TextNamedXlsIsNotReadAsAWorkbook() throws Exception {
    ImportFixtures.write(dir, "t.xls", "Mã\tKênh\r\nT1\tZalo\r\n", StandardCharsets.UTF_16LE, true);
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.xls\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.xls")
                + ": the name says .xls but the file is UTF-16 text (CSV or tab-separated); rename it to .csv or set format: csv on its source");
    assertThat(
            ImportFixtures.load(dir, "file: t.xls\nformat: csv\ncolumns:\n  id: Mã\n")
                .table()
                .stringColumn("id")
                .asList())
        .containsExactly("T1");
  }

  @Test
  void aWorkbookNamedCsvOrDeclaredCsv() throws Exception {
    try (Workbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(dir.resolve("t.csv"))) {
      wb.createSheet("S").createRow(0).createCell(0).setCellValue("Mã");
      wb.write(out);
    }
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.csv\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.csv")
                + ": the name says .csv but the file is an Excel workbook (.xlsx); rename it to .xlsx or set format: xlsx on its source");
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.csv\nformat: xls\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.csv")
                + ": format: xls is declared but the file is an Excel workbook (.xlsx); set format: xlsx");
  }

  @Test
  void aZipThatIsNotAWorkbookAndAnHtmlPageNamedXls() throws Exception {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("t.xlsx")))) {
      z.putNextEntry(new ZipEntry("tickets.csv"));
      z.write(TICKETS.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.xlsx\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.xlsx")
                + ": the name says .xlsx but the file is a ZIP archive that is not an Excel workbook; "
                + "unzip it and point the source at the export inside");
    Files.writeString(
        dir.resolve("web.xls"), "\n<html><body><table><tr><td>Mã</td></tr></table></body></html>");
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: web.xls\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("the name says .xls but the file is an HTML page")
        .hasMessageEndingWith(
            "open it in Excel or LibreOffice and save it as .xlsx, or export it as CSV");
  }

  /**
   * A NUL-filled file (a copy that was never written) or a PNG named .csv is binary, not "CSV text"
   * whose header lacks every column; a .bin one is named binary too. UTF-16 text without its
   * byte-order mark, whose NULs are single (at most two in a row), is not.
   */
  @Test
  void binaryFilesAreNamedAsNotText() throws Exception {
    String advice =
        "point the source at the export itself (this may be an image, a database file or a copy"
            + " that was never written)";
    Files.write(dir.resolve("t.csv"), new byte[4096]);
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.csv\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.csv")
                + ": the name says .csv but the file is binary data, not text (a run of NUL bytes in"
                + " its first KiB); "
                + advice);
    Files.write(dir.resolve("big.bin"), new byte[4096]);
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: big.bin\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("big.bin")
                + ": kpi does not read .bin files (the file is binary data, not text (a run of NUL"
                + " bytes in its first KiB)); "
                + advice
                + "; kpi reads .csv, .tsv, .txt (CSV text), .xlsx, .xlsm, .xls and .parquet");
    // A PNG's signature, then its IHDR chunk's length (00 00 00 0D): three NULs in a row.
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H'};
    Files.write(dir.resolve("img.csv"), png);
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: img.csv\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("the name says .csv but the file is binary data, not text");
    // "a" + U+0300 in UTF-16LE is 61 00 00 03: two NULs, text.
    assertThat(FileFormat.nulRun("a\u0300b".getBytes(StandardCharsets.UTF_16LE))).isFalse();
    assertThat(FileFormat.nulRun(new byte[] {'a', 0, 0, 0})).isTrue();
  }

  /**
   * An extension kpi does not read is refused, never read as CSV; .tsv and .txt are CSV text, as
   * documented.
   */
  @Test
  void unknownExtensionsAreRefusedWithTheFormatsKpiReads() throws Exception {
    Files.writeString(dir.resolve("t.pdf"), "%PDF-1.7\n...");
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.pdf\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            shown("t.pdf")
                + ": kpi does not read .pdf files (the file is a PDF document); open it in Excel or "
                + "LibreOffice and save it as .xlsx, or export it as CSV; kpi reads .csv, .tsv, .txt (CSV text), .xlsx, .xlsm, .xls and .parquet");
    Files.writeString(dir.resolve("t.json"), TICKETS);
    assertThatThrownBy(() -> ImportFixtures.load(dir, "file: t.json\n"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            shown("t.json")
                + ": kpi does not read .json files (the file is CSV text); if it is, set format: csv on its source");
    Files.writeString(dir.resolve("t.tsv"), TICKETS.replace(',', '\t'));
    Files.writeString(dir.resolve("t.txt"), TICKETS.replace(',', ';'));
    assertThat(
            ImportFixtures.load(dir, "file: t.tsv\ncolumns:\n  id: Mã\n")
                .table()
                .stringColumn("id")
                .asList())
        .containsExactly("T1");
    assertThat(
            ImportFixtures.load(dir, "file: t.txt\ncolumns:\n  id: Mã\n")
                .table()
                .stringColumn("id")
                .asList())
        .containsExactly("T1");
  }

  @Test
  void inspectAppliesTheSameDetection() throws Exception {
    Files.writeString(dir.resolve("t.xlsx"), TICKETS);
    assertThatThrownBy(() -> Inspector.inspect(dir.resolve("t.xlsx"), null, 0, null, (char) 0))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("the name says .xlsx but the file is CSV text");
    Files.writeString(dir.resolve("t.ods"), "x");
    assertThatThrownBy(() -> Inspector.inspect(dir.resolve("t.ods"), null, 0, null, (char) 0))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("kpi does not read .ods files");
  }
}
