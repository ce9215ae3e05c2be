package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.CliHarness;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code groups:} lists declared values of the one breakdown column even when no row has them
 * (issue 16). Four tickets in October 2026, none by chat or zalo:
 *
 * <pre>
 * created           resolved          channel   minutes
 * 01/10/2026 09:00  01/10/2026 10:00  email     60
 * 05/10/2026 09:00  05/10/2026 09:30  email     30
 * 10/10/2026 09:00  10/10/2026 11:00  phone     120
 * 31/10/2026 09:00  (open)            (blank)   -
 * </pre>
 *
 * The data runs to 31/10, so October is complete and the notes hold only the reasons.
 */
class DeclaredGroupsTest {
  @TempDir Path dir;
  Path definition;

  @BeforeEach
  void write() throws IOException {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        Created,Resolved,Channel
        01/10/2026 09:00,01/10/2026 10:00,email
        05/10/2026 09:00,05/10/2026 09:30,email
        10/10/2026 09:00,10/10/2026 11:00,phone
        31/10/2026 09:00,,
        """);
    definition = dir.resolve("k.yaml");
    Files.writeString(
        definition,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              created: { column: Created, type: datetime, format: dd/MM/yyyy HH:mm }
              resolved: { column: Resolved, type: datetime, format: dd/MM/yyyy HH:mm }
              channel: Channel
        kpis:
          - { id: tickets, type: count, source: t, time: created, by: [channel], groups: [zalo, chat, Email] }
          - { id: handle, type: duration, start: created, end: resolved, stat: mean, unit: minutes,
              source: t, time: created, by: [channel], groups: [chat] }
          - { id: open, type: backlog, start: created, end: resolved, source: t, by: [channel], groups: [chat] }
        """);
  }

  private List<ResultRow> rows(String kpi) {
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(definition)),
            new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
    return card.rows().stream().filter(r -> r.kpi().equals(kpi)).toList();
  }

  private static String line(ResultRow r) {
    return r.dims().get("channel") + " " + r.value() + " n=" + r.n() + " " + r.note();
  }

  @Test
  void aCountListsTheDeclaredGroupsWithZeroInTheUsualOrder() {
    // Declared zalo, chat, Email; found email (2), phone (1), blank (1). Every value once (Email is
    // the data's email, compared as filters compare), in the display order of any breakdown
    // (alphabetical, blank last), whatever order groups: lists: chat 0, email 2, phone 1, zalo 0,
    // (blank) 1, total 2 + 1 + 1 = 4.
    assertThat(rows("tickets").stream().map(DeclaredGroupsTest::line))
        .containsExactly(
            "chat 0.0 n=0 ",
            "email 2.0 n=2 ",
            "phone 1.0 n=1 ",
            "zalo 0.0 n=0 ",
            "(blank) 1.0 n=1 ",
            "(total) 4.0 n=4 ");
  }

  @Test
  void otherTypesMeasureADeclaredGroupLikeAnEmptyPeriod() {
    // chat has no rows: no value and the reason, as a period without rows; email (60 + 30) / 2 = 45
    // minutes; phone 120; the blank ticket is open; the total (60 + 30 + 120) / 3 = 70.
    List<ResultRow> handle = rows("handle");
    assertThat(handle.get(0).dims().get("channel")).isEqualTo("chat");
    assertThat(handle.get(0).value()).isNull();
    assertThat(handle.get(0).note()).isEqualTo("no rows");
    assertThat(handle.get(1).dims().get("channel")).isEqualTo("email");
    assertThat(handle.get(1).value()).isEqualTo(45.0);
    assertThat(handle.get(2).value()).isEqualTo(120.0);
    assertThat(handle.get(handle.size() - 1).value()).isEqualTo(70.0);
    // Backlog at 31/10 24:00: only the blank ticket is open; chat, declared, 0.
    assertThat(rows("open").stream().map(r -> r.dims().get("channel") + " " + r.value()))
        .containsExactly("chat 0.0", "email 0.0", "phone 0.0", "(blank) 1.0", "(total) 1.0");
  }

  @Test
  void explainSaysWhichGroupsAreListed() {
    var r = CliHarness.run("explain", "-c", definition.toString(), "tickets");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "channel, each value computed from its own rows, plus a total computed from all rows;"
                + " listed even without rows: zalo, chat, Email");
  }

  @Test
  void groupsAreRefusedWhereTheyCannotApplyWithTheirPosition() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              created: { column: Created, type: datetime, format: dd/MM/yyyy HH:mm }
              customer: Channel
              channel: Channel
        kpis:
          - { id: a, type: count, source: t, time: none, groups: [chat] }
          - { id: b, type: count, source: t, time: none, by: [channel, customer], groups: [chat] }
          - { id: c, type: customers, measure: active, customer: customer, source: t, time: created,
              by: [channel], groups: [chat] }
          - { id: d, type: count, source: t, time: none, by: [channel], groups: [chat, email, chat] }
        """);
    var r = CliHarness.run("validate", "-c", bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            bad
                + ":10:58: error: kpi 'a': groups lists values of one breakdown column; 'by' names"
                + " none, e.g. by: [channel], groups: [email, phone, chat]",
            bad
                + ":11:83: error: kpi 'b': groups lists values of one breakdown column; 'by' names"
                + " 2 (channel, customer), e.g. by: [channel], groups: [email, phone, chat]",
            bad
                + ":13:30: error: kpi 'c': groups does not apply to customers KPIs, which follow"
                + " leads or customers through their history; it applies to the types measured"
                + " from each group's rows (count, sum, duration, backlog, …)",
            bad + ":14:87: error: kpi 'd'.groups: 'chat' is listed twice");
  }
}
