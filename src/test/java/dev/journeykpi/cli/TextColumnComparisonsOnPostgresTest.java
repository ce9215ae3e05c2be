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
 * {@link TextColumnComparisonsOnSqlTest}'s text and yes/no column comparisons on a real PostgreSQL
 * server ({@code --engine jdbc}): the default engine's rows. Skipped where no PostgreSQL is
 * installed.
 */
@ExtendWith(PostgresServer.class)
class TextColumnComparisonsOnPostgresTest {
  @Test
  void textAndYesNoColumnsCompareAsOnTheDefaultEngine(@TempDir Path dir) throws Exception {
    Definition def = TextColumnComparisonsOnSqlTest.definition(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    RunRequest october = new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, october), SqlKpiEngine.run(def, october, Engine.JDBC, postgres));
  }
}
