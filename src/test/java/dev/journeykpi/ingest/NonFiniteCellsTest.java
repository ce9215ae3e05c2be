package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.QualityReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A workbook's number cell that is NaN or an infinity: Excel writes none, but another program can
 * ({@code <v>NaN</v>}, {@code <v>1E+999</v>}, which Java reads as +Infinity). In a number, duration
 * or date column it is blanked and counted as "not a finite number", as a Parquet file's NaN is
 * (NonFiniteNumbersTest); a text column keeps it as the text Java writes.
 */
class NonFiniteCellsTest {
  @TempDir Path dir;

  private static String row(int r, String amount, String label, String duration, String day) {
    return "<row r=\"%d\"><c r=\"A%d\"><v>%s</v></c><c r=\"B%d\"><v>%s</v></c><c r=\"C%d\"><v>%s</v></c><c r=\"D%d\"><v>%s</v></c></row>"
        .formatted(r, r, amount, r, label, r, duration, r, day);
  }

  @Test
  void nanAndInfinitiesInNumberCellsAreBlankedWithTheirReason() throws Exception {
    Workbooks.xlsx(
        dir.resolve("gen.xlsx"),
        "",
        List.of(
            new Workbooks.SheetPart(
                "Data",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData><row r=\"1\">"
                    + "<c r=\"A1\" t=\"inlineStr\"><is><t>Số tiền</t></is></c>"
                    + "<c r=\"B1\" t=\"inlineStr\"><is><t>Nhãn</t></is></c>"
                    + "<c r=\"C1\" t=\"inlineStr\"><is><t>Thời lượng</t></is></c>"
                    + "<c r=\"D1\" t=\"inlineStr\"><is><t>Ngày</t></is></c></row>"
                    + row(2, "10", "NaN", "NaN", "46000")
                    + row(3, "NaN", "1", "60", "Infinity")
                    + row(4, "1E+999", "2", "60", "46001")
                    + row(5, "-Infinity", "3", "-Infinity", "46002")
                    + row(6, "20", "4", "120", "46003")
                    + "</sheetData></worksheet>")));
    LoadedSource src =
        ImportFixtures.load(
            dir,
            """
        file: gen.xlsx
        columns:
          amount: { column: Số tiền, type: number }
          label: Nhãn
          took: { column: Thời lượng, type: duration }
          day: { column: Ngày, type: date }
        """);
    Table t = src.table();
    // amount: 10, NaN, +Inf (1E+999), -Inf, 20: rows 3-5 blanked; the sum of what is left is 30.
    assertThat(t.doubleColumn("amount").isMissing(1)).isTrue();
    assertThat(t.doubleColumn("amount").isMissing(2)).isTrue();
    assertThat(t.doubleColumn("amount").isMissing(3)).isTrue();
    assertThat(t.doubleColumn("amount").sum()).isEqualTo(30.0);
    // A text column keeps the number as Java writes it.
    assertThat(t.stringColumn("label").get(0)).isEqualTo("NaN");
    // took: NaN (row 2) and -Infinity (row 5) blanked; 60 + 60 + 120 = 240 seconds left.
    assertThat(t.doubleColumn("took").countMissing()).isEqualTo(2);
    assertThat(t.doubleColumn("took").sum()).isEqualTo(240.0);
    // day: row 3's Infinity blanked, the others read.
    assertThat(t.dateColumn("day").countMissing()).isEqualTo(1);
    QualityReport q = src.quality();
    assertThat(q.rowsUsed()).isEqualTo(5);
    assertThat(q.blanked())
        .containsOnlyKeys(
            "amount: not a finite number", "took: not a finite number", "day: not a finite number");
    assertThat(q.blanked().get("amount: not a finite number").count()).isEqualTo(3);
    assertThat(q.blanked().get("amount: not a finite number").examples())
        .extracting(QualityReport.Problem::row)
        .containsExactly(3L, 4L, 5L);
    // Shown as Java writes them, as a Parquet file's are.
    assertThat(q.blanked().get("amount: not a finite number").examples())
        .extracting(QualityReport.Problem::value)
        .containsExactly("NaN", "Infinity", "-Infinity");
    assertThat(q.blanked().get("took: not a finite number").count()).isEqualTo(2);
    assertThat(q.blanked().get("day: not a finite number").count()).isEqualTo(1);
  }
}
