package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.ingest.LoadedSource;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialect.SqlType;
import dev.journeykpi.sql.ExprSql;
import dev.journeykpi.sql.SourceRelations;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Sources the SQL engine takes from kpi's own importer rather than reading them in SQL: Excel
 * workbooks (a sheet, merged cells, Excel's date cells, which no SQL reader reads as kpi does) and
 * patterns of files ({@code file: exports/*.csv}, read one after another in name order). The
 * importer reads and types them once, exactly as for the default engine — its quality report, line
 * numbers included, is the report of both engines — and the typed rows are appended to a table of
 * the engine, which the source's KPIs, joins and {@code distinct:} then read like a CSV's.
 *
 * <p>{@code distinct:}, joins and derived columns are left to {@link
 * dev.journeykpi.sql.CombinedSources}, as for every source: the importer is asked for the rows
 * before them.
 */
final class ImportedSources {
  private ImportedSources() {}

  /**
   * Whether the source is read by the importer: an Excel file, a pattern of files, a CSV file with
   * looked-up columns or in a declared encoding other than UTF-8.
   */
  static boolean imported(SourceDef s) {
    // Parquet files (one or a pattern) are read by DuckDB itself (ParquetRelation).
    if (ParquetLayout.isParquet(s)) return false;
    // A table is read by the engine itself (TableRelation).
    if (s.isTable()) return false;
    String name = s.file().toLowerCase(Locale.ROOT);
    // A CSV file with looked-up or multiplied columns (from:, map:, multiply:) is read by the
    // importer too, which computes them, rather than refused.
    boolean lookups =
        s.columns().values().stream()
            .anyMatch(c -> c.isLookup() && !c.isDerived() && !c.isJoined());
    return lookups
        || notUtf8(s)
        || (s.format() != null && !s.format().equalsIgnoreCase("csv"))
        || name.endsWith(".xlsx")
        || name.endsWith(".xls")
        || s.file().contains("*")
        || s.file().contains("?")
        || s.file().contains("[");
  }

  /**
   * Whether the source declares an encoding other than UTF-8 ({@code encoding: windows-1258}): the
   * importer decodes it, as on the default engine, where an engine's CSV reader reads UTF-8 only.
   */
  static boolean notUtf8(SourceDef s) {
    return s.encoding() != null && !s.encoding().replace("-", "").equalsIgnoreCase("utf8");
  }

  /**
   * The columns the importer reads for the engine: those the SQL reads of the file (every column
   * typed, lookups and multiplications, which the importer computes).
   */
  static List<ColumnDef> columns(SourceDef s, List<ColumnDef> typed, Set<String> read) {
    Set<String> names = new LinkedHashSet<>();
    for (ColumnDef c : typed) names.add(c.name());
    for (String r : read) {
      ColumnDef c = s.columns().get(r);
      if (c != null && c.isLookup() && !c.isDerived() && !c.isJoined()) names.add(r);
    }
    List<ColumnDef> out = new ArrayList<>();
    for (String n : names) out.add(s.columns().get(n));
    return out;
  }

  /** Why the engine cannot take a column of an imported source yet, or null. */
  static String refusal(ColumnDef c) {
    // A duration is the importer's seconds, a DOUBLE column like a number's: none is refused.
    return null;
  }

  /**
   * Imports the source and appends its typed rows to the engine's table of the source, with the
   * view of its rows; returns the importer's quality report.
   */
  static QualityReport load(
      SqlBackend backend,
      SourceRelations relations,
      SourceDef s,
      Path override,
      ZoneId zone,
      List<ColumnDef> columns)
      throws SQLException {
    Set<String> needed = new LinkedHashSet<>();
    for (ColumnDef c : columns) needed.add(c.name());
    // The rows before distinct: (the engine keeps one per key itself, as for a CSV).
    SourceDef plain =
        new SourceDef(
            s.id(),
            s.file(),
            s.baseDir(),
            s.format(),
            s.sheet(),
            s.headerRow(),
            s.encoding(),
            s.delimiter(),
            s.zone(),
            s.nulls(),
            s.trueTokens(),
            s.falseTokens(),
            s.columns(),
            s.optional(),
            s.location(),
            null,
            s.joins(),
            s.derive());
    LoadedSource src = SourceLoader.load(plain, override, zone, needed);
    Table t = src.table();
    Dialect d = backend.dialect();
    backend.execute(create(d, relations, s, columns));
    backend.execute(view(d, relations, s));
    List<Column<?>> cols = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of("kpi_record"));
    for (ColumnDef c : columns) {
      cols.add(t.column(c.name()));
      names.add(c.name());
    }
    backend.append("kpi_typed_" + s.id(), names, () -> rows(t, cols));
    return src.quality();
  }

  /** The table's rows as the backend appends them: the record number, then each cell. */
  private static Iterator<Object[]> rows(Table t, List<Column<?>> cols) {
    return new Iterator<>() {
      int row;

      @Override
      public boolean hasNext() {
        return row < t.rowCount();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) throw new NoSuchElementException();
        Object[] out = new Object[cols.size() + 1];
        out[0] = (long) row + 1;
        for (int i = 0; i < cols.size(); i++) out[i + 1] = JdbcCells.toJdbc(cols.get(i), row);
        row++;
        return out;
      }
    };
  }

  /** The table the importer's rows go to: the record number, then each column typed. */
  static String create(Dialect d, SourceRelations relations, SourceDef s, List<ColumnDef> columns) {
    List<String> defs = new ArrayList<>(List.of("kpi_record " + d.type(SqlType.BIGINT)));
    for (ColumnDef c : columns)
      defs.add(d.quoteIdent(c.name()) + " " + d.type(ExprSql.sqlType(c.type())));
    return d.createLoadedTable(relations.typedTable(s), defs);
  }

  /** The view of the source's rows: every row the importer kept (it rejected the others). */
  static String view(Dialect d, SourceRelations relations, SourceDef s) {
    return d.createTempView(relations.rows(s), "SELECT * FROM " + relations.typedTable(s));
  }
}
