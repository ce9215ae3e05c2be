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
 * {@link FunnelBreakdownsOnSqlTest}'s generated export on a real PostgreSQL server ({@code --engine
 * jdbc}): funnels and a conversion by two and three columns with the roll-up, and by numbers,
 * yes/no values and dates, give the default engine's rows in its order (issue 17). Skipped where no
 * PostgreSQL is installed.
 */
@ExtendWith(PostgresServer.class)
class FunnelBreakdownsOnPostgresTest {
  @Test
  void generatedEdgeCasesGiveTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    Definition def = FunnelBreakdownsOnSqlTest.generated(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    for (RunRequest request : FunnelBreakdownsOnSqlTest.requests())
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request, Engine.JDBC, postgres));
  }
}
