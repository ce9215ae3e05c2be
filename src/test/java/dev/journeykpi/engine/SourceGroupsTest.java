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
 * {@code groups: { source, column }} (issue 16): the groups of a breakdown are the values of a
 * column of another source, an HR list of teams, listed even when no row has them. Four tickets in
 * October 2026:
 *
 * <pre>
 * created           team
 * 01/10/2026 09:00  Bắc
 * 05/10/2026 09:00  Bắc
 * 10/10/2026 09:00  Nam
 * 31/10/2026 09:00  (blank)
 * </pre>
 *
 * and teams.csv lists, in this order: " Trung ", "bắc", "Tây Nguyên", (blank), "Trung", "Đông".
 */
class SourceGroupsTest {
  @TempDir Path dir;
  Path definition;

  @BeforeEach
  void write() throws IOException {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        Created,Team
        01/10/2026 09:00,Bắc
        05/10/2026 09:00,Bắc
        10/10/2026 09:00,Nam
        31/10/2026 09:00,
        """);
    Files.writeString(
        dir.resolve("teams.csv"),
        "Team,Lead\n\" Trung \",An\nbắc,Bình\nTây Nguyên,Cường\n,Dũng\nTrung,Em\nĐông,Giang\n");
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
              team: Team
          hr:
            file: teams.csv
            columns: { team: Team, lead: Lead }
        kpis:
          - { id: tickets, type: count, source: t, time: created, by: [team], groups: { source: hr, column: team } }
        """);
  }

  private List<ResultRow> rows(String kpi) {
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(definition)),
            new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
    return card.rows().stream().filter(r -> r.kpi().equals(kpi)).toList();
  }

  @Test
  void everyValueOfTheOtherSourceIsAGroup() {
    // teams.csv, trimmed, blanks out, each once: Trung, bắc, Tây Nguyên, Đông (the second Trung is
    // the first). bắc is the data's Bắc (compared without case), shown as the data spells it.
    // Found: Bắc 2, Nam 1, blank 1. In the display order (Vietnamese alphabetical, Đ after D,
    // blank last): Bắc 2, Đông 0, Nam 1, Tây Nguyên 0, Trung 0, (blank) 1; total 4.
    assertThat(rows("tickets").stream().map(r -> r.dims().get("team") + " " + r.value()))
        .containsExactly(
            "Bắc 2.0",
            "Đông 0.0",
            "Nam 1.0",
            "Tây Nguyên 0.0",
            "Trung 0.0",
            "(blank) 1.0",
            "(total) 4.0");
  }

  @Test
  void theListIsImportedAndExplained() {
    var r =
        CliHarness.run("report", "-c", definition.toString(), "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("tickets,tickets,2026-10,Trung,0,");
    var en = CliHarness.run("explain", "-c", definition.toString(), "tickets");
    assertThat(en.out())
        .contains(
            "team, each value computed from its own rows, plus a total computed from all rows;"
                + " listed even without rows: every team of source hr");
    var vi = CliHarness.run("explain", "-c", definition.toString(), "tickets", "--lang", "vi");
    assertThat(vi.out()).contains("liệt kê cả khi không có dòng nào: mọi team của nguồn hr");
  }

  @Test
  void mistakesAreNamedWhereTheyAreWritten() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns: { created: { column: Created, type: datetime }, team: Team }
          hr:
            file: teams.csv
            columns: { team: Team, size: { column: Size, type: number } }
          raw: { file: teams.csv }
        kpis:
          - { id: a, type: count, source: t, time: none, by: [team], groups: { source: hrr, column: team } }
          - { id: b, type: count, source: t, time: none, by: [team], groups: { source: hr, column: taem } }
          - { id: c, type: count, source: t, time: none, by: [team], groups: { source: hr, column: size } }
          - { id: d, type: count, source: t, time: none, groups: { source: hr, column: team } }
          - { id: e, type: count, source: t, time: none, by: [team], groups: { source: raw, column: team } }
          - { id: f, type: count, source: t, time: none, by: [team], groups: { source: hr } }
        """);
    var r = CliHarness.run("validate", "-c", bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            bad
                + ":11:80: error: kpi 'a'.groups reads unknown source 'hrr' (did you mean 'hr'?);"
                + " sources: t, hr, raw",
            bad
                + ":12:92: error: kpi 'b'.groups: 'taem' is not a column of source 'hr' (did you"
                + " mean 'team'?); columns: team, size",
            bad
                + ":13:92: error: kpi 'c'.groups: 'size' of source 'hr' is number; groups are"
                + " texts, as breakdown labels are",
            bad
                + ":14:58: error: kpi 'd': groups lists values of one breakdown column; 'by' names"
                + " none, e.g. by: [channel], groups: [email, phone, chat]",
            bad
                + ":15:80: error: kpi 'e'.groups: source 'raw' needs a 'columns:' mapping to give"
                + " groups");
    assertThat(r.err()).contains(bad + ":16:70: error: kpi 'f'.groups needs 'column'");
    // One error for each mistake (columns counted from 1: 'hrr' is the 80th character of line 11).
    assertThat(r.err()).contains("6 error(s)");
  }
}
