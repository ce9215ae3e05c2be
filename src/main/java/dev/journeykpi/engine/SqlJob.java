package dev.journeykpi.engine;

import dev.journeykpi.model.Period;
import java.nio.file.Path;
import java.util.List;

/** {@code kpi sql}: load the definitions and print the selected KPIs compiled for a dialect. */
public final class SqlJob {
  private SqlJob() {}

  /** The dialects kpi sql prints. */
  public static List<String> dialects() {
    return dev.journeykpi.sql.Dialects.names();
  }

  public static String sql(
      List<Path> configs, List<String> kpiIds, List<Period> periods, String dialect) {
    SqlKpiEngine.dialect(dialect); // an unknown dialect is refused before the definitions are read
    return SqlKpiEngine.sql(KpiEngine.load(configs), kpiIds, periods, dialect);
  }
}
