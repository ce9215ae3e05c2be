package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.DuckDbDialect;
import dev.journeykpi.sql.SourceRelations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * For the Spark differential test: a source that kpi's importer reads (Excel, patterns of files,
 * looked-up columns) is appended to DuckDB's table by the duckdb engine itself, not by the printed
 * SQL, which only makes the empty table. This loads it on DuckDB as the engine does, so that the
 * test can hand the same rows to Spark.
 */
public final class ImporterRows {
  private ImporterRows() {}

  /** Loads the importer's rows of source {@code id}, the columns the printed table names. */
  public static void load(Connection conn, Definition def, String id, List<String> columns)
      throws Exception {
    SourceDef s = def.sources().get(id);
    List<ColumnDef> cols = new ArrayList<>();
    for (String c : columns) cols.add(s.columns().get(c));
    DuckDbDialect d = new DuckDbDialect();
    ImportedSources.load(on(conn, d), new SourceRelations(d), s, null, def.zone(), cols);
  }

  /** The test's DuckDB connection as a backend: the importer's rows as INSERTs. */
  private static SqlBackend on(Connection conn, Dialect d) {
    return new SqlBackend() {
      @Override
      public String name() {
        return "duckdb";
      }

      @Override
      public Dialect dialect() {
        return d;
      }

      @Override
      public Connection connection() {
        return conn;
      }

      @Override
      public void append(String table, List<String> names, Iterable<Object[]> rows)
          throws java.sql.SQLException {
        String sql =
            "INSERT INTO "
                + d.quoteIdent(table)
                + " VALUES ("
                + String.join(", ", Collections.nCopies(names.size(), "?"))
                + ")";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
          for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) ps.setObject(i + 1, row[i]);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }

      @Override
      public void close() {}
    };
  }
}
