package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi leads} for score KPIs (issue 20, the feedback loop): an NPS's detractors (passives,
 * promoters with {@code --status}), a CSAT's low answers, a CES's hard experiences, one row per
 * answer, newest first, with the answer's id, breakdown columns and comment.
 */
class ScoreLeadsCliTest {
  @TempDir Path dir;

  /**
   * Ten answers on 0–10. In October, kept by the filter (channel not Test) and valid: A1 3, A2 9,
   * A3 6, A0 0, A4 7, A9 5 (A5 blank, A6 off the scale, A7 in September, A8 a Test row). Detractors
   * (0–6): A9 (31 Oct 23:59), then A0 and A3 (both 5 Oct 10:00: by id, A0 before A3), then A1 (3
   * Oct). Passive (7–8): A4. Promoter (9–10): A2.
   */
  static final String ANSWERS =
      """
      id,answered_at,channel,agent,nps,comment
      A1,2026-10-03 09:00,Zalo,Lan,3,Slow
      A2,2026-10-05 10:00,Email,Minh,9,
      A3,2026-10-05 10:00,Zalo,Lan,6,"=HYPERLINK(""http://x"")"
      A0,2026-10-05 10:00,Email,Lan,0,"Rude, twice"
      A4,2026-10-07 08:30,Zalo,Minh,7,ok
      A5,2026-10-08 11:00,Zalo,Minh,,no answer
      A6,2026-10-09 11:00,Email,Lan,11,off scale
      A7,2026-09-30 23:00,Email,Lan,2,September
      A8,2026-10-10 12:00,Test,Lan,1,test row
      A9,2026-10-31 23:59,Email,Minh,5,
      """;

  static final String DEFINITION =
      """
      version: 1
      timezone: Asia/Ho_Chi_Minh
      sources:
        survey:
          file: answers.csv
          columns:
            answer: id
            answered_at: { column: answered_at, type: datetime, format: yyyy-MM-dd HH:mm }
            channel: channel
            agent: agent
            nps: nps
            said: comment
      kpis:
        - id: nps
          preset: nps
          source: survey
          time: answered_at
          where: { channel: { not: Test } }
          by: [channel, agent]
          answer_id: answer
          comment: said
        - { id: nps_plain, preset: nps, source: survey, time: answered_at }
        - { id: volume, type: count, source: survey, time: answered_at }
      """;

  private Path def;

  @BeforeEach
  void write() throws Exception {
    Files.writeString(dir.resolve("answers.csv"), ANSWERS);
    def = dir.resolve("d.yaml");
    Files.writeString(def, DEFINITION);
  }

