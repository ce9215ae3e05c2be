package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.sql.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A valid export holding bytes PostgreSQL's COPY refuses or reads otherwise (a carriage return or a
 * NUL inside quotes, a NUL outside them, line ends of several kinds, bytes that are not UTF-8)
 * gives on {@code --engine jdbc} the default engine's rows and its whole quality report: such a
 * file is read by kpi's importer (PgCopyLines, PostgresBackend#readsCsv). Before, the run stopped
 * with "unquoted carriage return found in data" or "invalid byte sequence … 0x00" (exit 3).
 */
@ExtendWith(PostgresServer.class)
class CsvBytesOnPostgresTest {
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

  /**
   * The 5-row file, its lines ended by {@code eol} (LF, CR or CR LF):
   *
   * <pre>
   * T1 "a␍b"        a CR inside quotes: kept in the cell, "a\rb"
   * T2 "Võ␀ Thị"    a NUL inside quotes: removed, "Võ Thị", the cell counted as cleaned
   * T3 Võ Thị␀      a NUL outside quotes: removed, "Võ Thị", counted
   * T4 "x␍␊y"       CR LF inside quotes: kept, "x\r\ny"
   * T5 Võ Thị
   * </pre>
   *
   * By hand: 5 rows read, 5 used; by note "a\rb" 1, "Võ Thị" 3 (T2, T3, T5), "x\r\ny" 1, total 5; 3
   * distinct notes over n 5; 2 cells cleaned, "control characters removed", at lines 4 and 5 (T1's
   * quoted CR ends line 2 for the importer, so T2 starts line 4 and T3 line 5).
   */
  private static byte[] fiveRows(String eol) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (String line :
        List.of(
            "Mã;Ngày;Ghi chú",
            "T1;01/03/2026;\"a\rb\"",
            "T2;02/03/2026;\"Võ\0 Thị\"",
            "T3;03/03/2026;Võ Thị\0",
            "T4;04/03/2026;\"x\r\ny\"",
            "T5;05/03/2026;Võ Thị")) b.writeBytes((line + eol).getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  @ParameterizedTest(name = "lines ended by {0}")
  @ValueSource(strings = {"LF", "CR", "CRLF"})
  void crAndNulInAnyFileGiveTheDefaultEnginesRowsAndReport(String ends, @TempDir Path tmp)
      throws Exception {
    String eol = ends.replace("CR", "\r").replace("LF", "\n");
    Path def = write(tmp, fiveRows(eol));
    CliRunner.Result tablesaw = run(def, "--engine", "tablesaw");
    assertThat(tablesaw.exitCode()).as(tablesaw.err()).isZero();
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,\"a\rb\",1,rows,,,1",
            "rows,rows,2026-03,Võ Thị,3,rows,,,3",
            "rows,rows,2026-03,\"x\r",
            "y\",1,rows,,,1,,,", // the cell's line, then nine fields of the row
            "rows,rows,2026-03,(total),5,rows,,,5",
            "notes,notes,2026-03,,3,,,,5");
    assertThat(tablesaw.err())
        .contains("t: 5 rows read, 5 used, 2 cells cleaned")
        .contains("cleaned 2: note: control characters removed")
        .contains("data.csv:4:Ghi chú 'Võ\\x00 Thị'")
        .contains("data.csv:5:Ghi chú 'Võ Thị\\x00'");

    CliRunner.Result jdbc = run(def, jdbcArgs());
    assertThat(jdbc.exitCode()).as(jdbc.err()).isZero();
    assertThat(jdbc.out()).isEqualTo(tablesaw.out());
    // The importer's report itself: the same counts, reasons, examples and lines.
    assertThat(jdbc.err()).isEqualTo(tablesaw.err());

    // DuckDB reads the same rows (its count of cleaned cells is another matter: docs/engines.md).
    CliRunner.Result duckdb = run(def, "--engine", "duckdb");
    assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
    assertThat(duckdb.out()).isEqualTo(tablesaw.out());
  }

