package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TotalLabelCollisionTest}'s exports on a real PostgreSQL server ({@code --engine jdbc}):
 * the teams and campaigns named {@code (total)} keep rows of their own beside the total and the
 * roll-up's subtotals, with the default engine's numbers in its order (worked out there). Skipped
 * where no PostgreSQL is installed.
 */
@ExtendWith(PostgresServer.class)
class TotalLabelCollisionOnPostgresTest {
  @Test
  void theDataRowsAndTheTotalsStayApart(@TempDir Path dir) throws Exception {
    Definition def = TotalLabelCollision.definition(dir);
    RunRequest request = TotalLabelCollision.request();
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    Scorecard tablesaw = KpiEngine.run(def, request);
    Scorecard pg = SqlKpiEngine.run(def, request, Engine.JDBC, postgres);
    SqlEngineDifferentialTest.assertSame(tablesaw, pg);
    // Not vacuous: the data's "(total)" team is a row of its own (3 rows) beside the total (8).
    assertThat(pg.rows())
        .filteredOn(r -> r.kpi().equals("by_team"))
        .extracting(r -> r.dims().get("team") + "=" + r.value())
        .containsExactly("'(total)=3.0", "A=2.0", "B=1.0", "(blank)=2.0", "(total)=8.0");
  }

  /** {@link TotalLabelCollisionTest#everyTypeKeepsTheDataRowsApartOnBothEngines} on PostgreSQL. */
  @Test
  void everyTypeKeepsTheDataRowsApart(@TempDir Path dir) throws Exception {
    Definition def = TotalLabelCollision.generated(dir);
    SqlTarget postgres = new SqlTarget(PostgresServer.url(), "kpi", null, null, null);
    for (RunRequest request : SeveralBreakdownsOnSqlTest.requests()) {
      Scorecard tablesaw = KpiEngine.run(def, request);
      SqlEngineDifferentialTest.assertSame(
          tablesaw, SqlKpiEngine.run(def, request, Engine.JDBC, postgres));
      TotalLabelCollisionTest.assertDistinct(tablesaw);
    }
  }
}
