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
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.sql.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources at paths with a scheme on {@code --engine spark} (issue 18): the driver reads a CSV's
 * header and quotes, and lists and describes Parquet files, through Hadoop's FileSystem API, as
 * Spark's readers reach them ({@code hdfs://}, {@code s3a://}); here with {@code file:///} URIs and
 * a glob, the same rows as the default engine on the same files by their local paths.
 */
class SparkLakePathsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final SqlTarget LOCAL = new SqlTarget(null, null, null, null, null);

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SparkSessions.get();
  }

  private Path yaml(String name, String file, String columns, String kpis) throws Exception {
    Path yaml = dir.resolve(name);
    Files.writeString(
        yaml,
        """
        version: 1
        timezone: UTC
        sources:
          t:
            file: "%s"
            columns:
        %s
        kpis:
        %s
        """
            .formatted(file, columns.indent(6).stripTrailing(), kpis.indent(2).stripTrailing()));
    return yaml;
  }

  private static Scorecard spark(Path yaml, String period) {
    Definition def = KpiEngine.load(List.of(yaml));
    return SqlKpiEngine.run(def, request(period), Engine.SPARK, LOCAL);
  }

  private static Scorecard tablesaw(Path yaml, String period) {
    return KpiEngine.run(KpiEngine.load(List.of(yaml)), request(period));
  }

  private static RunRequest request(String period) {
    return new RunRequest(
        List.of(Period.parse(period)), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
  }

  private static final String CSV_COLUMNS =
      """
      id: id
      at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm, required: true }
      amount: { column: amount, type: number }
      """;

  /**
   * A CSV file named by a {@code file:///} URI: October has rows 1, 2 and 4 (row 3 is in November,
   * row 5's time is blank: rejected); their amounts 10 + 2.5 + 30 = 42.5.
   */
  @Test
  void aCsvFileAtAFileUriIsReadThroughHadoopWithTheDefaultEnginesRows() throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(
        csv,
        "id,at,amount\n1,01/10/2026 08:00,10\n2,02/10/2026 09:00,2.5\n"
            + "3,01/11/2026 10:00,7\n4,\"03/10/2026 11:00\",30\n5,,1\n");
    String kpis =
        """
        - { id: rows, type: count, source: t, time: at }
        - { id: total, type: sum, source: t, time: at, column: amount }
        """;
    Path uri = yaml("uri.yaml", csv.toUri().toString(), CSV_COLUMNS, kpis);
    assertThat(csv.toUri().toString()).startsWith("file:///");
    Scorecard actual = spark(uri, "2026-10");
    SqlEngineDifferentialTest.assertSame(
        tablesaw(yaml("local.yaml", "t.csv", CSV_COLUMNS, kpis), "2026-10"), actual);
    assertThat(actual.rows().get(0).value()).isEqualTo(3.0);
    assertThat(actual.rows().get(1).value()).isEqualTo(42.5);
    QualityReport q = actual.quality().get(0);
    assertThat(q.rowsRead()).isEqualTo(5);
    assertThat(q.rowsUsed()).isEqualTo(4);
  }

  /**
   * Parquet files by a glob of a {@code file:///} URI, listed by Hadoop and described by Spark:
   * rows 1-2 in one file, 3-5 in the other; row 3 has no time (rejected), row 5 is in November, so
   * October counts rows 1, 2 (team A) and 4 (B); amounts 10.5 + 30 = 40.5 (row 2's NULL is a blank
   * cell); the prices are texts read with the decimal comma: '1.250' is 1250, 'abc' blanked, ' '
   * blank. A third file beside them that the glob does not match is not read.
   */
  @Test
  void parquetFilesByAGlobOfAFileUriAreListedThroughHadoop() throws Exception {
    Path lake = Files.createDirectories(dir.resolve("lake"));
    String cols = " t(id, \"at\", team, amount, price)";
    ParquetSourcesTest.parquet(
        lake.resolve("part-1.parquet"),
        "SELECT * FROM (VALUES ('1', TIMESTAMP '2026-10-01 08:00:00', 'A', 10.5::DOUBLE, '1.250'),"
            + " ('2', TIMESTAMP '2026-10-02 09:30:00', 'A', NULL, 'abc'))"
            + cols);
    ParquetSourcesTest.parquet(
        lake.resolve("part-2.parquet"),
        "SELECT * FROM (VALUES ('3', NULL::TIMESTAMP, 'B', 20::DOUBLE, '(7)'),"
            + " ('4', TIMESTAMP '2026-10-03 10:00:00', 'B', 30, ' '),"
            + " ('5', TIMESTAMP '2026-11-05 07:00:00', 'A', 100, '5'))"
            + cols);
    ParquetSourcesTest.parquet(
        lake.resolve("other.parquet"),
        "SELECT * FROM (VALUES ('9', TIMESTAMP '2026-10-09 09:00:00', 'C', 999::DOUBLE, '1'))"
            + cols);
    String columns =
        """
        id: id
        at: { column: at, type: datetime, required: true }
        team: team
        amount: { column: amount, type: number }
        price: { column: price, type: number, decimal: "," }
        """;
    String kpis =
        """
        - { id: rows, type: count, source: t, time: at, by: [team] }
        - { id: total, type: sum, source: t, time: at, column: amount }
        - { id: priced, type: sum, source: t, time: at, column: price }
        """;
    Path uri = yaml("p.yaml", lake.toUri() + "part-*.parquet", columns, kpis);
    Scorecard actual = spark(uri, "2026-10");
    SqlEngineDifferentialTest.assertSame(
        tablesaw(yaml("local.yaml", "lake/part-*.parquet", columns, kpis), "2026-10"), actual);
    Map<String, Double> values = new LinkedHashMap<>();
    actual.rows().forEach(r -> values.put(r.kpi() + " " + r.dims().values(), r.value()));
    assertThat(values)
        .containsEntry("rows [A]", 2.0)
        .containsEntry("rows [B]", 1.0)
        .containsEntry("rows [(total)]", 3.0)
        .containsEntry("total []", 40.5)
        .containsEntry("priced []", 1250.0)
        .doesNotContainKey("rows [C]");
    QualityReport q = actual.quality().get(0);
    assertThat(q.rowsRead()).isEqualTo(5);
    assertThat(q.rowsUsed()).isEqualTo(4);
  }

  /**
   * The quote check reads a file at a URI through Hadoop too: line 3 opens field 3, never closed.
   */
  @Test
  void anUnclosedQuoteAtAFileUriStopsTheRun() throws Exception {
    Path csv = dir.resolve("q.csv");
    Files.writeString(csv, "id,at,amount\n1,01/10/2026 08:00,1\n2,01/10/2026 09:00,\"2\n3,x,3\n");
    Path uri =
        yaml(
            "q.yaml",
            csv.toUri().toString(),
            CSV_COLUMNS,
            "- { id: rows, type: count, source: t, time: at }");
    CliRunner.Result r =
        CliRunner.run("report", "-c", uri.toString(), "-p", "2026-10", "--engine", "spark");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains(csv.toUri() + ": line 3: the quote that opens field 3 is never closed")
        .doesNotContain("Exception");
  }

  /**
   * What cannot be read at a URI is said by name: a file that is not there (exit 3), and a pattern
   * of CSV files, which kpi's importer reads from this machine only (exit 2).
   */
  @Test
  void aMissingFileAndACsvPatternAtAUriAreSaidByName() throws Exception {
    String kpis = "- { id: rows, type: count, source: t, time: at }";
    String missing = dir.toUri() + "nowhere.csv";
    CliRunner.Result r =
        CliRunner.run(
            "report",
            "-c",
            yaml("m.yaml", missing, CSV_COLUMNS, kpis).toString(),
            "-p",
            "2026-10",
            "--engine",
            "spark");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("source 't': file " + missing + " does not exist")
        .doesNotContain("Exception");
    CliRunner.Result glob =
        CliRunner.run(
            "report",
            "-c",
            yaml("g.yaml", dir.toUri() + "*.csv", CSV_COLUMNS, kpis).toString(),
            "-p",
            "2026-10",
            "--engine",
            "spark");
    assertThat(glob.exitCode()).as(glob.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(glob.err()).contains("would be read by kpi's importer").doesNotContain("Exception");
  }
}
