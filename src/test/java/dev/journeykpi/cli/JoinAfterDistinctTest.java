package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distinct:} reduces a source before another source joins it: an accounts history with one
 * row per change joins as the latest state of each account, instead of stopping on a key found on
 * several rows.
 */
class JoinAfterDistinctTest {
  @TempDir Path dir;

  @Test
  void aJoinedSourceIsReducedToOneRowPerKeyFirst() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"),
        "Account,Region,Updated\n"
            + "Acme,North,2026-01-01\n"
            + "Acme,South,2026-06-01\n"
            + "Beta,East,2026-02-01\n");
    Files.writeString(
        dir.resolve("deals.csv"),
        "Deal,Account,Value,Closed\n"
            + "D1,acme,100,2026-10-02\n"
            + "D2,Beta,50,2026-10-03\n"
            + "D3,Zeta,7,2026-10-04\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        sources:
          accounts:
            file: accounts.csv
            columns: { account: Account, region: Region, updated: { column: Updated, type: date } }
            distinct: { key: account, keep: last, by: updated }
          deals:
            file: deals.csv
            columns: { deal: Deal, account: Account, value: { column: Value, type: number }, closed: { column: Closed, type: date } }
            join:
              - { source: accounts, on: { account: account }, columns: [region] }
        kpis:
          - { id: value, type: sum, column: value, by: [region], source: deals, time: closed }
        """);
    CliHarness.Output run =
        CliHarness.run("report", "-c", def.toString(), "--period", "2026-10", "-f", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // Acme's latest row (2026-06-01 after 2026-01-01) says South, so D1 (acme, 100) is South; D2 is
    // Beta's East 50; D3's Zeta has no account, its region blank: 7. Total 100 + 50 + 7 = 157.
    assertThat(run.out())
        .contains("value,value,2026-10,East,50,")
        .contains("value,value,2026-10,South,100,")
        .contains("value,value,2026-10,(blank),7,")
        .contains("value,value,2026-10,(total),157,")
        .doesNotContain("North");
    assertThat(run.err())
        .contains("accounts: 3 rows read, 2 used, 1 dropped as duplicates")
        .contains("account not found in accounts (join)");
  }
}
