package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent → team → department: the teams are looked up from the agent and the departments from the
 * team through tables in the YAML, and a roll-up shows every level, each recomputed from its rows.
 */
class RollupTest {
  @TempDir Path dir;

  /**
   *
   *
   * <pre>
   * agent  minutes  team (looked up)  department (looked up)
   * Hà     10       Bắc               CSKH
   * Hà     20       Bắc               CSKH
   * Bảo    60       Bắc               CSKH
   * Nam    5        Nam               CSKH
   * Mai    15       Nam               CSKH
   * Lan    40       (not in the map: blank, counted)
   * </pre>
   *
   * Mean minutes: Hà 15, Bảo 60, team Bắc (10 + 20 + 60) / 3 = 30 — not the mean of its agents'
   * means, (15 + 60) / 2 = 37.5. Nam 5, Mai 15, team Nam 10; CSKH (10 + 20 + 60 + 5 + 15) / 5 = 22;
   * the blank department 40; total 150 / 6 = 25.
   */
  @Test
  void everyLevelIsRecomputedFromItsRows() throws IOException {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        Ngày,Nhân viên,Phút
        01/10/2026,Hà,10
        02/10/2026,Hà,20
        03/10/2026,Bảo,60
        04/10/2026,Nam,5
        05/10/2026,Mai,15
        06/10/2026,Lan,40
        """);
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          s:
            file: t.csv
            columns:
              day: { column: Ngày, format: dd/MM/yyyy }
              agent: Nhân viên
              minutes: { column: Phút, type: number }
              team: { from: agent, map: { Hà: Bắc, Bảo: Bắc, Nam: Nam, Mai: Nam } }
              department: { from: team, map: { Bắc: CSKH, Nam: CSKH } }
        kpis:
          - { id: m, type: mean, column: minutes, source: s, time: day, by: [department, team, agent], rollup: true }
        """);
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(f)),
            new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
    assertThat(card.rows())
        .extracting(r -> String.join("/", r.dims().values()) + "=" + r.value())
        .containsExactly(
            "CSKH/(total)/(total)=22.0",
            "CSKH/Bắc/(total)=30.0",
            "CSKH/Bắc/Bảo=60.0",
            "CSKH/Bắc/Hà=15.0",
            "CSKH/Nam/(total)=10.0",
            "CSKH/Nam/Mai=15.0",
            "CSKH/Nam/Nam=5.0",
            "(blank)/(total)/(total)=40.0",
            "(blank)/(blank)/(total)=40.0",
            "(blank)/(blank)/Lan=40.0",
            "(total)/(total)/(total)=25.0");
    assertThat(card.quality().get(0).blanked())
        .containsOnlyKeys("agent value not in the map of team");
    assertThat(card.quality().get(0).blanked().get("agent value not in the map of team").count())
        .isEqualTo(1);
  }

  @Test
  void lookupMistakesAreReported() throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          s:
            file: t.csv
            columns:
              agent: Nhân viên
              team: { from: agnet, map: { Hà: Bắc } }
              department: { from: team, column: Bộ phận }
        kpis:
          - { id: m, type: count, source: s, time: none, by: [agent], rollup: true }
        """);
    var loader = KpiKinds.loader();
    loader.read(List.of(f));
    assertThat(loader.diagnostics().sorted())
        .extracting(Object::toString)
        .containsExactly(
            f
                + ":6:7: error: source 's' column 'team' is computed from unknown column 'agnet' (did you mean 'agent'?); it must be declared above it",
            f
                + ":7:19: error: source 's' column 'department' needs 'map': each value of team and what it stands for",
            f
                + ":7:33: error: source 's' column 'department': 'column' does not apply to a lookup column (from + map)",
            f
                + ":9:71: error: kpi 'm': rollup needs 'by' to list at least two levels, top first, e.g. by: [department, team, agent]");
  }

  /**
   * amount = quantity × unit price per row: 2 × 10 + 3 × 1.5 + (blank price) = 24.5; the blank
   * factor gives a blank.
   */
  @Test
  void multipliedColumn() throws IOException {
    Files.writeString(
        dir.resolve("t.csv"),
        "Ngày,SL,Đơn giá\n01/10/2026,2,10\n02/10/2026,3,\"1,5\"\n03/10/2026,4,\n");
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources:
          s:
            file: t.csv
            decimal: ","
            columns:
              day: { column: Ngày, format: dd/MM/yyyy }
              quantity: { column: SL, type: number }
              price: { column: Đơn giá, type: number }
              amount: { multiply: [quantity, price] }
        kpis:
          - { id: m, type: sum, column: amount, source: s, time: day }
        """);
    ResultRow r =
        KpiEngine.run(
                KpiKinds.load(List.of(f)),
                new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()))
            .rows()
            .get(0);
    assertThat(r.value()).isEqualTo(24.5);
    assertThat(r.note()).contains("1 rows without amount skipped");
  }
}
