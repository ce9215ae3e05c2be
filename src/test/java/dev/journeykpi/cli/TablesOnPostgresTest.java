package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped customer-service and retention definitions on tables of a real PostgreSQL server (the
 * tests' throw-away one, {@link PostgresServer}; skipped where none is installed), through {@code
 * --engine jdbc --url jdbc:postgresql:…} (issue 18): as {@link TablesOnDuckDbFileTest}, the
 * definitions changed only in their {@code file:} lines, the exports as text and as typed columns
 * (timestamp, date, numeric, boolean), the same rows as the default engine on the files.
 */
@ExtendWith(PostgresServer.class)
class TablesOnPostgresTest {
  @ParameterizedTest(name = "{0}, typed {1}")
  @CsvSource({
    "customer-service,false",
    "customer-service,true",
    "retention,false",
    "retention,true"
  })
  void theShippedDefinitionOnPostgresTablesGivesTheRowsOfItsFiles(
      String shipped, boolean typed, @TempDir Path dir) throws Exception {
    Path yaml = Path.of("kpi-definitions/" + shipped + ".yaml");
    // A schema of its own per case, in the one server of the run.
    String schema = "crm_" + shipped.replace('-', '_') + (typed ? "_typed" : "_text");
    try (Connection c = PostgresServer.connect()) {
      WarehouseTables.load(c, KpiEngine.load(List.of(yaml)), schema, typed);
    }
    Path tables = WarehouseTables.tableDefinition(yaml, dir, schema);
    List<String> compared =
        WarehouseTables.compare(
            shipped,
            tables,
            new SqlTarget(PostgresServer.url(), "kpi", null, null, null),
            "postgres",
            !typed);
    assertThat(compared).hasSizeGreaterThan(10);
  }
}
