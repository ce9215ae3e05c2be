package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.engine.Engine;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.engine.SqlTarget;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.sql.SparkSessions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi report --engine spark} against the default engine, end to end (issue 18): for the
 * bundled definitions of {@link #EVERY_BUILD} (every one with {@code -Dkpi.spark.all=true}), each
 * KPI the SQL engines run, measured by Spark (local mode, the test JVM's one session, which the
 * backend reuses) from the same exports as the default engine — sources loaded, quality report,
 * rows, statuses, notes, comparisons with the period before — gives the default engine's scorecard,
 * compared as {@link SqlEngineDifferentialTest} compares DuckDB's: the same rows, counts, statuses
 * and notes exactly, values within 1e-9 relative, the same quality counts. Then the export of edge
 * cases (rows with too few and too many fields, impossible dates, a night across the change of
 * clocks), and the CLI itself on the hotel example.
 */
class SparkEngineDifferentialTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static final SqlTarget LOCAL = new SqlTarget(null, null, null, null, null);

  /**
   * The definitions compared in every build: the two the issue names (a user with data in a lake
   * runs them unchanged), and the hotel's workbook and business hours through the CLI below. Every
   * bundled definition with {@code -Dkpi.spark.all=true}: on the 2-core machines here, shared by
   * several builds, Spark's planning of the typed views costs seconds a query, and all of them took
   * longer than the build's budget (the SQL of every one is compared with DuckDB's in {@link
   * SparkSqlDifferentialTest}). Run in full in December 2026: the 9 bundled definitions, no
   * difference, 2,663 s of wall time at load 23-35 and about 3.5 times the CPU of these two
   * (docs/engines.md, "The proof").
   */
  static final java.util.Set<String> EVERY_BUILD =
      java.util.Set.of("customer-service", "retention");

  @Test
  void theBundledDefinitionsGiveTheDefaultEnginesScorecard() {
    SparkSessions.get(); // started first: the backend reuses it (and so leaves it running)
    long t0 = System.nanoTime();
    boolean all = Boolean.getBoolean("kpi.spark.all");
    List<String> compared = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    for (ShippedDefinitions.Shipped s : ShippedDefinitions.bundled()) {
      if (!all && !EVERY_BUILD.contains(s.definition())) continue;
      long t = System.nanoTime();
      Definition def = KpiEngine.load(List.of(s.config()));
      Map<String, String> refused = SqlKpiEngine.refusals(def, def.kpis(), "spark");
      List<String> ids =
          def.kpis().stream().map(KpiDef::id).filter(id -> !refused.containsKey(id)).toList();
      if (ids.isEmpty()) continue;
      RunRequest request =
          new RunRequest(
              Period.parse(s.period()).lastN(3), Map.of(), ids, RunRequest.Compare.PREVIOUS, TODAY);
      Scorecard expected = KpiEngine.run(def, request);
      Scorecard actual;
      try {
        actual = SqlKpiEngine.run(def, request, Engine.SPARK, LOCAL);
        SqlEngineDifferentialTest.assertSame(expected, actual);
        assertThat(actual.rows()).isNotEmpty();
      } catch (AssertionError | RuntimeException e) {
        // Every definition's difference at once, not the first one's alone.
        differences.add(s.definition() + ": " + e.getMessage());
        System.out.println("[spark] " + s.definition() + " differs: " + e.getMessage());
        continue;
      }
      compared.add(
          s.definition()
              + " ("
              + ids.size()
              + " KPIs, "
              + actual.rows().size()
              + " rows, "
              + (System.nanoTime() - t) / 1_000_000
              + " ms)");
      // As each is done: the run of every definition takes many minutes on a shared machine.
      if (all) System.out.println("[spark] " + compared.get(compared.size() - 1));
    }
    System.out.println(
        "[spark] engine: "
            + (System.nanoTime() - t0) / 1_000_000
            + " ms; the default engine's scorecard on Spark: "
            + compared);
    assertThat(differences).isEmpty();
    assertThat(compared).hasSizeGreaterThanOrEqualTo(all ? 8 : EVERY_BUILD.size());
  }

  /**
   * The edge cases: the rows Spark's CSV reader sets aside (too few, too many fields) are counted
   * with their reason as DuckDB's reader counts them, the cells it cannot read blanked and counted
   * alike, the rows the same as {@code --engine duckdb}'s.
   */
  @Test
  void theEdgeCasesGiveTheSameRowsAndQualityCounts(@TempDir Path tmp) throws Exception {
    Definition def = KpiEngine.load(List.of(SparkSqlDifferentialTest.edgeCases(tmp)));
    RunRequest request =
        new RunRequest(
            Period.parse("2026-03").lastN(2), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    // Against --engine duckdb: on this export the SQL of both engines differs from the default
    // engine on the duration "took" (64 rows measured and 27 ending before they start, against 62
    // and 29: rows at times in the hour the clocks skip in Europe/Paris), a difference of the
    // compiled SQL, not of Spark, left to the SQL engines' owners (found here, December 2026).
    Scorecard expected = SqlKpiEngine.run(def, request);
    Scorecard actual = SqlKpiEngine.run(def, request, Engine.SPARK, LOCAL);
    SqlEngineDifferentialTest.assertSame(expected, actual);
    QualityReport q = actual.quality().get(0);
    // The generator writes a row of too few fields for 1 in 100 rows and one of too many for 1 in
    // 100 (seed 18): both kinds are there, counted by reason.
    assertThat(q.rejected().keySet())
        .anyMatch(r -> r.startsWith("row has 2 fields"))
        .anyMatch(r -> r.startsWith("row has 6 fields"));
  }

  /**
   * Funnels on business time and working days (issue 17): the hand-worked funnels of
   * FunnelBusinessTimeOnDuckDbTest (business hours over a weekend and a holiday, windows of 1 and 2
   * working days, one ending exactly at its end) and, with {@code -Dkpi.spark.all=true}, its
   * generated edge set in Europe/Paris (the spring gap and the autumn overlap, a night shift,
   * holidays) give the default engine's rows.
   */
  @Test
  void funnelsOnBusinessTimeGiveTheDefaultEnginesRows(@TempDir Path tmp) throws Exception {
    SparkSessions.get();
    Definition hand =
        KpiEngine.load(List.of(Path.of("src/test/resources/sql-gaps/funnel-business.yaml")));
    RunRequest october =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(hand, october), SqlKpiEngine.run(hand, october, Engine.SPARK, LOCAL));
    // The edge set's 11 funnels took 12 minutes with the above on this shared 2-core host (load
    // 25, December 2026; they passed): with -Dkpi.spark.all=true only, as the bundled definitions.
    if (!Boolean.getBoolean("kpi.spark.all")) return;
    Definition edge =
        KpiEngine.load(List.of(FunnelBusinessTimeOnDuckDbTest.edgeSet(tmp, "Europe/Paris")));
    assertThat(SqlKpiEngine.refusals(edge, edge.kpis(), "spark")).isEmpty();
    RunRequest all =
        new RunRequest(List.of(Period.ALL), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    SqlEngineDifferentialTest.assertSame(
        KpiEngine.run(edge, all), SqlKpiEngine.run(edge, all, Engine.SPARK, LOCAL));
  }

  /**
   * The CLI in process: {@code kpi report --engine spark} prints the default engine's CSV, byte for
   * byte, and the same quality summary (the file's line of a cell Spark cannot read aside, which
   * Spark does not tell, as for DuckDB).
   */
  @Test
  void theCliPrintsTheDefaultEnginesCsv() {
    SparkSessions.get();
    String[] args = {
      "report", "-c", "kpi-definitions/hotel-housekeeping.yaml", "--period", "2026-10", "-f", "csv"
    };
    CliRunner.Result tablesaw = CliRunner.run(args);
    List<String> withSpark = new ArrayList<>(List.of(args));
    withSpark.addAll(List.of("--engine", "spark"));
    CliRunner.Result spark = CliRunner.run(withSpark.toArray(String[]::new));
    assertThat(spark.exitCode()).as(spark.err()).isEqualTo(0);
    assertThat(spark.out()).isEqualTo(tablesaw.out());
    assertThat(spark.err())
        .isEqualTo(tablesaw.err().replaceAll("(room-checks\\.csv):\\d+:(?!\\d)", "$1:"))
        .contains("row has 4 fields, the header has 9")
        .contains("room-checks.csv:502 ");
  }

  /**
   * Rows of the wrong width, by hand: the header has 3 fields; line 3 has 2, line 4 has 4 (its
   * quoted "a, b" is one field), so both are set aside with their lines and widths, and the count
   * of October is rows 1 and 4 (line 5's quotes around whole fields are no extra fields): 2.
   */
  @Test
  void rowsOfTheWrongWidthAreCountedWithTheirLinesAndWidths(@TempDir Path tmp) throws Exception {
    java.nio.file.Files.writeString(
        tmp.resolve("t.csv"),
        "id,at,note\n"
            + "1,01/10/2026 08:00,ok\n"
            + "2,01/10/2026 09:00\n"
            + "3,01/10/2026 10:00,\"a, b\",extra\n"
            + "4,\"01/10/2026 11:00\",\"x\"\n");
    Definition def = KpiEngine.load(List.of(csvDefinition(tmp)));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Scorecard actual = SqlKpiEngine.run(def, request, Engine.SPARK, LOCAL);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), actual);
    assertThat(actual.rows().get(0).value()).isEqualTo(2.0);
    QualityReport q = actual.quality().get(0);
    assertThat(q.rowsRead()).isEqualTo(4);
    assertThat(q.rowsUsed()).isEqualTo(2);
    assertThat(q.rejected())
        .containsOnlyKeys(
            "row has 2 fields, the header has 3", "row has 4 fields, the header has 3");
    assertThat(q.rejected().get("row has 2 fields, the header has 3").examples().get(0).row())
        .isEqualTo(3);
    assertThat(q.rejected().get("row has 4 fields, the header has 3").examples().get(0).row())
        .isEqualTo(4);
  }

  private static Path csvDefinition(Path dir) throws Exception {
    Path yaml = dir.resolve("t.yaml");
    java.nio.file.Files.writeString(
        yaml,
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: t.csv
            columns:
              id: id
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm, required: true }
              note: note
        kpis:
          - { id: rows, type: count, source: t, time: at }
        """);
    return yaml;
  }

  /**
   * Parquet files read by Spark's reader, by hand: rows 1-2 in one file, 3-5 in the other; row 3
   * has no time (rejected), row 5 is in November, so October counts rows 1, 2 (team A) and 4 (B);
   * amounts 10.5 + 30 = 40.5 (row 2's NULL is a blank cell); the prices are texts read with the
   * decimal comma: '1.250' is 1250, 'abc' blanked (in the first file), ' ' blank.
   */
  @Test
  void parquetFilesAreReadBySparkWithTheDefaultEnginesRowsAndQuality(@TempDir Path tmp)
      throws Exception {
    java.nio.file.Files.createDirectories(tmp.resolve("lake"));
    String cols = " t(id, \"at\", team, amount, price)";
    ParquetSourcesTest.parquet(
        tmp.resolve("lake/part-1.parquet"),
        "SELECT * FROM (VALUES ('1', TIMESTAMP '2026-10-01 08:00:00', 'A', 10.5::DOUBLE, '1.250'),"
            + " ('2', TIMESTAMP '2026-10-02 09:30:00', 'A', NULL, 'abc'))"
            + cols);
    ParquetSourcesTest.parquet(
        tmp.resolve("lake/part-2.parquet"),
        "SELECT * FROM (VALUES ('3', NULL::TIMESTAMP, 'B', 20::DOUBLE, '(7)'),"
            + " ('4', TIMESTAMP '2026-10-03 10:00:00', 'B', 30, ' '),"
            + " ('5', TIMESTAMP '2026-11-05 07:00:00', 'A', 100, '5'))"
            + cols);
    Path yaml = tmp.resolve("p.yaml");
    java.nio.file.Files.writeString(
        yaml,
        """
        version: 1
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: lake/*.parquet
            columns:
              id: id
              at: { column: at, type: datetime, required: true }
              team: team
              amount: { column: amount, type: number }
              price: { column: price, type: number, decimal: "," }
        kpis:
          - { id: rows, type: count, source: t, time: at, by: [team] }
          - { id: total, type: sum, source: t, time: at, column: amount }
          - { id: priced, type: sum, source: t, time: at, column: price }
        """);
    Definition def = KpiEngine.load(List.of(yaml));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Scorecard actual = SqlKpiEngine.run(def, request, Engine.SPARK, LOCAL);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), actual);
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    actual.rows().forEach(r -> values.put(r.kpi() + " " + r.dims().values(), r.value()));
    assertThat(values)
        .containsEntry("rows [A]", 2.0)
        .containsEntry("rows [B]", 1.0)
        .containsEntry("rows [(total)]", 3.0)
        .containsEntry("total []", 40.5)
        .containsEntry("priced []", 1250.0);
    QualityReport q = actual.quality().get(0);
    assertThat(q.rowsRead()).isEqualTo(5);
    assertThat(q.rowsUsed()).isEqualTo(4);
    assertThat(q.rejected()).containsOnlyKeys("at: required, but blank");
    assertThat(q.blanked().values().iterator().next().examples().get(0).file())
        .endsWith("part-1.parquet");
  }

  /**
   * NaN, +Infinity and -Infinity in Parquet DOUBLE and FLOAT columns read by Spark: blanked and
   * counted as on the default engine, with the values worked by hand in {@link
   * NonFiniteNumbersTest#assertHandWorked} (mean 15 of 10 and 20; 3 amounts blanked, 1 row rejected
   * for its NaN weight).
   */
  @Test
  void nanAndInfinitiesInParquetAreBlankedOnSparkAsOnTheDefaultEngine(@TempDir Path tmp)
      throws Exception {
    ParquetSourcesTest.parquet(tmp.resolve("t.parquet"), NonFiniteNumbersTest.SEVEN_ROWS);
    Definition def =
        KpiEngine.load(List.of(NonFiniteNumbersTest.definition(tmp, "file: t.parquet")));
    RunRequest request =
        new RunRequest(
            List.of(Period.parse("2026-10")), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    Scorecard actual = SqlKpiEngine.run(def, request, Engine.SPARK, LOCAL);
    NonFiniteNumbersTest.assertHandWorked(actual);
    SqlEngineDifferentialTest.assertSame(KpiEngine.run(def, request), actual);
  }
}
