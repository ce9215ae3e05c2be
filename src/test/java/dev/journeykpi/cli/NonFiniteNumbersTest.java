package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
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
 * NaN, +Infinity and -Infinity in a number column taken as stored (a Parquet file's DOUBLE, a
 * table's double or numeric): blanked on every engine, as the CSV parsing refuses the texts "NaN"
 * and "Infinity", and counted in the quality report as "not a finite number" with the value as Java
 * writes it; a required column's row is rejected for it. Before, the SQL engines summed a NaN into
 * a blank value with no note and kept an infinity (a mean of +Infinity), and neither engine counted
 * them.
 */
class NonFiniteNumbersTest {
  @TempDir Path dir;

  /**
   * Seven tickets in October 2026: amount (DOUBLE) 10, NaN, 20, +Inf, -Inf, NULL, 30; w (FLOAT,
   * required) 1 but for row 7's NaN.
   */
  static final String SEVEN_ROWS =
      "SELECT * FROM (VALUES"
          + " ('1', TIMESTAMP '2026-10-01 08:00:00', 10::DOUBLE, 1::FLOAT),"
          + " ('2', TIMESTAMP '2026-10-02 08:00:00', 'NaN'::DOUBLE, 1::FLOAT),"
          + " ('3', TIMESTAMP '2026-10-03 08:00:00', 20::DOUBLE, 1::FLOAT),"
          + " ('4', TIMESTAMP '2026-10-04 08:00:00', 'Infinity'::DOUBLE, 1::FLOAT),"
          + " ('5', TIMESTAMP '2026-10-05 08:00:00', '-Infinity'::DOUBLE, 1::FLOAT),"
          + " ('6', TIMESTAMP '2026-10-06 08:00:00', NULL::DOUBLE, 1::FLOAT),"
          + " ('7', TIMESTAMP '2026-10-07 08:00:00', 30::DOUBLE, 'NaN'::FLOAT))"
          + " t(\"Mã\", \"Lúc\", \"Số tiền\", \"Trọng số\")";

  private static final String KPIS =
      """
          columns:
            id: Mã
            at: { column: Lúc, type: datetime, required: true }
            amount: { column: Số tiền, type: number }
            w: { column: Trọng số, type: number, required: true }
      kpis:
        - { id: rows, type: count, source: t, time: at }
        - { id: total, type: sum, source: t, time: at, column: amount }
        - { id: avg, type: mean, source: t, time: at, column: amount }
        - { id: med, type: median, source: t, time: at, column: amount }
        - { id: big, type: count, source: t, time: at, where: { amount: { gt: 5 } } }
        - { id: small, type: count, source: t, time: at, where: { amount: { lt: 100 } } }
        - { id: high, type: ratio, source: t, time: at, numerator: { amount: { gte: 15 } } }
      """;

  static Path definition(Path dir, String where) throws Exception {
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        "version: 1\ntimezone: Asia/Ho_Chi_Minh\nsources:\n  t:\n    " + where + "\n" + KPIS,
        StandardCharsets.UTF_8);
    return def;
  }

  private static final RunRequest OCTOBER =
      new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());

  /**
   * The values worked by hand. Row 7 is rejected (w is NaN): rows 1-6 are used. amount's finite
   * values among them: 10 (row 1) and 20 (row 3); rows 2, 4, 5 blanked (NaN, +Inf, -Inf), row 6
   * blank. So: 6 rows; sum 10 + 20 = 30 over n = 2; mean 30 / 2 = 15; median of {10, 20} = 15;
   * amount > 5: rows 1, 3 = 2 (a NaN or +Inf would count on an engine that kept it); amount < 100:
   * rows 1, 3 = 2 (-Inf would count); amount >= 15 of the 6 rows: row 3 = 1 of 6.
   */
  static void assertHandWorked(Scorecard s) {
    Map<String, ResultRow> by = new LinkedHashMap<>();
    for (ResultRow r : s.rows()) by.put(r.kpi(), r);
    assertThat(by.get("rows").value()).isEqualTo(6.0);
    assertThat(by.get("total").value()).isEqualTo(30.0);
    assertThat(by.get("total").n()).isEqualTo(2);
    assertThat(by.get("avg").value()).isEqualTo(15.0);
    assertThat(by.get("avg").n()).isEqualTo(2);
    assertThat(by.get("med").value()).isEqualTo(15.0);
    assertThat(by.get("big").value()).isEqualTo(2.0);
    assertThat(by.get("small").value()).isEqualTo(2.0);
    assertThat(by.get("high").numerator()).isEqualTo(1.0);
    assertThat(by.get("high").denominator()).isEqualTo(6.0);
    QualityReport q = s.quality().get(0);
    // 7 read, 6 used; row 7 rejected for its NaN weight; rows 2, 4, 5's amounts blanked, shown as
    // Java writes them (row 6's NULL is a blank cell, no problem).
    assertThat(q.rowsRead()).isEqualTo(7);
    assertThat(q.rowsUsed()).isEqualTo(6);
    assertThat(q.rejected()).containsOnlyKeys("w: not a finite number");
    assertThat(q.rejected().get("w: not a finite number").count()).isEqualTo(1);
    assertThat(q.rejected().get("w: not a finite number").examples().get(0).value())
        .isEqualTo("NaN");
    assertThat(q.blanked()).containsOnlyKeys("amount: not a finite number");
    QualityReport.Tally blanked = q.blanked().get("amount: not a finite number");
    assertThat(blanked.count()).isEqualTo(3);
    assertThat(blanked.examples())
        .extracting(QualityReport.Problem::value)
        .containsExactly("NaN", "Infinity", "-Infinity");
  }

  @Test
  void nanAndInfinitiesInAParquetFileAreBlankedAndCountedOnBothEngines() throws Exception {
    ParquetSourcesTest.parquet(dir.resolve("t.parquet"), SEVEN_ROWS);
    Definition def = KpiEngine.load(List.of(definition(dir, "file: t.parquet")));
    Scorecard tablesaw = KpiEngine.run(def, OCTOBER);
    Scorecard duckdb = SqlKpiEngine.run(def, OCTOBER);
    assertHandWorked(tablesaw);
    assertHandWorked(duckdb);
    SqlEngineDifferentialTest.assertSame(tablesaw, duckdb);
    // The default engine names the rows: 2, 4 and 5 blanked, 7 rejected.
    QualityReport q = tablesaw.quality().get(0);
    assertThat(q.blanked().get("amount: not a finite number").examples())
        .extracting(QualityReport.Problem::row)
        .containsExactly(2L, 4L, 5L);
    assertThat(q.rejected().get("w: not a finite number").examples().get(0).row()).isEqualTo(7);
  }

  @Test
  void aCommandLineRunSaysWhyTheCellsAreBlank() throws Exception {
    ParquetSourcesTest.parquet(dir.resolve("t.parquet"), SEVEN_ROWS);
    Path def = definition(dir, "file: t.parquet");
    String out = null;
    for (String engine : List.of("tablesaw", "duckdb")) {
      CliRunner.Result r =
          CliRunner.run(
              "report", "-c", def.toString(), "-p", "2026-10", "-f", "csv", "--engine", engine);
      assertThat(r.exitCode()).as(engine + ": " + r.err()).isZero();
      assertThat(r.err())
          .as(engine)
          .contains("t: 7 rows read, 6 used")
          .contains("rejected 1: w: not a finite number")
          .contains("blanked 3: amount: not a finite number")
          .contains("'NaN'")
          .contains("'-Infinity'");
      // The mean is 15 on both (30 / 2), never NaN or Infinity.
      assertThat(r.out()).contains("avg,avg,2026-10,15,,,,2,").doesNotContain("NaN");
      if (out == null) out = r.out();
      else SqlEngineDifferentialTest.assertSameCsv(out, r.out());
    }
  }

  /**
   * The same values in a table of a DuckDB database file, read through {@code --engine jdbc}: the
   * table's typed columns (DOUBLE, FLOAT and DECIMAL) are taken as stored, so the same rule.
   */
  @Test
  void aTableOfDoublesGivesTheRowsOfTheParquetFile() throws Exception {
    ParquetSourcesTest.parquet(dir.resolve("t.parquet"), SEVEN_ROWS);
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA crm");
      st.execute("CREATE TABLE crm.t AS " + SEVEN_ROWS);
    }
    Scorecard file =
        KpiEngine.run(KpiEngine.load(List.of(definition(dir, "file: t.parquet"))), OCTOBER);
    Scorecard table =
        SqlKpiEngine.run(
            KpiEngine.load(List.of(definition(dir, "table: crm.t"))),
            OCTOBER,
            Engine.JDBC,
            new SqlTarget(url, null, null, null, null));
    assertHandWorked(table);
    SqlEngineDifferentialTest.assertSame(file, table);
  }
}
