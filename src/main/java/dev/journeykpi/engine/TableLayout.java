package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.ingest.HeaderIndex;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ParquetColumn;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.sql.SourceRelations;
import dev.journeykpi.sql.TableColumn;
import dev.journeykpi.sql.TableRelation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a table source's mapped columns are in its table ({@code table: crm.tickets}, issue 18):
 * the table's columns and types from {@code SELECT * FROM table WHERE 1 = 0}'s metadata (the column
 * count, labels and {@link java.sql.Types} only, which every JDBC driver and the Spark backend's
 * adapter give), each mapped column found by its name as a CSV's by its header (every missing
 * column said at once), and every column whose type is not the declared one's kind refused.
 */
final class TableLayout {
  private TableLayout() {}

  static TableRelation.Layout of(
      Connection conn,
      SourceDef s,
      List<ColumnDef> columns,
      SourceRelations relations,
      String engine)
      throws SQLException {
    String where = "source '" + s.id() + "': table " + s.table();
    List<TableColumn> stored = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(TableRelation.describe(s.table()))) {
      ResultSetMetaData m = r.getMetaData();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        names.add(m.getColumnLabel(i));
        stored.add(new TableColumn(m.getColumnLabel(i), m.getColumnType(i), typeName(m, i)));
      }
    } catch (SQLException e) {
      throw new DataException(where + ": cannot be read: " + firstLine(e.getMessage()), e);
    }
    HeaderIndex index = new HeaderIndex(names);
    Map<String, String> fieldOf = new LinkedHashMap<>();
    Map<String, TableColumn> typeOf = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (ColumnDef c : columns) {
      if (c.isLookup()) continue; // computed from its from: column, which is among the columns
      int i = index.find(c.header());
      if (i < 0) {
        missing.add(
            where
                + ": no column '"
                + c.header()
                + "' (mapped to '"
                + c.name()
                + "')"
                + dev.journeykpi.config.Suggestions.hint(c.header(), names)
                + "; columns: "
                + String.join(", ", names));
        continue;
      }
      index.ambiguity(c.header()).ifPresent(m -> missing.add(where + ": " + m));
      TableColumn t = stored.get(i);
      ParquetColumn.Reading how = t.reading(c.type());
      if (how == ParquetColumn.Reading.MISMATCH)
        throw t.mismatch(where, c.name(), c.type(), s.zone());
      // A date-time held as text is parsed by its declared format, which SQL reads only when it is
      // a numeric pattern (as for a CSV's).
      String why = how == ParquetColumn.Reading.PARSED ? relations.refusal(c) : null;
      if (why != null)
        throw new UsageException(
            where
                + " holds "
                + c.name()
                + " as text, and --engine "
                + engine
                + " cannot parse it: "
                + why
                + " (docs/engines.md)");
      fieldOf.put(c.name(), names.get(i));
      typeOf.put(c.name(), t);
    }
    if (!missing.isEmpty()) throw new DataException(String.join("\n", missing));
    return new TableRelation.Layout(s.table(), fieldOf, typeOf);
  }

  /**
   * The layout {@code kpi sql} prints, with no database to ask: each column under its mapped name,
   * held as text (as a staging table holds an export), except a date-time whose format SQL does not
   * parse, shown as a timestamp column (the only way the engine can read it).
   */
  static TableRelation.Layout asText(
      SourceDef s, List<ColumnDef> columns, SourceRelations relations) {
    Map<String, String> fieldOf = new LinkedHashMap<>();
    Map<String, TableColumn> typeOf = new LinkedHashMap<>();
    for (ColumnDef c : columns) {
      if (c.isLookup()) continue;
      boolean typed = c.type().isTemporal() && relations.refusal(c) != null;
      fieldOf.put(c.name(), c.header());
      typeOf.put(
          c.name(), new TableColumn(c.header(), typed ? Types.TIMESTAMP : Types.VARCHAR, null));
    }
    return new TableRelation.Layout(s.table(), fieldOf, typeOf);
  }

  /** The type's name for messages, where the driver tells it. */
  private static String typeName(ResultSetMetaData m, int i) {
    try {
      return m.getColumnTypeName(i);
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
