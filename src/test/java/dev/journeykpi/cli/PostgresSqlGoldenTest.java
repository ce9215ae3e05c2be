package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code kpi sql --dialect postgres} of three shipped definitions, golden (issues 17 and 18), as
 * the DuckDB SQL is under golden/sql/duckdb/: the same KPIs, so that the two files side by side
 * show what the dialect changes (the parsing functions, COPY, the type names, the percentiles and
 * sums). Needs no server: PostgresDialectTest and PostgresDifferentialTest run it.
 */
class PostgresSqlGoldenTest {
  private static String sql(String definition, String kpis) {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "kpi-definitions/" + definition + ".yaml",
            "--kpi",
            kpis,
            "--period",
            "2026-10",
            "--dialect",
            "postgres");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out();
  }

  @Test
  void hotelChecksAndCheckouts() throws Exception {
    String out = sql("hotel-housekeeping", "sheets_changed_rate,rooms_checked,inspection_score");
    // The parsing functions first, in pg_temp; the export read by COPY, one line a row.
    assertThat(out)
        .startsWith("-- kpi sql --dialect postgres\nCREATE OR REPLACE FUNCTION pg_temp.kpi_number")
        .contains("COPY \"kpi_scan_checks_lines\" (kpi_text) FROM ");
    Golden.check("sql/postgres/hotel-2026-10.sql", out);
  }

  @Test
  void serviceFirstResponseOnTheBusinessClock() throws Exception {
    String out = sql("customer-service", "frt");
    assertThat(out).contains("WITH kpi_calendar AS").contains("generate_series(");
    Golden.check("sql/postgres/service-frt-2026-10.sql", out);
  }

  @Test
  void retentionChurnAndCrr() throws Exception {
    Golden.check("sql/postgres/retention-churn-2026-10.sql", sql("retention", "churn,crr"));
  }
}
