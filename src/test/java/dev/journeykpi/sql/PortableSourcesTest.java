package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.model.QualityReport;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks portable-sources added to {@link Dialect} (issue 17): their standard spellings (the
 * defaults every dialect gets unless it overrides them) run on DuckDB and give what DuckDB's own
 * functions give; a dialect whose CSV reader sets no rows aside gets its quality report from the
 * typed table alone; a dialect that reads no Parquet refuses the source by name.
 */
class PortableSourcesTest {
  @TempDir Path dir;

  /**
   * DuckDB, except that the named hooks are the interface's defaults: the standard SQL a dialect
   * gets when it does not override them, run on a real engine.
   */
  static Dialect withDefaults(String... hooks) {
    Dialect duck = new DuckDbDialect();
    Set<String> names = Set.of(hooks);
    InvocationHandler h =
        (proxy, m, args) ->
            names.contains(m.getName())
                ? InvocationHandler.invokeDefault(proxy, m, args)
                : invoke(m, duck, args);
    return (Dialect)
        Proxy.newProxyInstance(Dialect.class.getClassLoader(), new Class<?>[] {Dialect.class}, h);
  }

  private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static String one(Connection conn, String expr) throws Exception {
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery("SELECT CAST(" + expr + " AS VARCHAR)")) {
      r.next();
      return r.getString(1);
    }
  }

  /**
   * Each text search in standard SQL, worked by hand: 'hồ sơ' (5 code points; ồ and ơ one each in
   * NFC) contains 'ồ s', starts with 'hồ', ends with 'sơ' and not with 'hồ sơ!' (longer than the
   * text: FALSE, not an error); the empty text is in every text, at its start and its end; a NULL
   * on either side is NULL. DuckDB's own contains/prefix/suffix give the same on every pair.
   */
  @Test
  void theStandardTextSearchesGiveWhatDuckDbsFunctionsGive() throws Exception {
    Dialect std = withDefaults("textContains", "textStartsWith", "textEndsWith");
    Dialect duck = new DuckDbDialect();
    assertThat(std.textEndsWith("x", "'a'")).startsWith("(CHAR_LENGTH(x) >= ");
    String[][] cases = {
      // text, part, contains, starts with, ends with
      {"'hồ sơ'", "'ồ s'", "true", "false", "false"},
      {"'hồ sơ'", "'hồ'", "true", "true", "false"},
      {"'hồ sơ'", "'sơ'", "true", "false", "true"},
      {"'hồ sơ'", "'hồ sơ!'", "false", "false", "false"},
      {"'sơ'", "'hồ sơ'", "false", "false", "false"},
      {"'abc'", "''", "true", "true", "true"},
      {"''", "''", "true", "true", "true"},
      {"''", "'a'", "false", "false", "false"},
      {"CAST(NULL AS VARCHAR)", "'a'", null, null, null},
      {"'abc'", "CAST(NULL AS VARCHAR)", null, null, null},
    };
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String[] c : cases) {
        List<String> got = new ArrayList<>();
        List<String> duckdb = new ArrayList<>();
        for (Dialect d : List.of(std, duck)) {
          List<String> into = d == std ? got : duckdb;
          into.add(one(conn, d.textContains(c[0], c[1])));
          into.add(one(conn, d.textStartsWith(c[0], c[1])));
          into.add(one(conn, d.textEndsWith(c[0], c[1])));
        }
        assertThat(got).as(c[0] + " / " + c[1]).containsExactly(c[2], c[3], c[4]);
        assertThat(duckdb).as(c[0] + " / " + c[1]).isEqualTo(got);
      }
      // Milliseconds kept, microseconds dropped: 10:00:00.123456 is 10:00:00.123.
      assertThat(one(conn, std.wholeMillis("TIMESTAMP '2026-10-01 10:00:00.123456'")))
          .isEqualTo("2026-10-01 10:00:00.123");
    }
  }

  /**
   * A CSV of four data rows, one of them short: DuckDB sets the short row aside (its reject table)
   * and reports it; a dialect whose reader sets none aside ({@code refusedCsvRows} null) counts
   * from the typed table alone. By hand: row 1 is fine; row 2's amount 'abc' is blanked (not a
   * number); row 3's amount is blank; row 4 '4,5' has 2 fields where the header has 3. DuckDB: 4
   * read, 3 used, 1 rejected, 1 blanked; without reject tables: 3 read, 3 used, none rejected, the
   * same blanked cell.
   */
  @Test
  void aDialectWithoutRejectTablesCountsFromTheTypedTableAlone() throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(
        csv, "id,amount,day\n1,10,01/10/2026\n2,abc,02/10/2026\n3,,03/10/2026\n4,5\n");
    Path yaml = dir.resolve("t.yaml");
    Files.writeString(
        yaml,
        """
        sources:
          t:
            file: t.csv
            columns:
              id: { column: id, required: true }
              amount: { column: amount, type: number }
              day: { column: day, type: date, format: dd/MM/yyyy }
        kpis:
          - { id: total, type: sum, source: t, time: day, column: amount }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(yaml));
    SourceDef s = def.sources().get("t");
    SourceRelations.Layout l =
        new SourceRelations.Layout(
            csv.toString(), "t.csv", ',', 1, 3, Map.of("id", 0, "amount", 1, "day", 2));
    List<ColumnDef> columns = SourceRelations.typedColumns(s, Set.of("id", "amount", "day"));

    QualityReport duck = quality(new DuckDbDialect(), s, l, columns);
    assertThat(duck.rowsRead()).isEqualTo(4);
    assertThat(duck.rowsUsed()).isEqualTo(3);
    assertThat(duck.rejected()).containsOnlyKeys("row has 2 fields, the header has 3");
    assertThat(duck.rejected().values().iterator().next().examples().get(0).row()).isEqualTo(5);
    assertThat(duck.blanked()).containsOnlyKeys("amount: not a number with decimal mark '.'");

    QualityReport none = quality(withDefaults("refusedCsvRows"), s, l, columns);
    assertThat(none.rowsRead()).isEqualTo(3);
    assertThat(none.rowsUsed()).isEqualTo(3);
    assertThat(none.rejected()).isEmpty();
    assertThat(none.blanked()).isEqualTo(duck.blanked());
  }

  private static QualityReport quality(
      Dialect d, SourceDef s, SourceRelations.Layout l, List<ColumnDef> columns) throws Exception {
    SourceRelations relations = new SourceRelations(d);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      for (String p : d.preamble()) st.execute(p);
      for (String x : relations.create(s, l, columns)) st.execute(x);
      return relations.quality(conn, s, l, columns);
    }
  }

  /** A dialect that reads no Parquet refuses the source, naming it and the dialect. */
  @Test
  void aDialectThatReadsNoParquetRefusesTheSource() throws Exception {
    Path yaml = dir.resolve("p.yaml");
    Files.writeString(
        yaml,
        """
        sources:
          lake: { file: t.parquet, columns: { id: id } }
        kpis:
          - { id: n, type: count, source: lake, time: none }
        """,
        StandardCharsets.UTF_8);
    SourceDef s = KpiEngine.load(List.of(yaml)).sources().get("lake");
    Dialect none = withDefaults("readParquet");
    ParquetRelation.Layout l =
        new ParquetRelation.Layout(List.of("t.parquet"), List.of("t.parquet"), Map.of(), Map.of());
    assertThatThrownBy(() -> new ParquetRelation(none).create(s, l, List.of()))
        .isInstanceOf(SqlRefused.class)
        .hasMessage("source 'lake': Parquet files are not read by --dialect duckdb yet");
  }
}
