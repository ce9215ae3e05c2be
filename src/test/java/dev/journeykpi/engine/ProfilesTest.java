package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.model.DataException;
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
 * {@code profile: zendesk} and {@code profile: freshdesk} map a vendor's export without a {@code
 * columns:} block. The exports here are small files written for the test with the vendors'
 * documented headers (a subset, as real exports vary), not real vendor data.
 */
class ProfilesTest {
  @TempDir Path dir;

  Scorecard run(String csv, String yaml) throws IOException {
    Files.writeString(dir.resolve("export.csv"), csv);
    Path f = dir.resolve("k.yaml");
    Files.writeString(f, yaml);
    return KpiEngine.run(
        KpiKinds.load(List.of(f)),
        new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
  }

  static ResultRow total(Scorecard c, String kpi) {
    return c.rows().stream()
        .filter(r -> r.kpi().equals(kpi) && (r.dims().isEmpty() || r.isTotal()))
        .findFirst()
        .orElseThrow();
  }

  static final String ZENDESK =
      """
      Id,Requester id,Assignee,Group,Status,Priority,Via,Created at,Solved at,Satisfaction Score,Reopens,First reply time in minutes,First reply time in minutes within business hours
      1,101,An,Support,solved,high,Email,2026-10-01 09:00:00,2026-10-01 12:00:00,Good,0,30,30
      2,102,An,Support,solved,normal,Web Widget,2026-10-02 10:00:00,2026-10-03 10:00:00,Bad,1,120,60
      3,101,Bình,Support,open,normal,Email,2026-10-05 11:00:00,,Offered,0,,
      4,103,Bình,Support,solved,low,Chat,2026-10-06 08:00:00,2026-10-06 09:00:00,Not Offered,0,10,0
      5,104,An,Support,solved,urgent,Email,2026-10-07 14:00:00,2026-10-07 15:00:00,Good,0,45,45
      """;

  /**
   * First reply in business minutes: 30, 60, (blank), 0, 45 → sorted 0, 30, 45, 60 → median 37.5.
   * CSAT Good = 1, Bad = 0; "Offered" and "Not Offered" are no answer → 2 of 3. Via: Chat 1, Email
   * 3, Web Widget 1. Reopened (Reopens > 0): 1 of 5. Resolution (created → solved) in hours: 3, 24,
   * (open), 1, 1 → median (1 + 3) / 2 = 2.
   */
  @Test
  void zendeskExportNeedsNoColumnMapping() throws IOException {
    Scorecard c =
        run(
            ZENDESK,
            """
        sources:
          tickets: { file: export.csv, profile: zendesk }
        kpis:
          - { id: frt, type: median, column: first_reply_time_business, unit: minutes, source: tickets, time: created_at }
          - { id: csat, preset: csat, source: tickets, scale: 0-1, values: { Good: 1, Bad: 0 }, positive: [1] }
          - { id: volume, preset: ticket_volume, source: tickets }
          - { id: reopened, type: ratio, source: tickets, time: created_at, numerator: { reopens: { gt: 0 } } }
          - { id: resolution, preset: resolution_time, source: tickets }
        """);
    assertThat(total(c, "frt").value()).isEqualTo(37.5);
    assertThat(total(c, "frt").n()).isEqualTo(4);
    assertThat(total(c, "csat").numerator()).isEqualTo(2.0);
    assertThat(total(c, "csat").denominator()).isEqualTo(3.0);
    assertThat(c.rows())
        .filteredOn(r -> r.kpi().equals("volume"))
        .extracting(r -> r.dims().get("channel") + "=" + r.value())
        .containsExactly("Chat=1.0", "Email=3.0", "Web Widget=1.0", "(total)=5.0");
    assertThat(total(c, "reopened").numerator()).isEqualTo(1.0);
    assertThat(total(c, "resolution").value()).isEqualTo(2.0);
  }

  /**
   * Header case differs from the profile ("Created Time"). FRT created → initial response: 30 and
   * 120 minutes → median 75, the third ticket open. FCR by contacts: resolved 2, of which one
   * customer interaction 1 → 1/2. The business "(in hrs)" column as HH:MM:SS: 30 and 120 minutes →
   * median 75.
   */
  @Test
  void freshdeskExportNeedsNoColumnMapping() throws IOException {
    Scorecard c =
        run(
            """
        Ticket ID,Status,Priority,Source,Agent,Group,Created Time,Initial response time,Resolved time,Customer interactions,First response time (in hrs)
        1,Closed,High,Email,Lan,Tier 1,2026-10-01 09:00:00,2026-10-01 09:30:00,2026-10-01 11:00:00,1,00:30:00
        2,Resolved,Medium,Phone,Lan,Tier 1,2026-10-01 10:00:00,2026-10-01 12:00:00,2026-10-02 10:00:00,2,02:00:00
        3,Open,Low,Portal,Minh,Tier 2,2026-10-02 09:00:00,,,1,
        """,
            """
        sources:
          tickets: { file: export.csv, profile: freshdesk }
        kpis:
          - { id: frt, preset: frt, source: tickets }
          - { id: fcr, preset: fcr, method: contacts, source: tickets }
          - { id: frt_business, type: median, column: first_response_time_business, unit: minutes, source: tickets, time: created_at }
        """);
    assertThat(total(c, "frt").value()).isEqualTo(75.0);
    assertThat(total(c, "frt").note()).contains("1 open");
    assertThat(total(c, "fcr").numerator()).isEqualTo(1.0);
    assertThat(total(c, "fcr").denominator()).isEqualTo(2.0);
    assertThat(total(c, "frt_business").value()).isEqualTo(75.0);
  }

  @Test
  void aProfileColumnTheExportLacksMattersOnlyWhenAKpiReadsIt() throws IOException {
    String yaml =
        """
        sources:
          tickets: { file: export.csv, profile: zendesk }
        kpis:
          - { id: wait, type: median, column: requester_wait_time, unit: minutes, source: tickets, time: created_at }
        """;
    assertThatThrownBy(() -> run(ZENDESK, yaml))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("requester_wait_time")
        .hasMessageContaining("Requester wait time in minutes");
  }

  @Test
  void unknownProfileIsADefinitionError() throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(f, "sources:\n  t: { file: x.csv, profile: zendsk }\n");
    var loader = KpiKinds.loader();
    loader.read(List.of(f));
    assertThat(loader.diagnostics().sorted())
        .extracting(Object::toString)
        .contains(
            f
                + ":2:30: error: source 't'.profile 'zendsk' is not a known export layout (did you mean 'zendesk'?); profiles: freshdesk, zendesk");
  }
}
