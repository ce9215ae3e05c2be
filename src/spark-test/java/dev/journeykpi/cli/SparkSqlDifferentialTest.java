package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.ImporterRows;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.sql.SparkSessions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL {@code kpi sql --dialect spark} prints, run on Spark (local mode), against the SQL of
 * {@code --dialect duckdb} run on DuckDB (issue 17/18): for every bundled definition and a
 * generated export of edge cases, each KPI query's rows are compared — the same columns, the same
 * number of rows, counts and texts exactly, doubles within 1e-9 relative.
 *
 * <p>What does not run on Spark is listed in ONE place (empty today), {@link #NOT_YET_ON_SPARK},
 * each with the construct that stops it; the test fails when the list is not exactly what fails, so
 * that it shrinks as the templates are made portable. A query that runs on Spark and gives other
 * rows than DuckDB always fails the test: that is no "not yet".
 */
class SparkSqlDifferentialTest {
  /**
   * What does not run on Spark yet, by "definition: source ID" (a statement that makes a source's
   * tables) or "definition: kpi ID", with the construct Spark refuses. A KPI whose source does not
   * run cannot run either. Empty since every template was made portable (session 10): every KPI
   * query of the bundled definitions and of the edge cases gives DuckDB's rows on Spark.
   */
  static final Map<String, String> NOT_YET_ON_SPARK = new TreeMap<>();

  static Connection duck;

  static synchronized Connection duck() throws Exception {
    if (duck == null) duck = DriverManager.getConnection("jdbc:duckdb:");
    return duck;
  }

  @AfterAll
  static void close() throws Exception {
    if (duck != null) duck.close();
  }

  /** Every failure found, by the keys of {@link #NOT_YET_ON_SPARK}, with Spark's message. */
  static final Map<String, String> failed = new TreeMap<>();

  /** The KPI queries that ran on Spark and gave DuckDB's rows. */
  static final List<String> same = new ArrayList<>();

  /** Rows that differ: never allowed. */
  static final List<String> differ = new ArrayList<>();

  @Test
  void everyBundledDefinitionAndTheEdgeCasesGiveTheSameRows(@TempDir Path tmp) throws Exception {
    long t0 = System.nanoTime();
    for (ShippedDefinitions.Shipped s : ShippedDefinitions.bundled())
      compare(s.definition(), s.config(), Period.parse(s.period()).lastN(3));
    compare("edge-cases", edgeCases(tmp), Period.parse("2026-03").lastN(2));
    // Duration texts and ISO dates without format, worked by hand in DurationsAndIsoDatesOnSqlTest.
    compare(
        "edge-durations", DurationsAndIsoDatesOnSqlTest.durationsConfig(tmp), List.of(Period.ALL));
    compare(
        "edge-iso",
        DurationsAndIsoDatesOnSqlTest.isoDatesConfig(tmp),
        List.of(Period.parse("2026-03")));
    System.out.println(
        "[spark] differential: "
            + (System.nanoTime() - t0) / 1_000_000
            + " ms; the same rows on Spark and DuckDB: "
            + same.size()
            + " queries "
            + same
            + "; not yet on Spark:");
    failed.forEach((k, v) -> System.out.println("  {\"" + k + "\", \"" + v + "\"},"));
    assertThat(differ).as("rows that differ between Spark and DuckDB").isEmpty();
    assertThat(failed.keySet())
        .as("what fails on Spark (update NOT_YET_ON_SPARK as it shrinks):\n%s", failed)
        .containsExactlyElementsOf(NOT_YET_ON_SPARK.keySet());
  }

  /** One definition: every KPI both dialects compile, run on both engines, compared. */
  void compare(String name, Path config, List<Period> periods) throws Exception {
    Definition def = KpiEngine.load(List.of(config));
    Map<String, String> refusedDuck = SqlKpiEngine.refusals(def, def.kpis(), "duckdb");
    // The dialect refuses nothing DuckDB runs: refusals are the templates', not the dialect's.
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "spark")).isEqualTo(refusedDuck);
    List<String> ids =
        def.kpis().stream().map(k -> k.id()).filter(id -> !refusedDuck.containsKey(id)).toList();
    if (ids.isEmpty()) return;
    List<Section> duckSql = sections(SqlKpiEngine.sql(def, ids, periods, "duckdb"), false);
    List<Section> sparkSql = sections(SqlKpiEngine.sql(def, ids, periods, "spark"), true);
    assertThat(sparkSql.stream().map(Section::title).toList())
        .isEqualTo(duckSql.stream().map(Section::title).toList());
    var spark = SparkSessions.get();
    java.util.Set<String> sourcesFailed = new java.util.HashSet<>();
    for (int i = 0; i < duckSql.size(); i++) {
      Section dq = duckSql.get(i);
      Section sq = sparkSql.get(i);
      String key = name + ": " + dq.title();
      if (dq.kind().equals("source")) {
        String id = dq.id();
        if (dq.imported()) {
          // kpi's importer reads it (Excel, a pattern of files, looked-up columns): its rows are
          // appended by the engine, not by the SQL; the same rows go to both engines.
          ImporterRows.load(duck(), def, id, dq.importedColumns());
          handOver(id);
          for (String st : sq.statements().subList(1, sq.statements().size())) spark.sql(st);
          continue;
        }
        try (Statement st = duck().createStatement()) {
          for (String s : dq.statements()) st.execute(s);
        }
        String at = "";
        try {
          for (String s : sq.statements()) {
            at = s;
            spark.sql(s);
          }
        } catch (Exception e) {
          failed.put(key, construct(e, at));
          sourcesFailed.add(id);
        }
        continue;
      }
      if (dq.kind().equals("preamble")) {
        try (Statement st = duck().createStatement()) {
          for (String s : dq.statements()) st.execute(s);
        }
        for (String s : sq.statements()) spark.sql(s);
        continue;
      }
      if (dq.statements().isEmpty()) continue; // a formula: no query
      // A KPI: its one query.
      Result expected = duckRows(dq.statements().get(0));
      Result actual;
      try {
        actual = sparkRows(spark.sql(sq.statements().get(0)));
      } catch (Exception e) {
        failed.put(key, construct(e, sq.statements().get(0)));
        continue;
      }
      String why = Result.difference(expected, actual);
      if (why != null) differ.add(key + ": " + why);
      else same.add(key + " (" + expected.rows().size() + " rows)");
    }
  }

  /** The importer's table, from DuckDB to a Spark view of the same name, typed alike. */
  private static void handOver(String id) throws Exception {
    List<Row> rows = new ArrayList<>();
    List<StructField> fields = new ArrayList<>();
    try (Statement st = duck().createStatement();
        ResultSet r = st.executeQuery("SELECT * FROM \"kpi_typed_" + id + "\"")) {
      ResultSetMetaData m = r.getMetaData();
      for (int c = 1; c <= m.getColumnCount(); c++) {
        DataType t =
            switch (m.getColumnTypeName(c)) {
              case "BIGINT" -> DataTypes.LongType;
              case "DOUBLE" -> DataTypes.DoubleType;
              case "BOOLEAN" -> DataTypes.BooleanType;
              case "DATE" -> DataTypes.DateType;
              case "TIMESTAMP" -> DataTypes.TimestampNTZType;
              default -> DataTypes.StringType;
            };
        fields.add(DataTypes.createStructField(m.getColumnName(c), t, true));
      }
      while (r.next()) {
        Object[] v = new Object[fields.size()];
        for (int c = 1; c <= v.length; c++) {
          DataType t = fields.get(c - 1).dataType();
          v[c - 1] =
              t == DataTypes.DateType
                  ? r.getObject(c, LocalDate.class)
                  : t == DataTypes.TimestampNTZType
                      ? r.getObject(c, LocalDateTime.class)
                      : r.getObject(c);
        }
        rows.add(RowFactory.create(v));
      }
    }
    SparkSessions.get()
        .createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
        .createOrReplaceTempView("kpi_typed_" + id);
  }

  private static final Pattern ROUTINE =
      Pattern.compile("UNRESOLVED_ROUTINE\\] Cannot resolve routine (`[^`]+`)");
  private static final Pattern TABLE =
      Pattern.compile("TABLE_OR_VIEW_NOT_FOUND\\] The table or view (`[^`]+`)");
  private static final Pattern AT = Pattern.compile("\\(line (\\d+), pos (\\d+)\\)");

  /**
   * What stopped a statement, in a few words: the function Spark does not have, the table an
   * earlier statement did not make, or the text where Spark's parser stopped.
   */
  static String construct(Exception e, String sql) {
    String m = String.valueOf(e.getMessage());
    Matcher r = ROUTINE.matcher(m);
    if (r.find()) return "no function " + r.group(1);
    Matcher t = TABLE.matcher(m);
    if (t.find()) return "reads " + t.group(1) + ", not made (its source fails above)";
    Matcher at = AT.matcher(m);
    if (m.contains("PARSE_SYNTAX_ERROR") && at.find())
      return "syntax: "
          + snippet(sql, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
    String first = m.strip().split("\n", 2)[0];
    return first.length() > 120 ? first.substring(0, 120) : first;
  }

  /** The statement's text at a line (1-based) and position (0-based), a little either side. */
  static String snippet(String sql, int line, int pos) {
    String l = sql.split("\n", -1)[line - 1];
    return "…" + l.substring(Math.max(0, pos - 12), Math.min(l.length(), pos + 28)) + "…";
  }

  /** A section of the printed SQL: the preamble, a source, or a KPI, with its statements. */
  record Section(String kind, String id, String title, boolean imported, List<String> statements) {
    /** The columns of the importer's table, named in its CREATE statement. */
    List<String> importedColumns() {
      List<String> out = new ArrayList<>();
      Matcher m = Pattern.compile("\"([^\"]+)\" [A-Z]+").matcher(statements.get(0));
      while (m.find()) out.add(m.group(1));
      return out;
    }
  }

  private static final Pattern SOURCE = Pattern.compile("^-- source (\\S+)( combined)?$");
  private static final Pattern KPI = Pattern.compile("^-- kpi (\\S+) \\(");

  /**
   * The printed SQL cut into sections and statements: a statement ends with a semicolon at the end
   * of a line outside quotes (Spark's literals escape with a backslash, DuckDB's double the quote).
   */
  static List<Section> sections(String sql, boolean backslashEscapes) {
    List<Section> out = new ArrayList<>();
    String kind = "preamble";
    String id = "";
    String title = "preamble";
    boolean imported = false;
    List<String> statements = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : sql.split("\n", -1)) {
      if (cur.length() == 0 && line.startsWith("--")) {
        Matcher s = SOURCE.matcher(line);
        Matcher k = KPI.matcher(line);
        if (s.find() || k.find()) {
          out.add(new Section(kind, id, title, imported, statements));
          statements = new ArrayList<>();
          imported = false;
          boolean src = s.matches();
          kind = src ? "source" : "kpi";
          id = src ? s.group(1) : k.group(1);
          title = (src ? "source " : "kpi ") + id + (src && s.group(2) != null ? " combined" : "");
        } else if (line.startsWith("-- read by kpi's importer")) {
          imported = true;
        }
        continue;
      }
      if (cur.length() == 0 && line.isBlank()) continue;
      cur.append(line).append('\n');
      if (line.endsWith(";") && !insideQuotes(cur, backslashEscapes)) {
        statements.add(cur.substring(0, cur.length() - 2));
        cur.setLength(0);
      }
    }
    out.add(new Section(kind, id, title, imported, statements));
    return out;
  }

  private static boolean insideQuotes(CharSequence s, boolean backslashEscapes) {
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (in && backslashEscapes && c == '\\') i++;
      else if (c == '\'') in = !in;
    }
    return in;
  }

  /** A query's columns and rows, each value made comparable across the two engines. */
  record Result(List<String> columns, List<List<Object>> rows) {
    static String difference(Result a, Result b) {
      if (!a.columns.equals(b.columns)) return "columns " + a.columns + " vs " + b.columns;
      if (a.rows.size() != b.rows.size())
        return a.rows.size() + " rows on DuckDB, " + b.rows.size() + " on Spark";
      List<List<Object>> x = sorted(a.rows);
      List<List<Object>> y = sorted(b.rows);
      for (int i = 0; i < x.size(); i++) {
        for (int c = 0; c < a.columns.size(); c++) {
          if (!same(x.get(i).get(c), y.get(i).get(c)))
            return "column "
                + a.columns.get(c)
                + ": "
                + x.get(i).get(c)
                + " vs "
                + y.get(i).get(c)
                + " in "
                + x.get(i)
                + " / "
                + y.get(i);
        }
      }
      return null;
    }

    /** In the order of their exact values (doubles last), so that both engines' rows pair up. */
    private static List<List<Object>> sorted(List<List<Object>> rows) {
      List<List<Object>> out = new ArrayList<>(rows);
      out.sort(
          Comparator.comparing((List<Object> r) -> key(r, false)).thenComparing(r -> key(r, true)));
      return out;
    }

    private static String key(List<Object> r, boolean doubles) {
      StringBuilder b = new StringBuilder();
      for (Object v : r) {
        boolean d = v instanceof Double;
        if (d == doubles) b.append(v).append('\u0001');
      }
      return b.toString();
    }

    static boolean same(Object a, Object b) {
      if (a == null || b == null) return a == b;
      if (a instanceof List<?> la && b instanceof List<?> lb) {
        if (la.size() != lb.size()) return false;
        for (int i = 0; i < la.size(); i++) if (!same(la.get(i), lb.get(i))) return false;
        return true;
      }
      if (a instanceof Double || b instanceof Double) {
        if (!(a instanceof Number na) || !(b instanceof Number nb)) return false;
        double x = na.doubleValue();
        double y = nb.doubleValue();
        return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
      }
      if (a instanceof BigDecimal da && b instanceof BigDecimal db) return da.compareTo(db) == 0;
      return a.equals(b);
    }
  }

  private static Result duckRows(String sql) throws Exception {
    try (Statement st = duck().createStatement();
        ResultSet r = st.executeQuery(sql)) {
      ResultSetMetaData m = r.getMetaData();
      List<String> cols = new ArrayList<>();
      for (int c = 1; c <= m.getColumnCount(); c++)
        cols.add(m.getColumnLabel(c).toLowerCase(Locale.ROOT));
      List<List<Object>> rows = new ArrayList<>();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= cols.size(); c++) {
          Object v = r.getObject(c);
          if (v instanceof java.sql.Timestamp) v = r.getObject(c, LocalDateTime.class);
          if (v instanceof java.sql.Date) v = r.getObject(c, LocalDate.class);
          row.add(canonical(v));
        }
        rows.add(row);
      }
      return new Result(cols, rows);
    }
  }

  private static Result sparkRows(Dataset<Row> d) {
    List<String> cols = new ArrayList<>();
    for (String c : d.columns()) cols.add(c.toLowerCase(Locale.ROOT));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : d.collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < r.size(); c++) row.add(canonical(r.get(c)));
      rows.add(row);
    }
    return new Result(cols, rows);
  }

  /**
   * One value as both engines' drivers can give it: whole numbers as Long, other numbers as Double
   * or BigDecimal, lists and structs as lists, dates and date-times as java.time.
   */
  static Object canonical(Object v) {
    try {
      if (v == null) return null;
      if (v instanceof Integer || v instanceof Short || v instanceof Byte)
        return ((Number) v).longValue();
      if (v instanceof BigInteger b) return b.longValueExact();
      if (v instanceof Float f) return f.doubleValue();
      if (v instanceof BigDecimal b) {
        return b.stripTrailingZeros().scale() <= 0 ? (Object) b.longValueExact() : b;
      }
      if (v instanceof java.sql.Timestamp t) return t.toLocalDateTime();
      if (v instanceof java.sql.Array a) return canonicalList((Object[]) a.getArray());
      if (v instanceof java.sql.Struct s) return canonicalList(s.getAttributes());
      if (v instanceof scala.collection.Seq<?> s) {
        List<Object> out = new ArrayList<>();
        s.foreach(
            x -> {
              out.add(canonical(x));
              return null;
            });
        return out;
      }
      if (v instanceof Row r) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) out.add(canonical(r.get(i)));
        return out;
      }
      if (v instanceof Map<?, ?> m) {
        Map<Object, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(canonical(k), canonical(x)));
        return out;
      }
      return v;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Object> canonicalList(Object[] a) {
    List<Object> out = new ArrayList<>();
    for (Object x : a) out.add(canonical(x));
    return out;
  }

  /**
   * A generated export of edge cases (fixed seed), in a zone with daylight saving: Vietnamese and
   * European number formats, impossible dates, a night across the change of clocks, texts with
   * backslashes and quotes (Spark's literals), a quoted field with a line break, rows with too few
   * and too many fields, blanks and null tokens; KPIs of the period-rows types with filters whose
   * texts hold a backslash and a quote.
   */
  static Path edgeCases(Path dir) throws Exception {
    java.util.Random rnd = new java.util.Random(18);
    String[] amounts = {
      "1.250.000 ₫", "(1.000)", "12,5%", "-5", "+7,25", "abc", "", "-", "3,333333", "€2,5", "--4"
    };
    String[] dates = {
      "28/03/2026 23:30",
      "29/03/2026 01:59",
      "29/03/2026 02:30",
      "29/03/2026 03:00",
      "25/10/2026 02:30",
      "31/09/2026 10:15",
      "",
      "1/3/2026 10:00",
      "31/03/2026 23:59",
      "01/04/2026 00:00"
    };
    String[] channels = {
      "Email", " email ", "C:\\inbox", "it's", "\"quoted\"", "Điện thoại", "two\nlines", "", "-"
    };
    StringBuilder csv = new StringBuilder("exported by CRM\nid;at;channel;amount;done\n");
    for (int i = 0; i < 300; i++) {
      String id = rnd.nextInt(40) == 0 ? "" : "T" + i;
      int shape = rnd.nextInt(100);
      if (shape == 0) {
        csv.append(id).append(";05/03/2026 08:00\n"); // too few fields
        continue;
      }
      if (shape == 1) {
        csv.append(id).append(";05/03/2026 08:00;Email;1;;extra\n"); // too many
        continue;
      }
      String ch = channels[rnd.nextInt(channels.length)];
      csv.append(id)
          .append(';')
          .append(dates[rnd.nextInt(dates.length)])
          .append(';')
          .append('"')
          .append(ch.replace("\"", "\"\""))
          .append('"')
          .append(';')
          .append(amounts[rnd.nextInt(amounts.length)])
          .append(';')
          .append(dates[rnd.nextInt(dates.length)])
          .append('\n');
    }
    Files.writeString(dir.resolve("edge.csv"), csv.toString(), StandardCharsets.UTF_8);
    Path yaml = dir.resolve("edge.yaml");
    Files.writeString(
        yaml,
        """
        version: 1
        name: edge cases
        timezone: Europe/Paris
        sources:
          t:
            file: edge.csv
            header_row: 2
            delimiter: ";"
            columns:
              id: { column: id, required: true }
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
              channel: channel
              amount: { column: amount, type: number, decimal: "," }
              done: { column: done, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - { id: rows, type: count, source: t, time: at, by: [channel] }
          - { id: total, type: sum, source: t, time: at, column: amount, by: [channel] }
          - { id: avg, type: mean, source: t, time: at, column: amount }
          - { id: p90, type: percentile, p: 90, source: t, time: at, column: amount }
          - { id: slashed, type: count, source: t, time: at,
              where: { channel: ["C:\\\\inbox", "it's"] } }
          - { id: searched, type: count, source: t, time: at,
              where: { channel: { contains: "\\\\" } } }
          - { id: took, type: duration, source: t, time: at, start: at, end: done, stat: mean,
              unit: hours }
          - { id: took_p90, type: duration, source: t, time: at, start: at, end: done, stat: p90,
              unit: hours }
        """,
        StandardCharsets.UTF_8);
    return yaml;
  }
}
