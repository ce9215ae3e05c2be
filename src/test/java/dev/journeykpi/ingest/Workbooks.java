package dev.journeykpi.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small workbooks for tests: built with POI in either format, or written part by part as programs
 * other than Excel write them (POI cannot leave out the parts those programs leave out). Public:
 * the CLI tests use it too.
 */
public final class Workbooks {
  private Workbooks() {}

  /**
   * An empty workbook of the format named by the extension: "xls" is the binary format, anything
   * else .xlsx.
   */
  public static Workbook create(String ext) {
    return ext.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook();
  }

  /** Writes the workbook to {@code f} and closes it. */
  public static Path save(Workbook wb, Path f) throws IOException {
    try (OutputStream out = Files.newOutputStream(f)) {
      wb.write(out);
    }
    wb.close();
    return f;
  }

  /** Row {@code index} of the sheet with the given text cells from column A on. */
  public static Row textRow(Sheet s, int index, String... cells) {
    Row r = s.createRow(index);
    for (int c = 0; c < cells.length; c++) r.createCell(c).setCellValue(cells[c]);
    return r;
  }

  /**
   * A hidden first sheet "Hướng dẫn" (a guide, with the given rows) before the sheet "Data" (Mã |
   * Kênh, then T1 | Zalo), which is the active one: the layout of exports that open on a help sheet
   * the user never sees.
   */
  public static void hiddenGuideBeforeData(Workbook wb, String[]... guideRows) {
    Sheet guide = wb.createSheet("Hướng dẫn");
    for (int i = 0; i < guideRows.length; i++) textRow(guide, i, guideRows[i]);
    Sheet data = wb.createSheet("Data");
    textRow(data, 0, "Mã", "Kênh");
    textRow(data, 1, "T1", "Zalo");
    wb.setSheetHidden(0, true);
    wb.setActiveSheet(1);
  }

  /**
   * One worksheet part of {@link #xlsx}: its name in the workbook, its state attribute (null:
   * visible) and its XML.
   */
  public record SheetPart(String name, String state, String xml) {
    public SheetPart(String name, String xml) {
      this(name, null, xml);
    }
  }

  /**
   * Writes a minimal .xlsx package: content types, relations, a workbook listing the sheets in the
   * order given, and the sheets; no shared strings and no styles part, as some programs write them.
   * Sheet i (from 1) is the part {@code xl/worksheets/sheet<i>.xml} with relation id {@code rId<i>}
   * and sheetId i. {@code workbookPr} is put in the workbook before its sheets ("" for none).
   * {@code listOrder} (numbers i, from 1) is the order in which the workbook lists the sheets, when
   * it is not their parts' order; the sheet a reader opens first is the first listed.
   */
  public static Path xlsx(Path f, String workbookPr, List<SheetPart> sheets, int... listOrder)
      throws IOException {
    StringBuilder types =
        new StringBuilder(
            """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        """);
    StringBuilder listed = new StringBuilder();
    StringBuilder rels =
        new StringBuilder(
            """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        """);
    for (int i = 1; i <= sheets.size(); i++) {
      types
          .append("<Override PartName=\"/xl/worksheets/sheet")
          .append(i)
          .append(
              ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\n");
      int n = listOrder.length == 0 ? i : listOrder[i - 1];
      SheetPart s = sheets.get(n - 1);
      listed
          .append("<sheet name=\"")
          .append(s.name())
          .append("\" sheetId=\"")
          .append(n)
          .append('"')
          .append(s.state() == null ? "" : " state=\"" + s.state() + "\"")
          .append(" r:id=\"rId")
          .append(n)
          .append("\"/>");
      rels.append("<Relationship Id=\"rId")
          .append(i)
          .append(
              "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
          .append(i)
          .append(".xml\"/>\n");
    }
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      put(z, "[Content_Types].xml", types + "</Types>");
      put(
          z,
          "_rels/.rels",
          """
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
          </Relationships>""");
      put(
          z,
          "xl/workbook.xml",
          """
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          %s<sheets>%s</sheets></workbook>"""
              .formatted(workbookPr, listed));
      put(z, "xl/_rels/workbook.xml.rels", rels + "</Relationships>");
      for (int i = 1; i <= sheets.size(); i++)
        put(z, "xl/worksheets/sheet" + i + ".xml", sheets.get(i - 1).xml());
    }
    return f;
  }

  private static void put(ZipOutputStream z, String name, String text) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(text.getBytes(StandardCharsets.UTF_8));
    z.closeEntry();
  }
}
