package dev.journeykpi.engine;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.VariantComparison;
import dev.journeykpi.sql.CombinedSources;
import dev.journeykpi.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code compare:} on the SQL engines (issue 20): the rows of each source a compared KPI reads are
 * read back from the engine — only the columns those KPIs read, in the source's record order — into
 * a Tablesaw table typed as kpi's importer types it, and {@link VariantComparisons} measures and
 * tests the variants on it exactly as on the default engine.
 *
 * <p>Why rows and not sufficient statistics computed in SQL: one code path for the statistics gives
 * the default engine's numbers to the last bit (a Welch variance from a sum of squares would not,
 * and the bootstrap needs the raw values anyway), and the pooled spellings of a control, the groups
 * within other breakdown columns and the guards need no second implementation. The cost is that
 * those rows cross the connection once per run; an A/B test's export is small (docs/engines.md).
 */
final class ComparedRows {
  private ComparedRows() {}

  /**
   * The comparisons of the compared KPIs among {@code kpis}, read from the engine's relations; none
   * (and no query) when no KPI has {@code compare:}.
   */
  static List<VariantComparison> of(
      Connection conn,
      Dialect d,
      Definition def,
      CombinedSources combined,
      List<KpiDef> kpis,
      List<Period> periods,
      KpiRunner runner,
      Double confidence)
      throws SQLException {
    Map<String, Set<String>> needed = new LinkedHashMap<>();
    for (KpiDef k : kpis)
      if (k.compare() != null)
        needed.computeIfAbsent(k.source(), x -> new LinkedHashSet<>()).addAll(k.columnsRead());
    if (needed.isEmpty()) return List.of();
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : needed.entrySet()) {
      SourceDef s = def.sources().get(e.getKey());
      tables.put(s.id(), read(conn, d, combined.rows(s), s, e.getValue()));
    }
    return VariantComparisons.of(kpis, tables::get, periods, runner, confidence);
  }

  /**
   * The relation's rows, those columns only, in record order (the order of the default engine's
   * table, so that sums over a group's values add in the same order).
   */
  static Table read(Connection conn, Dialect d, String rows, SourceDef s, Set<String> columns)
      throws SQLException {
    List<String> names = List.copyOf(columns);
    List<ValueType> types = new ArrayList<>();
    List<String> selected = new ArrayList<>();
    for (String c : names) {
      types.add(type(s, c));
      selected.add(d.quoteIdent(c));
    }
    List<Column<?>> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) out.add(JdbcCells.column(names.get(i), types.get(i)));
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + String.join(", ", selected)
                    + " FROM "
                    + rows
                    + " AS kpi_rows ORDER BY kpi_record")) {
      while (r.next())
        for (int i = 0; i < names.size(); i++) JdbcCells.append(out.get(i), types.get(i), r, i + 1);
    }
    return Table.create(s.id(), out);
  }

  /**
   * A column's type as the importer gives it: its declaration's (a derived column's is its
   * expression's, a condition's when it has none, as {@code ExprSql.sqlType} reads it).
   */
  private static ValueType type(SourceDef s, String column) {
    ColumnDef c = s.columns().get(column);
    return c == null || c.type() == null ? ValueType.BOOLEAN : c.type();
  }
}
