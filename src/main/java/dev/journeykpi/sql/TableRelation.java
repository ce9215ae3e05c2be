package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.ParquetColumn;
import dev.journeykpi.model.QualityReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source that is a table of the engine's database ({@code table: crm.tickets}, issue 18) as the
 * same relations as a CSV's ({@link SourceRelations}: the typed table, the view of rows used, the
 * quality report). Each mapped column is read as {@link TableColumn} says: a text column (a staging
 * table's raw export) is typed with kpi's parsing exactly as a CSV field, so the quality report
 * counts the same cells; a typed column (timestamp, numeric, boolean) is taken as stored, as a
 * Parquet file's ({@link ParquetRelation}).
 *
 * <p>The typed table is materialised, as a CSV's: the texts are parsed once for every query, and
 * the rows keep the numbers they were given ({@code row_number() OVER ()}, the order the database
 * returns them in), which order the report's examples and nothing the KPIs measure.
 */
public final class TableRelation {
  /**
   * Where a source's columns are in its table.
   *
   * @param table the table as written in the definition, put into the SQL as it is
   * @param fieldOf each mapped column's name in the table
   * @param stored each mapped column's type in the table
   */
  public record Layout(
      String table, Map<String, String> fieldOf, Map<String, TableColumn> stored) {}

  private static final String RECORD = "kpi_table_record";

  private final Dialect d;
  private final FieldTyping typing;
  private final TypedTable table;
  private final QualityCounts counts;
  private final ParquetRelation typed;

  public TableRelation(Dialect d) {
    this.d = d;
    this.typing = new FieldTyping(d);
    this.table = new TypedTable(d);
    this.counts = new QualityCounts(d, table);
    this.typed = new ParquetRelation(d);
  }

  /** The query that reads the table's columns and types: no row, only its description. */
  public static String describe(String table) {
    return "SELECT * FROM " + table + " WHERE 1 = 0";
  }

  /**
   * The columns a table source's typed table holds: the typed ones, then the columns looked up from
   * another ({@code from:}/{@code map:}) that its KPIs read, with the columns they are looked up
   * from typed too.
   *
   * @param typed the columns typed ({@code CombinedSources.typedColumns})
   * @param read the columns read of the source
   */
  public static List<ColumnDef> columns(
      SourceDef s, List<ColumnDef> typed, java.util.Set<String> read) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (ColumnDef c : typed) names.add(c.name());
    List<ColumnDef> lookups = new ArrayList<>();
    for (ColumnDef c : s.columns().values())
      if (read.contains(c.name()) && looksUp(c)) {
        names.add(c.lookup().from());
        lookups.add(c);
      }
    List<ColumnDef> out = new ArrayList<>();
    for (String n : names) out.add(s.columns().get(n));
    out.addAll(lookups);
    return out;
  }

  /** Whether a column is looked up from another by a map (not joined, derived or multiplied). */
  public static boolean looksUp(ColumnDef c) {
    return c.isLookup()
        && !c.isDerived()
        && !c.isJoined()
        && c.lookup().multiply().isEmpty()
        && c.lookup().from() != null;
  }

  /** The statements that make the typed table and the view of used rows. */
  public List<String> create(SourceDef s, Layout l, List<ColumnDef> columns) {
    List<FieldTyping.ColumnSql> each = new ArrayList<>();
    for (ColumnDef c : columns) {
      if (c.isLookup()) {
        each.add(typing.lookupSql(s, c, d.quoteIdent(l.fieldOf().get(c.lookup().from()))));
        continue;
      }
      String field = d.quoteIdent(l.fieldOf().get(c.name()));
      TableColumn t = l.stored().get(c.name());
      each.add(
          t.reading(c.type()) == ParquetColumn.Reading.PARSED
              ? typing.columnSql(s, c, field)
              : typed.typed(c, t.asStored(), field));
    }
    String read =
        "(SELECT row_number() OVER () AS " + RECORD + ", * FROM " + l.table() + ") AS kpi_table";
    return table.statements(s, read, RECORD, true, columns, each, null);
  }

  /**
   * The source's quality report, counted in SQL as a Parquet file's: rows rejected for their first
   * required column that is blank or unreadable, cells blanked; the examples name the table and the
   * column (a table's rows have no line numbers).
   */
  public QualityReport quality(Connection conn, SourceDef s, Layout l, List<ColumnDef> columns)
      throws SQLException {
    return counts.count(
        conn,
        s,
        List.of(l.table()),
        0,
        columns,
        // A looked-up column has no stored type: its text is its from column's (QualityTexts).
        QualityTexts.of(d, columns, c -> l.stored().get(c.name()).asStored()),
        RefusedCsvRows.none(),
        false);
  }
}
