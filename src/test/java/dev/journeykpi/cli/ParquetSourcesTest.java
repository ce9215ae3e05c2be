package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
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
 * Parquet files as sources on both engines (issue 17): typed columns come typed, a column stored as
 * text is parsed as a CSV field (its unreadable cells counted in the quality report), a pattern
 * reads every file, and a column stored as another kind than declared is refused on both.
 */
class ParquetSourcesTest {
  @TempDir Path dir;

  /** Writes a Parquet file with DuckDB, as a data lake would. */
  static void parquet(Path file, String select) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("COPY (" + select + ") TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
    }
  }

  /**
   * Five rows: id text, at TIMESTAMP (required), team text, amount DOUBLE, price text (VARCHAR in
   * the file, declared a number with decimal comma), ok BOOLEAN, qty BIGINT, day DATE.
   */
  private static final String FIVE_ROWS =
      "SELECT * FROM (VALUES"
          + " ('1', TIMESTAMP '2026-10-01 08:00:00', 'A', 10.5::DOUBLE, '1.250', true, 3::BIGINT,"
          + " DATE '2026-10-01'),"
          + " ('2', TIMESTAMP '2026-10-02 09:30:00', 'A', NULL, 'abc', false, 2, DATE '2026-10-02'),"
          + " ('3', NULL, 'B', 20, '(7)', true, 1, DATE '2026-10-03'),"
          + " ('4', TIMESTAMP '2026-10-03 10:00:00', 'B', 30, ' ', NULL, 4, NULL),"
          + " ('5', TIMESTAMP '2026-11-05 07:00:00', 'A', 100, '5', true, 5, DATE '2026-11-05'))"
          + " t(\"Mã\", \"Lúc\", \"Nhóm\", \"Số tiền\", \"Giá\", \"Đạt\", \"SL\", \"Ngày\")";

  private Path definition(String file) throws Exception {
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: %s
            columns:
              id: Mã
              at: { column: Lúc, type: datetime, required: true }
              team: Nhóm
              amount: { column: Số tiền, type: number }
              price: { column: Giá, type: number, decimal: "," }
              ok: { column: Đạt, type: boolean }
              qty: { column: SL, type: number }
              day: { column: Ngày, type: date }
        kpis:
          - { id: rows, type: count, source: t, time: at, by: [team] }
          - { id: total, type: sum, source: t, time: at, column: amount }
          - { id: priced, type: sum, source: t, time: at, column: price }
          - { id: share, type: ratio, source: t, time: at, numerator: { ok: true } }
          - { id: qty, type: sum, source: t, time: at, column: qty }
          - { id: early, type: count, source: t, time: at, where: { day: { lt: 2026-10-02 } } }
        """
            .formatted(file),
        StandardCharsets.UTF_8);
    return def;
  }

  @Test
  void aParquetFileGivesTheSameRowsAndQualityOnBothEngines() throws Exception {
    parquet(dir.resolve("t.parquet"), FIVE_ROWS);
    Definition def = KpiEngine.load(List.of(definition("t.parquet")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request = new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
    Scorecard duckdb = SqlKpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), duckdb);
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : duckdb.rows()) by.put(r.kpi() + " " + r.dims().values(), r);
    // Row 3 has no time (rejected), row 5 is in November: October holds rows 1, 2 (team A), 4 (B).
    assertThat(by.get("rows [A]").value()).isEqualTo(2.0);
    assertThat(by.get("rows [B]").value()).isEqualTo(1.0);
    assertThat(by.get("rows [(total)]").value()).isEqualTo(3.0);
    // Typed DOUBLEs: 10.5 + 30 = 40.5 from 2 values (row 2's NULL is a blank cell).
    assertThat(by.get("total []").value()).isEqualTo(40.5);
    assertThat(by.get("total []").n()).isEqualTo(2);
    // Texts parsed with the decimal comma: '1.250' is 1250; 'abc' blanked; ' ' blank.
    assertThat(by.get("priced []").value()).isEqualTo(1250.0);
    assertThat(by.get("priced []").n()).isEqualTo(1);
    // ok: TRUE of rows 1, 2 (FALSE), 4 (NULL): 1 of 3.
    assertThat(by.get("share []").numerator()).isEqualTo(1.0);
    assertThat(by.get("share []").denominator()).isEqualTo(3.0);
    // BIGINT read as numbers: 3 + 2 + 4 = 9.
    assertThat(by.get("qty []").value()).isEqualTo(9.0);
    // DATE before 2026-10-02: row 1 only (row 4's day is NULL).
    assertThat(by.get("early []").value()).isEqualTo(1.0);
    QualityReport q = duckdb.quality().get(0);
    // Five rows read; row 3 rejected for its blank time; row 2's 'abc' blanked.
    assertThat(q.rowsRead()).isEqualTo(5);
    assertThat(q.rowsUsed()).isEqualTo(4);
    assertThat(q.rejected()).containsOnlyKeys("at: required, but blank");
    assertThat(q.blanked()).containsOnlyKeys("price: not a number with decimal mark ','");
    assertThat(q.blanked().values().iterator().next().examples().get(0).value()).isEqualTo("abc");
  }

  @Test
  void aPatternReadsEveryFileInNameOrderOnBothEngines() throws Exception {
    Files.createDirectories(dir.resolve("lake"));
    // Rows 1-2 in one file, 3-5 in the other.
    parquet(dir.resolve("lake/part-1.parquet"), FIVE_ROWS + " WHERE \"Mã\" <= '2'");
    parquet(dir.resolve("lake/part-2.parquet"), FIVE_ROWS + " WHERE \"Mã\" > '2'");
    Definition def = KpiEngine.load(List.of(definition("lake/*.parquet")));
    RunRequest request = new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
    Scorecard duckdb = SqlKpiEngine.run(def, request);
    Scorecard tablesaw = KpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
    // The same rows as from one file: 3 in October, 5 read, 4 used.
    assertThat(duckdb.rows().get(2).value()).isEqualTo(3.0);
    assertThat(duckdb.quality().get(0).rowsRead()).isEqualTo(5);
    assertThat(duckdb.quality().get(0).rowsUsed()).isEqualTo(4);
    // The blanked cell is named with the file it is in, on both engines.
    assertThat(blankedFile(duckdb)).endsWith("part-1.parquet").isEqualTo(blankedFile(tablesaw));
    assertThat(
            run(
                    "sql",
                    "-c",
                    dir.resolve("d.yaml").toString(),
                    "--kpi",
                    "total",
                    "--dialect",
                    "duckdb")
                .out())
        .contains("read_parquet([")
        .contains("part-1.parquet")
        .contains("part-2.parquet");
  }

  private static String blankedFile(Scorecard s) {
    return s.quality().get(0).blanked().values().iterator().next().examples().get(0).file();
  }

  @Test
  void aColumnStoredAsAnotherKindIsRefusedOnBothEngines() throws Exception {
    // Số tiền stored as a DATE, declared a number: never converted by a guess.
    parquet(
        dir.resolve("t.parquet"),
        "SELECT '1' AS \"Mã\", TIMESTAMP '2026-10-01 08:00:00' AS \"Lúc\", 'A' AS \"Nhóm\","
            + " DATE '2026-01-01' AS \"Số tiền\", '1' AS \"Giá\", true AS \"Đạt\","
            + " 1::BIGINT AS \"SL\", DATE '2026-10-01' AS \"Ngày\"");
    Path def = definition("t.parquet");
    for (String engine : List.of("tablesaw", "duckdb")) {
      CliRunner.Result r =
          run("report", "-c", def.toString(), "-p", "2026-10", "-q", "--engine", engine);
      assertThat(r.exitCode()).as(engine).isEqualTo(3);
      assertThat(r.err())
          .as(engine)
          .contains(
              "t.parquet: column 'Số tiền' is stored as DATE, but 'amount' is declared number")
          .doesNotContain("Exception");
    }
  }
}
