package dev.journeykpi.report;

import dev.journeykpi.types.KpiKinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.DefinitionLoader;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.model.Period;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Notes in the views for people follow the language; every note the shipped definitions produce has a translation. */
class NoteTextTest {
  @Test
  void translatesEachPartAndKeepsNamesAndNumbers() {
    assertThat(NoteText.of("incomplete: data ends 2026-10-14; 2 blank answers left out; 11 open (no first_response_at)", "vi"))
        .isEqualTo("chưa đủ dữ liệu: dữ liệu dừng ở 2026-10-14; 2 câu trả lời trống bị loại; 11 đang mở (chưa có first_response_at)");
    assertThat(NoteText.of("promoters 45 (31.0%), passives 45 (31.0%), detractors 55 (37.9%)", "vi"))
        .isEqualTo("ủng hộ 45 (31,0%), trung lập 45 (31,0%), phản đối 55 (37,9%)");
    assertThat(NoteText.of("11 open (no first_response_at)", "en")).isEqualTo("11 open (no first_response_at)");
    assertThat(NoteText.of("something new", "vi")).isEqualTo("something new");
    // Decimals as Vietnamese write them; dates, times and ids untouched.
    assertThat(NoteText.of("AOV 635819.33 × frequency 1.0531 × lifespan 8.70 periods (1 ÷ churn 33/287)", "vi"))
        .isEqualTo("AOV 635.819,33 × tần suất 1,0531 × vòng đời 8,70 kỳ (1 ÷ tỷ lệ rời bỏ 33/287)");
    assertThat(NoteText.of("1 with first_response_at before created_at left out (e.g. created_at 2026-10-06 15:12 → "
        + "first_response_at 2026-10-06 14:52)", "vi")).contains("2026-10-06 15:12").contains("2026-10-06 14:52");
    assertThat(NoteText.of("promoters 45 (31.0%)", "en")).isEqualTo("promoters 45 (31.0%)");
    // A definition's time span: its English unit translated, a Vietnamese one kept.
    assertThat(NoteText.of("97 whose 7 days window runs past the data's end left out", "vi"))
        .isEqualTo("97 liên hệ có khung 7 ngày vượt quá cuối dữ liệu bị loại");
    assertThat(NoteText.of("3 whose 30 working days window runs past the data's end left out", "vi"))
        .isEqualTo("3 liên hệ có khung 30 ngày làm việc vượt quá cuối dữ liệu bị loại");
    assertThat(NoteText.of("3 whose 48 giờ window runs past the data's end left out", "vi"))
        .isEqualTo("3 liên hệ có khung 48 giờ vượt quá cuối dữ liệu bị loại");
  }

  @Test
  void aBacklogsUnitIsShownInTheLanguage() {
    assertThat(new ValueFormat("vi").human(59.0, "open")).isEqualTo("59 đang mở");
    assertThat(new ValueFormat("en").human(1250.0, "open")).isEqualTo("1,250 open");
  }

  @ParameterizedTest
  @CsvSource({"kpi-definitions/hotel-housekeeping.yaml,2026-10", "kpi-definitions/customer-service.yaml,2026-10",
      "kpi-definitions/retention.yaml,2026-10", "kpi-definitions/sales-journey.yaml,2026-Q3",
      "kpi-definitions/sales-journey.yaml,2026-10", "kpi-definitions/lead-stages.yaml,2026-Q3"})
  void everyNoteOfTheShippedDefinitionsIsTranslated(String config, String period) {
    var card = KpiEngine.run(KpiKinds.load(List.of(Path.of(config))),
        new RunRequest(List.of(Period.parse(period)), Map.of(), List.of()));
    assertThat(card.rows()).flatExtracting(r -> NoteText.untranslated(r.note())).isEmpty();
  }
}
