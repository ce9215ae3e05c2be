package dev.journeykpi.cli;

import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and where an SQL engine runs: {@code --url}/{@code --user}/{@code --dialect} for
 * a database over JDBC, {@code --spark-master} for Spark. The password is read from the environment
 * ({@code KPI_JDBC_PASSWORD}) so that it is in no command line, shell history or process list.
 */
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class EngineOptions {
  /** The environment variable holding the database password of {@code --engine jdbc}. */
  static final String PASSWORD_ENV = "KPI_JDBC_PASSWORD";

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "tablesaw",
      description =
          "tablesaw (the default), duckdb, jdbc (with --url) or spark: what measures the KPIs (docs/engines.md). An SQL engine refuses, before any work, the KPIs it cannot run yet.")
  Engine engine;

  @Option(
      names = "--url",
      paramLabel = "JDBC_URL",
      description =
          "--engine jdbc: the database, e.g. jdbc:postgresql://host/db (its driver on the class path; the password in "
              + PASSWORD_ENV
              + ").")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "--engine jdbc: the database user.")
  String user;

  @Option(
      names = "--dialect",
      paramLabel = "DIALECT",
      description =
          "--engine jdbc: the SQL dialect when the URL does not say it (postgres, trino, duckdb, …).")
  String dialect;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      description = "--engine spark: Spark's master (local[*] by default, e.g. spark://host:7077).")
  String sparkMaster;

  /** The engine's target, checked: each option only with its engine. */
  SqlTarget target() {
    if (engine != Engine.JDBC && (url != null || user != null || dialect != null))
      throw new UsageException("--url, --user and --dialect go with --engine jdbc");
    if (engine == Engine.JDBC && url == null)
      throw new UsageException("--engine jdbc needs --url jdbc:… (docs/engines.md)");
    if (engine != Engine.SPARK && sparkMaster != null)
      throw new UsageException("--spark-master goes with --engine spark");
    return new SqlTarget(url, user, System.getenv(PASSWORD_ENV), dialect, sparkMaster);
  }
}
