package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text cells with control characters are counted "cleaned N: team: control characters removed" by
 * every engine, as the default engine's import counts them (issue 17: "a bad export gives the same
 * quality counts on both engines"), for a CSV, a Parquet file and a table of a database: the same
 * cells, the same counts, the same examples (shown as written, the characters escaped).
 */
class ControlCharactersOnSqlTest {
  @TempDir Path dir;

  /**
   * Six tickets (id, created, team, channel). Row 4 has no created (required): rejected, its team
   * "Bad\x02" is not kept, so not counted. Of the five rows used:
   *
   * <ul>
   *   <li>team: row 1 "Sales\x00" (a NUL padding the value), row 2 " Sa\x01les " (spaces around,
   *       trimmed first), row 3 "\x01Support" (at the start: removed, not trimmed away), row 6
   *       "Sup\x85port" (U+0085, a C1 control): 4 cells; row 5 "Support" has none.
   *   <li>channel: row 3 "phone\x7F" (DEL), row 5 "\x02" (nothing left: a blank text), row 6
   *       "chat\x1B x" (ESC): 3 cells; rows 1 and 2 "email" have none.
   * </ul>
   *
   * So 6 rows read, 5 used, 1 rejected, 7 cells cleaned; by team: Sales 2 (rows 1, 2), Support 3
   * (rows 3, 5, 6); by channel: email 2, phone 1, "chat x" 1, blank 1 (row 5).
   */
  static final String[][] ROWS = {
    {"1", "2026-10-01T08:00:00", "Sales\u0000", "email"},
    {"2", "2026-10-01T09:00:00", " Sa\u0001les ", "email"},
    {"3", "2026-10-02T09:00:00", "\u0001Support", "phone\u007f"},
    {"4", "", "Bad\u0002", "email"},
    {"5", "2026-10-03T09:00:00", "Support", "\u0002"},
    {"6", "2026-10-03T10:00:00", "Sup\u0085port", "chat\u001b x"},
  };

