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
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The texts a group's note lists, read by a query of their own on the SQL engines (issue 17: lists
 * are no aggregate every engine has): a duration's first rows ending before they start and an SLA's
 * values without a limit, in every group of a two-column breakdown rolled up, worked by hand and
 * the same on both engines.
 */
class QuotedTextsOnDuckDbTest {
  /**
   * Eight tickets in October 2026 (team, agent, start → end):
   *
   * <ol>
   *   <li>A x, 1st 10:00 → 09:00: ends before it starts
   *   <li>A y, 2nd 10:00 → 12:00: 120 minutes
   *   <li>A x, 3rd 10:00 → 08:00: ends before it starts
   *   <li>B z, 4th 10:00 → 07:00: ends before it starts
   *   <li>A x, 5th 10:00 → 09:30: ends before it starts
   *   <li>B z, 6th 10:00 → 11:00: 60 minutes
   *   <li>B z, 7th 10:00 → 10:30: 30 minutes
   *   <li>B (blank), 8th 10:00 → 10:10: 10 minutes
   * </ol>
   *
   * The duration's note shows the first two rows ending before their start in each group, then "…"
   * when the group has more: A x rows 1 and 3 of 3 (…); A (total) the same; B z and B (total) row 4
   * alone; the total rows 1 and 3 of 4 (…). Mean over the total: (120 + 60 + 30 + 10) / 4 = 55
   * minutes.
   *
   * <p>The SLA has a limit for agent x only: rows 1, 3, 4, 5 are unusable (ending before they
   * start) whatever their agent; y (row 2), z (rows 6, 7) and the blank agent (row 8) have none,
   * counted per value: A y 'y'; B z 'z' ×2; B (blank) '(blank)'; A (total) 'y'; B (total) '(blank)'
   * and 'z' ×2; the total all three.
   */
  @Test
  void eachGroupListsItsOwnRows(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("t.csv"),
        """
        team,agent,start,end
        A,x,01/10/2026 10:00,01/10/2026 09:00
        A,y,02/10/2026 10:00,02/10/2026 12:00
        A,x,03/10/2026 10:00,03/10/2026 08:00
        B,z,04/10/2026 10:00,04/10/2026 07:00
        A,x,05/10/2026 10:00,05/10/2026 09:30
        B,z,06/10/2026 10:00,06/10/2026 11:00
        B,z,07/10/2026 10:00,07/10/2026 10:30
        B,,08/10/2026 10:00,08/10/2026 10:10
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("t.yaml"),
        """
        version: 1
        name: quoted texts
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: t.csv
            columns:
              team: team
              agent: agent
              start: { column: start, type: datetime, format: dd/MM/yyyy HH:mm }
              end: { column: end, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - { id: took, type: duration, source: t, time: start, start: start, end: end,
              stat: mean, unit: minutes, by: [team, agent], rollup: true }
          - { id: sla, type: sla, source: t, time: start, start: start, end: end,
              limit: { by: agent, values: { x: 1 hour } }, by: [team, agent], rollup: true }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("t.yaml")));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")),
            Map.of(),
            List.of(),
            RunRequest.Compare.NONE,
            LocalDate.of(2026, 12, 7));
    Scorecard sql = SqlKpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), sql);
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : sql.rows()) by.put(r.kpi() + " " + r.dims().values(), r);

    String row1 = "start 2026-10-01 10:00 → end 2026-10-01 09:00";
    String row3 = "start 2026-10-03 10:00 → end 2026-10-03 08:00";
    String row4 = "start 2026-10-04 10:00 → end 2026-10-04 07:00";
    String row5 = "start 2026-10-05 10:00 → end 2026-10-05 09:30";
    assertThat(notes(by, "took [A, x]")).contains(row1 + "; " + row3 + "; …").doesNotContain(row5);
    assertThat(notes(by, "took [A, (total)]")).contains(row1 + "; " + row3 + "; …");
    assertThat(notes(by, "took [B, z]")).contains(row4).doesNotContain(row1).doesNotContain("…");
    assertThat(notes(by, "took [B, (total)]")).contains(row4).doesNotContain("…");
    assertThat(notes(by, "took [(total), (total)]"))
        .contains(row1 + "; " + row3 + "; …")
        .doesNotContain(row4);
    assertThat(notes(by, "took [A, y]")).doesNotContain("→");
    assertThat(by.get("took [(total), (total)]").value()).isEqualTo(55.0);

    assertThat(notes(by, "sla [A, y]")).contains("'y'").doesNotContain("'z'");
    assertThat(notes(by, "sla [B, z]")).contains("'z' ×2").doesNotContain("'y'");
    assertThat(notes(by, "sla [B, (blank)]")).contains("'(blank)'");
    assertThat(notes(by, "sla [A, (total)]")).contains("'y'").doesNotContain("'z'");
    assertThat(notes(by, "sla [B, (total)]"))
        .contains("'(blank)'")
        .contains("'z' ×2")
        .doesNotContain("'y'");
    assertThat(notes(by, "sla [(total), (total)]"))
        .contains("'(blank)'")
        .contains("'y'")
        .contains("'z' ×2");
  }

  /**
   * A customer cell of a line break only is blank to the default engine's no_repeat
   * (String.isBlank: the import trims spaces and tabs, not line breaks) and so to the SQL one
   * (Dialect.isBlank). Contacts: 1 and 2 of a customer that is a quoted line break, on 1 and 2
   * October, 3 of c1 on the 3rd, 4 of c2 on the 20th (the latest time). 1 and 2 have no customer
   * (left out, not a repeat of each other); 3's week ends on the 10th, before the 20th, with no
   * later contact: resolved; 4's week runs past the 20th: not judged yet. 1 resolved of 1 judged.
   */
  @Test
  void aCustomerOfALineBreakIsNoCustomer(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("c.csv"),
        "id,customer,at\n1,\"\n\",01/10/2026 10:00\n2,\"\n\",02/10/2026 10:00\n"
            + "3,c1,03/10/2026 10:00\n4,c2,20/10/2026 10:00\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("c.yaml"),
        """
        version: 1
        name: blank customers
        timezone: Asia/Ho_Chi_Minh
        sources:
          c:
            file: c.csv
            columns:
              id: id
              customer: customer
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - { id: fcr, type: no_repeat, source: c, time: at, customer: customer, within: 7 days }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(tmp.resolve("c.yaml")));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")),
            Map.of(),
            List.of(),
            RunRequest.Compare.NONE,
            LocalDate.of(2026, 12, 7));
    Scorecard sql = SqlKpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), sql);
    ResultRow fcr = sql.rows().get(0);
    assertThat(List.of(fcr.numerator(), fcr.denominator())).containsExactly(1.0, 1.0);
    assertThat(fcr.notes().english()).contains("without customer left out");
  }

  private static String notes(Map<String, ResultRow> by, String key) {
    assertThat(by).containsKey(key);
    return by.get(key).notes().toString();
  }
}
