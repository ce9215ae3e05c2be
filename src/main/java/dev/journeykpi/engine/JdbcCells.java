package dev.journeykpi.engine;

import dev.journeykpi.config.ValueType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The one mapping between kpi's typed cells and JDBC values, both ways: {@link ImportedSources}
 * sends the importer's Tablesaw cells to an SQL engine with {@link #toJdbc}, {@link ComparedRows}
 * reads an engine's rows back into Tablesaw columns with {@link #column} and {@link #append}. Kept
 * in one place so that a blank, a duration and a local date-time mean the same thing in both
 * directions: a blank is SQL's NULL and Tablesaw's missing value (NaN for numbers), a duration is
 * its seconds as a number, a date-time is a local one, never a {@code java.sql.Timestamp} that
 * would pass through this machine's zone.
 */
final class JdbcCells {
  private JdbcCells() {}

  /**
   * One cell as a JDBC value, null for a blank (an empty text, a missing number, date or yes/no).
   */
  static Object toJdbc(Column<?> c, int row) {
    if (c.isMissing(row)) return null;
    if (c instanceof NumericColumn<?> n) {
      double v = n.getDouble(row);
      return Double.isNaN(v) ? null : v;
    }
    if (c instanceof BooleanColumn b) return b.get(row);
    if (c instanceof DateColumn dc) return dc.get(row);
    if (c instanceof DateTimeColumn dt) return dt.get(row);
    String v = c.getString(row);
    return v == null || v.isEmpty() ? null : v;
  }

  /** The Tablesaw column the importer makes for a type: durations are seconds, as numbers. */
  static Column<?> column(String name, ValueType t) {
    return switch (t) {
      case STRING -> StringColumn.create(name);
      case NUMBER, DURATION -> DoubleColumn.create(name);
      case BOOLEAN -> BooleanColumn.create(name);
      case DATE -> DateColumn.create(name);
      case DATETIME -> DateTimeColumn.create(name);
    };
  }

  /** Appends the result's cell {@code at} to a column {@link #column} made, NULL as missing. */
  static void append(Column<?> c, ValueType t, ResultSet r, int at) throws SQLException {
    switch (t) {
      case STRING -> {
        String v = r.getString(at);
        if (v == null) ((StringColumn) c).appendMissing();
        else ((StringColumn) c).append(v);
      }
      case NUMBER, DURATION -> {
        double v = r.getDouble(at);
        if (r.wasNull()) ((DoubleColumn) c).appendMissing();
        else ((DoubleColumn) c).append(v);
      }
      case BOOLEAN -> {
        boolean v = r.getBoolean(at);
        if (r.wasNull()) ((BooleanColumn) c).appendMissing();
        else ((BooleanColumn) c).append(v);
      }
      case DATE -> {
        LocalDate v = r.getObject(at, LocalDate.class);
        if (v == null) ((DateColumn) c).appendMissing();
        else ((DateColumn) c).append(v);
      }
      case DATETIME -> {
        LocalDateTime v = r.getObject(at, LocalDateTime.class);
        if (v == null) ((DateTimeColumn) c).appendMissing();
        else ((DateTimeColumn) c).append(v);
      }
    }
  }
}
