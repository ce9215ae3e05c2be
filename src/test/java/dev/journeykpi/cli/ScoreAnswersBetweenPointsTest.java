package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A survey answer between two points of the scale ("4,5" on 1–5) is no point of it: left out and
 * said, on both engines, where it once counted as an answer that is not positive (session 14's
 * hunt).
 */
class ScoreAnswersBetweenPointsTest {
  /**
   * CSAT answers 5, 4, "4,5", 3, 2 with positive [4, 5]: the four points 5, 4, 3, 2 are answers,
   * 4,5 is left out → top box 2 ÷ 4 = 0.5 (it was 2 ÷ 5 = 0.4), mean (5 + 4 + 3 + 2) ÷ 4 = 3.5. A
   * label mapped to 4.5 by `values:` stays an answer: "Khá" → 4.5 is not positive, mean (4.5 + 5) ÷
   * 2 = 4.75 for the second column's two answers (5 and Khá).
   */
  @Test
  void anAnswerBetweenTwoPointsIsLeftOutAndSaid(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("s.csv"),
        """
        Mã,Ngày,CSAT,Đánh giá
        1,01/10/2026,5,5
        2,02/10/2026,4,Khá
        3,03/10/2026,"4,5",
        4,04/10/2026,3,
        5,05/10/2026,2,
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("s.yaml"),
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          s:
            file: s.csv
            decimal: ","
            columns:
              at: { column: Ngày, type: date, format: dd/MM/yyyy }
              csat: CSAT
              rating: Đánh giá
        kpis:
          - { id: top, type: score, source: s, time: at, column: csat, scale: 1-5, positive: [4, 5] }
          - { id: mean, type: score, source: s, time: at, column: csat, scale: 1-5, stat: mean }
          - { id: mapped, type: score, source: s, time: at, column: rating, scale: 1-5, stat: mean,
              values: { Khá: 4.5 } }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("s.yaml")));
    RunRequest october = new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
    for (Scorecard s : List.of(KpiEngine.run(def, october), SqlKpiEngine.run(def, october))) {
      Map<String, ResultRow> by = new LinkedHashMap<>();
      for (ResultRow r : s.rows()) by.put(r.kpi(), r);
      assertThat(by.get("top").value()).isEqualTo(0.5);
      assertThat(by.get("top").denominator()).isEqualTo(4.0);
      assertThat(by.get("top").note())
          .contains("1 answers between two points of the scale left out")
          .contains("'4,5'");
      assertThat(by.get("mean").value()).isEqualTo(3.5);
      assertThat(by.get("mapped").value()).isEqualTo(4.75);
    }
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, october), SqlKpiEngine.run(def, october));
  }
}
