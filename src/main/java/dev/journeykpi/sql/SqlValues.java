package dev.journeykpi.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/** One value from a query, for the counts and edge dates the SQL engines ask the engine for. */
public final class SqlValues {
  private SqlValues() {}

  /** The first column of the query's one row, as a count. */
  public static long count(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The first column of the query's one row, as a day, or null when it is NULL (no rows). */
  public static LocalDate day(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql)) {
      r.next();
      java.sql.Date day = r.getDate(1);
      return day == null ? null : day.toLocalDate();
    }
  }
}
