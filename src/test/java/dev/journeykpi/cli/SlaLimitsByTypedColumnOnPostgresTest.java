package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.Period;
import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SlaLimitsByTypedColumnOnSqlTest}'s limits picked by number, yes/no and date columns, and
 * {@link YesNoScoresOnSqlTest}'s yes/no answers, on a real PostgreSQL server ({@code --engine
 * jdbc}): the default engine's rows. Skipped where no PostgreSQL is installed.
 */
@ExtendWith(PostgresServer.class)
class SlaLimitsByTypedColumnOnPostgresTest {
  private static final RunRequest OCTOBER =
      new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());

  @Test
  void limitsByTypedColumnsGiveTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    Definition def = SlaLimitsByTypedColumnOnSqlTest.definition(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER, Engine.JDBC, postgres));
  }

  @Test
  void yesNoScoresGiveTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    Definition def = YesNoScoresOnSqlTest.definition(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, OCTOBER), SqlKpiEngine.run(def, OCTOBER, Engine.JDBC, postgres));
  }
}
