package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formula KPIs through the command line (issue 16): the report's CSV with the formula's value,
 * numerator and denominator, {@code --fail-on} judging it, {@code kpi explain} in English and
 * Vietnamese naming the KPIs it reads by label, {@code kpi list}, {@code kpi validate}, and {@code
 * kpi leads} refusing it.
 *
 * <p>October 2026: three complaints (T1, T3, T4; T2 is a question) and two customers ordering (C1
 * twice, C2), so 3 / 2 = 1.5 complaints per active customer; revenue 100 + 300 + 600 = 1000, web
 * 100 + 300 = 400 (share 0.4), shop 600 (share 0.6), total 1000 / 1000 = 1. A formula's n is the
 * smallest n of the rows it reads: per_customer's is 3 (3 complaints; 3 order rows behind the 2
 * customers), a share's the group's orders (shop 1, web 2, total 3).
 */
class FormulaCliTest {
  @TempDir Path dir;
  Path def;

  @BeforeEach
  void write() throws IOException {
    Files.writeString(
        dir.resolve("tickets.csv"),
        "Ticket,Created,Kind\n"
            + "T1,2026-10-05,complaint\n"
            + "T2,2026-10-06,question\n"
            + "T3,2026-10-10,complaint\n"
            + "T4,2026-10-31,complaint\n");
    Files.writeString(
        dir.resolve("orders.csv"),
        "Order,Date,Customer,Channel,Amount\n"
            + "O1,2026-10-02,C1,web,100\n"
            + "O2,2026-10-03,C2,web,300\n"
            + "O3,2026-10-31,C1,shop,600\n");
    def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        sources:
          tickets:
            file: tickets.csv
            columns: { created: { column: Created, type: date }, kind: Kind }
          orders:
            file: orders.csv
            columns:
              date: { column: Date, type: date }
              customer: Customer
              channel: Channel
              amount: { column: Amount, type: number }
        kpis:
          - { id: complaints, label: Complaints, type: count, source: tickets, time: created,
              where: { kind: complaint } }
          - { id: active_customers, label: Active customers, type: count, distinct: customer,
              source: orders, time: date }
          - { id: revenue, label: Revenue, type: sum, column: amount, source: orders, time: date }
          - { id: revenue_by_channel, label: Revenue by channel, type: sum, column: amount,
              source: orders, time: date, by: [channel] }
          - { id: per_customer, label: Complaints per active customer, type: formula,
              expr: "complaints / active_customers", target: { max: 1 } }
          - { id: share, label: Share of revenue, type: formula,
              expr: "revenue_by_channel / revenue", by: [channel], unit: "%" }
        """);
  }

  @Test
  void theReportCarriesValueNumeratorAndDenominator() {
    CliHarness.Output run =
        CliHarness.run(
            "report",
            "-c",
            def.toString(),
            "-p",
            "2026-10",
            "-f",
            "csv",
            "-q",
            "--kpi",
            "per_customer,share");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "kpi,label,period,channel,value,unit,numerator,denominator,n,target,status,previous,"
                + "delta,delta_relative,complete,note\n"
                + "per_customer,Complaints per active customer,2026-10,,1.5,,3,2,3,<= 1,red,,,,"
                + "true,\n"
                + "share,Share of revenue,2026-10,shop,0.6,%,600,1000,1,,,,,,true,\n"
                + "share,Share of revenue,2026-10,web,0.4,%,400,1000,2,,,,,,true,\n"
                + "share,Share of revenue,2026-10,(total),1,%,1000,1000,3,,,,,,true,\n");
  }

  /**
   * Every renderer takes a formula's rows as any KPI's: the share of shop (0.6, declared %) is
   * shown as 60.0% for people, 0.6 with its parts in JSON, and the workbook is written.
   */
  @Test
  void everyFormatShowsAFormula() throws IOException {
    for (String format : new String[] {"table", "md", "html"}) {
      CliHarness.Output run =
          CliHarness.run(
              "report",
              "-c",
              def.toString(),
              "-p",
              "2026-10",
              "-f",
              format,
              "-q",
              "--kpi",
              "share");
      assertThat(run.exitCode()).as(format + run.err()).isZero();
      assertThat(run.out()).as(format).contains("Share of revenue").contains("60.0%");
    }
    CliHarness.Output json =
        CliHarness.run(
            "report",
            "-c",
            def.toString(),
            "-p",
            "2026-10",
            "-f",
            "json",
            "-q",
            "--kpi",
            "per_customer");
    assertThat(json.out().replaceAll("\\s+", ""))
        .contains("\"value\":1.5", "\"numerator\":3", "\"denominator\":2");
    Path xlsx = dir.resolve("card.xlsx");
    CliHarness.Output book =
        CliHarness.run(
            "report", "-c", def.toString(), "-p", "2026-10", "-q", "-o", xlsx.toString());
    assertThat(book.exitCode()).as(book.err()).isZero();
    assertThat(Files.size(xlsx)).isPositive();
  }

  @Test
  void failOnJudgesAFormulaAsAnyKpi() {
    CliHarness.Output run =
        CliHarness.run(
            "report", "-c", def.toString(), "-p", "2026-10", "-f", "csv", "-q", "--fail-on", "red");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("per_customer 2026-10: 1.50 (target ≤ 1) is red");
  }

  @Test
  void explainNamesTheKpisItReadsByLabel() {
    CliHarness.Output en = CliHarness.run("explain", "-c", def.toString(), "share");
    assertThat(en.exitCode()).as(en.err()).isZero();
    assertThat(en.out())
        .contains(
            "Type:       formula — Revenue by channel ÷ Revenue: computed from the values other"
                + " KPIs have in the same period\n",
            "Population: the values of KPIs revenue_by_channel (Revenue by channel), revenue"
                + " (Revenue)\n",
            "Breakdown:  channel, each value from the values of that group (a KPI read without a"
                + " breakdown counts for every group), plus a total from their totals\n",
            "Unit:       % (stored as a fraction: 0.85 is 85%)\n",
            "Formula:    revenue_by_channel / revenue; numerator and denominator are reported; no"
                + " value when a KPI it reads has none or on a division by zero (noted)\n")
        .doesNotContain("Source:", "Columns:");
    CliHarness.Output vi =
        CliHarness.run("explain", "-c", def.toString(), "per_customer", "--lang", "vi");
    assertThat(vi.exitCode()).as(vi.err()).isZero();
    assertThat(vi.out())
        .contains(
            "formula — Complaints ÷ Active customers: tính từ giá trị của các KPI khác trong cùng"
                + " kỳ",
            "giá trị của các KPI complaints (Complaints), active_customers (Active customers)",
            "complaints / active_customers; có báo cáo tử số và mẫu số");
  }

  @Test
  void listValidateAndLeads() {
    CliHarness.Output list = CliHarness.run("list", "-c", def.toString());
    assertThat(list.out())
        .containsPattern(
            "per_customer +Complaints per active customer +formula += complaints, active_customers");
    CliHarness.Output ok = CliHarness.run("validate", "-c", def.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).isEqualTo("ok: 6 KPIs, 2 sources, 0 stages\n");
    CliHarness.Output data = CliHarness.run("validate", "-c", def.toString(), "--check-data");
    assertThat(data.exitCode()).as(data.err()).isZero();
    CliHarness.Output leads =
        CliHarness.run("leads", "-c", def.toString(), "--kpi", "share", "-p", "2026-10");
    assertThat(leads.exitCode()).isEqualTo(2);
    assertThat(leads.out()).isEmpty();
    assertThat(leads.err())
        .contains("kpi 'share' is a formula KPI; kpi leads lists the leads of a funnel KPI");
  }
}
