package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.report.ExplainRenderer;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped sales journey follows the seed practice: leads not won — lost ("Không mua"),
 * potential, undecided — are re-engaged after 30 working days; only a won lead ("Chốt đơn") is
 * closed.
 */
class ReengagementPracticeTest {
  static final Definition SALES =
      KpiKinds.load(List.of(Path.of("kpi-definitions/sales-journey.yaml")));

  /**
   * October's call list, from the example log. Idle working days are counted in (last touch,
   * 09-30], Monday–Saturday, holidays 09-01 and 09-02:
   *
   * <pre>
   * KTN-0264  lost (Không mua) Wed 08-19, nothing since. August 20 Thu, 21 Fri, 22 Sat, 24–29 Mon–Sat (6), 31 Mon = 10;
   *           September 30 days − 4 Sundays (6, 13, 20, 27) − 2 holidays = 24; 10 + 24 = 34 > 30 → stalled, untouched
   * KTN-0247  lost Mon 08-24: August 25–29 (5) + 31 = 6; + 24 = 30, not more than 30 → not stalled
   * KTN-0161  won (Chốt đơn) Mon 07-20, nothing since: closed, however long idle
   * </pre>
   *
   * Before, lost leads were closed too, and KTN-0264 was missing from the list.
   */
  @Test
  void lostLeadsAreReEngagedWonLeadsAreClosed() {
    List<LeadList.Entry> list =
        KpiEngine.leads(SALES, "reengagement", null, Period.parse("2026-10"), Map.of()).entries();
    assertThat(list)
        .filteredOn(e -> e.lead().equals("KTN-0264"))
        .extracting(e -> e.status() + " " + e.entered().toLocalDate() + " " + e.daysThere())
        .containsExactly("untouched 2026-08-19 34");
    assertThat(list).extracting(LeadList.Entry::lead).doesNotContain("KTN-0247", "KTN-0161");
  }

  /**
   * The 2026-Q3 rate, recounted from the raw CSV here with plain dates (not the tool's calendar or
   * filters): a lead is stalled at 07-01 when its last row before it is more than 30 working days
   * (Mon–Sat, not a holiday of the definition) before 06-30 and it has no Chốt đơn row before
   * 07-01; touched when it has a row in July–September. The same count with Không mua closing a
   * lead too gives the old 19 / 52 (78 closed); now the lost leads are in: 19 / 81, 20 closed (the
   * example's lost leads are never touched again, so only the denominator grows).
   */
  @Test
  void thirdQuarterRateRecountedFromTheLog() throws java.io.IOException {
    Map<String, List<String[]>> byLead = new java.util.LinkedHashMap<>();
    List<String> lines =
        java.nio.file.Files.readAllLines(Path.of("examples/sales-journey/nhat-ky-khach-hang.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      byLead.computeIfAbsent(c[0], x -> new java.util.ArrayList<>()).add(c);
    }
    java.time.format.DateTimeFormatter vn =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    java.time.LocalDate start = java.time.LocalDate.of(2026, 7, 1),
        end = java.time.LocalDate.of(2026, 10, 1);
    int[] oldCount = recount(byLead, vn, start, end, List.of("Chốt đơn", "Không mua"));
    int[] newCount = recount(byLead, vn, start, end, List.of("Chốt đơn"));
    assertThat(oldCount).containsExactly(19, 52, 78);
    var row =
        KpiEngine.run(
                SALES,
                new RunRequest(List.of(Period.parse("2026-Q3")), Map.of(), List.of("reengagement")))
            .rows()
            .get(0);
    assertThat(new int[] {row.numerator().intValue(), row.denominator().intValue()})
        .containsExactly(newCount[0], newCount[1]);
    assertThat(row.note()).isEqualTo(newCount[2] + " leads closed before the period not counted");
  }

  /** {touched, stalled, closed} at the start of the period. */
  private static int[] recount(
      Map<String, List<String[]>> byLead,
      java.time.format.DateTimeFormatter vn,
      java.time.LocalDate start,
      java.time.LocalDate end,
      List<String> closing) {
    java.util.Set<java.time.LocalDate> holidays =
        new java.util.HashSet<>(
            List.of(
                java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 4, 27),
                java.time.LocalDate.of(2026, 4, 30),
                java.time.LocalDate.of(2026, 5, 1),
                java.time.LocalDate.of(2026, 9, 1),
                java.time.LocalDate.of(2026, 9, 2)));
    for (int i = 14; i <= 22; i++) holidays.add(java.time.LocalDate.of(2026, 2, i));
    int touched = 0, stalled = 0, closed = 0;
    for (List<String[]> rows : byLead.values()) {
      java.time.LocalDate last = null;
      boolean isClosed = false, inPeriod = false;
      for (String[] c : rows) {
        java.time.LocalDate day = java.time.LocalDateTime.parse(c[1], vn).toLocalDate();
        if (day.isBefore(start) && closing.contains(c[2])) isClosed = true;
        if (day.isBefore(start) && (last == null || day.isAfter(last))) last = day;
        if (!day.isBefore(start) && day.isBefore(end)) inPeriod = true;
      }
      if (isClosed) {
        closed++;
        continue;
      }
      if (last == null) continue;
      int idle = 0;
      for (java.time.LocalDate d = last.plusDays(1); d.isBefore(start); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY && !holidays.contains(d)) idle++;
      }
      if (idle <= 30) continue;
      stalled++;
      if (inPeriod) touched++;
    }
    return new int[] {touched, stalled, closed};
  }

  /**
   * kpi explain says which leads are closed and that lost ones are re-engaged, and why (the KPI's
   * description).
   */
  @Test
  void explainSaysWhichLeadsAreClosedAndWhyLostOnesCount() {
    String text = new ExplainRenderer("en").explain(SALES, SALES.requireKpi("reengagement"));
    assertThat(text)
        .contains("leads closed before the period (rows where step is \"Chốt đơn\")")
        .contains(
            "every other lead — lost, undecided or still open — stays one to re-engage, lost ones included")
        .contains("mọi lead chưa chốt đơn (kể cả lead không mua, tiềm năng, chưa quyết định)");
  }
}
