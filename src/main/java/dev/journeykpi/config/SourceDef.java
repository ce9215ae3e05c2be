package dev.journeykpi.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One export file (or one table of the SQL engine's database) and how to read it.
 *
 * @param file path or glob as written; relative paths are resolved against {@code baseDir}; null
 *     for a table
 * @param baseDir directory of the YAML file that declared the source
 * @param format csv, xlsx, xls or parquet; null to infer from the extension
 * @param sheet Excel sheet name or 0-based index as text; null for the first sheet
 * @param headerRow 1-based row of the header; 0 to find it (Excel) or 1 (CSV)
 * @param encoding charset name; null to detect (UTF-8 with or without BOM, UTF-16 with BOM)
 * @param delimiter field separator; 0 to detect among , ; tab |
 * @param zone time zone the export's local times are written in
 * @param columns canonical name → column; empty means every header is read as text under its own
 *     name
 * @param distinct one row per key, applied right after the import; null to keep every row
 * @param joins other sources whose columns this one takes by matching keys ({@code join:}), in the
 *     order written; their columns are among {@code columns} as joined columns
 * @param derive the derived columns ({@code derive:}) as written, in order; once bound they are
 *     among {@code columns} too
 * @param table the table or view of the engine's database ({@code table: crm.tickets}) the source
 *     is read from instead of a file, as written; null for a file (issue 18)
 */
public record SourceDef(
    String id,
    String file,
    Path baseDir,
    String format,
    String sheet,
    int headerRow,
    String encoding,
    char delimiter,
    ZoneId zone,
    Set<String> nulls,
    Set<String> trueTokens,
    Set<String> falseTokens,
    Map<String, ColumnDef> columns,
    Set<String> optional,
    Location location,
    DistinctDef distinct,
    List<JoinDef> joins,
    List<DeriveText> derive,
    String table) {

  public SourceDef {
    joins = List.copyOf(joins);
    derive = List.copyOf(derive);
  }

  /** An export file's source (no table). */
  public SourceDef(
      String id,
      String file,
      Path baseDir,
      String format,
      String sheet,
      int headerRow,
      String encoding,
      char delimiter,
      ZoneId zone,
      Set<String> nulls,
      Set<String> trueTokens,
      Set<String> falseTokens,
      Map<String, ColumnDef> columns,
      Set<String> optional,
      Location location,
      DistinctDef distinct,
      List<JoinDef> joins,
      List<DeriveText> derive) {
    this(
        id,
        file,
        baseDir,
        format,
        sheet,
        headerRow,
        encoding,
        delimiter,
        zone,
        nulls,
        trueTokens,
        falseTokens,
        columns,
        optional,
        location,
        distinct,
        joins,
        derive,
        null);
  }

  /** Whether the source is a table of the engine's database, not a file. */
  public boolean isTable() {
    return table != null;
  }

  /** This table's source read from a file instead ({@code --data source=FILE}). */
  public SourceDef withFile(String path) {
    return new SourceDef(
        id,
        path,
        baseDir,
        format,
        sheet,
        headerRow,
        encoding,
        delimiter,
        zone,
        nulls,
        trueTokens,
        falseTokens,
        columns,
        optional,
        location,
        distinct,
        joins,
        derive,
        null);
  }

  /**
   * One {@code derive:} entry as written, typed once the joins are bound ({@code DeriveBinder}),
   * which adds it to {@code columns}.
   *
   * @param at where the expression's text starts in the YAML file (inside its quotes)
   */
  public record DeriveText(String name, String text, Location nameAt, Location at) {}

  /** This source with more columns (the ones its joins bring in). */
  public SourceDef withColumns(Map<String, ColumnDef> more) {
    return new SourceDef(
        id,
        file,
        baseDir,
        format,
        sheet,
        headerRow,
        encoding,
        delimiter,
        zone,
        nulls,
        trueTokens,
        falseTokens,
        more,
        optional,
        location,
        distinct,
        joins,
        derive,
        table);
  }

  public ColumnDef column(String name) {
    return columns.get(name);
  }
}
