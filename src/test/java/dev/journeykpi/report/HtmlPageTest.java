package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.CliHarness;
import dev.journeykpi.model.Messages;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/** Issue 19: the page's summary, charts, time and well-formedness, worked out by hand. */
class HtmlPageTest {
  static final String HOTEL = "kpi-definitions/hotel-housekeeping.yaml";
  static final String SALES = "kpi-definitions/sales-journey.yaml";

  @TempDir Path dir;

  String page(String config, String... args) throws Exception {
    Path f = dir.resolve("page-" + Math.abs(List.of(args).hashCode()) + ".html");
    List<String> all = new ArrayList<>(List.of("report", "-c", config, "--no-timestamp"));
    all.addAll(List.of(args));
    all.addAll(List.of("-o", f.toString()));
    assertThat(CliHarness.exit(all.toArray(String[]::new))).isZero();
    return Files.readString(f);
  }

  /**
   * The summary comes before the journey. Hotel, October 2026 (the CSV's headline rows): Lưu trú
   * holds sheets_changed_rate (amber, target ≥ 90%), rs_answer_time (green, ≤ 3 min) and seven KPIs
   * without a target → 1 green, 1 amber, 0 red, 7 not judged; Trả phòng holds satisfied_guests
   * (red, ≥ 80%) and three without → 0, 0, 1, 3. Per department: Buồng phòng (housekeeping: the
   * amber one and three others) 0, 1, 0, 3; Nhà hàng (room service: the green one and four others)
   * 1, 0, 0, 4; Lễ tân 0, 0, 1, 3. The sheets card: 289/332 = 0.870482 → "87,0%"; September 273/307
   * = 0.889251, so the change is −1.88 points → "−1,9 điểm %"; amber.
   */
  @Test
  void summaryOnTop() throws Exception {
    String html = page(HOTEL, "--period", "2026-10", "--periods", "2", "--compare", "previous");
    int summary = html.indexOf("<section class=\"top\">");
    assertThat(summary).isPositive().isLessThan(html.indexOf("<h2>Lưu trú › Dọn phòng"));
    assertThat(html)
        .contains("<div class=\"periods\">Các kỳ: 2026-09, 2026-10</div>")
        .contains(
            "<tr><td>Lưu trú</td><td class=\"num green\">1</td><td class=\"num amber\">1</td>"
                + "<td class=\"num\">0</td><td class=\"num\">7</td></tr>")
        .contains(
            "<tr><td>Trả phòng</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                + "<td class=\"num red\">1</td><td class=\"num\">3</td></tr>")
        .contains(
            "<tr><td>Buồng phòng</td><td class=\"num\">0</td><td class=\"num amber\">1</td>"
                + "<td class=\"num\">0</td><td class=\"num\">3</td></tr>")
        .contains(
            "<tr><td>Nhà hàng</td><td class=\"num green\">1</td><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">4</td></tr>")
        .contains(
            "<tr><td>Lễ tân</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                + "<td class=\"num red\">1</td><td class=\"num\">3</td></tr>")
        .contains(
            "<div class=\"kpi st-amber\"><div class=\"k\">Phòng được thay ga</div>"
                + "<div class=\"v\">87,0%</div><div class=\"d\">thay đổi: −1,9 điểm %</div>"
                + "<div class=\"d\">vàng</div></div>");
    // In English with --lang en: the same counts under English words.
    assertThat(page(HOTEL, "--period", "2026-10", "--lang", "en"))
        .contains("<div class=\"periods\">Period: 2026-10</div>")
        .contains("<th title=\"no target, or no value to judge\">not judged</th>");
  }

  /**
   * --periods without --compare: the cards give the change from the period before the last, as
   * --compare previous would. Sheets changed: 0.870482 − 0.889251 = −1.88 points → "−1,9 điểm %";
   * room-service calls: 193 − 227 = −34, −34/227 = −15.0% → "−34 calls (−15,0%)".
   */
  @Test
  void cardsChangeFromThePeriodBefore() throws Exception {
    String html = page(HOTEL, "--period", "2026-10", "--periods", "2");
    assertThat(html)
        .contains("<div class=\"d\">thay đổi so với 2026-09: −1,9 điểm %</div>")
        .contains("<div class=\"d\">thay đổi so với 2026-09: −34 calls (−15,0%)</div>");
  }

  /**
   * 7 Dec 2026 10:05 UTC is 17:05 in Ho Chi Minh City (UTC+7); in English "7 Dec 2026 17:05", in
   * Vietnamese "17:05, ngày 7 tháng 12 năm 2026", both naming the zone.
   */
  @Test
  void generationTimeInTheDefinitionsZone() throws Exception {
    Instant at = Instant.parse("2026-12-07T10:05:00Z");
    ZoneId hcm = ZoneId.of("Asia/Ho_Chi_Minh");
    assertThat(HtmlRenderer.when(at, hcm, Messages.of("html", "en")))
        .isEqualTo("7 Dec 2026 17:05 (Asia/Ho_Chi_Minh)");
    assertThat(HtmlRenderer.when(at, hcm, Messages.of("html", "vi")))
        .isEqualTo("17:05, ngày 7 tháng 12 năm 2026 (Asia/Ho_Chi_Minh)");
    Path f = dir.resolve("timed.html");
    assertThat(CliHarness.exit("report", "-c", HOTEL, "--period", "2026-10", "-o", f.toString()))
        .isZero();
    assertThat(Files.readString(f))
        .containsPattern(
            "<div class=\"meta\">Tạo lúc \\d\\d:\\d\\d, ngày \\d+ tháng \\d+ năm \\d{4}"
                + " \\(Asia/Ho_Chi_Minh\\)</div>");
  }

  /**
   * The sales funnel of 2026-Q3 (entered: Lead marketing 185, Đã tìm hiểu 171, Đã liên hệ 150, …,
   * Đã gặp 55, Chốt đơn 34): bars 300, 171/185 × 300 = 277.30, 150/185 × 300 = 243.24, 34/185 × 300
   * = 55.14 px; drops (171 − 185)/185 = −7.6% → "−8%", (150 − 171)/171 = −12.3% → "−12%", (34 −
   * 55)/55 = −38.2% → "−38%". The table under it has no text bars any more.
   */
  @Test
  void funnelChartTrueToCounts() throws Exception {
    String html = page(SALES, "--period", "2026-Q3");
    assertThat(html)
        .contains("width=\"300\" height=\"18\" fill=\"#2563eb\"")
        .contains("width=\"277.3\" height=\"18\"")
        .contains("width=\"243.2\" height=\"18\"")
        .contains("width=\"55.1\" height=\"18\"")
        .contains("class=\"drop\">−8%</text>")
        .contains("class=\"drop\">−12%</text>")
        .contains("class=\"drop\">−38%</text>")
        .doesNotContain("█");
    ValueFormat en = new ValueFormat("en", "en");
    assertThat(HtmlCharts.drop(-0.4, en)).isEqualTo("−40%");
    assertThat(HtmlCharts.drop(-0.75, en)).isEqualTo("−75%");
    assertThat(HtmlCharts.drop(0.5, en)).isEqualTo("+50%");
  }

  /**
   * Four periods: each KPI's trend chart names all four (no cut-off at three) and the table has no
   * trend column; a breakdown (sheets changed per floor) is drawn as bars.
   */
  @Test
  void trendsAndBreakdownBars() throws Exception {
    String html = page(HOTEL, "--period", "2026-10", "--periods", "4");
    assertThat(html)
        .contains("<svg class=\"trend\"")
        .contains("class=\"tick\">2026-07</text>")
        .contains("class=\"tick\">2026-10</text>")
        .doesNotContain("<th>Xu hướng</th>")
        .contains("<figcaption>Phòng được thay ga theo nhóm</figcaption><svg class=\"chart bars\"");
  }

  /** Every page parses as XML (the PDF reads it so): the hotel with trends, a funnel, cohorts. */
  @Test
  void wellFormedXml() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (String html :
        List.of(
            page(HOTEL, "--period", "2026-10", "--periods", "3", "--compare", "previous"),
            page(SALES, "--period", "2026-Q3"),
            page("kpi-definitions/retention.yaml", "--period", "2026-10"))) {
      var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
    }
  }

  /** The page's phone and print layouts and the cards' labels, escaped for CSS and XML. */
  @Test
  void phoneAndPrintStyles() throws Exception {
    String html = page(HOTEL, "--period", "2026-10");
    assertThat(html)
        .contains("@media (max-width:600px){")
        .contains("@media print{")
        .contains("#t1 td:nth-child(2)::before{content:\"Tầng\"}");
    assertThat(HtmlStyle.cssString("a\"b\\c<d&e")).isEqualTo("a\\\"b\\\\c\\3c d\\26 e");
  }

  /** The page's own words exist in both languages, with as many %s. */
  @Test
  void catalogsInStep() {
    Messages en = Messages.of("html", "en");
    Messages vi = Messages.of("html", "vi");
    assertThat(vi.keys()).isEqualTo(en.keys()).contains("summary", "generated.format");
    for (String k : en.keys())
      assertThat(vi.get(k).split("%s", -1).length)
          .as(k)
          .isEqualTo(en.get(k).split("%s", -1).length);
  }
}
