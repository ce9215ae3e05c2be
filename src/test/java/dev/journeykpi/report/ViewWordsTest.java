package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.types.KpiKinds;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the views for people (terminal, Markdown, HTML, the workbook's Scorecard sheet) speak
 * the reader's language — breakdown values, all time, units — while CSV and JSON keep the data's
 * words; the breakdown column is named after the dimension; a note repeating the row above's is
 * written once; a funnel table fits the terminal.
 */
class ViewWordsTest {
  static final String HOTEL = "kpi-definitions/hotel-housekeeping.yaml";
  static final String SHEETS = "sheets_changed_rate";

  private static Scorecard card(String definition, Period period) {
    return KpiEngine.run(
        KpiKinds.load(List.of(java.nio.file.Path.of(definition))),
        new RunRequest(List.of(period), Map.of(), List.of()));
  }

  /** The hotel's October, the rows of sheets_changed_rate (by floor) changed by {@code change}. */
  private static Scorecard hotel(UnaryOperator<ResultRow> change) {
    Scorecard card = card(HOTEL, Period.parse("2026-10"));
    List<ResultRow> rows =
        card.rows().stream().map(r -> r.kpi().equals(SHEETS) ? change.apply(r) : r).toList();
    return new Scorecard(card.definition(), card.periods(), rows, card.quality());
  }

  private static ResultRow with(ResultRow r, Map<String, String> dims, Notes notes) {
    return new ResultRow(
        r.kpi(),
        r.label(),
        r.period(),
        dims,
        r.value(),
        r.unit(),
        r.numerator(),
        r.denominator(),
        r.n(),
        r.target(),
        r.status(),
        r.previous(),
        r.delta(),
        r.deltaRelative(),
        r.complete(),
        notes);
  }

  private static String render(Renderer renderer, Scorecard card) throws Exception {
    StringWriter out = new StringWriter();
    renderer.render(card, out);
    return out.toString();
  }

  private static String terminal(Scorecard card, String lang, int width) throws Exception {
    return render(new TerminalRenderer(new View(false, lang, width)), card);
  }

  /** Floor 5's rows as if the export had no floor there: the data value (blank). */
  private static Scorecard hotelWithBlankFloor() {
    return hotel(
        r ->
            "5".equals(r.dims().get("floor"))
                ? with(r, Map.of("floor", ResultRow.BLANK), r.notes())
                : r);
  }

  @Test
  void blankAndTotalAreWordsOfTheViewAndDataValuesInCsv() throws Exception {
    Scorecard card = hotelWithBlankFloor();
    // Floor 5 of the golden (hotel-by-owner.txt): 88.3%, n 60, 53 / 60.
    assertThat(terminal(card, "vi", 0))
        .containsPattern("\n +\\(trống\\) +88,3% +60 +53 / 60 ")
        .doesNotContain("(blank)");
    // The hotel writes its numbers the Vietnamese way (locale: vi) for an English reader too.
    assertThat(terminal(card, "en", 0)).containsPattern("\n +\\(blank\\) +88,3% +60 +53 / 60 ");
    assertThat(render(new MarkdownRenderer(new View(false, "vi")), card)).contains("| (trống) |");
    assertThat(render(new CsvRenderer(), card))
        .contains(SHEETS + ",Phòng được thay ga,2026-10,(blank),");
    // A part total (one dimension summed over, another not) is a word of the view too.
    assertThat(Labels.of("vi").value(ResultRow.TOTAL)).isEqualTo("(tổng)");
    assertThat(Labels.of("en").value(ResultRow.TOTAL)).isEqualTo("(total)");
    assertThat(Labels.of("vi").value("Tầng 1")).isEqualTo("Tầng 1");
  }

  @Test
  void allTimeIsAWordOfTheView() throws Exception {
    Scorecard card = card(HOTEL, Period.ALL);
    String vi = terminal(card, "vi", 0);
    assertThat(vi.lines().findFirst().orElseThrow())
        .isEqualTo("Khách sạn — touchpoint scorecard — toàn bộ");
    assertThat(vi).contains("  Chỉ số ").contains(" toàn bộ ").doesNotContain(" all ");
    assertThat(terminal(card, "en", 0).lines().findFirst().orElseThrow())
        .isEqualTo("Khách sạn — touchpoint scorecard — all");
    assertThat(render(new CsvRenderer(), card)).contains(",all,");
  }

  @Test
  void kpisOutsideAJourneyAreTitledInTheReadersLanguage() throws Exception {
    // The incident process has no journey: its KPIs are one section.
    Scorecard card = card("kpi-definitions/incident-process.yaml", Period.parse("2026-09"));
    assertThat(terminal(card, "vi", 0)).contains("\n\nCác chỉ số   1 xanh · 0 vàng · 0 đỏ\n");
    assertThat(terminal(card, "en", 0)).contains("\n\nKPIs   1 green · 0 amber · 0 red\n");
  }

  @Test
  void timeUnitsAndPointsInTheReadersLanguage() {
    ValueFormat vi = new ValueFormat("vi", "vi");
    // One decimal, Vietnamese marks: 4.56 → "4,6"; 9.6 → "9,6"; 1.5 → "1,5"; seconds whole.
    assertThat(vi.human(4.56, "minutes")).isEqualTo("4,6 phút");
    assertThat(vi.human(9.6, "hours")).isEqualTo("9,6 giờ");
    assertThat(vi.human(1.5, "days")).isEqualTo("1,5 ngày");
    assertThat(vi.human(42.0, "seconds")).isEqualTo("42 giây");
    // A change of a rate: 0.025 is 2.5 percentage points.
    assertThat(vi.change(0.025, null, "%")).isEqualTo("+2,5 điểm %");
    assertThat(vi.target(dev.journeykpi.model.Target.atMost(30.0), "minutes"))
        .isEqualTo("≤ 30,0 phút");
    // The numbers follow the definition's locale, the words the reader's language.
    ValueFormat enNumbersViWords = new ValueFormat("en", "vi");
    assertThat(enNumbersViWords.human(1250.5, "minutes")).isEqualTo("1,250.5 phút");
    ValueFormat viNumbersEnWords = new ValueFormat("vi", "en");
    assertThat(viNumbersEnWords.human(1250.5, "minutes")).isEqualTo("1.250,5 min");
    assertThat(viNumbersEnWords.change(-0.025, null, "%")).isEqualTo("−2,5 pp");
    // A backlog's "open" follows the reader too; the one-argument form (stderr's breach lines)
    // keeps the locale's, as before.
    assertThat(viNumbersEnWords.human(59.0, "open")).isEqualTo("59 open");
    assertThat(new ValueFormat("vi").human(59.0, "open")).isEqualTo("59 đang mở");
    assertThat(new ValueFormat("vi").human(4.56, "minutes")).isEqualTo("4,6 min");
    // Free-text units are the definition's words.
    assertThat(vi.human(60.0, "rooms")).isEqualTo("60 rooms");
  }

  @Test
  void theWorkbookScorecardWritesUnitsInTheReadersLanguage() throws Exception {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      XlsxRenderer.Styles st = new XlsxRenderer.Styles(wb);
      ValueFormat vi = new ValueFormat("vi", "vi");
      assertThat(st.shown("minutes", vi).getDataFormatString()).isEqualTo("0.0\" phút\"");
      assertThat(st.shown("hours", vi).getDataFormatString()).isEqualTo("0.0\" giờ\"");
      assertThat(st.shown("days", vi).getDataFormatString()).isEqualTo("0.0\" ngày\"");
      // A count's default unit is not written, as the terminal does not write it.
      assertThat(st.shown("rows", vi).getDataFormatString()).isEqualTo("#,##0.##");
      assertThat(st.shown("rows").getDataFormatString()).isEqualTo("#,##0.##");
      // The English form is still there for an English reader of the same workbook code.
      assertThat(st.shown("minutes").getDataFormatString()).isEqualTo("0.0\" min\"");
    }
  }

  @Test
  void theBreakdownColumnIsNamedAfterTheSectionsDimension() throws Exception {
    Scorecard card = hotel(UnaryOperator.identity());
    String vi = terminal(card, "vi", 0);
    // Dọn phòng breaks down by floor (export header "Tầng"), Phục vụ phòng by channel ("Kênh").
    assertThat(vi)
        .contains(
            "Lưu trú › Dọn phòng  (phụ trách: Buồng phòng)   0 xanh · 1 vàng · 0 đỏ\n  Chỉ số  ")
        .containsPattern("\n  Chỉ số +Tầng +2026-10 ")
        .containsPattern("\n  Chỉ số +Kênh +2026-10 ");
    // The same header in English: it is the export's word.
    assertThat(terminal(card, "en", 0)).containsPattern("\n  KPI +Tầng +2026-10 ");
    assertThat(render(new MarkdownRenderer(new View(false, "vi")), card))
        .contains("| Chỉ số | Tầng | 2026-10 |");
    // A section whose KPIs break down by different columns keeps the generic word: the
    // customer service's tickets (by channel, by department › team › agent, by priority).
    String service =
        terminal(card("kpi-definitions/customer-service.yaml", Period.parse("2026-10")), "vi", 0);
    assertThat(service)
        .containsPattern("Tiếp nhận › Phiếu hỗ trợ .*\n  Chỉ số +Phân nhóm ")
        .containsPattern("Đội ngũ › Nhân sự .*\n  Chỉ số +Bộ phận ");
  }

  @Test
  void aNoteRepeatingTheRowAbovesIsWrittenOnce() throws Exception {
    Note a = Note.of(Note.Code.INCOMPLETE_DATA_ENDS, LocalDate.of(2026, 10, 14));
    Note b = Note.of(Note.Code.BLANK_ANSWERS, 2L);
    Note c = Note.of(Note.Code.BLANK_ANSWERS, 1L);
    Map<String, Notes> byFloor =
        Map.of(
            ResultRow.TOTAL,
            Notes.of(a, b),
            "1",
            Notes.of(a, b), // the same: "as above"
            "2",
            Notes.of(a, b, c), // the one above and more: "as above; " and the rest
            "3",
            Notes.of(a), // only part of the one above: whole
            "4",
            Notes.of(c), // different: whole
            "5",
            Notes.NONE);
    Scorecard card =
        hotel(r -> with(r, r.dims(), byFloor.getOrDefault(r.dims().get("floor"), r.notes())));
    String en = terminal(card, "en", 0);
    assertThat(en)
        .containsPattern("Total .*  incomplete: data ends 2026-10-14; 2 blank answers left out\n")
        .containsPattern("\n +1 .*  ″ as above\n")
        .containsPattern("\n +2 .*  ″ as above; 1 blank answers left out\n")
        .containsPattern("\n +3 .*  incomplete: data ends 2026-10-14\n")
        .containsPattern("\n +4 .*  1 blank answers left out\n")
        .containsPattern("\n +5 .*amber\n");
    assertThat(render(new MarkdownRenderer(new View(false, "vi")), card))
        .contains(" | vàng | ″ như trên |\n")
        .contains(" | vàng | ″ như trên; 1 câu trả lời trống bị loại |\n");
    // The workbook and the page keep every note whole.
    String html = render(new HtmlRenderer(new View(false, "en"), null), card);
    assertThat(html).doesNotContain("″");
    // CSV carries every note whole, in English.
    assertThat(render(new CsvRenderer(), card)).doesNotContain("″");
  }

  @Test
  void aFunnelTableFitsTheWidth() throws Exception {
    Scorecard card = card("kpi-definitions/incident-process.yaml", Period.parse("2026-09"));
    String fitted = terminal(card, "en", 100);
    // Columns without the bars: stage 11 ("In Progress"), owner 12 ("Service Desk"), Entered 7,
    // → next 6, from first 10, Dropped 8 ("1 (0.9%)"), Lost 4, median 6 ("14.1 h"), p90 7
    // ("115.8 h"): 71, with 9 gaps of 2 and the bars' column, and the indent of 2. As --width 0
    // draws it (bars of 20, "to next (hours)" 15 wide): 71 + 20 + 18 + 9 + 2 = 120. The short
    // header ("median"): 111. Bars of 12: 103, still three too many. Bars of 6: 97, a rule of 95.
    // In 6 cells (48 eighths), In Progress's 74 of 116 is round(0.638 × 48) = 31 eighths: 3
    // blocks and ▉; Resolved's 108 of 116 is round(44.69) = 45: 5 blocks and ▋.
    String table = fitted.substring(fitted.indexOf("Incident flow — 2026-09\n"));
    List<String> lines = table.lines().toList();
    assertThat(lines.get(1))
        .isEqualTo(
            "  Stage        owner         Entered          → next  from first   Dropped  Lost"
                + "  median      p90");
    assertThat(lines.get(2)).isEqualTo("  " + "─".repeat(95));
    assertThat(lines.get(4)).startsWith("  In Progress                     74  ███▉     90.5%");
    assertThat(lines.get(5)).startsWith("  Resolved                       108  █████▋  100.0%");
    // Without a width, as before: bars of 20, the unit in the header.
    String whole = terminal(card, "en", 0);
    assertThat(whole).contains("  to next (hours)      p90\n").contains("████████████████████");
    // Every line of the three funnel definitions fits 100 columns, in both languages.
    for (String[] d :
        new String[][] {
          {"kpi-definitions/incident-process.yaml", "2026-09"},
          {"kpi-definitions/lead-stages.yaml", "2026-Q3"},
          {"kpi-definitions/sales-journey.yaml", "2026-Q3"}
        }) {
      Scorecard c = card(d[0], Period.parse(d[1]));
      for (String lang : List.of("en", "vi")) {
        for (String line : terminal(c, lang, 100).lines().toList())
          assertThat(DisplayWidth.of(line))
              .as(d[0] + " " + lang + ": " + line)
              .isLessThanOrEqualTo(100);
      }
    }
  }

  @Test
  void aStepTableNamesEachStepByWhereItLeadsWhenNarrow() throws Exception {
    Scorecard card = card("kpi-definitions/sales-journey.yaml", Period.parse("2026-Q3"));
    String fitted = terminal(card, "en", 100);
    String steps = fitted.substring(fitted.indexOf("— steps by campaign\n"));
    // "Lead marketing → Đã tìm hiểu" becomes "→ Đã tìm hiểu"; the longest, "→ Hẹn gặp / Yêu
    // cầu hợp đồng" (28), gives way first, down to 9 columns; the campaigns stay whole.
    assertThat(steps.lines().skip(1).findFirst().orElseThrow())
        .startsWith("  campaign ")
        .contains("→ Đã liên hệ")
        .contains("→ Hẹn gặ…")
        .doesNotContain("Lead marketing →");
    assertThat(steps).contains("  Hội chợ triển lãm ");
  }

  @Test
  void aCohortTriangleTooWideShowsWholePercentages() throws Exception {
    Scorecard card = card("kpi-definitions/retention.yaml", Period.parse("2026-10"));
    // As --width 0 draws it: indent 2, cohort 7, gap 2, customers 8, gap 2, +0 6 ("100,0%"),
    // then 11 ages of 2 + 5 ("64,3%") = 104 columns. In whole percentages: the +0 column is 4
    // ("100%"), the others 3 ("64%", "+10"): 2 + 7 + 2 + 8 + 2 + 4 + 11 × 5 = 80.
    String whole = terminal(card, "vi", 0);
    assertThat(whole)
        .contains(
            "  2025-11        14  100,0%  64,3%  71,4%  50,0%  50,0%  42,9%  28,6%  35,7%  42,9%"
                + "  28,6%  42,9%  28,6%\n");
    String fitted = terminal(card, "vi", 100);
    // 64.3 → 64, 71.4 → 71, 42.9 → 43, 28.6 → 29, 35.7 → 36 (half up).
    assertThat(fitted)
        .contains(
            "  Nhóm     Số khách    +0   +1   +2   +3   +4   +5   +6   +7   +8   +9  +10  +11\n")
        .contains(
            "  2025-11        14  100%  64%  71%  50%  50%  43%  29%  36%  43%  29%  43%  29%\n")
        .contains("  " + "─".repeat(78) + "\n");
    // The CSV keeps the fractions.
    assertThat(render(new CsvRenderer(), card)).doesNotContain("64%");
  }
}