  private CliRunner.Result leads(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("leads", "-c", def.toString(), "--period", "2026-10", "--kpi"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void detractorsNewestFirstWithIdBreakdownAndCommentNeutralised() {
    CliRunner.Result r = leads("nps");
    assertThat(r.exitCode()).isEqualTo(0);
    // A3's comment would run as a formula in Excel: it gets a leading apostrophe.
    assertThat(r.out())
        .isEqualTo(
            """
            id,score,status,answered_at,channel,agent,comment
            A9,5,detractor,2026-10-31 23:59,Email,Minh,
            A0,0,detractor,2026-10-05 10:00,Email,Lan,"Rude, twice"
            A3,6,detractor,2026-10-05 10:00,Zalo,Lan,"'=HYPERLINK(""http://x"")"
            A1,3,detractor,2026-10-03 09:00,Zalo,Lan,Slow
            """);
    assertThat(r.err()).contains("4 answers");
  }

  @Test
  void passivesAndPromotersOnRequest() {
    assertThat(leads("nps", "--status", "passive").out())
        .endsWith("\nA4,7,passive,2026-10-07 08:30,Zalo,Minh,ok\n")
        .hasLineCount(2);
    assertThat(leads("nps", "--status", "promoter").out())
        .endsWith("\nA2,9,promoter,2026-10-05 10:00,Email,Minh,\n")
        .hasLineCount(2);
  }

  @Test
  void withoutIdOrCommentTheirCellsAreEmptyAndTheFilterIsTheKpis() {
    // nps_plain has no where: A8 (Test, 1) is a detractor too; no answer_id, no comment, no by.
    // A3 (6) and A0 (0) share 5 Oct 10:00 and, without ids, keep the export's order: A3 first.
    CliRunner.Result r = leads("nps_plain", "-q");
    assertThat(r.out())
        .isEqualTo(
            """
            id,score,status,answered_at,comment
            "",5,detractor,2026-10-31 23:59,
            "",1,detractor,2026-10-10 12:00,
            "",6,detractor,2026-10-05 10:00,
            "",0,detractor,2026-10-05 10:00,
            "",3,detractor,2026-10-03 09:00,
            """);
  }

  @Test
  void aStatusTheScoreHasNotAndAStatusOnAnotherTypeAreRefused() {
    CliRunner.Result bad = leads("nps", "--status", "low");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains(
            "--status for the nps score 'nps' is one of detractor, passive, promoter, found 'low'")
        .doesNotContain("Exception");
    CliRunner.Result count = leads("volume", "--status", "low");
    assertThat(count.exitCode()).isEqualTo(2);
    assertThat(count.err()).contains("is a count KPI; kpi leads lists").contains("a score KPI");
  }

  /**
   * The bundled customer-service kit, October 2026. Counted independently over the exports with
   * Python's csv module: in examples/customer-service/khao-sat-nps.csv, 157 answers dated
   * ../10/2026, 145 of them numbers in 0–10 (11 blank, one '11'): 55 of 0–6, 45 of 7–8, 45 of 9–10
   * (the scorecard's note says the same). In phieu-ho-tro.csv, 184 tickets created in October with
   * a valid "Mức hài lòng" (text mapped 1–5): 103 of 4–5 (CSAT 0.559783 = 103 ÷ 184), so 81 low;
   * and 184 with "Mức độ dễ dàng" in 1–7, 43 of them 1–3.
   */
  @Test
  void theCustomerServiceKitListsItsDetractorsLowScoresAndHardExperiences() {
    String kit = "kpi-definitions/customer-service.yaml";
    CliRunner.Result nps = run("leads", "-c", kit, "--kpi", "nps", "--period", "2026-10");
    assertThat(nps.exitCode()).isEqualTo(0);
    assertThat(nps.out().lines().count()).isEqualTo(1 + 55);
    assertThat(nps.out()).startsWith("id,score,status,answered_at,comment\n");
    assertThat(nps.out().lines().skip(1)).allMatch(l -> l.matches("KH-\\d{4},[0-6],detractor,.*"));
    // Newest first: the October rows of 0–6 sorted by date, the last two of 31/10/2026: KH-0008
    // (no comment) and KH-0304 ("Giao hàng chậm"), 6 each.
    assertThat(nps.out().lines().skip(1).limit(2))
        .containsExactly(
            "KH-0008,6,detractor,2026-10-31,", "KH-0304,6,detractor,2026-10-31,Giao hàng chậm");
    assertThat(
            run("leads", "-c", kit, "--kpi", "nps", "--status", "promoter", "--period", "2026-10")
                .out()
                .lines()
                .count())
        .isEqualTo(1 + 45);
    CliRunner.Result csat = run("leads", "-c", kit, "--kpi", "csat", "--period", "2026-10");
    assertThat(csat.out().lines().count()).isEqualTo(1 + 81);
    assertThat(csat.out().lines().skip(1)).allMatch(l -> l.matches("PH-\\d{6},[1-3],low,.*"));
    CliRunner.Result ces = run("leads", "-c", kit, "--kpi", "ces", "--period", "2026-10");
    assertThat(ces.out().lines().count()).isEqualTo(1 + 43);
    assertThat(ces.out().lines().skip(1)).allMatch(l -> l.matches("PH-\\d{6},[1-3],low,.*"));
  }

  /**
   * A CSAT with text answers, dated by day: "Tốt" maps to 4 and "Tệ" to 1. On 1–5 with positive [4,
   * 5], the low answers are C2 (1, "Tệ") and C3 (3); C1 (5) and C4 ("Tốt", 4) are positive; C5
   * ("?") is not recognised and not listed. Dates are written without a time of day.
   */
  @Test
  void aTopBoxScoreListsItsLowAnswersAsScoresOrItsPositiveOnes() throws Exception {
    Files.writeString(
        dir.resolve("csat.csv"),
        """
        ticket,day,csat
        C1,2026-10-01,5
        C2,2026-10-02,Tệ
        C3,2026-10-03,3
        C4,2026-10-04,Tốt
        C5,2026-10-05,?
        """);
    Path csat = dir.resolve("csat.yaml");
    Files.writeString(
        csat,
        """
        version: 1
        sources:
          t:
            file: csat.csv
            columns:
              ticket: ticket
              created_at: { column: day, type: date, format: yyyy-MM-dd }
              csat: csat
        kpis:
          - { id: csat, preset: csat, source: t, values: { Tốt: 4, Tệ: 1 }, answer_id: ticket }
        """);
    CliRunner.Result low =
        run("leads", "-c", csat.toString(), "--kpi", "csat", "--period", "2026-10", "-q");
    assertThat(low.out())
        .isEqualTo(
            """
            id,score,status,answered_at,comment
            C3,3,low,2026-10-03,
            C2,1,low,2026-10-02,
            """);
    CliRunner.Result positive =
        run(
            "leads",
            "-c",
            csat.toString(),
            "--kpi",
            "csat",
            "--status",
            "positive",
            "--period",
            "2026-10",
            "-q");
    assertThat(positive.out())
        .isEqualTo(
            """
            id,score,status,answered_at,comment
            C4,4,positive,2026-10-04,
            C1,5,positive,2026-10-01,
            """);
  }
}
