package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The shared strings and cell styles of a workbook, read as Excel writes them. */
class XlsxPartsTest {
  @TempDir Path dir;

  private static ByteArrayInputStream xml(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sharedStringsJoinRunsAndLeavePhoneticGuidesOut() throws Exception {
    List<String> s =
        XlsxParts.sharedStrings(
            xml(
                """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
          <si><t>Zalo</t></si>
          <si><r><rPr><b/></rPr><t>Hà </t></r><r><t xml:space="preserve">Nội</t></r></si>
          <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>
          <si><t>dòng 1_x000D_dòng 2 và _x005F_x0041_</t></si>
          <si><t/></si>
          <si><t>A &amp; B &lt; C, &#x1EA1;</t></si>
        </sst>
        """));
    // Runs "Hà " + "Nội"; furigana left out; _x000D_ is a carriage return, _x005F_ a literal
    // underscore.
    assertThat(s)
        .containsExactly("Zalo", "Hà Nội", "東京", "dòng 1\rdòng 2 và _x0041_", "", "A & B < C, ạ");
  }

  /**
   * A part that declares entities is refused: no local file read through an external entity, no
   * entity bomb.
   */
  @Test
  void entitiesDeclaredByAPartAreRefused() {
    String external =
        """
        <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/hostname">]>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si></sst>
        """;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> XlsxParts.sharedStrings(xml(external)))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("unreadable workbook part");
    String bomb =
        """
        <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>
        """;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> XlsxParts.sharedStrings(xml(bomb)))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void stylesGiveEachCellStyleItsNumberFormat() throws Exception {
    XlsxParts.Styles st =
        XlsxParts.styles(
            xml(
                """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
          <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>
          <cellStyleXfs count="1"><xf numFmtId="3"/></cellStyleXfs>
          <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/></cellXfs>
        </styleSheet>
        """));
    // cellStyleXfs (the named styles) are not cell styles: the cells' style index counts cellXfs
    // only.
    assertThat(st.formatId(0)).isZero();
    assertThat(st.formatCode(0)).isEqualTo("General");
    assertThat(st.formatId(1)).isEqualTo(14);
    assertThat(st.formatCode(1)).isEqualTo("m/d/yy"); // built in, by id
    assertThat(st.formatCode(2)).isEqualTo("dd/mm/yyyy hh:mm");
    assertThat(st.formatId(7)).isZero(); // a style the workbook does not define: General
    assertThat(XlsxParts.styles(null).formatCode(3)).isEqualTo("General");
  }

  /**
   * A workbook as some tools write it: no shared strings and no styles part, text inline. It reads;
   * numbers are plain numbers.
   */
  @Test
  void aWorkbookWithoutSharedStringsOrStylesReads() throws Exception {
    Workbooks.xlsx(
        dir.resolve("bare.xlsx"),
        "",
        List.of(
            new Workbooks.SheetPart(
                "Đơn hàng",
                """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Tiền</t></is></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>Đ1</t></is></c><c r="B2" s="3"><v>1250000</v></c></row>
        </sheetData></worksheet>""")));
    LoadedSource s =
        ImportFixtures.load(
            dir,
            """
        file: bare.xlsx
        columns:
          id: Mã
          amount: { column: Tiền, type: number }
        """);
    Table t = s.table();
    assertThat(t.stringColumn("id").asList()).containsExactly("Đ1");
    assertThat(t.doubleColumn("amount").get(0)).isEqualTo(1_250_000.0);
  }
}
