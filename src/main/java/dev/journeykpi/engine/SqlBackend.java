package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.ParquetRelation;
import dev.journeykpi.sql.SourceRelations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where {@link SqlKpiEngine}'s SQL runs: a connection, the dialect its SQL is written in, and how
 * what SQL cannot say reaches the engine — a statement that reads a file from this machine
 * (PostgreSQL's {@code COPY … FROM 'file'} streamed from the client), and the rows kpi's own
 * importer typed (Excel, patterns of files, looked-up columns) appended to a table.
 *
 * <p>DuckDB in process ({@link DuckDbBackend}), any JDBC database ({@link JdbcBackend}), or Spark
 * (in the {@code spark} build only, reached by name so that the default jar needs no Spark).
 */
public interface SqlBackend extends AutoCloseable {
  /** The engine's name in messages ("duckdb", "postgres", "spark"). */
  String name();

  Dialect dialect();

  /** The connection the KPI queries and quality counts run on. */
  Connection connection();

  /** Runs a statement that makes a relation (a source's table or view). */
  default void execute(String sql) throws SQLException {
    try (Statement st = connection().createStatement()) {
      st.execute(sql);
    }
  }

  default void execute(List<String> statements) throws SQLException {
    for (String s : statements) execute(s);
  }

  /**
   * A CSV source's layout read by this engine's own access to files, or null to read it from this
   * machine's files ({@link SourceFileLayout}). Spark reads a path with a scheme ({@code hdfs://},
   * {@code s3a://}, {@code file:///}) through Hadoop's API, as its own readers reach it.
   */
  default SourceRelations.Layout csvLayout(SourceDef s, List<ColumnDef> columns) {
    return null;
  }

  /** The same for a Parquet source's files (their list, columns and stored types). */
  default ParquetRelation.Layout parquetLayout(
      SourceDef s, List<ColumnDef> columns, SourceRelations relations) {
    return null;
  }

  /**
   * Checks a CSV source's file before the engine's reader reads it, throwing a {@link
   * dev.journeykpi.model.DataException} where that reader would read it otherwise than the default
   * engine and no query could tell (Spark: a quote left open in a record's last field,
   * SparkBackend). Nothing by default.
   */
  default void checkCsv(SourceRelations.Layout layout) {}

  /**
   * Whether the dialect's CSV reader ({@link Dialect#readCsv}) reads the file's records as the
   * default engine does. When not, kpi's importer reads the file and its typed rows are appended
   * ({@link #append}), as for a pattern of files, so that a valid export never stops the run on one
   * engine only (PostgreSQL's COPY: a NUL byte, a carriage return inside quotes, PostgresBackend;
   * DuckDB's read_csv: bytes that are not UTF-8, a quote left open, DuckDbBackend), or where the
   * importer costs far less (PostgreSQL: a large file, PostgresBackend#importerFirst). True by
   * default.
   */
  default boolean readsCsv(SourceRelations.Layout layout) {
    return true;
  }

  /**
   * Appends rows to a table made by {@link Dialect#createLoadedTable} (its name unquoted): each
   * row's values in the table's column order as Long, Double, Boolean, LocalDate, LocalDateTime,
   * String or null.
   */
  void append(String table, List<String> columns, Iterable<Object[]> rows) throws SQLException;

  @Override
  void close() throws SQLException;
}
