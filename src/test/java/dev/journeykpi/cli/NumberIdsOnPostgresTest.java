package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NumberIdsOnSqlTest}'s number and date ids (customers, orders, stalled leads) on a real
 * PostgreSQL server ({@code --engine jdbc}): the default engine's rows. Skipped where no PostgreSQL
 * is installed.
 */
@ExtendWith(PostgresServer.class)
class NumberIdsOnPostgresTest {
  @Test
  void numberIdsGiveTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    Definition def = NumberIdsOnSqlTest.definition(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    for (RunRequest request : NumberIdsOnSqlTest.requests())
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request, Engine.JDBC, postgres));
  }
}
