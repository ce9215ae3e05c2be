package dev.journeykpi.cli;

import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ControlCharactersOnSqlTest}'s six rows in a staging table of a real PostgreSQL server (the
 * tests' throw-away one; skipped where none is installed), read through {@code --engine jdbc}: the
 * cells cleaned, their counts and examples are the default engine's on the same texts as a CSV. Row
 * 1's NUL is U+0001 there (a PostgreSQL text cannot hold a NUL): still 7 cells cleaned.
 */
@ExtendWith(PostgresServer.class)
class ControlCharactersOnPostgresTest {
  @Test
  void aStagingTableOfTextsGivesTheCsvsCleanedCells(@TempDir Path dir) throws Exception {
    ControlCharactersOnSqlTest.csv(dir, true);
    try (Connection c = PostgresServer.connect()) {
      PostgresServer.execute(c, "CREATE SCHEMA cleaned");
      PostgresServer.execute(
          c,
          "CREATE TABLE cleaned.t AS "
              + ControlCharactersOnSqlTest.select(true).replace("chr(0)", "chr(1)"));
    }
    Scorecard file =
        KpiEngine.run(
            KpiEngine.load(List.of(ControlCharactersOnSqlTest.definition(dir, "file: t.csv"))),
            ControlCharactersOnSqlTest.OCTOBER);
    Scorecard table =
        SqlKpiEngine.run(
            KpiEngine.load(List.of(ControlCharactersOnSqlTest.definition(dir, "table: cleaned.t"))),
            ControlCharactersOnSqlTest.OCTOBER,
            Engine.JDBC,
            new SqlTarget(PostgresServer.url(), "kpi", null, null, null));
    ControlCharactersOnSqlTest.assertHandWorked(file, "01");
    ControlCharactersOnSqlTest.assertHandWorked(table, "01");
    SqlEngineDifferentialTest.assertSame(file, table);
  }
}
