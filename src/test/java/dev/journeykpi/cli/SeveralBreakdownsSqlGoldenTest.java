package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kpi sql} of the types with a query of their own, each with two breakdown columns and the
 * roll-up (backlog, score, stalled; churn by two columns), golden for every dialect (issue 17): the
 * GROUPING SETS with one GROUPING per column, and the rows copied into each level's group by a
 * UNION ALL, are spelled alike everywhere but for the dialect's quoting, casts and epoch hooks. The
 * queries only: the sources' typing is the engines', checked elsewhere. DuckDB, PostgreSQL and
 * Spark run this SQL in the differential tests (SeveralBreakdownsOnSqlTest, and the PostgreSQL and
 * Spark runs of its generated export).
 */
class SeveralBreakdownsSqlGoldenTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"duckdb", "postgres", "spark", "trino", "bigquery", "snowflake"})
  void theQueriesOfEveryDialect(String dialect) throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "src/test/resources/several-breakdowns/several-breakdowns.yaml",
            "--period",
            "2026-10",
            "--dialect",
            dialect);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\n-- kpi ").contains("GROUPING SETS").contains("UNION ALL");
    Golden.check(
        "sql/" + dialect + "/several-breakdowns-2026-10.sql",
        r.out().substring(r.out().indexOf("\n-- kpi ") + 1));
  }

  /**
   * The funnels of {@code several-breakdowns/funnels.yaml}: a history funnel and its conversion by
   * campaign × department with the roll-up, a snapshot by a number column. Their rows copied into
   * each group (GroupCopies: kpi_level, kpi_group_0 …) ride along every step of the path's walk;
   * run by FunnelBreakdownsOnSqlTest (DuckDB), FunnelBreakdownsOnPostgresTest and Spark's
   * SparkBreakdownsDifferentialTest.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"duckdb", "postgres", "spark", "trino", "bigquery", "snowflake"})
  void theFunnelsOfEveryDialect(String dialect) throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "src/test/resources/several-breakdowns/funnels.yaml",
            "--period",
            "2026-10",
            "--dialect",
            dialect);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\n-- kpi ").contains("kpi_group_1").contains("UNION ALL");
    Golden.check(
        "sql/" + dialect + "/funnel-breakdowns-2026-10.sql",
        r.out().substring(r.out().indexOf("\n-- kpi ") + 1));
  }
}
