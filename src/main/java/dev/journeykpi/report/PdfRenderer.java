package dev.journeykpi.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;

/**
 * The HTML page as a PDF ({@code -o report.pdf}), laid out by openhtmltopdf (CSS 2.1 with paged
 * media, PDFBox underneath): the same page a browser shows, on A4 landscape pages, with a font
 * bundled in the jar so that Vietnamese prints on any machine.
 *
 * <p>The page is HTML5, not XHTML, so it is parsed by jsoup (lenient, as browsers parse) into the
 * W3C DOM openhtmltopdf lays out. Inline SVG (the page's charts) is not drawn: openhtmltopdf draws
 * it only with its Batik-based module, which would add several megabytes to every kpi.jar for a
 * view the page and the workbook already give (docs/output.md); the tables, numbers and statuses
 * are all there.
 */
public final class PdfRenderer {
  /**
   * Noto Sans, regular and bold, cut to Latin and Vietnamese, then Noto Sans Math for ≤ ≥ − →
   * (resources dev/journeykpi/fonts/README.md says how they were made, OFL.txt their licence).
   */
  private static final String FONT = "kpi sans";

  private static final String SYMBOLS = "kpi symbols";

  /**
   * Print adjustments on top of the page's own style: pages of A4 landscape, one font, and the wide
   * tables wrapped rather than scrolled (a PDF page does not scroll sideways).
   */
  private static final String PRINT_CSS =
      """
      @page{size:A4 landscape;margin:12mm}
      *{font-family:"kpi sans","kpi symbols" !important}
      body{margin:0;font-size:9pt}
      .wrap{overflow:visible !important}
      table{font-size:8pt;min-width:0;width:100%;-fs-table-paginate:paginate}
      th,td{white-space:normal !important}
      tr{page-break-inside:avoid}
      svg{display:none}
      """;

  /** The creation time of a stable PDF (--no-timestamp), as in a stable workbook. */
  private static final long STABLE_TIME =
      java.time.Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

  private final View view;
  private final java.time.Instant generatedAt;

  /**
   * @param generatedAt when the page was made, or null for none (--no-timestamp)
   */
  public PdfRenderer(View view, java.time.Instant generatedAt) {
    this.view = view;
    this.generatedAt = generatedAt;
  }

  public void render(Scorecard card, OutputStream out) throws IOException {
    StringWriter html = new StringWriter();
    new HtmlRenderer(view, generatedAt).render(card, html);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html.toString());
    page.head().appendElement("style").appendText(PRINT_CSS);
    // openhtmltopdf reports through java.util.logging, which would print on stderr.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    PdfRendererBuilder pdf = new PdfRendererBuilder();
    pdf.useFastMode();
    pdf.useFont(() -> font("NotoSans-Regular.ttf"), FONT, 400, FontStyle.NORMAL, true);
    pdf.useFont(() -> font("NotoSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
    pdf.useFont(() -> font("NotoSansMath-Regular.ttf"), SYMBOLS, 400, FontStyle.NORMAL, true);
    pdf.withW3cDocument(org.jsoup.helper.W3CDom.convert(page), null);
    pdf.withProducer("kpi");
    try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = pdf.buildPdfRenderer();
        org.apache.pdfbox.pdmodel.PDDocument doc = renderer.createPDFKeepOpen()) {
      if (generatedAt == null) {
        // --no-timestamp: the same bytes on every run. openhtmltopdf dates the document now, and
        // PDFBox derives its /ID from the clock unless given a number.
        java.util.Calendar epoch =
            java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        epoch.setTimeInMillis(STABLE_TIME);
        doc.getDocumentInformation().setCreationDate(epoch);
        doc.setDocumentId(STABLE_TIME);
      }
      doc.save(out);
    }
  }

  private static InputStream font(String file) {
    InputStream in = PdfRenderer.class.getResourceAsStream("/dev/journeykpi/fonts/" + file);
    if (in == null) throw new IllegalStateException("kpi.jar lacks its PDF font " + file);
    return in;
  }
}
