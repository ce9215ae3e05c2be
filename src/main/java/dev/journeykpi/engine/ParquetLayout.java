package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.ingest.HeaderIndex;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ParquetColumn;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.sql.ParquetRelation;
import dev.journeykpi.sql.SourceRelations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a Parquet source's mapped columns are, for the SQL engine: its files resolved as the import
 * resolves them (a pattern in name order), their columns and stored types as DuckDB describes them,
 * each mapped column found by its name as a CSV's by its header (every missing column said at
 * once), and every column whose stored type is not the declared one's refused as the default engine
 * refuses it.
 */
final class ParquetLayout {
  private ParquetLayout() {}

  /** Whether a source is read as Parquet: declared so, or named {@code .parquet}. */
  static boolean isParquet(SourceDef s) {
    if (s.isTable()) return false;
    return s.format() != null
        ? s.format().equalsIgnoreCase("parquet")
        : s.file().toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  static ParquetRelation.Layout of(
      Connection conn,
      SourceDef s,
      Path override,
      List<ColumnDef> columns,
      SourceRelations relations)
      throws SQLException {
    List<Path> paths = override != null ? List.of(override) : SourceLoader.resolve(s);
    List<String> files = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isRegularFile(p))
        throw new DataException("source '" + s.id() + "': file " + p + " does not exist");
      files.add(p.toAbsolutePath().normalize().toString());
      shown.add(SourceLoader.display(p));
    }
    String where = shown.size() == 1 ? shown.get(0) : s.file();
    List<String> names = new ArrayList<>();
    List<ParquetColumn> stored = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    for (String f : files) literals.add("'" + f.replace("'", "''") + "'");
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "DESCRIBE SELECT * FROM read_parquet([" + String.join(", ", literals) + "])")) {
      while (r.next()) {
        names.add(r.getString(1));
        stored.add(new ParquetColumn(r.getString(2)));
      }
    } catch (SQLException e) {
      throw new DataException(where + ": cannot read as Parquet: " + firstLine(e.getMessage()), e);
    }
    return of(s, files, shown, names, stored, columns, relations);
  }

  /**
   * The same from the files' columns and stored types ({@code names}, {@code stored}: as DuckDB
   * names the types) read elsewhere: {@code --engine spark} lists and describes files at a path
   * with a scheme ({@code hdfs://}, {@code s3a://}) through Spark (SparkBackend).
   */
  static ParquetRelation.Layout of(
      SourceDef s,
      List<String> files,
      List<String> shown,
      List<String> names,
      List<ParquetColumn> stored,
      List<ColumnDef> columns,
      SourceRelations relations) {
    String where = shown.size() == 1 ? shown.get(0) : s.file();
    HeaderIndex index = new HeaderIndex(names);
    Map<String, String> fieldOf = new LinkedHashMap<>();
    Map<String, ParquetColumn> typeOf = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (ColumnDef c : columns) {
      int i = index.find(c.header());
      if (i < 0) {
        missing.add(index.missing(where, c.name(), c.header()));
        continue;
      }
      index.ambiguity(c.header()).ifPresent(m -> missing.add(where + ": " + m));
      ParquetColumn p = stored.get(i);
      ParquetColumn.Reading how = p.reading(c.type());
      if (how == ParquetColumn.Reading.MISMATCH)
        throw p.mismatch(where, names.get(i), c.name(), c.type());
      // A date-time stored as text is parsed by its declared format, which SQL reads only when it
      // is a numeric pattern (as for a CSV's).
      String why = how == ParquetColumn.Reading.PARSED ? relations.refusal(c) : null;
      if (why != null)
        throw new UsageException(
            "source '"
                + s.id()
                + "': "
                + where
                + " stores "
                + c.name()
                + " as text, and --engine duckdb cannot parse it: "
                + why
                + " (docs/engines.md); run it with --engine tablesaw");
      fieldOf.put(c.name(), names.get(i));
      typeOf.put(c.name(), p);
    }
    if (!missing.isEmpty()) throw new DataException(String.join("\n", missing));
    return new ParquetRelation.Layout(files, shown, fieldOf, typeOf);
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
