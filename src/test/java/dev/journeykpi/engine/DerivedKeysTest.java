package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.CliHarness;
import dev.journeykpi.model.Period;
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
 * A derived column as a join key, as a {@code distinct:} key, and as the other source's column a
 * join matches or takes (issue 16). The data:
 *
 * <pre>
 * accounts.csv: id    region   → short_id = id − 1000, label = upper(region)
 *               1001  north       1        NORTH
 *               1002  south       2        SOUTH
 *               1003  north       3        NORTH
 * orders.csv:   order  account  amount   → account_id = account + 1000
 *               O1     1        10          1001
 *               O2     2        20          1002
 *               O3     3        30          1003
 *               O4     9        40          1009 (no account)
 *               O5     (blank)  50          (blank)
 * audit.csv:    ticket parent status   updated           → incident = coalesce(parent, ticket)
 *               T1     —      new      2026-10-01 09:00     T1
 *               T2     T1     closed   2026-10-02 09:00     T1
 *               T1     —      assigned 2026-10-01 12:00     T1
 *               T3     —      new      2026-10-03 09:00     T3
 *               T4     T3     new      2026-10-02 10:00     T3
 * </pre>
 */
class DerivedKeysTest {
  @TempDir Path dir;
  Path definition;

  @BeforeEach
  void write() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"), "Id,Region\n1001,north\n1002,south\n1003,north\n");
    Files.writeString(
        dir.resolve("orders.csv"),
        "Order,Account,Amount\nO1,1,10\nO2,2,20\nO3,3,30\nO4,9,40\nO5,,50\n");
    Files.writeString(
        dir.resolve("audit.csv"),
        """
        Ticket,Parent,Status,Updated
        T1,,new,2026-10-01 09:00
        T2,T1,closed,2026-10-02 09:00
        T1,,assigned,2026-10-01 12:00
        T3,,new,2026-10-03 09:00
        T4,T3,new,2026-10-02 10:00
        """);
    definition = dir.resolve("d.yaml");
    Files.writeString(
        definition,
        """
        version: 1
        sources:
          accounts:
            file: accounts.csv
            columns: { id: { column: Id, type: number }, region: Region }
            derive: { short_id: "id - 1000", label: "upper(region)" }
          orders:
            file: orders.csv
            columns: { order: Order, account: { column: Account, type: number }, amount: { column: Amount, type: number } }
            derive: { account_id: "account + 1000" }
            join:
              - { source: accounts, on: { account_id: id }, columns: [label] }
          orders_b:
            file: orders.csv
            columns: { order: Order, account: { column: Account, type: number } }
            join:
              - { source: accounts, on: { account: short_id }, columns: [region] }
          audit:
            file: audit.csv
            columns:
              ticket: Ticket
              parent: Parent
              status: Status
              updated: { column: Updated, type: datetime }
            derive: { incident: "coalesce(parent, ticket)" }
            distinct: { key: [incident], keep: last, by: updated }
        kpis:
          - { id: amount, type: sum, column: amount, source: orders, time: none, by: [label] }
          - { id: orders_b, type: count, source: orders_b, time: none, by: [region] }
          - { id: incidents, type: count, source: audit, time: none, by: [status] }
        """);
  }

  private List<String> rows(String kpi) {
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(definition)),
            new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
    return card.rows().stream()
        .filter(r -> r.kpi().equals(kpi))
        .map(r -> r.dims().values().iterator().next() + " " + r.value())
        .toList();
  }

  @Test
  void aDerivedKeyJoinsAndADerivedColumnIsTaken() {
    // account_id = account + 1000 matches id: O1 → 1001 NORTH, O2 → 1002 SOUTH, O3 → 1003 NORTH;
    // O4 → 1009 no account, O5 blank key: label blank. NORTH 10 + 30 = 40, SOUTH 20, blank
    // 40 + 50 = 90, total 150.
    assertThat(rows("amount"))
        .containsExactly("NORTH 40.0", "SOUTH 20.0", "(blank) 90.0", "(total) 150.0");
  }

  @Test
  void anotherSourceJoinsADerivedColumnOfItsTarget() {
    // account matches short_id = id − 1000: 1 north, 2 south, 3 north; 9 and blank unmatched.
    assertThat(rows("orders_b"))
        .containsExactly("north 2.0", "south 1.0", "(blank) 2.0", "(total) 5.0");
  }

  @Test
  void aDerivedColumnIsADistinctKey() {
    // incident T1: T1 new 10-01 09:00, T2 closed 10-02 09:00, T1 assigned 10-01 12:00 → last by
    // updated: closed. T3: T3 new 10-03 09:00, T4 new 10-02 10:00 → new. 2 incidents, 3 rows
    // dropped.
    assertThat(rows("incidents")).containsExactly("closed 1.0", "new 1.0", "(total) 2.0");
  }

  @Test
  void aKeyCannotComeFromItsOwnJoinOrALaterOne() throws IOException {
    Files.writeString(dir.resolve("regions.csv"), "Region,Zone\nnorth,A\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        version: 1
        sources:
          accounts:
            file: accounts.csv
            columns: { id: { column: Id, type: number }, region: Region }
          regions: { file: regions.csv, columns: { region: Region, zone: Zone } }
          orders:
            file: orders.csv
            columns: { order: Order, account: { column: Account, type: number } }
            derive:
              loop: "coalesce(region, 'x')"
              later: "lower(zone)"
              wrong: "order || 'x'"
              stamp: "hours_between(updated, updated)"
            join:
              - { source: accounts, on: { account: id, loop: region }, columns: [region] }
              - { source: accounts, on: { later: region }, columns: [] }
              - { source: regions, on: { wrong: zon }, columns: [zone] }
          audit:
            file: audit.csv
            columns: { ticket: Ticket, updated: { column: Updated, type: datetime } }
            derive: { who: "upper(ticket)" }
            distinct: { key: [who], keep: last, by: who }
          audit2:
            file: audit.csv
            columns: { ticket: Ticket, region: Parent }
            join: [ { source: regions, on: { region: region }, columns: [zone] } ]
            derive: { zkey: "lower(zone)" }
            distinct: { key: [zkey], keep: first }
        kpis:
          - { id: k, type: count, source: orders, time: none }
        """);
    var r = CliHarness.run("validate", "-c", bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    // loop reads region, which its own join takes; later reads zone, which the third join takes;
    // zon is no column of regions; stamp reads no column updated (at its place inside the
    // expression); a derived by must be ordered, and a derived distinct key cannot read a joined
    // column (the distinct: map is pointed at).
    assertThat(r.err())
        .contains(
            bad
                + ":14:29: error: source 'orders' derived column 'stamp': unknown column"
                + " 'updated'; columns: order, account, region, zone, loop, later, wrong",
            bad
                + ":16:48: error: source 'orders' join with 'accounts': key 'loop' is derived from"
                + " 'region', which is taken by this join itself: a join's key cannot come from"
                + " the join (a cycle)",
            bad
                + ":17:35: error: source 'orders' join with 'accounts': key 'later' is derived from"
                + " 'zone', which is taken by the later join with 'regions'; list that join before"
                + " this one",
            bad
                + ":18:34: error: source 'orders' join with 'regions': key 'zon' is not a column"
                + " of regions (did you mean 'zone'?)",
            bad
                + ":23:15: error: source 'audit'.distinct.by orders each key's rows, so it is a"
                + " number, duration, date or datetime column; 'who' is string",
            bad
                + ":29:15: error: source 'audit2'.distinct: 'zkey' is derived from joined column"
                + " 'zone', but one row per key is kept before the joins; derive it from the"
                + " source's own columns")
        .contains("6 error(s)");
  }
}
