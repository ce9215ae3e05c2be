package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.Inspection;
import dev.journeykpi.model.QualityReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: one huge cell, one huge line, and a 100,000-column export are read by the import,
 * {@code kpi inspect} and {@code validate --check-data}'s header probe, in time linear in the file
 * (FastCSV's default limits, 16 M characters a field and 16,384 fields a record, made inspect fail
 * with an internal error).
 */
class LargeCsvTest {
  @TempDir Path dir;

  /** "id,when,note", row 1 with a note of {@code size} x's, row 2 an ordinary one. */
  private Path hugeCell(int size, boolean quoted) throws Exception {
    byte[] head =
        ("id,when,note\n1,01/10/2026," + (quoted ? "\"" : "")).getBytes(StandardCharsets.US_ASCII);
    byte[] tail =
        ((quoted ? "\"" : "") + "\n2,02/10/2026,ok\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + size + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    Arrays.fill(all, head.length, head.length + size, (byte) 'x');
    System.arraycopy(tail, 0, all, head.length + size, tail.length);
    Path f = dir.resolve(quoted ? "q.csv" : "u.csv");
    Files.write(f, all);
    return f;
  }

  @Test
  void aCellOfTwentyMillionCharacters() throws Exception {
    int size = 20 << 20; // past FastCSV's default 16 M
    for (boolean quoted : new boolean[] {false, true}) {
      Path f = hugeCell(size, quoted);
      Inspection in = Inspector.inspect(f, null, 0, null, (char) 0);
      assertThat(in.rows()).isEqualTo(2);
      assertThat(in.columns().get(2).type()).isEqualTo("string");
      LoadedSource s =
          ImportFixtures.load(
              dir, "file: " + f.getFileName() + "\ncolumns:\n  id: id\n  note: note\n");
      assertThat(s.table().stringColumn("note").get(0)).hasSize(size);
      assertThat(s.table().stringColumn("note").get(1)).isEqualTo("ok");
    }
  }

  /**
   * A line of five million fields: rejected as ragged, its value in the report cut to its first
   * 1,000 characters.
   */
  @Test
  void aLineOfFiveMillionFields() throws Exception {
    StringBuilder b = new StringBuilder("id,when,note\n1,01/10/2026,");
    b.append("x,".repeat(5_000_000)).append("\n2,02/10/2026,ok\n");
    Files.writeString(dir.resolve("l.csv"), b);
    LoadedSource s = ImportFixtures.load(dir, "file: l.csv\ncolumns:\n  id: id\n  note: note\n");
    // "1", "01/10/2026", five million x's and the empty field after the last comma.
    QualityReport.Tally t = s.quality().rejected().get("row has 5000003 fields, the header has 3");
    assertThat(t.count()).isEqualTo(1);
    assertThat(t.examples().get(0).value())
        .hasSize(1_001)
        .startsWith("1,01/10/2026,x,x")
        .endsWith("…");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("2");
  }

  @Test
  void aHundredThousandColumns() throws Exception {
    int n = 100_000;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append("c").append(i);
    b.append('\n');
    for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(i);
    b.append('\n');
    Path f = dir.resolve("w.csv");
    Files.writeString(f, b);
    Inspection in = Inspector.inspect(f, null, 0, null, (char) 0);
    assertThat(in.columns()).hasSize(n);
    assertThat(in.columns().get(n - 1).header()).isEqualTo("c99999");
    assertThat(in.columns().get(n - 1).type()).isEqualTo("number");
    var def =
        ImportFixtures.definition(
            dir, "file: w.csv\ncolumns:\n  a: c0\n  b: { column: c99999, type: number }\n");
    assertThat(HeaderProbe.headers(def.sources().get("s"), f)).hasSize(n).endsWith("c99999");
    LoadedSource s =
        dev.journeykpi.ingest.SourceLoader.load(def.sources().get("s"), null, def.zone());
    assertThat(s.table().doubleColumn("b").get(0)).isEqualTo(99_999.0);
  }
}
