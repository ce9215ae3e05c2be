package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A valid export that DuckDB's read_csv cannot read as kpi's importer does (bytes that are not
 * UTF-8, a file in windows-1252 or UTF-16, a quote left open, line ends of two kinds) gives on
 * {@code --engine duckdb} the default engine's rows and its whole quality report, lines included:
 * such a file is read by kpi's importer (DuckDbCsvBytes, DuckDbBackend#readsCsv, and a declared
 * encoding through ImportedSources). Before session 14 the run stopped (exit 3) or was refused
 * (exit 2, "UTF-8 only yet").
 */
class CsvBytesOnDuckDbTest {
  @TempDir Path tmp;

  private static final String DEFINITION =
      """
      version: 1
      name: bytes
      timezone: Asia/Ho_Chi_Minh
      sources:
        t:
          file: data.csv%s
          columns:
            id: { column: Mã, required: true }
            at: { column: Ngày, type: date, format: dd/MM/yyyy }
            note: Ghi chú
      kpis:
        - { id: rows, type: count, source: t, time: at, by: [note] }
        - { id: notes, type: count, source: t, time: at, distinct: note }
      """;

  /**
   * T5's note ends with bytes that are not UTF-8 (FF, then the overlong C0 80): the default engine
   * blanks that cell and counts it, so by note "a;b" 1 (T1), "Võ Thị" 2 (T2, T3), "x" 1 (T4),
   * (blank) 1 (T5), total 5; 3 distinct notes over n 5 (the blank not counted); 5 rows read, 5
   * used, 1 cell blanked at line 6.
   */
  @Test
  void bytesThatAreNotUtf8AreBlankedAndCountedAsByTheDefaultEngine() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(
        "Mã;Ngày;Ghi chú\nT1;01/03/2026;\"a;b\"\nT2;02/03/2026;\"Võ Thị\"\nT3;03/03/2026;Võ Thị\n"
            .getBytes(StandardCharsets.UTF_8));
    b.writeBytes("T4;04/03/2026;x\nT5;05/03/2026;Võ Thị".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, (byte) 0x80, '\n'});
    CliRunner.Result tablesaw = sameOnBoth(b.toByteArray(), "");
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,a;b,1,rows,,,1",
            "rows,rows,2026-03,Võ Thị,2,rows,,,2",
            "rows,rows,2026-03,x,1,rows,,,1",
            "rows,rows,2026-03,(blank),1,rows,,,1",
            "rows,rows,2026-03,(total),5,rows,,,5",
            "notes,notes,2026-03,,3,,,,5");
    assertThat(tablesaw.err())
        .contains("t: 5 rows read, 5 used, 1 cell blanked")
        .contains("blanked 1: note: not valid UTF-8")
        .contains("data.csv:6:Ghi chú");
  }

  /**
   * A windows-1252 export, declared so: "Béta" twice (T1, T3), "Café" once (T2): by note Béta 2,
   * Café 1, total 3; 2 distinct notes over n 3; 3 rows read, 3 used.
   */
  @Test
  void aFileInADeclaredEncodingIsDecodedByTheImporter() throws Exception {
    byte[] csv =
        "Mã;Ngày;Ghi chú\nT1;01/03/2026;Béta\nT2;02/03/2026;Café\nT3;03/03/2026;Béta\n"
            .getBytes(Charset.forName("windows-1252"));
    CliRunner.Result tablesaw = sameOnBoth(csv, "\n    encoding: windows-1252");
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,Béta,2,rows,,,2",
            "rows,rows,2026-03,Café,1,rows,,,1",
            "rows,rows,2026-03,(total),3,rows,,,3",
            "notes,notes,2026-03,,2,,,,3");
    assertThat(tablesaw.err()).contains("t: 3 rows read, 3 used");
  }

  /** The same rows in UTF-16 with its byte-order mark (the import detects it; no declaration). */
  @Test
  void aUtf16FileIsDecodedByTheImporter() throws Exception {
    byte[] csv =
        "Mã;Ngày;Ghi chú\nT1;01/03/2026;Béta\nT2;02/03/2026;Café\nT3;03/03/2026;Béta\n"
            .getBytes(StandardCharsets.UTF_16); // big-endian, with FE FF first
    CliRunner.Result tablesaw = sameOnBoth(csv, "");
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,Béta,2,rows,,,2",
            "rows,rows,2026-03,Café,1,rows,,,1",
            "rows,rows,2026-03,(total),3,rows,,,3",
            "notes,notes,2026-03,,2,,,,3");
  }

  /**
   * Line 4 (T3) opens a quote that never closes: the default engine rejects that row and reads line
   * 5 (T4) as a row. By note x 2 (T1, T4), y 1 (T2), total 3; 2 distinct notes over n 3; 4 rows
   * read, 3 used, 1 rejected at line 4.
   */
  @Test
  void aQuoteLeftOpenRejectsItsRowAsOnTheDefaultEngine() throws Exception {
    byte[] csv =
        "Mã;Ngày;Ghi chú\nT1;01/03/2026;x\nT2;02/03/2026;y\nT3;03/03/2026;\"open\nT4;04/03/2026;x\n"
            .getBytes(StandardCharsets.UTF_8);
    CliRunner.Result tablesaw = sameOnBoth(csv, "");
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,x,2,rows,,,2",
            "rows,rows,2026-03,y,1,rows,,,1",
            "rows,rows,2026-03,(total),3,rows,,,3",
            "notes,notes,2026-03,,2,,,,3");
    assertThat(tablesaw.err())
        .contains("t: 4 rows read, 3 used, 1 rejected")
        .contains("unterminated quote opened at line 4, column 15");
  }

  /**
   * Lines 1 and 2 end with CR LF, line 3 with LF, line 4 with CR LF (a file edited in two editors),
   * and line 3's note has text after its closing quote ({@code "b"x}, which the importer reads as
   * bx): each would stop DuckDB's reader. By note a 2 (T1, T3), bx 1 (T2), total 3; 2 distinct over
   * n 3; 3 rows read, 3 used.
   */
  @Test
  void lineEndsOfTwoKindsAndTextAfterAQuoteAreReadAsOnTheDefaultEngine() throws Exception {
    byte[] csv =
        "Mã;Ngày;Ghi chú\r\nT1;01/03/2026;a\r\nT2;02/03/2026;\"b\"x\nT3;03/03/2026;\"a\"\r\n"
            .getBytes(StandardCharsets.UTF_8);
    CliRunner.Result tablesaw = sameOnBoth(csv, "");
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,a,2,rows,,,2",
            "rows,rows,2026-03,bx,1,rows,,,1",
            "rows,rows,2026-03,(total),3,rows,,,3",
            "notes,notes,2026-03,,2,,,,3");
    assertThat(tablesaw.err()).contains("t: 3 rows read, 3 used");
  }

  /**
   * Runs the file on both engines: both succeed, with the same rows, the same summary on standard
   * error and the same --quality-report rows (lines included); the default engine's result.
   */
  private CliRunner.Result sameOnBoth(byte[] csv, String sourceExtra) throws Exception {
    Files.write(tmp.resolve("data.csv"), csv);
    Files.writeString(tmp.resolve("d.yaml"), DEFINITION.formatted(sourceExtra));
    CliRunner.Result tablesaw = run("tablesaw");
    assertThat(tablesaw.exitCode()).as(tablesaw.err()).isZero();
    CliRunner.Result duckdb = run("duckdb");
    assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
    assertThat(duckdb.out()).isEqualTo(tablesaw.out());
    assertThat(duckdb.err()).isEqualTo(tablesaw.err());
    assertThat(Files.readString(tmp.resolve("q-duckdb.csv")))
        .isEqualTo(Files.readString(tmp.resolve("q-tablesaw.csv")));
    return tablesaw;
  }

  private CliRunner.Result run(String engine) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "report",
                "-c",
                tmp.resolve("d.yaml").toString(),
                "--period",
                "2026-03",
                "--format",
                "csv",
                "--no-cache",
                "--engine",
                engine,
                "--quality-report",
                tmp.resolve("q-" + engine + ".csv").toString()));
    return CliRunner.run(all.toArray(String[]::new));
  }

  /** The report's lines, each cut to nine fields (the rest: status, comparisons, the same). */
  private static List<String> heads(String csv) {
    List<String> out = new ArrayList<>();
    for (String line : csv.split("\n")) {
      String[] f = line.split(",", -1);
      out.add(String.join(",", java.util.Arrays.copyOf(f, Math.min(f.length, 9))));
    }
    return out;
  }
}