  static final RunRequest OCTOBER =
      new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());

  static Path definition(Path dir, String where) throws Exception {
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          t:
            %s
            columns:
              id: id
              created: { column: created, type: datetime, required: true }
              team: team
              channel: channel
        kpis:
          - { id: by_team, type: count, source: t, time: created, by: [team] }
          - { id: by_channel, type: count, source: t, time: created, by: [channel] }
        """
            .formatted(where),
        StandardCharsets.UTF_8);
    return def;
  }

  /** The counts, examples and groups worked out above ({@link #ROWS}). */
  static void assertHandWorked(Scorecard s, String nul) {
    QualityReport q = s.quality().get(0);
    assertThat(q.rowsRead()).isEqualTo(6);
    assertThat(q.rowsUsed()).isEqualTo(5);
    assertThat(q.cellsCleaned()).isEqualTo(7);
    assertThat(q.cleaned().keySet())
        .containsExactly("team: control characters removed", "channel: control characters removed");
    assertThat(q.cleaned().get("team: control characters removed").count()).isEqualTo(4);
    assertThat(examples(q, "team: control characters removed"))
        .containsExactly("Sales\\x" + nul, " Sa\\x01les ", "\\x01Support");
    assertThat(q.cleaned().get("channel: control characters removed").count()).isEqualTo(3);
    assertThat(examples(q, "channel: control characters removed"))
        .containsExactly("phone\\x7F", "\\x02", "chat\\x1B x");
    Map<String, Double> by = new LinkedHashMap<>();
    for (ResultRow r : s.rows()) by.put(r.kpi() + " " + r.dims().values(), r.value());
    assertThat(by)
        .containsEntry("by_team [Sales]", 2.0)
        .containsEntry("by_team [Support]", 3.0)
        .containsEntry("by_channel [email]", 2.0)
        .containsEntry("by_channel [phone]", 1.0)
        .containsEntry("by_channel [chat x]", 1.0);
  }

  private static List<String> examples(QualityReport q, String reason) {
    return q.cleaned().get(reason).examples().stream().map(QualityReport.Problem::value).toList();
  }

  private void csv() throws Exception {
    csv(dir, false);
  }

  /**
   * The rows as t.csv in {@code dir}; with {@code noNul}, row 1's NUL is U+0001 (PostgreSQL's texts
   * cannot hold a NUL).
   */
  static void csv(Path dir, boolean noNul) throws Exception {
    StringBuilder b = new StringBuilder("id,created,team,channel\n");
    for (String[] r : ROWS) b.append(String.join(",", r)).append('\n');
    String text = noNul ? b.toString().replace('\u0000', '\u0001') : b.toString();
    Files.writeString(dir.resolve("t.csv"), text, StandardCharsets.UTF_8);
  }

  /** The rows as a SELECT of texts (NUL as chr(0): a literal cannot hold it). */
  static String select(boolean createdAsText) {
    StringBuilder b = new StringBuilder("SELECT * FROM (VALUES ");
    for (int i = 0; i < ROWS.length; i++) {
      String[] r = ROWS[i];
      b.append(i == 0 ? "(" : ", (").append(sql(r[0])).append(", ");
      b.append(
          r[1].isEmpty()
              ? "NULL"
              : createdAsText ? sql(r[1]) : "TIMESTAMP '" + r[1].replace('T', ' ') + "'");
      b.append(", ").append(sql(r[2])).append(", ").append(sql(r[3])).append(")");
    }
    return b.append(") AS t(id, created, team, channel)").toString();
  }

  /** A text as SQL: each control character as chr(N), the rest as a literal. */
  static String sql(String s) {
    StringBuilder b = new StringBuilder("(''");
    StringBuilder lit = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (dev.journeykpi.model.ControlCharacters.removed(c)) {
        b.append(" || '").append(lit.toString().replace("'", "''")).append("' || chr(");
        b.append((int) c).append(")");
        lit.setLength(0);
      } else {
        lit.append(c);
      }
    }
    return b.append(" || '").append(lit.toString().replace("'", "''")).append("')").toString();
  }

  @Test
  void aCsvGivesTheSameCleanedCellsOnDuckDb() throws Exception {
    csv();
    var def = KpiEngine.load(List.of(definition(dir, "file: t.csv")));
    Scorecard tablesaw = KpiEngine.run(def, OCTOBER);
    Scorecard duckdb = SqlKpiEngine.run(def, OCTOBER);
    assertHandWorked(tablesaw, "00");
    assertHandWorked(duckdb, "00");
    SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
  }

  /**
   * The same texts in a Parquet file: the default engine trims a Parquet text as a CSV field
   * (spaces and tabs), so "Sales\x00" and "\x01Support" are cleaned there too, not trimmed away
   * unseen.
   */
  @Test
  void aParquetFileGivesTheSameCleanedCellsOnBothEngines() throws Exception {
    ParquetSourcesTest.parquet(dir.resolve("t.parquet"), select(false));
    var def = KpiEngine.load(List.of(definition(dir, "file: t.parquet")));
    Scorecard tablesaw = KpiEngine.run(def, OCTOBER);
    Scorecard duckdb = SqlKpiEngine.run(def, OCTOBER);
    assertHandWorked(tablesaw, "00");
    assertHandWorked(duckdb, "00");
    SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
  }

  /** The same texts in a staging table of a DuckDB database: the CSV's report. */
  @Test
  void aTableOfTextsGivesTheCsvsCleanedCells() throws Exception {
    csv();
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA crm");
      st.execute("CREATE TABLE crm.t AS " + select(true));
    }
    Scorecard file =
        KpiEngine.run(KpiEngine.load(List.of(definition(dir, "file: t.csv"))), OCTOBER);
    Scorecard table =
        SqlKpiEngine.run(
            KpiEngine.load(List.of(definition(dir, "table: crm.t"))),
            OCTOBER,
            Engine.JDBC,
            new SqlTarget(url, null, null, null, null));
    assertHandWorked(table, "00");
    SqlEngineDifferentialTest.assertSame(file, table);
  }

  /**
   * A cell of control characters only is blank once cleaned, beside a cell that was empty (found by
   * the session 13 review: DuckDB and PostgreSQL kept '' as a group of its own, which the "(blank)"
   * label then hid). Four tickets: team "\x1B", "\x1B", "Sales", "" (empty). By hand: Sales 1,
   * (blank) 3 (rows 1, 2 cleaned to nothing, row 4 empty), total 4; distinct teams 1 (Sales), the
   * three blanks "without team"; 2 cells cleaned. A CSV and a Parquet file (where the texts are "
   * \x01 ", padded: trimmed first, then cleaned to nothing), on both engines.
   */
  @Test
  void aCellOfControlCharactersOnlyIsBlank() throws Exception {
    Files.writeString(
        dir.resolve("t.csv"),
        "id,created,team,channel\n1,2026-10-01T08:00:00,\u001b,e\n2,2026-10-01T09:00:00,\u001b,e\n"
            + "3,2026-10-02T09:00:00,Sales,e\n4,2026-10-02T10:00:00,,e\n",
        StandardCharsets.UTF_8);
    ParquetSourcesTest.parquet(
        dir.resolve("t.parquet"),
        "SELECT * FROM (VALUES ('1', TIMESTAMP '2026-10-01 08:00:00', ' ' || chr(1) || ' ', 'e'),"
            + " ('2', TIMESTAMP '2026-10-01 09:00:00', chr(27), 'e'),"
            + " ('3', TIMESTAMP '2026-10-02 09:00:00', 'Sales', 'e'),"
            + " ('4', TIMESTAMP '2026-10-02 10:00:00', NULL, 'e')) AS t(id, created, team, channel)");
    for (String file : List.of("t.csv", "t.parquet")) {
      Path def = definition(dir, "file: " + file);
      Files.writeString(
          def,
          Files.readString(def)
              + "  - { id: teams, type: count, source: t, time: created, distinct: team }\n");
      var d = KpiEngine.load(List.of(def));
      Scorecard tablesaw = KpiEngine.run(d, OCTOBER);
      Scorecard duckdb = SqlKpiEngine.run(d, OCTOBER);
      for (Scorecard s : List.of(tablesaw, duckdb)) {
        Map<String, Double> by = new LinkedHashMap<>();
        for (ResultRow r : s.rows()) by.put(r.kpi() + " " + r.dims().values(), r.value());
        assertThat(by)
            .as(file)
            .containsEntry("by_team [Sales]", 1.0)
            .containsEntry("by_team [" + ResultRow.BLANK + "]", 3.0)
            .containsEntry("by_team [" + ResultRow.TOTAL + "]", 4.0)
            .containsEntry("teams []", 1.0);
        assertThat(s.quality().get(0).cellsCleaned()).as(file).isEqualTo(2);
      }
      SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
    }
  }
}
