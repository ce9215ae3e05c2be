package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.ParquetColumn;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.sql.Dialect.SqlType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source's Parquet files as the same relations as a CSV's ({@link SourceRelations}: the typed
 * relation, the view of rows used, the quality report): the files read by the dialect ({@link
 * Dialect#readParquet}) in name order, each mapped column read as {@link ParquetColumn} says, the
 * rule the default engine's import follows too. A column stored as text is typed with kpi's parsing
 * exactly as a CSV field (so the quality report counts the same cells); a typed column is taken as
 * stored, and is held once (its value is its text: a NULL is a blank cell, and nothing is
 * unreadable), except a floating-point or decimal number, which is blanked when it is NaN or an
 * infinity and counted so ({@link ParquetColumn#NOT_FINITE}).
 */
public final class ParquetRelation {
  /**
   * Where a source's columns are in its Parquet files.
   *
   * @param files the files, absolute, in name order
   * @param shown the files as messages name them
   * @param fieldOf each mapped column's name in the files
   * @param stored each mapped column's stored type
   */
  public record Layout(
      List<String> files,
      List<String> shown,
      Map<String, String> fieldOf,
      Map<String, ParquetColumn> stored) {}

  private final Dialect d;
  private final FieldTyping typing;
  private final TypedTable table;
  private final QualityCounts counts;

  public ParquetRelation(Dialect d) {
    this.d = d;
    this.typing = new FieldTyping(d);
    this.table = new TypedTable(d);
    this.counts = new QualityCounts(d, table);
  }

  /** The statements that make the typed table and the view of used rows. */
  public List<String> create(SourceDef s, Layout l, List<ColumnDef> columns) {
    List<FieldTyping.ColumnSql> each = new ArrayList<>();
    for (ColumnDef c : columns) {
      String field = d.quoteIdent(l.fieldOf().get(c.name()));
      ParquetColumn p = l.stored().get(c.name());
      each.add(
          p.reading(c.type()) == ParquetColumn.Reading.PARSED
              ? typing.columnSql(s, c, field)
              : typed(c, p, field));
    }
    String read = d.readParquet(l.files(), "kpi_parquet_record", TypedTable.FILE_BITS);
    if (read == null)
      throw new SqlRefused(
          "source '" + s.id() + "': Parquet files are not read by --dialect " + d.name() + " yet");
    // A view, not a table: a Parquet file is read fast and by column, and most of its columns are
    // typed already, so each query reads only its own columns again, and 100,000,000 rows are
    // never held in memory at once.
    return table.statements(s, read, "kpi_parquet_record", false, columns, each, null);
  }

  /**
   * A column taken as stored: to the millisecond for date-times, as kpi holds them (a table's typed
   * columns too: {@link TableRelation}). A number that may be NaN or an infinity is held twice, as
   * stored ({@code name__text}, which the quality report counts and shows) and finite or NULL
   * ({@link Dialect#finiteOrNull}), as the default engine's import blanks it.
   */
  FieldTyping.ColumnSql typed(ColumnDef c, ParquetColumn p, String field) {
    String raw = d.quoteIdent(c.name() + "__raw");
    if (storedNumber(c, p)) {
      String stored = d.quoteIdent(c.name() + "__text");
      return new FieldTyping.ColumnSql(
          field + " AS " + raw,
          d.cast(raw, SqlType.DOUBLE) + " AS " + stored,
          d.finiteOrNull(stored) + " AS " + d.quoteIdent(c.name()));
    }
    String value =
        switch (c.type()) {
          case STRING -> d.cast(raw, SqlType.TEXT);
          case NUMBER -> d.cast(raw, SqlType.DOUBLE);
          case BOOLEAN -> raw;
          case DATETIME -> d.wholeMillis(d.cast(raw, SqlType.TIMESTAMP));
          case DATE -> d.cast(d.cast(raw, SqlType.TIMESTAMP), SqlType.DATE);
          case DURATION -> throw new IllegalStateException("a duration is never typed: " + p);
        };
    return new FieldTyping.ColumnSql(
        field + " AS " + raw, value + " AS " + d.quoteIdent(c.name()), null);
  }

  /**
   * The source's quality report, counted in SQL: rows rejected for their first required column that
   * is blank or unreadable, cells blanked, as for a CSV (no row is refused by the reader: a Parquet
   * file has its columns).
   */
  public QualityReport quality(Connection conn, SourceDef s, Layout l, List<ColumnDef> columns)
      throws SQLException {
    return counts.count(
        conn,
        s,
        l.shown(),
        0,
        columns,
        QualityTexts.of(d, columns, c -> l.stored().get(c.name())),
        RefusedCsvRows.none(),
        false);
  }

  /**
   * Whether a column is a number taken as stored that may be NaN or an infinity: its {@code
   * name__text} is the stored value, and a value blanked is counted as {@link
   * ParquetColumn#NOT_FINITE}.
   */
  static boolean storedNumber(ColumnDef c, ParquetColumn p) {
    return c.type() == ValueType.NUMBER
        && p.reading(c.type()) == ParquetColumn.Reading.TYPED
        && p.mayBeNonFinite();
  }
}
