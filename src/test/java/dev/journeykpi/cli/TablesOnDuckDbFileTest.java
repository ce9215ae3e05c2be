package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.SqlKpiEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped customer-service and retention definitions on tables of a DuckDB database file,
 * through {@code --engine jdbc --url jdbc:duckdb:FILE} (issue 18): the definitions changed only in
 * their {@code file:} lines, the exports loaded as text (staging tables) and as typed columns, the
 * same rows as the default engine gives on the files, and on the text tables the same quality
 * counts.
 */
class TablesOnDuckDbFileTest {
  @ParameterizedTest(name = "{0}, typed {1}")
  @CsvSource({
    "customer-service,false",
    "customer-service,true",
    "retention,false",
    "retention,true"
  })
  void theShippedDefinitionOnTablesGivesTheRowsOfItsFiles(
      String shipped, boolean typed, @TempDir Path dir) throws Exception {
    Path yaml = Path.of("kpi-definitions/" + shipped + ".yaml");
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.db");
    try (Connection c = DriverManager.getConnection(url)) {
      WarehouseTables.load(c, KpiEngine.load(List.of(yaml)), "crm", typed);
    }
    Path tables = WarehouseTables.tableDefinition(yaml, dir, "crm");
    List<String> compared = WarehouseTables.compare(shipped, tables, url, "duckdb", !typed);
    assertThat(compared).hasSizeGreaterThan(10);
  }

  /**
   * Every KPI of the customer-service definition runs on tables: the duration KPI (aht, its
   * durations as text in the table) and frt_by_team, broken down by a column looked up from the
   * team (from:/map:), computed in SQL.
   */
  @Test
  void onTablesEveryKpiRuns(@TempDir Path dir) throws Exception {
    Path yaml = Path.of("kpi-definitions/customer-service.yaml");
    Definition def = KpiEngine.load(List.of(WarehouseTables.tableDefinition(yaml, dir, "crm")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
  }
}
