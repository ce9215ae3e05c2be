package dev.journeykpi.cli;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.ingest.CsvDialect;
import dev.journeykpi.ingest.SourceLoader;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.Scorecard;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A shipped definition's exports as tables of a database, as a user whose data sits in a warehouse
 * has them (issue 18): each source's CSV loaded into a table named after the source, either as text
 * (every header a text column, every cell as written: a staging table) or typed (each mapped column
 * with its type — timestamp, date, numeric, boolean — holding the values kpi's own import reads
 * from the file); and the definition copied with only its {@code file:} lines replaced by {@code
 * table:} lines. Then both engines are compared as SqlEngineDifferentialTest compares them.
 */
final class WarehouseTables {
  private WarehouseTables() {}

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static final Pattern SOURCE = Pattern.compile("^  ([A-Za-z_][\\w]*):\\s*$");
  private static final Pattern FILE = Pattern.compile("^(    )file: .*$");

  /** The definition with each source's {@code file:} line replaced by {@code table: SCHEMA.id}. */
  static Path tableDefinition(Path shipped, Path dir, String schema) throws Exception {
    List<String> out = new ArrayList<>();
    String source = null;
    int replaced = 0;
    for (String line : Files.readAllLines(shipped, StandardCharsets.UTF_8)) {
      Matcher s = SOURCE.matcher(line);
      if (s.matches()) source = s.group(1);
      Matcher f = FILE.matcher(line);
      if (f.matches() && source != null) {
        out.add(f.group(1) + "table: " + schema + "." + source);
        replaced++;
      } else {
        out.add(line);
      }
    }
    if (replaced == 0) throw new IllegalStateException("no file: line in " + shipped);
    Path copy = dir.resolve(shipped.getFileName());
    Files.write(copy, out, StandardCharsets.UTF_8);
    return copy;
  }

  /** Every CSV source of the definition loaded into {@code schema.<id>}, as text or typed. */
  static void load(Connection c, Definition def, String schema, boolean typed) throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    for (SourceDef s : def.sources().values()) {
      Path file = s.baseDir().resolve(s.file()).normalize();
      if (typed) loadTyped(c, def, s, schema + "." + s.id());
      else loadText(c, file, schema + "." + s.id());
    }
  }

  /** The file's every header a text column and every cell as written ('' for an empty one). */
  private static void loadText(Connection c, Path file, String table) throws Exception {
    CsvDialect dialect = CsvDialect.detect(file, null, (char) 0);
    List<CSVRecord> records;
    try (Reader r = Files.newBufferedReader(file, dialect.charset())) {
      if (dialect.bomLength() > 0) r.skip(1);
      records =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(dialect.delimiter())
              .build()
              .parse(r)
              .getRecords();
    }
    List<String> header = records.get(0).toList();
    List<String> columns = new ArrayList<>();
    for (String h : header) columns.add(quote(h) + " VARCHAR");
    insert(
        c,
        table,
        columns,
        header.size(),
        records.subList(1, records.size()).stream()
            .map(rec -> (Object[]) rec.toList().toArray())
            .toList());
  }

  /**
   * The mapped columns read from the file (lookups aside), typed as kpi's import types them: the
   * rows it uses, each cell its value (NULL for a blank). A duration is held as a warehouse without
   * an interval type holds it, a text {@code H:MM:SS} (the seconds kpi read, written back).
   */
  private static void loadTyped(Connection c, Definition def, SourceDef s, String table)
      throws Exception {
    List<ColumnDef> mapped = new ArrayList<>();
    for (ColumnDef col : s.columns().values()) if (!col.isLookup()) mapped.add(col);
    Set<String> needed = new LinkedHashSet<>();
    mapped.forEach(col -> needed.add(col.name()));
    Table t = SourceLoader.load(s, null, def.zone(), needed).table();
    List<String> columns = new ArrayList<>();
    for (ColumnDef col : mapped)
      columns.add(
          quote(col.header())
              + switch (col.type()) {
                case DATETIME -> " TIMESTAMP";
                case DATE -> " DATE";
                case NUMBER -> " NUMERIC(38, 10)";
                case BOOLEAN -> " BOOLEAN";
                default -> " VARCHAR";
              });
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Object[] row = new Object[mapped.size()];
      for (int j = 0; j < mapped.size(); j++) {
        Column<?> col = t.column(mapped.get(j).name());
        Object v = col.isMissing(i) ? null : col.get(i);
        row[j] =
            v != null && mapped.get(j).type() == ValueType.DURATION
                ? clock(((Number) v).doubleValue())
                : v;
      }
      rows.add(row);
    }
    insert(c, table, columns, mapped.size(), rows);
  }

  /** Seconds as {@code H:MM:S}, the seconds exact ("1:02:3.5" for 3723.5, which kpi reads back). */
  private static String clock(double seconds) {
    long whole = (long) Math.floor(seconds);
    java.math.BigDecimal s =
        java.math.BigDecimal.valueOf(seconds)
            .subtract(java.math.BigDecimal.valueOf(whole - whole % 60))
            .stripTrailingZeros();
    return whole / 3600 + ":" + String.format("%02d", whole / 60 % 60) + ":" + s.toPlainString();
  }

  private static void insert(
      Connection c, String table, List<String> columns, int width, List<Object[]> rows)
      throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " VALUES ("
                + String.join(", ", Collections.nCopies(width, "?"))
                + ")")) {
      for (Object[] row : rows) {
        for (int j = 0; j < width; j++) ps.setObject(j + 1, j < row.length ? row[j] : null);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * The shipped definition's KPIs that the dialect runs on its tables, on both engines: the default
   * one on the files, {@code --engine jdbc} on the tables; the same rows, and with {@code quality}
   * the same data-quality counts (a table of texts; a typed table holds only the rows kpi used).
   *
   * @return the KPIs compared
   */
  static List<String> compare(
      String shipped, Path tables, String url, String dialect, boolean quality) {
    return compare(
        shipped, tables, new SqlTarget(url, null, null, dialect, null), dialect, quality);
  }

  static List<String> compare(
      String shipped, Path tables, SqlTarget target, String dialect, boolean quality) {
    ShippedDefinitions.Shipped s =
        ShippedDefinitions.bundled().stream()
            .filter(x -> x.definition().equals(shipped))
            .findFirst()
            .orElseThrow();
    Definition files = KpiEngine.load(List.of(s.config()));
    Definition onTables = KpiEngine.load(List.of(tables));
    Map<String, String> refused = SqlKpiEngine.refusals(onTables, onTables.kpis(), dialect);
    List<String> supported =
        onTables.kpis().stream().map(k -> k.id()).filter(id -> !refused.containsKey(id)).toList();
    RunRequest request =
        new RunRequest(
            Period.parse(s.period()).lastN(3),
            Map.of(),
            supported,
            RunRequest.Compare.PREVIOUS,
            TODAY);
    var expected = KpiEngine.run(files, request);
    var actual = SqlKpiEngine.run(onTables, request, Engine.JDBC, target);
    // A typed table holds only the rows kpi used, its blanks as NULLs: its quality report is not
    // the file's, so only the rows are compared (the expected report put in its place).
    SqlEngineDifferentialTest.assertSame(
        expected,
        quality
            ? actual
            : new Scorecard(
                actual.definition(),
                actual.periods(),
                actual.rows(),
                expected.quality(),
                actual.confidence(),
                actual.comparisons(),
                actual.kpiLevels()));
    return supported;
  }
}
