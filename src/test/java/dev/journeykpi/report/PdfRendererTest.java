package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o report.pdf}: a real PDF, read back with PDFBox, Vietnamese text included. */
class PdfRendererTest {
  @TempDir Path dir;

  private static final String SERVICE = "kpi-definitions/customer-service.yaml";

  /**
   * The reopen rate of the customer-service example in October: 38 of 463 tickets reopened (the
   * golden service-2026-10.csv), 38 / 463 = 0.0821 → "8,2%" in the definition's Vietnamese locale,
   * against a target of at most 5% ("≤ 5,0%"), so red: "đỏ". The label "Tỷ lệ mở lại" must come
   * back as text, which needs a font with Vietnamese glyphs embedded.
   */
  @Test
  void thePdfHoldsTheKpisNamesAndValuesAsText() throws Exception {
    Path pdf = dir.resolve("report.pdf");
    CliHarness.Output r =
        CliHarness.run(
            "report",
            "-c",
            SERVICE,
            "--period",
            "2026-10",
            "--kpi",
            "reopen_rate",
            "-q",
            "-o",
            pdf.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty(); // no library logging on stderr
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Tỷ lệ mở lại")
          .contains("8,2%")
          .contains("38 / 463")
          .contains("≤ 5,0%")
          .contains("đỏ");
      // The bundled fonts are embedded: the page does not depend on the reader's fonts.
      var fonts = new java.util.TreeSet<String>();
      for (var name : doc.getPage(0).getResources().getFontNames())
        fonts.add(doc.getPage(0).getResources().getFont(name).getName().replaceAll("^.{6}\\+", ""));
      assertThat(fonts).contains("NotoSans-Regular", "NotoSans-Bold");
      for (var name : doc.getPage(0).getResources().getFontNames())
        assertThat(doc.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
    }
  }

  /** --no-timestamp: the same bytes on every run (no creation time, no clock-made /ID). */
  @Test
  void noTimestampGivesTheSameBytesAndFormatPdfNamesTheFormat() throws Exception {
    Path a = dir.resolve("a.pdf");
    Path b = dir.resolve("b"); // no extension: --format pdf says what it is
    String[] base = {
      "report", "-c", SERVICE, "--period", "2026-10", "--kpi", "reopen_rate", "-q", "--no-timestamp"
    };
    assertThat(CliHarness.exit(with(base, "-o", a.toString()))).isZero();
    Thread.sleep(1100); // another second on the clock
    assertThat(CliHarness.exit(with(base, "--format", "pdf", "-o", b.toString()))).isZero();
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    // To standard output a PDF is refused, as a workbook is (exit 2).
    CliHarness.Output out = CliHarness.run(with(base, "--format", "pdf"));
    assertThat(out.exitCode()).isEqualTo(2);
    assertThat(out.err()).isEqualTo("kpi: a PDF is written to a file: use -o FILE.pdf\n");
  }

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
