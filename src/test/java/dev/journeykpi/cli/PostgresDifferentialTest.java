package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.SpecBinder;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.sql.PostgresServer;
import dev.journeykpi.types.KpiKinds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postgres dialect at the SQL level (issues 17 and 18): for every KPI of every shipped
 * definition that DuckDB runs, the statements {@code kpi sql --dialect postgres} prints run on a
 * real PostgreSQL server and those of {@code --dialect duckdb} on DuckDB, and each KPI query gives
 * the same rows: the same columns, counts and texts exactly, doubles within 1e-9 relative (a sum in
 * another order differs in its last bits). Skipped where no PostgreSQL is installed.
 *
 * <p>The templates are being made portable KPI type by KPI type (PortableTemplatesTest): what does
 * not run on PostgreSQL yet is listed in ONE place, {@link #NOT_YET}, by KPI with the construct
 * PostgreSQL stops at. A ratchet: a listed KPI that runs fails the test until it leaves the list
 * (the message prints the list as it should be), and a KPI that runs must give DuckDB's rows.
 */
@ExtendWith(PostgresServer.class)
class PostgresDifferentialTest {
  /**
   * The KPIs whose SQL PostgreSQL cannot run yet ("definition/kpi", "edge/…" for the generated
   * export), each with what it stops at. Empty since the templates were made portable (session 10:
   * every shipped KPI DuckDB runs gives DuckDB's rows on PostgreSQL); a KPI that stops on
   * PostgreSQL must be listed here with its construct, never dropped from the comparison.
   */
  static final Map<String, String> NOT_YET = new TreeMap<>();

  /** Files a DuckDB query reads by itself, or rows kpi's importer appends: not a SQL-only run. */
  private static boolean readOutsideSql(String sql) {
    return sql.contains("read by kpi's importer") || sql.contains("read_parquet(");
  }

  /** What one run found: KPIs compared, failing on PostgreSQL, differing, refused by name. */
  static final class Findings {
    final Map<String, String> failing = new TreeMap<>();
    final List<String> differ = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    int compared;
  }

  @Test
  void everyShippedKpiGivesTheSameRowsOnPostgresAsOnDuckDb() throws Exception {
    Findings f = new Findings();
    for (ShippedDefinitions.Shipped shipped : ShippedDefinitions.bundled())
      compare(
          shipped.definition(),
          KpiEngine.load(List.of(shipped.config())),
          Period.parse(shipped.period()).lastN(3),
          f);
    check(f, k -> !k.startsWith("edge/"));
  }

  /**
   * A generated export of edge cases (fixed seed), as SqlEngineDifferentialTest's: Vietnamese
   * number formats ({@code 1.250.000 ₫}, {@code (1.000)}, {@code 12,5%}), impossible dates (31/09,
   * 29/02 of a common year, 24:00), null tokens and blanks, texts differing only in case and
   * spaces, yes/no in Vietnamese, a row with too few fields, an empty line, a quoted field holding
   * the delimiter, a quote and a line break; rows ending before they start or not at all.
   */
  @Test
  void generatedEdgeCasesGiveTheSameRows(@TempDir Path tmp) throws Exception {
    Definition def = KpiEngine.load(List.of(edgeCases(tmp)));
    Findings f = new Findings();
    // kpi sql names the file as the definition does, relative to the directory it runs in.
    compare("edge", def, Period.parse("2026-03").lastN(3), f);
    check(f, k -> k.startsWith("edge/"));
  }

  /**
   * Writes the generated export of edge cases and its definition ({@code edge.csv}, {@code
   * edge.yaml}) into the folder; returns the definition. Its periods: 2026-01 to 2026-03. Shared
   * with JdbcEngineOnPostgresTest, which runs it through {@code kpi report --engine jdbc}.
   */
  static Path edgeCases(Path tmp) throws java.io.IOException {
    Random rnd = new Random(18);
    String[] amounts = {
      "1.250.000 ₫",
      "(1.000)",
      "12,5%",
      "-5",
      "+7,25",
      "abc",
      "1.2.3",
      "",
      "-",
      "N/A",
      "0",
      "3,333333",
      "VND 500",
      "500 VNĐ",
      "1 000,5",
      "€2,5",
      "--4",
      "999.999.999,99"
    };
    String[] dates = {
      "05/01/2026 08:00",
      "31/01/2026 23:59",
      "01/02/2026 00:00",
      "28/02/2026 12:30",
      "29/02/2026 10:00",
      "31/09/2026 10:15",
      "15/03/2026 9:05",
      "",
      "2026-03-01",
      "15/03/2026 24:00",
      "31/03/2026 23:59",
      "01/04/2026 00:00"
    };
    String[] channels = {
      "Email",
      "email",
      " EMAIL ",
      "Zalo",
      "Điện thoại",
      "điện thoại",
      "",
      "-",
      "\"Fax; \"\"B\"\"\nx\""
    };
    String[] flags = {"Có", "có", "Không", "x", "", "1", "0"};
    StringBuilder csv = new StringBuilder("Mã;Thời điểm;Kênh;Số tiền;Đạt;Khách;Xong\n");
    for (int i = 0; i < 300; i++) {
      String id = rnd.nextInt(40) == 0 ? "" : "T" + i;
      if (rnd.nextInt(100) == 0) {
        csv.append(id).append(";05/01/2026 08:00\n"); // too few fields
        continue;
      }
      if (rnd.nextInt(100) == 0) csv.append('\n'); // an empty line: no row
      csv.append(id)
          .append(';')
          .append(dates[rnd.nextInt(dates.length)])
          .append(';')
          .append(channels[rnd.nextInt(channels.length)])
          .append(';')
          .append(amounts[rnd.nextInt(amounts.length)])
          .append(';')
          .append(flags[rnd.nextInt(flags.length)])
          .append(';')
          .append(rnd.nextInt(5) == 0 ? "" : "K" + rnd.nextInt(30))
          .append(';')
          .append(dates[rnd.nextInt(dates.length)])
          .append('\n');
    }
    Files.writeString(tmp.resolve("edge.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("edge.yaml"),
        """
        version: 1
        name: edge cases
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: edge.csv
            columns:
              id: { column: Mã, required: true }
              at: { column: Thời điểm, type: datetime, format: dd/MM/yyyy HH:mm }
              channel: Kênh
              amount: { column: Số tiền, type: number, decimal: "," }
              ok: { column: Đạt, type: boolean }
              customer: Khách
              done: { column: Xong, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - { id: rows, type: count, source: t, time: at, by: [channel] }
          - { id: customers, type: count, source: t, time: at, distinct: customer }
          - { id: total, type: sum, source: t, time: at, column: amount, by: [channel] }
          - { id: avg, type: mean, source: t, time: at, column: amount, where: { ok: true } }
          - { id: mid, type: median, source: t, time: at, column: amount }
          - { id: p90, type: percentile, p: 90, source: t, time: at, column: amount }
          - { id: share, type: ratio, source: t, time: at, numerator: { ok: true }, by: [channel] }
          - { id: took, type: duration, source: t, time: at, start: at, end: done, stat: mean,
              unit: hours }
          - { id: took_p90, type: duration, source: t, time: at, start: at, end: done, stat: p90,
              unit: days }
        """,
        StandardCharsets.UTF_8);
    return tmp.resolve("edge.yaml");
  }

  /**
   * Duration texts and ISO dates without format (DurationsAndIsoDatesOnSqlTest's exports, worked by
   * hand there against the default engine): each row's seconds and times as on DuckDB.
   */
  @Test
  void durationAndIsoTextsGiveTheSameRows(@TempDir Path tmp) throws Exception {
    Findings f = new Findings();
    compare("edge-durations", DurationsAndIsoDatesOnSqlTest.durations(tmp), List.of(Period.ALL), f);
    compare(
        "edge-iso",
        DurationsAndIsoDatesOnSqlTest.isoDates(tmp),
        List.of(Period.parse("2026-03")),
        f);
    assertThat(f.compared).isEqualTo(6);
    check(f, k -> k.startsWith("edge-"));
  }

  /**
   * Funnels on business time, windows of working days and times across daylight saving
   * (FunnelBusinessTimeOnDuckDbTest's generated edge set, in a zone without daylight saving and in
   * Europe/Paris): the calendar table, the window ends and the zone conversion as on DuckDB.
   */
  @Test
  void funnelsOnBusinessTimeGiveTheSameRows(@TempDir Path tmp) throws Exception {
    Findings f = new Findings();
    for (String zone : List.of("Asia/Ho_Chi_Minh", "Europe/Paris")) {
      Path dir = Files.createDirectories(tmp.resolve(zone.replace('/', '-')));
      Definition def = KpiEngine.load(List.of(FunnelBusinessTimeOnDuckDbTest.edgeSet(dir, zone)));
      compare("edge-funnels-" + zone, def, Period.parse("2026-11").lastN(9), f);
    }
    assertThat(f.compared).isEqualTo(22);
    check(f, k -> k.startsWith("edge-funnels"));
  }

  /** Each KPI of the definition that DuckDB runs, on both engines. */
  private static void compare(String name, Definition def, List<Period> periods, Findings f)
      throws Exception {
    Map<String, String> refused = SqlKpiEngine.refusals(def, def.kpis(), "duckdb");
    // Refused by name for postgres: not run, listed in the test's output.
    Map<String, String> refusedHere = SqlKpiEngine.refusals(def, def.kpis(), "postgres");
    for (KpiDef k : def.kpis()) {
      if (refused.containsKey(k.id())) continue;
      // A formula is no query: kpi computes it from its operands' rows.
      if (KpiKinds.of(k).placement() == SpecBinder.Placement.FROM_KPIS) continue;
      String key = name + "/" + k.id();
      if (refusedHere.containsKey(k.id())) {
        f.refused.add(key);
        continue;
      }
      String duck = SqlKpiEngine.sql(def, List.of(k.id()), periods, "duckdb");
      String pg = SqlKpiEngine.sql(def, List.of(k.id()), periods, "postgres");
      if (readOutsideSql(duck)) continue;
      List<List<String>> expected;
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
        expected = run(c, duck);
      }
      List<List<String>> actual;
      try (Connection c = PostgresServer.connect()) {
        try (Statement st = c.createStatement()) {
          st.execute("SET statement_timeout = '120s'");
        }
        actual = run(c, pg);
      } catch (SQLException e) {
        f.failing.put(key, firstLine(e.getMessage()));
        continue;
      }
      f.compared++;
      String why = differences(expected, actual);
      if (why != null) f.differ.add(key + ": " + why);
    }
  }

  private static void check(Findings f, java.util.function.Predicate<String> listed) {
    System.err.printf(
        "PostgresDifferentialTest: %d KPIs compared, %d not yet, refused for postgres: %s%n",
        f.compared, f.failing.size(), f.refused);
    assertThat(f.differ).as("KPIs whose rows differ between PostgreSQL and DuckDB").isEmpty();
    StringBuilder list = new StringBuilder();
    f.failing.forEach((k, v) -> list.append("\n  ").append(k).append(": ").append(v));
    assertThat(f.failing.keySet())
        .as("the KPIs that do not run on PostgreSQL yet should be NOT_YET's:%s", list)
        .containsExactlyInAnyOrderElementsOf(NOT_YET.keySet().stream().filter(listed).toList());
    System.err.printf(
        "PostgresDifferentialTest: %d KPIs compared, %d not yet, refused for postgres: %s%n",
        f.compared, f.failing.size(), f.refused);
  }

  /**
   * Runs a script as {@code kpi sql} prints it (statements ending with ";" at a line's end,
   * comments on lines of their own), the COPY statements as psql's {@code \copy}; returns the rows
   * of each query after the first {@code -- kpi} line, one list of canonical rows per query.
   */
  static List<List<String>> run(Connection conn, String script) throws Exception {
    List<List<String>> out = new ArrayList<>();
    boolean queries = false;
    StringBuilder st = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (st.length() == 0 && (line.isBlank() || line.startsWith("--"))) {
        if (line.startsWith("-- kpi ")) queries = true;
        continue;
      }
      st.append(line).append('\n');
      if (!line.endsWith(";")) continue;
      String sql = st.substring(0, st.length() - 2);
      st.setLength(0);
      if (sql.isBlank()) continue; // a query ending with its own ";", then kpi sql's
      String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
      try {
        if (queries && (head.startsWith("SELECT") || head.startsWith("WITH"))) {
          out.add(rows(conn, sql));
        } else if (conn.getMetaData().getURL().startsWith("jdbc:postgresql")) {
          PostgresServer.execute(conn, sql);
        } else {
          try (Statement s = conn.createStatement()) {
            s.execute(sql);
          }
        }
      } catch (SQLException e) {
        throw new SQLException(
            firstLine(e.getMessage())
                + " [in: "
                + sql.substring(0, Math.min(160, sql.length())).replace('\n', ' ')
                + " …]",
            e);
      }
    }
    return out;
  }

  /** A query's rows: its column names (lower case: PostgreSQL folds unquoted ones), then values. */
  private static List<String> rows(Connection conn, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++)
        names.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
      out.add(String.join("\t", names));
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) row.add(value(r.getObject(i)));
        out.add(String.join("\t", row));
      }
    }
    return out;
  }

  /**
   * A value in one spelling for both engines: a whole number as its digits (DuckDB's BIGINT and
   * HUGEINT, PostgreSQL's bigint and numeric), a fractional one marked {@code ~} with all its
   * digits (compared within 1e-9 relative), a date-time as java.time prints it.
   */
  static String value(Object o) {
    if (o == null) return "NULL";
    if (o instanceof Double || o instanceof Float) {
      double d = ((Number) o).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return "~" + (long) d;
      return "~" + d;
    }
    if (o instanceof Number n) {
      BigDecimal b = new BigDecimal(n.toString());
      return b.stripTrailingZeros().scale() <= 0
          ? b.toBigInteger().toString()
          : "~" + b.doubleValue();
    }
    if (o instanceof java.sql.Timestamp t) return t.toLocalDateTime().toString();
    if (o instanceof java.sql.Date d) return d.toLocalDate().toString();
    return o.toString();
  }

  /**
   * Why two queries' rows differ, or null: the same number of queries, the same columns, the same
   * rows in some order (the Java side reads them by group; an ORDER BY's ties may come in either
   * order), each value equal, doubles within 1e-9 relative.
   */
  static String differences(List<List<String>> expected, List<List<String>> actual) {
    if (expected.size() != actual.size())
      return expected.size() + " queries on DuckDB, " + actual.size() + " on PostgreSQL";
    for (int q = 0; q < expected.size(); q++) {
      List<String> e = expected.get(q);
      List<String> a = actual.get(q);
      if (!e.get(0).equals(a.get(0)))
        return "query " + (q + 1) + ": columns " + e.get(0) + " vs " + a.get(0);
      if (e.size() != a.size())
        return "query " + (q + 1) + ": " + (e.size() - 1) + " rows vs " + (a.size() - 1);
      Map<String, Integer> unmatched = new LinkedHashMap<>();
      List<String> left = new ArrayList<>(a.subList(1, a.size()));
      for (String row : e.subList(1, e.size())) {
        int at = -1;
        for (int i = 0; i < left.size() && at < 0; i++) if (sameRow(row, left.get(i))) at = i;
        if (at < 0) unmatched.merge(row, 1, Integer::sum);
        else left.remove(at);
      }
      if (!unmatched.isEmpty())
        return "query "
            + (q + 1)
            + " ("
            + e.get(0)
            + "): DuckDB's rows "
            + unmatched.keySet()
            + " not on PostgreSQL, which has "
            + left;
    }
    return null;
  }

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("~?-?[0-9][0-9.E-]*|~-?Infinity|~NaN");

  private static boolean sameRow(String e, String a) {
    String[] x = e.split("\t", -1);
    String[] y = a.split("\t", -1);
    if (x.length != y.length) return false;
    for (int i = 0; i < x.length; i++) {
      if (Objects.equals(x[i], y[i])) continue;
      // A whole number against a double (an average that happens to be whole): within 1e-9.
      if (!(x[i].startsWith("~") || y[i].startsWith("~"))) return false;
      if (!NUMBER.matcher(x[i]).matches() || !NUMBER.matcher(y[i]).matches()) return false;
      double p = Double.parseDouble(x[i].replace("~", ""));
      double q = Double.parseDouble(y[i].replace("~", ""));
      if (Math.abs(p - q) > 1e-9 * Math.max(Math.abs(p), Math.abs(q))) return false;
    }
    return true;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
