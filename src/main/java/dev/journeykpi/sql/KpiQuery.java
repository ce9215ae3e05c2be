package dev.journeykpi.sql;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One KPI compiled for an SQL engine: the SQL {@code kpi sql} prints, and the rows the engine's run
 * of it gives, built by the default engine's code so that notes, targets and statuses agree.
 */
public interface KpiQuery {
  /** The SQL over the given periods, as {@code kpi sql} prints it (one or more statements). */
  String sql(List<Period> periods);

  /** The KPI's rows over the periods. */
  List<ResultRow> run(Connection conn, List<Period> periods, KpiRunner runner) throws SQLException;
}
