package dev.journeykpi.engine;

import dev.journeykpi.model.DataException;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.DuckDbDialect;
import dev.journeykpi.sql.SourceRelations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** {@code --engine duckdb}: DuckDB in this process, in memory; rows appended by its Appender. */
final class DuckDbBackend implements SqlBackend {
  private final Connection conn;
  private final Dialect dialect = new DuckDbDialect();

  DuckDbBackend() throws SQLException {
    conn = DriverManager.getConnection("jdbc:duckdb:");
  }

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public Connection connection() {
    return conn;
  }

  /**
   * Whether read_csv reads the file as kpi's importer does ({@link DuckDbCsvBytes}: UTF-8
   * throughout, every quote closed, nothing after a closing quote, one kind of line end); a file
   * that holds such bytes is read by the importer instead, so that a valid export gives the default
   * engine's rows and quality counts here too, where DuckDB's reader would stop. One pass over the
   * file's bytes (on the 146 MB benchmark export, docs/engines.md).
   */
  @Override
  public boolean readsCsv(SourceRelations.Layout layout) {
    Path file = Path.of(layout.file());
    try (InputStream in = Files.newInputStream(file)) {
      return DuckDbCsvBytes.whyNot(in, layout.delimiter()) == null;
    } catch (IOException e) {
      throw new DataException("cannot read " + layout.shown() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void append(String table, List<String> columns, Iterable<Object[]> rows)
      throws SQLException {
    try (DuckDBAppender a =
        conn.unwrap(DuckDBConnection.class)
            .createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      for (Object[] row : rows) {
        a.beginRow();
        for (Object v : row) {
          if (v == null) a.appendNull();
          else if (v instanceof Long l) a.append(l.longValue());
          else if (v instanceof Double x) a.append(x.doubleValue());
          else if (v instanceof Boolean b) a.append(b.booleanValue());
          else if (v instanceof LocalDate day) a.append(day);
          else if (v instanceof LocalDateTime t) a.append(t);
          else a.append(v.toString());
        }
        a.endRow();
      }
    }
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
