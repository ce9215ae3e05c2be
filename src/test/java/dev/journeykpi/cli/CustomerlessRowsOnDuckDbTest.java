package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows without a customer id are reported as left out of the customer KPIs on both engines, once
 * per source and column (issue 17 review: --engine duckdb lacked the line).
 */
class CustomerlessRowsOnDuckDbTest {
  @TempDir Path dir;

  /**
   * Five orders; customer_id blank on row 2 (empty), row 4 (spaces) and row 5 (a tab inside quotes:
   * blank by String.isBlank): 3 left out, said once although two KPIs read the column. The sum
   * keeps them: 10 + 20 + 30 + 40 + 50 = 150. Active customers in the period: C1 only, 1.
   */
  @Test
  void bothEnginesSayHowManyRowsHaveNoCustomer() throws Exception {
    Files.writeString(
        dir.resolve("o.csv"),
        "id,at,customer_id,amount\n1,2026-10-01 10:00,C1,10\n2,2026-10-02 10:00,,20\n"
            + "3,2026-10-03 10:00,C1,30\n4,2026-10-04 10:00,   ,40\n5,2026-10-05 10:00,\"\t\",50\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          o:
            file: o.csv
            columns:
              id: id
              at: { column: at, type: datetime, format: yyyy-MM-dd HH:mm }
              customer_id: customer_id
              amount: { column: amount, type: number }
        kpis:
          - { id: total, type: sum, column: amount, source: o, time: at }
          - { id: active, type: customers, measure: active, window: period, source: o, time: at,
              customer: customer_id }
          - { id: new, type: customers, measure: new, source: o, time: at, customer: customer_id }
        """);
    String[] out = new String[2];
    String[] quality = new String[2];
    String[] engines = {"tablesaw", "duckdb"};
    for (int i = 0; i < 2; i++) {
      Path q = dir.resolve("q-" + engines[i] + ".csv");
      CliRunner.Result r =
          run(
              "report",
              "-c",
              def.toString(),
              "-p",
              "2026-10",
              "--engine",
              engines[i],
              "--quality-report",
              q.toString());
      assertThat(r.exitCode()).as(engines[i] + ": " + r.err()).isZero();
      assertThat(r.err())
          .as(engines[i])
          .containsOnlyOnce(
              "left out 3: rows without customer_id: not in the customer KPIs (still in sums)");
      assertThat(r.out()).containsPattern("total +150 ").containsPattern("active +1 ");
      out[i] = r.out();
      quality[i] = Files.readString(q);
    }
    assertThat(out[1]).isEqualTo(out[0]);
    assertThat(quality[1]).isEqualTo(quality[0]);
  }
}
