package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --compare. Tickets: September 2025 has 2 (1 reopened), September 2026 has 2 (0 reopened), October
 * 2026 has 5 (1 reopened, 3 by email).
 */
class ComparisonTest {
  @TempDir Path dir;

  List<ResultRow> run(RunRequest.Compare with, String period) throws Exception {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        created,channel,reopened
        2025-09-10,email,yes
        2025-09-11,phone,no
        2026-09-15,email,no
        2026-09-16,email,no
        2026-10-01,email,no
        2026-10-02,email,yes
        2026-10-03,phone,no
        2026-10-04,chat,no
        2026-10-05,email,no
        """);
    Files.writeString(
        dir.resolve("d.yaml"),
        """
        sources:
          t:
            file: t.csv
            columns:
              created: { column: created, type: date }
              channel: channel
              reopened: { column: reopened, type: boolean }
        kpis:
          - { id: volume, type: count, source: t, time: created, by: [channel] }
          - { id: reopen, type: ratio, source: t, time: created, numerator: { reopened: true } }
        """);
    return KpiEngine.run(
            KpiKinds.load(List.of(dir.resolve("d.yaml"))),
            new RunRequest(List.of(Period.parse(period)), Map.of(), List.of(), with))
        .rows();
  }

  static ResultRow row(List<ResultRow> rows, String kpi, String channel) {
    return rows.stream()
        .filter(
            r ->
                r.kpi().equals(kpi) && (channel == null || channel.equals(r.dims().get("channel"))))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void previousPeriod() throws Exception {
    List<ResultRow> rows = run(RunRequest.Compare.PREVIOUS, "2026-10");
    // Volume: October 5 vs September 2 → +3, +150% (3 / 2).
    ResultRow total = row(rows, "volume", ResultRow.TOTAL);
    assertThat(total.previous()).isEqualTo(2.0);
    assertThat(total.delta()).isEqualTo(3.0);
    assertThat(total.deltaRelative()).isEqualTo(1.5);
    // Email: 3 vs 2 → +1, +50%. Chat had no September row: no previous, no change.
    assertThat(row(rows, "volume", "email").deltaRelative()).isEqualTo(0.5);
    assertThat(row(rows, "volume", "chat").previous()).isNull();
    assertThat(row(rows, "volume", "chat").delta()).isNull();
    // Reopen rate: 1/5 = 0.2 vs 0/2 = 0 → +0.2 (20 percentage points); no relative change for
    // rates.
    ResultRow reopen = row(rows, "reopen", null);
    assertThat(reopen.delta()).isCloseTo(0.2, within(1e-12));
    assertThat(reopen.deltaRelative()).isNull();
    // Only the requested period is reported.
    assertThat(rows).allMatch(r -> r.period().equals("2026-10"));
  }

  @Test
  void incompletePeriodsAreFlaggedOnEveryRow() throws Exception {
    run(RunRequest.Compare.NONE, "2026-10");
    var def = KpiKinds.load(List.of(dir.resolve("d.yaml")));
    // The data's last day is 2026-10-05, before October ends: every October row says so.
    List<ResultRow> oct =
        KpiEngine.run(
                def,
                new RunRequest(
                    List.of(Period.parse("2026-10")),
                    Map.of(),
                    List.of(),
                    RunRequest.Compare.NONE,
                    java.time.LocalDate.of(2026, 11, 22)))
            .rows();
    assertThat(oct)
        .allSatisfy(
            r -> {
              assertThat(r.complete()).isFalse();
              assertThat(r.note()).startsWith("incomplete: data ends 2026-10-05");
            });
    // September 2026 is over and covered.
    List<ResultRow> sep =
        KpiEngine.run(
                def,
                new RunRequest(
                    List.of(Period.parse("2026-09")),
                    Map.of(),
                    List.of(),
                    RunRequest.Compare.NONE,
                    java.time.LocalDate.of(2026, 11, 22)))
            .rows();
    assertThat(sep).allSatisfy(r -> assertThat(r.complete()).isTrue());
  }

  @Test
  void sameMonthAYearBefore() throws Exception {
    List<ResultRow> rows = run(RunRequest.Compare.YEAR, "2026-09");
    // September 2026 (2 tickets, 0 reopened) vs September 2025 (2 tickets, 1 reopened): volume ±0,
    // reopen −0.5.
    assertThat(row(rows, "volume", ResultRow.TOTAL).delta()).isZero();
    assertThat(row(rows, "reopen", null).delta()).isEqualTo(-0.5);
    assertThat(row(rows, "reopen", null).previous()).isEqualTo(0.5);
  }
}
