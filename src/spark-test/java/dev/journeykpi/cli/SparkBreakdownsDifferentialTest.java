package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.sql.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SeveralBreakdownsOnSqlTest}'s generated export on Spark (local mode, the test JVM's
 * session): backlog, turnover, score, stalled and the customers KPIs by two and three columns with
 * the roll-up, and by numbers, yes/no values and dates, give the default engine's rows in their
 * order (issue 17). In every spark build one KPI per type over three months; every KPI of the
 * export, over the months and all time, with {@code -Dkpi.spark.all=true} (about 10 minutes of a
 * loaded 2-core machine, December 2026: Spark plans each query in seconds).
 */
class SparkBreakdownsDifferentialTest {
  private static final List<String> EVERY_BUILD =
      List.of(
          "open_rollup",
          "open_by_day",
          "turnover_by_two",
          "csat_rollup",
          "stalled_rollup",
          "churn_by_two",
          "cohorts_rollup");

  @Test
  void generatedEdgeCasesGiveTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    SparkSessions.get(); // started first: the backend reuses it
    Definition def = SeveralBreakdownsOnSqlTest.generated(dir);
    SqlTarget local = new SqlTarget(null, null, null, null, null);
    boolean all = Boolean.getBoolean("kpi.spark.all");
    List<RunRequest> requests = SeveralBreakdownsOnSqlTest.requests();
    if (!all) {
      RunRequest months = requests.get(0);
      requests =
          List.of(
              new RunRequest(
                  months.periods(), Map.of(), EVERY_BUILD, months.compare(), months.today()));
    }
    for (RunRequest request : requests)
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request, Engine.SPARK, local));
  }

  /** The funnels of every spark build: a history funnel's roll-up, its conversion, a snapshot. */
  private static final List<String> FUNNELS_EVERY_BUILD =
      List.of("fill_rollup", "rate_rollup", "snap_by_priority");

  /**
   * {@link FunnelBreakdownsOnSqlTest}'s generated export on Spark: funnels and a conversion by two
   * columns with the roll-up and a snapshot by a number column over three months in every spark
   * build; every funnel of the export (three columns, yes/no values, dates), over the months and
   * all time, with {@code -Dkpi.spark.all=true} (issue 17).
   */
  @Test
  void funnelsBySeveralColumnsGiveTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    SparkSessions.get();
    Definition def = FunnelBreakdownsOnSqlTest.generated(dir);
    SqlTarget local = new SqlTarget(null, null, null, null, null);
    List<RunRequest> requests = FunnelBreakdownsOnSqlTest.requests();
    if (!Boolean.getBoolean("kpi.spark.all")) {
      RunRequest months = requests.get(0);
      requests =
          List.of(
              new RunRequest(
                  months.periods(),
                  Map.of(),
                  FUNNELS_EVERY_BUILD,
                  months.compare(),
                  months.today()));
    }
    for (RunRequest request : requests)
      SqlEngineDifferentialTest.assertSame(
          KpiEngine.run(def, request), SqlKpiEngine.run(def, request, Engine.SPARK, local));
  }

  /**
   * {@link DurationBreakdownsOnSqlTest}'s calls on Spark: counts, a mean, stalled leads, active
   * customers and a funnel by a duration column, each group labelled by its seconds (issue 17).
   */
  @Test
  void aBreakdownByADurationColumnGivesTheDefaultEnginesRows(@TempDir Path dir) throws Exception {
    SparkSessions.get();
    Definition def = DurationBreakdownsOnSqlTest.definition(dir);
    RunRequest october = DurationBreakdownsOnSqlTest.october();
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(def, october),
        SqlKpiEngine.run(def, october, Engine.SPARK, new SqlTarget(null, null, null, null, null)));
  }
}
