package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A formula runs on the SQL engine wherever the KPIs it reads do: they are queried, the formula is
 * computed from their rows as on the default engine; kpi sql says so instead of a query.
 */
class FormulaOnDuckDbTest {
  @TempDir Path dir;

  @Test
  void aShareOfRevenueIsTheSameOnBothEngines() throws Exception {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        id,created_at,channel,amount
        1,2026-10-01,web,100
        2,2026-10-02,web,300
        3,2026-10-03,shop,600
        4,2026-09-03,shop,50
        """);
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          t:
            file: t.csv
            columns:
              id: id
              channel: channel
              amount: { column: amount, type: number }
              created_at: { column: created_at, type: date, format: yyyy-MM-dd }
        kpis:
          - { id: rev, type: sum, column: amount, source: t, time: created_at }
          - { id: rev_by, type: sum, column: amount, source: t, time: created_at, by: [channel] }
          - { id: share, type: formula, expr: "rev_by / rev", unit: "%", by: [channel] }
        """);
    CliRunner.Result tablesaw =
        run("report", "-c", def.toString(), "-p", "2026-10", "-f", "csv", "-q", "--kpi", "share");
    CliRunner.Result duckdb =
        run(
            "report",
            "-c",
            def.toString(),
            "-p",
            "2026-10",
            "-f",
            "csv",
            "-q",
            "--kpi",
            "share",
            "--engine",
            "duckdb");
    assertThat(duckdb.exitCode()).isZero();
    // October: web 100 + 300 = 400, shop 600, all 1000: shares 0.4 and 0.6, total 1.
    assertThat(duckdb.out())
        .contains("share,share,2026-10,shop,0.6,%,600,1000,1,")
        .contains("share,share,2026-10,web,0.4,%,400,1000,2,")
        .contains("share,share,2026-10,(total),1,%,1000,1000,3,");
    assertThat(duckdb.out()).isEqualTo(tablesaw.out());
    CliRunner.Result sql =
        run("sql", "-c", def.toString(), "-p", "2026-10", "--dialect", "duckdb", "--kpi", "share");
    assertThat(sql.out())
        .contains("-- kpi rev (sum)")
        .contains("-- kpi rev_by (sum)")
        .contains("-- kpi share (formula): computed from the rows of the KPIs it reads");
  }
}
