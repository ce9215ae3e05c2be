package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --engine jdbc|spark} and the options that say where they run (issue 18): each option only
 * with its engine, a URL whose dialect cannot be told or whose driver is missing refused with a
 * usage error that never prints the URL past its scheme (it may hold a password), and {@code
 * --engine jdbc --url jdbc:duckdb:} — DuckDB reached through the generic JDBC backend (importer
 * rows as batched INSERTs) — giving the embedded engine's bytes.
 */
class EngineOptionsCliTest {
  private static final String HOTEL = "kpi-definitions/hotel-housekeeping.yaml";

  @Test
  void eachOptionGoesWithItsEngine() {
    CliRunner.Result url = run("report", "-c", HOTEL, "-p", "2026-10", "--url", "jdbc:duckdb:");
    assertThat(url.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(url.err()).contains("--url, --user and --dialect go with --engine jdbc");

    CliRunner.Result noUrl = run("report", "-c", HOTEL, "-p", "2026-10", "--engine", "jdbc");
    assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noUrl.err()).contains("--engine jdbc needs --url jdbc:…");

    CliRunner.Result master =
        run("report", "-c", HOTEL, "-p", "2026-10", "--spark-master", "local[2]");
    assertThat(master.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(master.err()).contains("--spark-master goes with --engine spark");
  }

  @Test
  void aUrlWithoutAKnownDialectOrDriverIsRefusedWithoutShowingIt() {
    CliRunner.Result unknown =
        run(
            "report",
            "-c",
            HOTEL,
            "-p",
            "2026-10",
            "--engine",
            "jdbc",
            "--url",
            "jdbc:acme://db.example:1/x?password=secret");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .contains("--url jdbc:acme:…: which SQL dialect? name it with --dialect")
        .doesNotContain("secret")
        .doesNotContain("Exception");

    CliRunner.Result noDriver =
        run(
            "report",
            "-c",
            HOTEL,
            "-p",
            "2026-10",
            "--engine",
            "jdbc",
            "--dialect",
            "postgres",
            "--url",
            "jdbc:acme://db.example:1/x?password=secret");
    assertThat(noDriver.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noDriver.err())
        .contains("--url jdbc:acme:…: no JDBC driver for it on the class path")
        .doesNotContain("secret");
  }

  /**
   * A URL that is no JDBC URL, and a --dialect the URL contradicts (PostgreSQL's SQL sent as
   * Trino's failed with the server's own words, exit 3), are usage errors before any connection
   * (found by the session's review).
   */
  @Test
  void aUrlThatIsNoJdbcUrlOrContradictsTheDialectIsAUsageError() {
    CliRunner.Result notJdbc =
        run(
            "report",
            "-c",
            HOTEL,
            "-p",
            "2026-10",
            "--engine",
            "jdbc",
            "--url",
            "postgres://ana:s3cret@db/x");
    assertThat(notJdbc.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(notJdbc.err())
        .contains("--url: a JDBC URL starts with jdbc:")
        .doesNotContain("s3cret")
        .doesNotContain("ana");

    CliRunner.Result contradicts =
        run(
            "report",
            "-c",
            HOTEL,
            "-p",
            "2026-10",
            "--engine",
            "jdbc",
            "--dialect",
            "trino",
            "--url",
            "jdbc:postgresql://db/x?password=s3cret");
    assertThat(contradicts.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(contradicts.err())
        .contains(
            "--dialect trino does not go with --url jdbc:postgresql:…, a postgres database:"
                + " leave --dialect out")
        .doesNotContain("s3cret");
  }

  @Test
  void jdbcToDuckDbGivesTheEmbeddedEnginesBytes() {
    CliRunner.Result embedded =
        run("report", "-c", HOTEL, "-p", "2026-10", "--format", "csv", "--engine", "duckdb");
    CliRunner.Result jdbc =
        run(
            "report",
            "-c",
            HOTEL,
            "-p",
            "2026-10",
            "--format",
            "csv",
            "--engine",
            "jdbc",
            "--url",
            "jdbc:duckdb:");
    assertThat(embedded.exitCode()).isZero();
    assertThat(jdbc.exitCode()).isZero();
    assertThat(jdbc.out()).isEqualTo(embedded.out()).contains("sheets_changed");
    assertThat(jdbc.err()).isEqualTo(embedded.err());
  }
}
