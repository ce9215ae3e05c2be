package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ParquetColumn;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.ParquetRelation;
import dev.journeykpi.sql.SourceRelations;
import dev.journeykpi.sql.SparkDialect;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code kpi report --engine spark}: the KPIs' SQL ({@link SparkDialect}) run by a Spark SQL
 * session. Compiled only in the {@code spark} build ({@code mvn -Pspark package}) and found by name
 * ({@link SqlBackends#SPARK}), so that the default jar needs no Spark.
 *
 * <p>The session: the one already running in this JVM if there is one (a test's, a notebook's),
 * else a new one — on {@code --spark-master}, else on the master spark-submit set ({@code
 * spark.master}), else {@code local[*]}. In local mode it binds to 127.0.0.1 (the host's name may
 * not resolve to an address it listens on) and starts no web UI. Dates come back as java.time
 * values (java.sql ones need an add-opens on Java 17). The session's time zone is left alone: kpi's
 * date-times are local ({@code TIMESTAMP_NTZ}) and zones are converted with explicit ones ({@code
 * convert_timezone}), so no result depends on it (the tests run in Europe/Paris to show it).
 */
public final class SparkBackend implements SqlBackend {
  private final SparkSession spark;

  /** Whether this backend started the session, and so stops it. */
  private final boolean started;

  private final Dialect dialect = new SparkDialect();
  private final Connection conn;

  public SparkBackend(SqlTarget target) {
    started =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession.Builder b =
        SparkSession.builder().appName("kpi").config("spark.sql.datetime.java8API.enabled", "true");
    if (started) {
      String master =
          target.sparkMaster() != null
              ? target.sparkMaster()
              : System.getProperty("spark.master", "local[*]");
      b.master(master);
      if (master.startsWith("local")) {
        b.config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
        // 200 shuffle partitions by default, for a cluster: on one machine, a task per core.
        if (System.getProperty("spark.sql.shuffle.partitions") == null)
          b.config(
              "spark.sql.shuffle.partitions",
              String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
      }
    }
    spark = b.getOrCreate();
    conn = SparkJdbc.connection(spark);
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public Connection connection() {
    return conn;
  }

  /**
   * Runs the statement; a view other engines would make a table ({@link SparkDialect#TABLE_MARK}: a
   * CSV export typed, the rows {@code distinct:} keeps) is then cached, so that Spark reads and
   * types the export once rather than once per query. A view of Parquet files is not: each query
   * reads its own columns from them.
   */
  @Override
  public void execute(String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
    Matcher m = TABLE.matcher(sql);
    if (m.lookingAt() && sql.contains(SparkDialect.TABLE_MARK)) {
      try (Statement st = conn.createStatement()) {
        st.execute("CACHE TABLE " + m.group(1));
      }
    }
  }

  private static final Pattern TABLE =
      Pattern.compile("CREATE OR REPLACE TEMPORARY VIEW (\\S+) AS ");

  /**
   * A CSV file at a path with a scheme ({@code hdfs://}, {@code s3a://}, {@code file:///}): its
   * header read through Hadoop's API, and the path handed to Spark's reader as it is written. A
   * local path is read as on every engine (null).
   */
  @Override
  public SourceRelations.Layout csvLayout(SourceDef s, List<ColumnDef> columns) {
    if (!SparkFiles.hasScheme(s.file())) return null;
    // One file: a pattern of CSV files is read by kpi's importer, which refuses a scheme.
    String file = SparkFiles.list(spark, s).get(0);
    return SourceFileLayout.of(
        s, file, s.file(), s.file(), () -> SparkFiles.open(spark, file), columns);
  }

  /**
   * Parquet files at a path with a scheme: listed through Hadoop's API (a pattern as Hadoop's globs
   * read it, the files by name), their columns and stored types from Spark's Parquet reader, named
   * as DuckDB names them so that the columns are typed by the same rule as on every engine ({@link
   * ParquetColumn}). Local files are listed and described as on every engine (null).
   */
  @Override
  public ParquetRelation.Layout parquetLayout(
      SourceDef s, List<ColumnDef> columns, SourceRelations relations) {
    if (!SparkFiles.hasScheme(s.file())) return null;
    List<String> files = SparkFiles.list(spark, s);
    StructType schema;
    try {
      schema = spark.read().parquet(files.toArray(String[]::new)).schema();
    } catch (RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      throw new DataException(
          s.file() + ": cannot read as Parquet: " + m.lines().findFirst().orElse(""), e);
    }
    List<String> names = new ArrayList<>();
    List<ParquetColumn> stored = new ArrayList<>();
    for (StructField f : schema.fields()) {
      names.add(f.name());
      stored.add(new ParquetColumn(duckDbType(f.dataType())));
    }
    return ParquetLayout.of(s, files, files, names, stored, columns, relations);
  }

  /**
   * A Parquet column's type as Spark reads it, named as DuckDB names the same stored type: a
   * timestamp adjusted to UTC is an instant to both ({@code TIMESTAMP WITH TIME ZONE}), a local one
   * a {@code TIMESTAMP} (TIMESTAMP_NTZ); another type keeps Spark's name, which no declared type
   * reads (refused with it named).
   */
  static String duckDbType(DataType t) {
    if (t instanceof StringType) return "VARCHAR";
    if (t.equals(DataTypes.LongType)) return "BIGINT";
    if (t.equals(DataTypes.IntegerType)) return "INTEGER";
    if (t.equals(DataTypes.ShortType)) return "SMALLINT";
    if (t.equals(DataTypes.ByteType)) return "TINYINT";
    if (t.equals(DataTypes.DoubleType)) return "DOUBLE";
    if (t.equals(DataTypes.FloatType)) return "FLOAT";
    if (t instanceof DecimalType d) return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
    if (t.equals(DataTypes.BooleanType)) return "BOOLEAN";
    if (t.equals(DataTypes.DateType)) return "DATE";
    if (t.equals(DataTypes.TimestampNTZType)) return "TIMESTAMP";
    if (t.equals(DataTypes.TimestampType)) return "TIMESTAMP WITH TIME ZONE";
    return t.sql();
  }

  /**
   * Stops on a quote the file never closes ({@link UnclosedQuote}): Spark's reader would read the
   * rest of the file into its field and, in a record's last field, lose the rows after it without a
   * word. One pass over the file's bytes on the driver, before Spark reads it.
   */
  @Override
  public void checkCsv(SourceRelations.Layout layout) {
    UnclosedQuote.Found found;
    try (InputStream in = SparkFiles.open(spark, layout.file())) {
      found = UnclosedQuote.scan(in, (byte) layout.delimiter());
    } catch (IOException e) {
      throw new DataException(layout.shown() + ": " + e.getMessage(), e);
    }
    UnclosedQuote.Open open = found.open();
    if (open != null)
      throw new DataException(
          layout.shown()
              + ": line "
              + open.line()
              + ": the quote that opens field "
              + open.field()
              + " is never closed (Spark's reader would read the rest of the file into it); --engine"
              + " spark cannot read this file as the default engine does: run it with --engine"
              + " tablesaw (docs/engines.md)");
    if (found.quotedCarriageReturn() > 0) quotedCr.put(layout.file(), found.quotedCarriageReturn());
  }

  /** The files {@link #checkCsv} found a carriage return inside quotes in, and its first line. */
  private final java.util.Map<String, Long> quotedCr = new java.util.HashMap<>();

  /**
   * A file whose quoted fields hold a carriage return is read by kpi's importer (Spark's reader
   * would make each such CR, or CR LF, a line feed: another text than the default engine's); one at
   * a path with a scheme, which the importer cannot read, stops the run naming the line.
   */
  @Override
  public boolean readsCsv(SourceRelations.Layout layout) {
    Long line = quotedCr.get(layout.file());
    if (line == null) return true;
    if (SourceFileLayout.hasScheme(layout.file()))
      throw new DataException(
          layout.shown()
              + ": line "
              + line
              + ": a quoted field holds a carriage return, which Spark's reader would read as a"
              + " line feed; kpi's importer reads this machine's files only: copy the file here or"
              + " run it with --engine tablesaw (docs/engines.md)");
    return false;
  }

  /**
   * The rows as a DataFrame of the loaded table's types (the empty view {@link
   * SparkDialect#createLoadedTable} made), which then replaces it under the same name: the views
   * over it read it by name, so they see the rows.
   */
  @Override
  public void append(String table, List<String> columns, Iterable<Object[]> rows)
      throws SQLException {
    StructType schema;
    try {
      schema = spark.table(table).schema();
    } catch (RuntimeException e) {
      throw new SQLException(e.getMessage(), e);
    }
    DataType[] types = new DataType[schema.fields().length];
    for (int i = 0; i < types.length; i++) types[i] = schema.fields()[i].dataType();
    List<Row> out = new ArrayList<>();
    for (Object[] row : rows) {
      Object[] v = new Object[row.length];
      for (int i = 0; i < row.length; i++) v[i] = value(row[i], types[i]);
      out.add(RowFactory.create(v));
    }
    try {
      spark.createDataFrame(out, schema).createOrReplaceTempView(table);
    } catch (RuntimeException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  /** A value as Spark's type for it wants it (a whole number in a DOUBLE column, and so on). */
  private static Object value(Object v, DataType t) {
    if (v == null) return null;
    if (t.equals(DataTypes.LongType)) return ((Number) v).longValue();
    if (t.equals(DataTypes.IntegerType)) return ((Number) v).intValue();
    if (t.equals(DataTypes.DoubleType)) return ((Number) v).doubleValue();
    if (t.equals(DataTypes.DateType) && v instanceof LocalDateTime x) return x.toLocalDate();
    if (t.equals(DataTypes.TimestampNTZType) && v instanceof LocalDate x) return x.atStartOfDay();
    if (t instanceof StringType) return v.toString();
    return v;
  }

  /**
   * Stops the session if this backend started it (a CLI run); a session that was running before (a
   * test's, a notebook's, spark-submit's own) is left running.
   */
  @Override
  public void close() {
    if (started) spark.stop();
  }
}
