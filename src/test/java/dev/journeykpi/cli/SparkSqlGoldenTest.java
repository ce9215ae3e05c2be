package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code kpi sql --dialect spark}, golden (issue 17/18): printing needs no Spark, so these run in
 * the default build; the SQL itself runs on Spark in the spark profile (SparkSqlDifferentialTest,
 * SparkDialectTest). Three shipped definitions: customers KPIs over a CSV export (retention), a
 * funnel (lead-stages), and an Excel source read by kpi's importer with business time (hotel).
 */
class SparkSqlGoldenTest {
  private static CliRunner.Result sql(String definition, String period) {
    CliRunner.Result r =
        CliRunner.run(
            "sql",
            "-c",
            "kpi-definitions/" + definition + ".yaml",
            "--period",
            period,
            "--dialect",
            "spark");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  @Test
  void retention() throws Exception {
    CliRunner.Result r = sql("retention", "2026-10");
    // Spark's spellings: backticks, STRING and TIMESTAMP_NTZ, the CSV read by Spark's reader.
    assertThat(r.out())
        .startsWith(
            "-- kpi sql --dialect spark\nSET spark.sql.parser.escapedStringLiterals = false;")
        .contains("USING csv OPTIONS (path 'examples/retention/don-hang.csv'")
        .contains("AS TIMESTAMP_NTZ)")
        .doesNotContain("nfc_normalize")
        .doesNotContain("kpi_number_");
    Golden.check("sql/spark/retention-2026-10.sql", r.out());
  }

  @Test
  void leadStages() throws Exception {
    Golden.check("sql/spark/lead-stages-2026-Q3.sql", sql("lead-stages", "2026-Q3").out());
  }

  @Test
  void hotel() throws Exception {
    Golden.check("sql/spark/hotel-2026-10.sql", sql("hotel-housekeeping", "2026-10").out());
  }

  @Test
  void theDialectIsListed() {
    CliRunner.Result r =
        CliRunner.run(
            "sql", "-c", "kpi-definitions/hotel-housekeeping.yaml", "--dialect", "oracle");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--dialect oracle: unknown; dialects: ").contains(", spark, ");
  }
}
