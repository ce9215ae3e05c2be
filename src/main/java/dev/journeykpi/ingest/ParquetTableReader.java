package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ParquetColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a Parquet file for the default engine, read through DuckDB's JDBC driver (in kpi.jar for
 * {@code --engine duckdb} already, so Parquet costs no other library: a Java Parquet reader would
 * bring Hadoop's classes, tens of megabytes). The columns are found by their names as a CSV's by
 * its header; each cell is staged as {@link ParquetColumn} says, the same rule as DuckDB's typing:
 * text through the column's own parsing (so the quality report counts what a CSV's would), a typed
 * value as it is (a number that is NaN or an infinity blanked, {@link ParquetColumn#NOT_FINITE}). A
 * problem's row is the row's number in the file, from 1.
 */
final class ParquetTableReader {
  private ParquetTableReader() {}

  static ColumnPlan read(java.nio.file.Path file, SourceDef source, RowAssembler.Factory factory) {
    String name = SourceLoader.display(file);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      List<String> names = new ArrayList<>();
      List<ParquetColumn> stored = new ArrayList<>();
      describe(st, file, names, stored);
      ColumnPlan plan = ColumnPlan.of(source, names, name);
      RowAssembler.Binding b = factory.create(plan);
      RowAssembler rows = b.rows();
      int[] idx = b.fieldIndex();
      rows.startFile(name);
      List<String> select = new ArrayList<>();
      ParquetColumn.Reading[] how = new ParquetColumn.Reading[idx.length];
      ParquetColumn.Kind[] kind = new ParquetColumn.Kind[idx.length];
      for (int i = 0; i < idx.length; i++) {
        ColumnDef c = rows.sink(i).def;
        ParquetColumn p = stored.get(idx[i]);
        how[i] = p.reading(c.type());
        kind[i] = p.kind();
        if (how[i] == ParquetColumn.Reading.MISMATCH)
          throw p.mismatch(name, names.get(idx[i]), c.name(), c.type());
        String col = quote(names.get(idx[i]));
        // Dates and date-times come as milliseconds of their wall time, as kpi holds them.
        select.add(
            how[i] == ParquetColumn.Reading.TYPED
                    && (kind[i] == ParquetColumn.Kind.DATE
                        || kind[i] == ParquetColumn.Kind.TIMESTAMP)
                ? "epoch_ms(CAST(" + col + " AS TIMESTAMP))"
                : col);
      }
      String[] shown = new String[idx.length];
      long row = 0;
      try (ResultSet r =
          st.executeQuery(
              "SELECT "
                  + (select.isEmpty() ? "1" : String.join(", ", select))
                  + " FROM read_parquet("
                  + literal(file.toAbsolutePath().toString())
                  + ")")) {
        while (r.next()) {
          row++;
          for (int i = 0; i < idx.length; i++) {
            ColumnSink sink = rows.sink(i);
            Object v = r.getObject(i + 1);
            shown[i] = v == null ? "" : r.getString(i + 1);
            if (v != null && nonFinite(how[i], kind[i], r, i + 1)) {
              rows.stageUnreadable(i, ParquetColumn.NOT_FINITE);
            } else {
              rows.stage(i, v == null ? sink.stage(0, "") : stage(sink, how[i], kind[i], r, i + 1));
            }
          }
          rows.finishRow(row, i -> shown[i]);
        }
      }
      return plan;
    } catch (SQLException e) {
      throw new DataException(name + ": cannot read as Parquet: " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * Whether a number taken as stored is NaN or an infinity: blanked with its reason, as the SQL
   * engines blank it ({@code Dialect.finiteOrNull}); shown as Java writes it ("NaN", "Infinity",
   * "-Infinity"), as DuckDB's driver gives it.
   */
  private static boolean nonFinite(
      ParquetColumn.Reading how, ParquetColumn.Kind kind, ResultSet r, int column)
      throws SQLException {
    return how == ParquetColumn.Reading.TYPED
        && kind == ParquetColumn.Kind.NUMBER
        && !Double.isFinite(r.getDouble(column));
  }

  private static int stage(
      ColumnSink sink, ParquetColumn.Reading how, ParquetColumn.Kind kind, ResultSet r, int column)
      throws SQLException {
    if (how == ParquetColumn.Reading.PARSED)
      return sink instanceof TextSink t
          ? t.stageText(0, r.getString(column))
          : sink.stage(0, r.getString(column));
    return switch (kind) {
      // Digits read as a text column: the text DuckDB writes for them, as its typing takes them.
      case INTEGER ->
          sink instanceof ColumnSink.Numeric
              ? sink.stageNumber(0, r.getDouble(column), false)
              : sink.stage(0, r.getString(column));
      case NUMBER -> sink.stageNumber(0, r.getDouble(column), false);
      case BOOLEAN -> sink.stageBoolean(0, r.getBoolean(column));
      case DATE, TIMESTAMP -> {
        long ms = r.getLong(column);
        yield ((TemporalSink) sink)
            .stageDateTime(
                0,
                LocalDateTime.ofEpochSecond(
                    Math.floorDiv(ms, 1000),
                    (int) Math.floorMod(ms, 1000) * 1_000_000,
                    ZoneOffset.UTC));
      }
      case TEXT, OTHER -> throw new IllegalStateException("not typed: " + kind);
    };
  }

  /** The file's column names and stored types, in the file's order. */
  private static void describe(
      Statement st, java.nio.file.Path file, List<String> names, List<ParquetColumn> stored)
      throws SQLException {
    try (ResultSet r =
        st.executeQuery(
            "DESCRIBE SELECT * FROM read_parquet("
                + literal(file.toAbsolutePath().toString())
                + ")")) {
      while (r.next()) {
        names.add(r.getString(1));
        stored.add(new ParquetColumn(r.getString(2)));
      }
    }
  }

  /** The file's column names, for {@code kpi validate --check-data}. */
  static List<String> headers(java.nio.file.Path file) {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      List<String> names = new ArrayList<>();
      describe(st, file, names, new ArrayList<>());
      return names;
    } catch (SQLException e) {
      throw new DataException(
          SourceLoader.display(file) + ": cannot read as Parquet: " + firstLine(e.getMessage()), e);
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
