package dev.journeykpi.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a source's used rows reach in its date columns, every column in one scan: each column's
 * first and last day and the rows without one. The run asks this once per source, for the columns
 * its KPIs date rows by; the quality report's date range and each KPI's rows without a time and
 * last data day are read from it ({@link PeriodRowsQuery#knowing}), where each KPI scanned the
 * source again for them (a Parquet source is a view: each scan reads and types the files again;
 * 10,000,000 rows: about 0.2 s of CPU per scan, issue 17).
 *
 * @param rows the relation scanned (the source's used rows)
 * @param columns each column's reach, by column name
 */
public record SourceReach(String rows, Map<String, Column> columns) {
  /**
   * One column's reach.
   *
   * @param first the earliest day, null when no row has one
   * @param last the latest day, null when no row has one
   * @param blank the rows without a value
   */
  public record Column(LocalDate first, LocalDate last, long blank) {}

  /** The statement that measures the columns (each a date or date-time) over {@code rows}. */
  public static String sql(Dialect d, String rows, Collection<String> columns) {
    List<String> each = new ArrayList<>();
    for (String c : columns) {
      String ref = d.quoteIdent(c);
      String day = d.cast(ref, Dialect.SqlType.DATE);
      each.add("min(" + day + ")");
      each.add("max(" + day + ")");
      each.add("count(*) - count(" + ref + ")");
    }
    return "SELECT " + String.join(", ", each) + " FROM " + rows + " AS kpi_rows";
  }

  /** The columns' reach over {@code rows}, measured by the engine. */
  public static SourceReach measure(
      Connection conn, Dialect d, String rows, Collection<String> columns) throws SQLException {
    Map<String, Column> out = new LinkedHashMap<>();
    if (columns.isEmpty()) return new SourceReach(rows, out);
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql(d, rows, columns))) {
      r.next();
      int i = 1;
      for (String c : columns) {
        java.sql.Date first = r.getDate(i);
        java.sql.Date last = r.getDate(i + 1);
        out.put(
            c,
            new Column(
                first == null ? null : first.toLocalDate(),
                last == null ? null : last.toLocalDate(),
                r.getLong(i + 2)));
        i += 3;
      }
    }
    return new SourceReach(rows, out);
  }

  /**
   * The earliest and latest day over the given columns (a column without dates skipped), or null
   * when none has a date: the report's date range.
   */
  public LocalDate[] span(Collection<String> names) {
    LocalDate first = null;
    LocalDate last = null;
    for (String n : names) {
      Column c = columns.get(n);
      if (c == null || c.first() == null) continue;
      if (first == null || c.first().isBefore(first)) first = c.first();
      if (last == null || c.last().isAfter(last)) last = c.last();
    }
    return first == null ? null : new LocalDate[] {first, last};
  }
}