  /**
   * T5's note ends with bytes that are not UTF-8 (FF, then the overlong C0 80): the default engine
   * blanks that cell and counts it ("not valid UTF-8"), so by note "Võ Thị" 2 (T2, T3), "a;b" 1,
   * "x" 1, (blank) 1; 3 distinct notes over n 5, the blank one not counted. PostgreSQL now says the
   * same, and DuckDB since session 14 (its reader refused the file: kpi's importer reads it).
   */
  @Test
  void bytesThatAreNotUtf8AreBlankedAndCountedAsByTheDefaultEngine(@TempDir Path tmp)
      throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(
        "Mã;Ngày;Ghi chú\nT1;01/03/2026;\"a;b\"\nT2;02/03/2026;\"Võ Thị\"\nT3;03/03/2026;Võ Thị\n"
            .getBytes(StandardCharsets.UTF_8));
    b.writeBytes("T4;04/03/2026;x\nT5;05/03/2026;Võ Thị".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, (byte) 0x80, '\n'});
    Path def = write(tmp, b.toByteArray());
    CliRunner.Result tablesaw = run(def, "--engine", "tablesaw");
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
        .contains("blanked 1: note: not valid UTF-8");
    CliRunner.Result jdbc = run(def, jdbcArgs());
    assertThat(jdbc.exitCode()).as(jdbc.err()).isZero();
    assertThat(jdbc.out()).isEqualTo(tablesaw.out());
    assertThat(jdbc.err()).isEqualTo(tablesaw.err());
    // DuckDB too, since session 14 (it stopped naming line 6): its importer route
    // (CsvBytesOnDuckDbTest).
    CliRunner.Result duckdb = run(def, "--engine", "duckdb");
    assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
    assertThat(duckdb.out()).isEqualTo(tablesaw.out());
    assertThat(duckdb.err()).isEqualTo(tablesaw.err());
  }

  /**
   * A clean CR LF file (no line break inside quotes) is still read by COPY and SQL, with the same
   * rows and counts: "a;b" 1, "Võ Thị" 3, "x" 1, 5 rows read and used, nothing cleaned.
   */
  @Test
  void aCleanCrLfFileIsReadByCopyWithTheSameRows(@TempDir Path tmp) throws Exception {
    String csv =
        "Mã;Ngày;Ghi chú\r\nT1;01/03/2026;\"a;b\"\r\nT2;02/03/2026;\"Võ Thị\"\r\n"
            + "T3;03/03/2026;Võ Thị\r\nT4;04/03/2026;x\r\nT5;05/03/2026;Võ Thị\r\n";
    Path def = write(tmp, csv.getBytes(StandardCharsets.UTF_8));
    CliRunner.Result tablesaw = run(def, "--engine", "tablesaw");
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,a;b,1,rows,,,1",
            "rows,rows,2026-03,Võ Thị,3,rows,,,3",
            "rows,rows,2026-03,x,1,rows,,,1",
            "rows,rows,2026-03,(total),5,rows,,,5",
            "notes,notes,2026-03,,3,,,,5");
    CliRunner.Result jdbc = run(def, jdbcArgs());
    assertThat(jdbc.exitCode()).as(jdbc.err()).isZero();
    assertThat(jdbc.out()).isEqualTo(tablesaw.out());
    assertThat(jdbc.err()).isEqualTo(tablesaw.err()).contains("t: 5 rows read, 5 used");
  }

  /**
   * A clean file of 8 MiB or more (60,000 rows, about 10 MB with a padding column no KPI reads) is
   * read by kpi's importer, which costs the server far less than COPY and SQL's typing
   * (PostgresBackend#importerFirst). Row i has the note "abc".charAt(i % 3) and the day 1 + i % 28
   * of March: a, b and c 20,000 each, total 60,000; 3 distinct notes over n 60,000. Row 3's note
   * "a␃" holds a control character: cleaned to "a" and counted, at line 4, with its line as the
   * importer reports it (the SQL route shows no line there): the whole report equals the default
   * engine's.
   */
  @Test
  void aLargeFileIsReadByTheImporterWithTheSameRowsAndReport(@TempDir Path tmp) throws Exception {
    StringBuilder csv = new StringBuilder("Mã;Ngày;Ghi chú;Đệm\n");
    String pad = "x".repeat(150);
    for (int i = 1; i <= 60_000; i++)
      csv.append(String.format("T%07d;%02d/03/2026;", i, 1 + i % 28))
          .append("abc".charAt(i % 3))
          .append(i == 3 ? "\u0003" : "")
          .append(';')
          .append(pad)
          .append('\n');
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    assertThat((long) bytes.length).isGreaterThanOrEqualTo(8L << 20);
    Path def = write(tmp, bytes);
    CliRunner.Result tablesaw = run(def, "--engine", "tablesaw");
    assertThat(heads(tablesaw.out()))
        .containsExactly(
            "kpi,label,period,by_note,value,unit,numerator,denominator,n",
            "rows,rows,2026-03,a,20000,rows,,,20000",
            "rows,rows,2026-03,b,20000,rows,,,20000",
            "rows,rows,2026-03,c,20000,rows,,,20000",
            "rows,rows,2026-03,(total),60000,rows,,,60000",
            "notes,notes,2026-03,,3,,,,60000");
    assertThat(tablesaw.err())
        .contains("t: 60,000 rows read, 60,000 used, 1 cell cleaned")
        .contains("data.csv:4:Ghi chú 'a\\x03'");
    CliRunner.Result jdbc = run(def, jdbcArgs());
    assertThat(jdbc.exitCode()).as(jdbc.err()).isZero();
    assertThat(jdbc.out()).isEqualTo(tablesaw.out());
    assertThat(jdbc.err()).isEqualTo(tablesaw.err());
  }

  /** The report's lines (split at LF only: a cell may hold a CR), each cut to nine fields. */
  private static List<String> heads(String csv) {
    return java.util.Arrays.stream(csv.split("\n")).map(CsvBytesOnPostgresTest::head).toList();
  }

  /** A CSV row's first nine fields (the rest: status, comparisons, completeness, the same). */
  private static String head(String line) {
    String[] f = line.split(",", -1);
    return String.join(",", java.util.Arrays.copyOf(f, Math.min(f.length, 9)));
  }

  private static Path write(Path tmp, byte[] csv) throws Exception {
    Files.write(tmp.resolve("data.csv"), csv);
    Files.writeString(tmp.resolve("d.yaml"), DEFINITION);
    return tmp.resolve("d.yaml");
  }

  private static String[] jdbcArgs() {
    return new String[] {"--engine", "jdbc", "--url", PostgresServer.url(), "--user", "kpi"};
  }

  private static CliRunner.Result run(Path def, String... engine) {
    List<String> all =
        new ArrayList<>(
            List.of("report", "-c", def.toString(), "--period", "2026-03", "--format", "csv"));
    all.addAll(List.of(engine));
    return CliRunner.run(all.toArray(String[]::new));
  }
}
