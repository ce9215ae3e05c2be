package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.model.Messages;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Notes in the views for people follow the language; every note the shipped definitions produce has
 * a translation. (Was NoteTextTest, when the views translated the English back with regular
 * expressions; the expectations are the same.)
 */
class NotesTextTest {
  private static String vi(Note... notes) {
    return Notes.of(notes).text("vi");
  }

  private static String en(Note... notes) {
    return Notes.of(notes).text("en");
  }

  @Test
  void translatesEachPartAndKeepsNamesAndNumbers() {
    assertThat(
            vi(
                Note.of(Code.INCOMPLETE_DATA_ENDS, LocalDate.of(2026, 10, 14)),
                Note.of(Code.BLANK_ANSWERS, 2),
                Note.of(Code.OPEN, 11, "first_response_at")))
        .isEqualTo(
            "chưa đủ dữ liệu: dữ liệu dừng ở 2026-10-14; 2 câu trả lời trống bị loại; 11 đang mở (chưa có first_response_at)");
    Note nps =
        Note.of(
            Code.NPS_SPLIT,
            45,
            Note.decimal(31.0, 1),
            45,
            Note.decimal(31.0, 1),
            55,
            Note.decimal(37.9, 1));
    assertThat(vi(nps)).isEqualTo("ủng hộ 45 (31,0%), trung lập 45 (31,0%), phản đối 55 (37,9%)");
    assertThat(en(Note.of(Code.OPEN, 11, "first_response_at")))
        .isEqualTo("11 open (no first_response_at)");
    // Decimals as Vietnamese write them; dates, times and ids untouched.
    assertThat(
            vi(
                Note.of(
                    Code.CLV_FROM_CHURN,
                    Note.decimal(635819.33, 2),
                    Note.decimal(1.0531, 4),
                    Note.decimal(8.7, 2),
                    33,
                    287)))
        .isEqualTo("AOV 635.819,33 × tần suất 1,0531 × vòng đời 8,70 kỳ (1 ÷ tỷ lệ rời bỏ 33/287)");
    assertThat(
            vi(
                Note.of(
                    Code.END_BEFORE_START_EXAMPLES,
                    1,
                    "first_response_at",
                    "created_at",
                    "created_at 2026-10-06 15:12 → first_response_at 2026-10-06 14:52")))
        .contains("2026-10-06 15:12")
        .contains("2026-10-06 14:52");
    assertThat(en(nps))
        .isEqualTo("promoters 45 (31.0%), passives 45 (31.0%), detractors 55 (37.9%)");
    // A definition's time span: its English unit translated, a Vietnamese one kept.
    assertThat(vi(Note.of(Code.WINDOW_PAST_DATA_END, 97, "7 days")))
        .isEqualTo("97 liên hệ có khung 7 ngày vượt quá cuối dữ liệu bị loại");
    assertThat(vi(Note.of(Code.WINDOW_PAST_DATA_END, 3, "30 working days")))
        .isEqualTo("3 liên hệ có khung 30 ngày làm việc vượt quá cuối dữ liệu bị loại");
    assertThat(vi(Note.of(Code.WINDOW_PAST_DATA_END, 3, "48 giờ")))
        .isEqualTo("3 liên hệ có khung 48 giờ vượt quá cuối dữ liệu bị loại");
  }

  @Test
  void notesTheOldTranslatorLeftInEnglishAreTranslated() {
    assertThat(vi(Note.of(Code.ROWS_WITHOUT_NOT_COUNTED, 2, "customer_id")))
        .isEqualTo("2 dòng không có customer_id không được đếm");
    assertThat(vi(Note.of(Code.LIFESPAN_CHURN_NOT_COMPUTABLE)))
        .isEqualTo("vòng đời = 1 ÷ tỷ lệ rời bỏ, mà tỷ lệ rời bỏ không tính được");
    assertThat(
            vi(
                Note.of(
                    Code.END_BEFORE_START_EXAMPLES,
                    3,
                    "b",
                    "a",
                    "a 2026-10-01 → b 2026-09-30; a 2026-10-02 → b 2026-09-30; …")))
        .isEqualTo(
            "3 dòng có b trước a bị loại (ví dụ a 2026-10-01 → b 2026-09-30; a 2026-10-02 → b 2026-09-30; …)");
  }

  @Test
  void aBacklogsUnitIsShownInTheLanguage() {
    assertThat(new ValueFormat("vi").human(59.0, "open")).isEqualTo("59 đang mở");
    assertThat(new ValueFormat("en").human(1250.0, "open")).isEqualTo("1,250 open");
  }

  @ParameterizedTest
  @CsvSource({
    "kpi-definitions/hotel-housekeeping.yaml,2026-10",
    "kpi-definitions/customer-service.yaml,2026-10",
    "kpi-definitions/retention.yaml,2026-10",
    "kpi-definitions/sales-journey.yaml,2026-Q3",
    "kpi-definitions/sales-journey.yaml,2026-10",
    "kpi-definitions/lead-stages.yaml,2026-Q3"
  })
  void everyNoteOfTheShippedDefinitionsIsTranslated(String config, String period) {
    var card =
        KpiEngine.run(
            KpiKinds.load(List.of(Path.of(config))),
            new RunRequest(List.of(Period.parse(period)), Map.of(), List.of()));
    // Translated: each note's Vietnamese template differs from its English one (E/N/S is the same
    // in both).
    Messages en = Messages.notes("en"), vi = Messages.notes("vi");
    assertThat(card.rows())
        .flatExtracting(r -> r.notes().parts())
        .filteredOn(n -> n.code() != Code.RETENTION_PARTS)
        .allSatisfy(
            n ->
                assertThat(vi.get(n.code().key()))
                    .as(n.code().name())
                    .isNotEqualTo(en.get(n.code().key())));
  }
}
