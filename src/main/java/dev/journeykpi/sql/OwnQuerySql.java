package dev.journeykpi.sql;

/**
 * The SQL of a type that is not measured over the rows dated in each period (funnels, customers,
 * backlog, turnover, …): the type compiles its own {@link KpiQuery} from what the engine hands it.
 */
public non-sealed interface OwnQuerySql extends SqlTemplate {
  /**
   * The KPI's query.
   *
   * @throws SqlRefused for a part of the KPI not compiled yet (the engine names the KPI and refuses
   *     the run before any work)
   */
  KpiQuery compile(SqlSource source);
}
