package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.sql.SparkSessions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CsvBytesOnPostgresTest's 5-row file on {@code --engine spark}. Spark's CSV reader turns a
 * carriage return inside quotes (alone or in CR LF) into a line feed, so T1's note "a\rb" became
 * "a\nb" and T4's "x\r\ny" "x\ny" (or "x\n\ny" in a CR file): other groups than the default
 * engine's. Such a file is now read by kpi's importer (SparkBackend#readsCsv), with the default
 * engine's rows and whole quality report: by note "a\rb" 1, "Võ Thị" 3, "x\r\ny" 1, total 5; 3
 * distinct notes; 2 cells cleaned (the NULs of T2 and T3).
 */
class SparkCsvBytesTest {
  @BeforeAll
  static void session() {
    SparkSessions.get(); // the test JVM's session: the backend reuses it
  }

  private static final String DEFINITION =
      """
      version: 1
      name: bytes
      timezone: Asia/Ho_Chi_Minh
      sources:
        t:
          file: data.csv
          columns:
            id: { column: Mã, required: true }
            at: { column: Ngày, type: date, format: dd/MM/yyyy }
            note: Ghi chú
      kpis:
        - { id: rows, type: count, source: t, time: at, by: [note] }
        - { id: notes, type: count, source: t, time: at, distinct: note }
      """;

  @Test
  void aCarriageReturnInsideQuotesGivesTheDefaultEnginesRowsWhateverTheLineEnds(@TempDir Path tmp)
      throws Exception {
    for (String eol : List.of("\n", "\r", "\r\n")) {
      Path def = write(tmp, "\"a\rb\"", "\"x\r\ny\"", eol);
      CliRunner.Result tablesaw = run(def, "tablesaw");
      CliRunner.Result spark = run(def, "spark");
      assertThat(spark.exitCode()).as(spark.err()).isZero();
      assertThat(spark.out())
          .isEqualTo(tablesaw.out())
          .contains("\"a\rb\",1")
          .contains("\"x\r\ny\",1");
      assertThat(spark.err()).isEqualTo(tablesaw.err()).contains("2 cells cleaned");
    }
  }

  /**
   * Without a CR inside quotes (T1 "a;b", T4 "x\ny" in a LF file) Spark's own reader reads the
   * file, with the same rows: by note "a;b" 1, "Võ Thị" 3, "x\ny" 1.
   */
  @Test
  void aFileWithoutOneIsStillReadBySpark(@TempDir Path tmp) throws Exception {
    Path def = write(tmp, "\"a;b\"", "\"x\ny\"", "\n");
    CliRunner.Result tablesaw = run(def, "tablesaw");
    CliRunner.Result spark = run(def, "spark");
    assertThat(spark.exitCode()).as(spark.err()).isZero();
    assertThat(spark.out()).isEqualTo(tablesaw.out()).contains(",a;b,1,").contains("\"x\ny\",1");
    assertThat(spark.err()).contains("t: 5 rows read, 5 used");
  }

  private static Path write(Path tmp, String t1, String t4, String eol) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (String line :
        List.of(
            "Mã;Ngày;Ghi chú",
            "T1;01/03/2026;" + t1,
            "T2;02/03/2026;\"Võ\0 Thị\"",
            "T3;03/03/2026;Võ Thị\0",
            "T4;04/03/2026;" + t4,
            "T5;05/03/2026;Võ Thị")) b.writeBytes((line + eol).getBytes(StandardCharsets.UTF_8));
    Files.write(tmp.resolve("data.csv"), b.toByteArray());
    Files.writeString(tmp.resolve("d.yaml"), DEFINITION);
    return tmp.resolve("d.yaml");
  }

  private static CliRunner.Result run(Path def, String engine) {
    return CliRunner.run(
        "report",
        "-c",
        def.toString(),
        "--period",
        "2026-03",
        "--format",
        "csv",
        "--engine",
        engine);
  }
}
