package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DurationBreakdownsOnSqlTest}'s calls on a real PostgreSQL server ({@code --engine jdbc}):
 * counts, a mean, stalled leads, active customers and a funnel by a duration column give the
 * default engine's rows, each group labelled by its seconds (issue 17). Skipped where no PostgreSQL
 * is installed.
 */
@ExtendWith(PostgresServer.class)
class DurationBreakdownsOnPostgresTest {
  @Test
  void aBreakdownByADurationColumnGivesTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    Definition def = DurationBreakdownsOnSqlTest.definition(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, DurationBreakdownsOnSqlTest.october()),
        SqlKpiEngine.run(def, DurationBreakdownsOnSqlTest.october(), Engine.JDBC, postgres));
  }
}
