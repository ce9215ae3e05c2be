package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code derive:} end to end: a derived number summed, a derived text as a breakdown, a derived
 * true/false in a where, a derived column reading a joined one, {@code kpi explain}'s Columns line
 * and the errors at their place in the YAML.
 */
class DeriveCliTest {
  @TempDir Path dir;

  private Path write() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"), "Account,Region\n" + "Acme,North\n" + "Beta,South\n");
    Files.writeString(
        dir.resolve("orders.csv"),
        "Invoice,Account,Qty,Price,Discount,Closed\n"
            + "A1,Acme,2,10,0.5,2026-10-02\n"
            + "C2,Acme,1,30,,2026-10-03\n"
            + "A3,Beta,3,5,0,2026-10-04\n"
            + "A4,Zeta,1,8,0,2026-10-05\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        sources:
          accounts:
            file: accounts.csv
            columns: { account: Account, region: Region }
          orders:
            file: orders.csv
            columns:
              invoice: Invoice
              account: Account
              quantity: { column: Qty, type: number }
              unit_price: { column: Price, type: number }
              discount: { column: Discount, type: number }
              closed: { column: Closed, type: date }
            join:
              - { source: accounts, on: { account: account }, columns: [region] }
            derive:
              revenue: "quantity * unit_price * (1 - coalesce(discount, 0))"
              is_credit: "starts_with(invoice, 'C')"
              area: "CASE WHEN region IS NULL THEN 'unknown' ELSE lower(region) END"
        kpis:
          - { id: revenue, type: sum, column: revenue, by: [area], source: orders, time: closed, where: { is_credit: false } }
        """);
    return def;
  }

  @Test
  void derivedColumnsAreComputedAfterTheJoin() throws IOException {
    Path def = write();
    CliHarness.Output run =
        CliHarness.run("report", "-c", def.toString(), "--period", "2026-10", "-f", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // revenue = quantity × unit_price × (1 − discount, blank as 0):
    //   A1 Acme North 2 × 10 × (1 − 0.5) = 10; C2 is a credit (starts with C): left out by where;
    //   A3 Beta South 3 × 5 × 1 = 15; A4 Zeta (no account: region blank → 'unknown') 1 × 8 = 8.
    //   Total 10 + 15 + 8 = 33.
    assertThat(run.out())
        .contains("revenue,revenue,2026-10,north,10,")
        .contains("revenue,revenue,2026-10,south,15,")
        .contains("revenue,revenue,2026-10,unknown,8,")
        .contains("revenue,revenue,2026-10,(total),33,");
  }

  @Test
  void explainShowsTheExpression() throws IOException {
    CliHarness.Output run = CliHarness.run("explain", "-c", write().toString(), "revenue");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("revenue = quantity * unit_price * (1 - coalesce(discount, 0))")
        .contains("area = CASE WHEN region IS NULL THEN 'unknown' ELSE lower(region) END");
  }

  @Test
  void checkDataLooksFilterTextsUpAmongDerivedValues() throws IOException {
    Files.writeString(dir.resolve("o.csv"), "Invoice,Qty\nC1,2\nA2,3\n");
    Path def = dir.resolve("o.yaml");
    Files.writeString(
        def,
        """
        version: 1
        sources:
          o:
            file: o.csv
            columns: { invoice: Invoice, qty: { column: Qty, type: number } }
            derive:
              kind: "CASE WHEN starts_with(invoice, 'C') THEN 'credit' ELSE 'sale' END"
        kpis:
          - { id: k, type: count, source: o, time: none, where: { kind: credt } }
        """);
    CliHarness.Output run = CliHarness.run("validate", "-c", def.toString(), "--check-data");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // C1 → credit, A2 → sale: 'credt' is no row's kind, nearest 'credit'.
    assertThat(run.out() + run.err())
        .contains("no row of source 'o' has kind 'credt' (did you mean 'credit'?)");
  }

  @Test
  void aSourceWithoutColumnsCannotDerive() throws IOException {
    Path def = dir.resolve("n.yaml");
    Files.writeString(
        def,
        """
        version: 1
        sources:
          o:
            file: o.csv
            derive:
              x: "1 + 1"
        kpis:
          - { id: k, type: count, source: o, time: none }
        """);
    CliHarness.Output run = CliHarness.run("validate", "-c", def.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains(
            def
                + ":6:7: error: source 'o' derives columns, so it needs a 'columns:' mapping of the"
                + " columns they read");
  }
}
