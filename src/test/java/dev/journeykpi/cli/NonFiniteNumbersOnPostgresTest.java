package dev.journeykpi.cli;

import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NonFiniteNumbersTest}'s seven rows in a table of a real PostgreSQL server (the tests'
 * throw-away one; skipped where none is installed), read through {@code --engine jdbc}: amount a
 * {@code double precision}, w a {@code numeric} (which holds NaN too). PostgreSQL's NaN equals
 * itself and sorts above every number, so a NaN kept would pass {@code amount > 5}; blanked, the
 * rows, counts and examples are the default engine's on the Parquet file.
 */
@ExtendWith(PostgresServer.class)
class NonFiniteNumbersOnPostgresTest {
  @Test
  void nanAndInfinitiesInAPostgresTableAreBlankedAsOnTheDefaultEngine(@TempDir Path dir)
      throws Exception {
    ParquetSourcesTest.parquet(dir.resolve("t.parquet"), NonFiniteNumbersTest.SEVEN_ROWS);
    try (Connection c = PostgresServer.connect()) {
      PostgresServer.execute(c, "CREATE SCHEMA nonfinite");
      PostgresServer.execute(
          c,
          "CREATE TABLE nonfinite.t (\"Mã\" text, \"Lúc\" timestamp, \"Số tiền\" double precision,"
              + " \"Trọng số\" numeric)");
      PostgresServer.execute(
          c,
          "INSERT INTO nonfinite.t VALUES"
              + " ('1', '2026-10-01 08:00', 10, 1), ('2', '2026-10-02 08:00', 'NaN', 1),"
              + " ('3', '2026-10-03 08:00', 20, 1), ('4', '2026-10-04 08:00', 'Infinity', 1),"
              + " ('5', '2026-10-05 08:00', '-Infinity', 1), ('6', '2026-10-06 08:00', NULL, 1),"
              + " ('7', '2026-10-07 08:00', 30, 'NaN')");
    }
    RunRequest october = new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
    Scorecard file =
        KpiEngine.run(
            KpiEngine.load(List.of(NonFiniteNumbersTest.definition(dir, "file: t.parquet"))),
            october);
    Scorecard table =
        SqlKpiEngine.run(
            KpiEngine.load(List.of(NonFiniteNumbersTest.definition(dir, "table: nonfinite.t"))),
            october,
            Engine.JDBC,
            new SqlTarget(PostgresServer.url(), "kpi", null, null, null));
    NonFiniteNumbersTest.assertHandWorked(table);
    SqlEngineDifferentialTest.assertSame(file, table);
  }
}
