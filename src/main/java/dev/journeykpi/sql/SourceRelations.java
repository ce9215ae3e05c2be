package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.QualityReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source's CSV export as relations an SQL engine measures: every field read as text (never the
 * engine's own typing, which would skip or guess what kpi reports), then typed with the dialect's
 * try-parsers ({@link FieldTyping}) into a table of the columns the KPIs read, each with its text
 * beside it; a view of the rows used (no required column blank or unreadable) ({@link TypedTable}).
 * The quality report is counted from that table in SQL with kpi's reasons ({@link QualityCounts}),
 * after the rows the reader refused ({@link RefusedCsvRows}), so that it says what the Tablesaw
 * import says: rows read, used, rejected, cells blanked and cleaned, with examples.
 *
 * <p>What is not here yet (the engine refuses it before any work): joins, derived and looked-up
 * columns, {@code distinct:}, Excel files, globs of several files, time-zone conversion.
 */
public final class SourceRelations {
  /**
   * Where a source's columns are in its file.
   *
   * @param file the file, absolute, for the engine
   * @param shown the file as messages name it
   * @param skip the lines before the first data row (the header's)
   * @param width the header's fields
   * @param fieldOf each mapped column's field, 0-based
   */
  public record Layout(
      String file,
      String shown,
      char delimiter,
      int skip,
      int width,
      Map<String, Integer> fieldOf) {}

  private final Dialect d;
  private final FieldTyping typing;
  private final TypedTable table;
  private final QualityCounts counts;

  public SourceRelations(Dialect d) {
    this.d = d;
    this.typing = new FieldTyping(d);
    this.table = new TypedTable(d);
    this.counts = new QualityCounts(d, table);
  }

  /** The table of the source's typed rows, rejected ones included. */
  public String typedTable(SourceDef s) {
    return table.typedTable(s);
  }

  /** The view of the rows used: what a KPI reads. */
  public String rows(SourceDef s) {
    return table.rows(s);
  }

  private String rejects(SourceDef s) {
    return d.quoteIdent("kpi_rejects_" + s.id());
  }

  /** The columns typed: those the KPIs read, and every required one (a blank one rejects a row). */
  public static List<ColumnDef> typedColumns(SourceDef s, Set<String> read) {
    List<ColumnDef> out = new ArrayList<>();
    for (ColumnDef c : s.columns().values())
      if (read.contains(c.name()) || c.required()) out.add(c);
    return out;
  }

  /** The statements that make the typed table and the view of used rows. */
  public List<String> create(SourceDef s, Layout l, List<ColumnDef> columns) {
    List<FieldTyping.ColumnSql> each = new ArrayList<>();
    for (ColumnDef c : columns)
      each.add(typing.columnSql(s, c, "column" + pad(l.fieldOf().get(c.name()), l.width())));
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < l.width(); i++) fields.add("column" + pad(i, l.width()));
    Dialect.CsvRead read = d.readCsv(l, fields, "kpi_rejects_" + s.id(), "kpi_scan_" + s.id());
    List<String> out = new ArrayList<>(read.statements());
    // Materialised: reading and splitting the CSV is the costly part, done once for every query.
    out.addAll(
        table.statements(
            s, read.relation(), read.recordNumber(), true, columns, each, emptyRow(fields)));
    return out;
  }

  /**
   * Whether a row's every field is blank: what the import rejects as "empty row" (ingest's
   * RecordTyper) before it types a column, whatever the columns mapped. Tested first field first:
   * DuckDB evaluates each further test only on the rows still blank, so most rows end at the first.
   */
  private String emptyRow(List<String> fields) {
    List<String> each = new ArrayList<>();
    for (String f : fields) each.add(d.isBlankField(d.quoteIdent(f)));
    return String.join(" AND ", each);
  }

  /** DuckDB numbers its columns column0, column1 … padded to the widest number. */
  private static String pad(int i, int width) {
    int digits = String.valueOf(width - 1).length();
    String s = String.valueOf(i);
    return "0".repeat(Math.max(0, digits - s.length())) + s;
  }

  /**
   * Why a column cannot be typed in SQL yet, or null: the engine asks before any work.
   *
   * @return the reason, naming the column
   */
  public String refusal(ColumnDef c) {
    return typing.refusal(c);
  }

  /**
   * The source's quality report, counted in SQL: rows the reader refused (wrong number of fields),
   * where the dialect's reader sets them aside ({@link Dialect#refusedCsvRows}), rows rejected for
   * their first required column that is blank or unreadable, cells blanked. Rows the reader refused
   * carry their line; the others their file only (the engine does not tell a row's line).
   */
  public QualityReport quality(Connection conn, SourceDef s, Layout l, List<ColumnDef> columns)
      throws SQLException {
    return counts.count(
        conn,
        s,
        List.of(l.shown()),
        l.skip(),
        columns,
        QualityTexts.of(d, columns, c -> null),
        RefusedCsvRows.read(conn, d, l, rejects(s)),
        true);
  }
}
