package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter's {@code expr:} end to end (issue 16): over own, joined and derived columns, in a KPI's
 * where and in a ratio's numerator, in {@code kpi explain} (en, vi) and under {@code validate
 * --check-data}.
 */
class ExprFilterCliTest {
  @TempDir Path dir;

  private Path write() throws IOException {
    Files.writeString(
        dir.resolve("accounts.csv"), "Account,Region\n" + "Acme,North\n" + "Beta,South\n");
    Files.writeString(
        dir.resolve("orders.csv"),
        "Invoice,Account,Qty,Price,Closed\n"
            + "A1,Acme,2,10,2026-10-02\n"
            + "C2,Acme,1,30,2026-10-03\n"
            + "A3,Beta,3,5,2026-10-04\n"
            + "A4,Zeta,,8,2026-10-05\n"
            + "A5,Beta,10,3,2026-10-06\n");
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
              closed: { column: Closed, type: date }
            join:
              - { source: accounts, on: { account: account }, columns: [region] }
            derive:
              revenue: "quantity * unit_price"
        kpis:
          - id: big
            type: count
            source: orders
            time: closed
            where: { expr: "revenue >= 15 AND NOT starts_with(invoice, 'C') AND region <> 'Nowhere'" }
          - id: share_south
            type: ratio
            source: orders
            time: closed
            numerator: { expr: "region = 'South'" }
        """);
    return def;
  }

  @Test
  void keepsTheRowsWhereTheExpressionIsTrue() throws IOException {
    CliHarness.Output run =
        CliHarness.run("report", "-c", write().toString(), "--period", "2026-10", "-f", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // revenue: A1 20, C2 30, A3 15, A4 blank (no quantity), A5 30; region: North, North, South,
    // blank (Zeta has no account), South.
    //   A1: 20 ≥ 15 T, not C T, North <> Nowhere T → kept.
    //   C2: starts with C → false.  A3: 15 ≥ 15, South → kept.
    //   A4: revenue blank and region blank → blank → not kept.  A5: 30, South → kept.
    // 3 rows.
    assertThat(run.out()).contains("big,big,2026-10,3,");
    // region = 'South': A3, A5 true; A1, C2 false; A4 blank (not in the numerator); ratio over all
    // 5 rows of the period: 2 / 5 = 0.4 (the CSV holds the fraction; its unit is %).
    assertThat(run.out()).contains("share_south,share_south,2026-10,0.4,%,2,5,5,");
  }

  @Test
  void explainShowsTheExpressionInEitherLanguage() throws IOException {
    Path def = write();
    CliHarness.Output en = CliHarness.run("explain", "-c", def.toString(), "big");
    assertThat(en.exitCode()).as(en.err()).isZero();
    assertThat(en.out())
        .contains(
            "revenue >= 15 AND NOT starts_with(invoice, 'C') AND region <> 'Nowhere' holds (a row"
                + " where it reads a blank: no match)");
    CliHarness.Output vi = CliHarness.run("explain", "-c", def.toString(), "big", "--lang", "vi");
    assertThat(vi.exitCode()).as(vi.err()).isZero();
    assertThat(vi.out())
        .contains(
            "revenue >= 15 AND NOT starts_with(invoice, 'C') AND region <> 'Nowhere' đúng (dòng mà"
                + " biểu thức đọc phải ô trống: không khớp)");
  }

  @Test
  void checkDataSaysNothingOfTextsInsideAnExpression() throws IOException {
    CliHarness.Output run = CliHarness.run("validate", "-c", write().toString(), "--check-data");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // 'Nowhere' is no row's region, but it is inside an expression: not looked up in the data.
    assertThat(run.out() + run.err()).doesNotContain("Nowhere").doesNotContain("warning");
  }
}
