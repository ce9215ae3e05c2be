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
 * {@link SourceGroupsOnSqlTest}'s groups from another source on a real PostgreSQL server ({@code
 * --engine jdbc}): the default engine's rows and quality. Skipped where no PostgreSQL is installed.
 */
@ExtendWith(PostgresServer.class)
class SourceGroupsOnPostgresTest {
  @Test
  void groupsFromAnotherSourceGiveTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    Definition def = SourceGroupsOnSqlTest.definition(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    for (RunRequest request : SourceGroupsOnSqlTest.requests())
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request, Engine.JDBC, postgres));
  }
}
