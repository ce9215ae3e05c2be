package dev.journeykpi.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.QualityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A file read in two halves on two threads must give exactly what reading it in one piece gives:
 * the same table, and the same quality report with the same line numbers, whether the cut fell
 * between records or inside a quoted field.
 */
class CsvHalvesTest {
  @TempDir Path dir;

  private static final String COLUMNS =
      """
      columns:
        id: id
        when: { column: when, type: datetime, format: dd/MM/yyyy HH:mm, required: true }
        score: { column: score, type: number }
        done: { column: done, type: boolean }
        note: note
        day: { column: day, type: date, format: dd/MM/yyyy }
      """;

  @AfterEach
  void restore() {
    CsvHalves.minBytes = 4L << 20;
  }

  @Test
  void randomFilesReadInHalvesAsInOnePiece() throws Exception {
    Random rnd = new Random(7);
    int halves = 0;
    int fallbacks = 0;
    for (int n = 0; n < 300; n++) {
      Path f = dir.resolve("t" + n + ".csv");
      Files.write(f, randomFile(rnd).getBytes(UTF_8));
      readAlikeInHalves(f);
      if (readsInHalves(f, "file: " + f.getFileName() + "\n" + COLUMNS)) halves++;
      else fallbacks++;
    }
    // Both ways were exercised: most files are cut between records, and some stray quotes led the
    // cut into a quoted field, which the first half noticed.
    assertThat(halves).isGreaterThan(150);
    assertThat(fallbacks).isGreaterThan(5);
  }

  @Test
  void aQuotedFieldAcrossTheMiddleIsSteppedOver() throws Exception {
    // The middle of the file is inside the quoted note of row 2, which spans many lines: the cut
    // goes after it.
    Files.writeString(dir.resolve("q.csv"), noteAcrossTheMiddle("a"));
    String yaml = "file: q.csv\n" + COLUMNS;
    CsvHalves.minBytes = 0;
    assertThat(readsInHalves(dir.resolve("q.csv"), yaml)).isTrue();
    Table t = ImportFixtures.load(dir, yaml).table();
    assertThat(t.stringColumn("id").asList()).containsExactly("1", "2", "3");
    assertThat(t.stringColumn("note").get(1)).isEqualTo("line\n".repeat(40));
  }

  @Test
  void aStrayQuoteMisleadingTheCutFallsBackToOnePiece() throws Exception {
    // Row 1's unquoted 5" is text, but counts as a quote: the parity is off, and the cut chosen
    // lies inside row 2's quoted note. The first half, read from the start, finds it ends inside
    // quotes: the file is read in one piece.
    Files.writeString(dir.resolve("q.csv"), noteAcrossTheMiddle("5\" screen"));
    String yaml = "file: q.csv\n" + COLUMNS;
    CsvHalves.minBytes = 0;
    assertThat(readsInHalves(dir.resolve("q.csv"), yaml)).isFalse();
    Table t = ImportFixtures.load(dir, yaml).table();
    assertThat(t.stringColumn("id").asList()).containsExactly("1", "2", "3");
    assertThat(t.stringColumn("note").asList())
        .containsExactly("5\" screen", "line\n".repeat(40), "c");
  }

  /**
   * Three rows; row 2's quoted note of 40 lines holds the middle of the file; row 1's note as
   * given, unquoted.
   */
  private static String noteAcrossTheMiddle(String firstNote) {
    return "id,when,score,done,note,day\n1,01/10/2026 08:00,1,yes,"
        + firstNote
        + ",01/10/2026\n"
        + "2,01/10/2026 09:00,2,no,\""
        + "line\n".repeat(40)
        + "\",02/10/2026\n3,01/10/2026 10:00,3,yes,c,03/10/2026\n";
  }

  @Test
  void problemsInTheSecondHalfNameTheirLineInTheFile() throws Exception {
    StringBuilder s = new StringBuilder("id,when,score,done,note,day\n");
    for (int i = 1; i <= 40; i++)
      s.append(i).append(",01/10/2026 08:00,").append(i).append(",yes,n,01/10/2026\n");
    s.append("41,31/09/2026 08:00,1,yes,n,01/10/2026\n"); // line 42: no 31 September
    s.append("42,01/10/2026 08:00,many,yes,n,01/10/2026\n"); // line 43: not a number
    Files.writeString(dir.resolve("l.csv"), s.toString());
    String yaml = "file: l.csv\n" + COLUMNS;
    CsvHalves.minBytes = 0;
    assertThat(readsInHalves(dir.resolve("l.csv"), yaml)).isTrue();
    LoadedSource src = ImportFixtures.load(dir, yaml);
    QualityReport q = src.quality();
    assertThat(q.rowsRead()).isEqualTo(42);
    assertThat(q.rowsUsed()).isEqualTo(41);
    assertThat(
            q.rejected()
                .get("when: not a date-time in format dd/MM/yyyy HH:mm")
                .examples()
                .get(0)
                .row())
        .isEqualTo(42);
    assertThat(q.blanked().get("score: not a number with decimal mark '.'").examples().get(0).row())
        .isEqualTo(43);
    assertThat(q.files()).hasSize(1);
    assertThat(src.table().rowCount()).isEqualTo(41);
  }

  /**
   * A byte-order mark, a header below row 1 and a glob of two files: read in halves as in one
   * piece.
   */
  @Test
  void bomHeaderBelowRowOneAndSeveralFiles() throws Exception {
    Files.createDirectories(dir.resolve("exports"));
    for (String name : List.of("exports/2026-09.csv", "exports/2026-10.csv")) {
      StringBuilder body =
          new StringBuilder("\uFEFFExport of " + name + "\nid,when,score,done,note,day\r\n");
      for (int i = 1; i <= 60; i++) {
        body.append(i)
            .append(i % 7 == 0 ? ",31/09/2026 08:00," : ",01/10/2026 08:00,")
            .append(i % 5 == 0 ? "x" : i)
            .append(",yes,\"Điện thoại\n")
            .append(i)
            .append("\",01/10/2026\r\n");
      }
      Files.write(dir.resolve(name), body.toString().getBytes(UTF_8));
    }
    String yaml = "file: exports/2026-*.csv\nheader_row: 2\n" + COLUMNS;
    CsvHalves.minBytes = Long.MAX_VALUE;
    LoadedSource whole = ImportFixtures.load(dir, yaml);
    CsvHalves.minBytes = 0;
    assertThat(
            readsInHalves(
                dir.resolve("exports/2026-10.csv"),
                "file: exports/2026-10.csv\nheader_row: 2\n" + COLUMNS))
        .isTrue();
    LoadedSource split = ImportFixtures.load(dir, yaml);
    assertSameTable(split.table(), whole.table(), dir);
    assertSameQuality(split.quality(), whole.quality(), dir);
    assertThat(whole.quality().files()).hasSize(2);
    assertThat(whole.table().rowCount()).isPositive();
  }

  /**
   * A glob whose middle file is large enough to be read in halves and the others not: the rows stay
   * in file order (the halves' values are joined when the columns are built, but the next file's
   * rows must come after them).
   */
  @Test
  void filesReadInHalvesAndInOnePieceKeepTheirOrder() throws Exception {
    Files.createDirectories(dir.resolve("exports"));
    int[] rows = {5, 400, 5};
    for (int f = 0; f < 3; f++) {
      StringBuilder body = new StringBuilder("id,when,score,done,note,day\n");
      for (int i = 1; i <= rows[f]; i++) {
        body.append(f)
            .append('-')
            .append(i)
            .append(",01/10/2026 08:00,")
            .append(i)
            .append(",yes,n")
            .append(i)
            .append(",01/10/2026\n");
      }
      Files.writeString(dir.resolve("exports/2026-0" + (7 + f) + ".csv"), body.toString());
    }
    String yaml = "file: exports/2026-*.csv\n" + COLUMNS;
    CsvHalves.minBytes = Long.MAX_VALUE;
    LoadedSource whole = ImportFixtures.load(dir, yaml);
    CsvHalves.minBytes = 2_000; // the 400-row file only
    assertThat(
            readsInHalves(
                dir.resolve("exports/2026-08.csv"), "file: exports/2026-08.csv\n" + COLUMNS))
        .isTrue();
    assertThat(
            readsInHalves(
                dir.resolve("exports/2026-09.csv"), "file: exports/2026-09.csv\n" + COLUMNS))
        .isFalse();
    LoadedSource split = ImportFixtures.load(dir, yaml);
    assertSameTable(split.table(), whole.table(), dir);
    assertSameQuality(split.quality(), whole.quality(), dir);
    assertThat(split.table().stringColumn("id").get(409)).isEqualTo("2-5");
  }

  /**
   * Every CSV source of the bundled definitions (the examples, and the real exports in
   * ../shared/datasets when they are here) reads in halves exactly as in one piece.
   */
  @Test
  void everyBundledCsvSourceReadsAlikeInHalves() throws Exception {
    int compared = 0;
    try (var defs = Files.list(Path.of("kpi-definitions"))) {
      for (Path f : defs.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
        Definition d = dev.journeykpi.types.KpiKinds.load(List.of(f));
        for (var src : d.sources().values()) {
          List<Path> files;
          try {
            files = SourceLoader.resolve(src);
          } catch (DataException e) {
            continue; // a glob over ../shared/datasets, which is not here
          }
          if (files.isEmpty() || !files.stream().allMatch(Files::isRegularFile)) continue;
          if (!files.stream().allMatch(x -> SourceLoader.extension(x).equals("csv"))) continue;
          CsvHalves.minBytes = Long.MAX_VALUE;
          LoadedSource whole = SourceLoader.load(src, null, d.zone());
          CsvHalves.minBytes = 0;
          LoadedSource split = SourceLoader.load(src, null, d.zone());
          assertSameTable(split.table(), whole.table(), f);
          assertSameQuality(split.quality(), whole.quality(), f);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(3);
  }

  /**
   * Issue 14: an unterminated quote (running to the end of the file) anywhere in the file, read in
   * halves, gives what one piece gives: the row cut short and rejected with the quote's line and
   * column, the rows after it read.
   */
  @Test
  void anUnterminatedQuoteReadsAlikeInHalves() throws Exception {
    for (int at : new int[] {3, 200, 390}) {
      StringBuilder s = new StringBuilder("id,when,score,done,note,day\n");
      for (int r = 1; r <= 400; r++) {
        String note = r == at ? "\"open" : "n";
        s.append(r)
            .append(",01/10/2026 08:00,")
            .append(r)
            .append(",yes,")
            .append(note)
            .append(",01/10/2026\n");
      }
      Path f = dir.resolve("u" + at + ".csv");
      Files.writeString(f, s);
      QualityReport q = readAlikeInHalves(f);
      // Row `at` is on line at + 1; its quote follows "at,01/10/2026 08:00,at,yes," (4 commas, 19 +
      // 2 digits).
      int column =
          1 + String.valueOf(at).length() * 2 + ",01/10/2026 08:00,".length() + ",yes,".length();
      assertThat(q.rejected().keySet()).as(f.toString()).hasSize(1);
      String reason = q.rejected().keySet().iterator().next();
      assertThat(reason)
          .as(f.toString())
          .startsWith(
              "unterminated quote opened at line " + (at + 1) + ", column " + column + ": ");
      // Lines at + 1 … 401, each ended by its line break.
      assertThat(reason).as(f.toString()).contains("run " + (401 - at) + " lines to the end");
      assertThat(q.rowsRead()).as(f.toString()).isEqualTo(400);
      assertThat(q.rowsUsed()).as(f.toString()).isEqualTo(399);
    }
  }

  /**
   * Issue 14: a stray quote closed by another 1,100 rows below, in the first half or the second,
   * read in halves gives what one piece gives: one field swallowing the rows between, its row
   * rejected with the quote's line (of the whole file, not of the half) and the lines the field
   * spans.
   */
  @Test
  void aStrayQuoteClosedFarBelowReadsAlikeInHalves() throws Exception {
    // 4,000 rows of about 45 bytes: the middle is near row 2,040, so row 2,100 and 2,800 are in the
    // second half.
    for (int at : new int[] {3, 2_100, 2_800}) {
      StringBuilder s = new StringBuilder("id,when,score,done,note,day\n");
      for (int r = 1; r <= 4_000; r++) {
        s.append(r).append(",01/10/2026 08:00,").append(r).append(",yes,");
        // The stray closing quote ends row at + 1,100 after its fourth field: the quoted note is
        // row at's last field.
        s.append(r == at ? "\"open,01/10/2026\n" : r == at + 1_100 ? "shut\"\n" : "n,01/10/2026\n");
      }
      Path f = dir.resolve("s" + at + ".csv");
      Files.writeString(f, s);
      QualityReport q = readAlikeInHalves(f);
      int column =
          1 + String.valueOf(at).length() * 2 + ",01/10/2026 08:00,".length() + ",yes,".length();
      // Row at is on line at + 1, row at + 1,100 on line at + 1,101: the field spans 1,101 lines.
      // Its row has the 4 fields before the note and the note.
      assertThat(q.rejected().keySet())
          .as(f.toString())
          .containsExactly(
              "row has 5 fields, the header has 6: a quoted"
                  + " field opened at line "
                  + (at + 1)
                  + ", column "
                  + column
                  + " runs 1101 lines (a stray quote?)");
      // Rows at + 1 … at + 1,100 are in the field.
      assertThat(q.rowsRead()).as(f.toString()).isEqualTo(4_000 - 1_100);
      assertThat(q.rowsUsed()).as(f.toString()).isEqualTo(4_000 - 1_100 - 1);
    }
  }

  /**
   * Issue 14: a valid quoted field of 1,001 line breaks, read in halves, is one field, as in one
   * piece.
   */
  @Test
  void aLongQuotedFieldReadsAlikeInHalves() throws Exception {
    String note = "line\n".repeat(1_001) + "end";
    for (int at : new int[] {3, 2_100, 2_800}) {
      StringBuilder s = new StringBuilder("id,when,score,done,note,day\n");
      for (int r = 1; r <= 4_000; r++) {
        s.append(r).append(",01/10/2026 08:00,").append(r).append(",yes,");
        s.append(r == at ? "\"" + note + "\"" : "n").append(",01/10/2026\n");
      }
      Path f = dir.resolve("l" + at + ".csv");
      Files.writeString(f, s);
      QualityReport q = readAlikeInHalves(f);
      assertThat(q.rejected()).as(f.toString()).isEmpty();
      assertThat(q.rowsUsed()).as(f.toString()).isEqualTo(4_000);
      // Such a field (1,001 line breaks: 1,002 lines, opening after the row's fourth comma) is
      // noted on stderr with the line it opens at; the second half counts lines from its cut, so a
      // file with one in its second half (row 2,800 of 4,000) is read again in one piece, whose
      // note names the right line.
      assertThat(readsInHalves(f, "file: " + f.getFileName() + "\n" + COLUMNS))
          .as(f.toString())
          .isEqualTo(at < 2_800);
      assertThat(q.notes())
          .as(f.toString())
          .containsExactly(
              f
                  + ": a quoted field opened at line "
                  + (at + 1)
                  + ", column "
                  + ((at + ",01/10/2026 08:00," + at + ",yes,").length() + 1)
                  + " runs 1002 lines (a stray quote?); read as one field: if that quote is a stray one, the lines inside"
                  + " it are not read as rows");
      CsvHalves.minBytes = 0;
      Table t = ImportFixtures.load(dir, "file: " + f.getFileName() + "\n" + COLUMNS).table();
      assertThat(t.stringColumn("note").get(at - 1)).as(f.toString()).isEqualTo(note);
    }
  }

  /**
   * Reads {@code f} in one piece and in halves, checks both give the same table and report, and
   * returns the report.
   */
  private QualityReport readAlikeInHalves(Path f) throws Exception {
    String yaml = "file: " + f.getFileName() + "\n" + COLUMNS;
    CsvHalves.minBytes = Long.MAX_VALUE;
    LoadedSource whole = ImportFixtures.load(dir, yaml);
    CsvHalves.minBytes = 0;
    LoadedSource split = ImportFixtures.load(dir, yaml);
    assertSameTable(split.table(), whole.table(), f);
    assertSameQuality(split.quality(), whole.quality(), f);
    return whole.quality();
  }

  /**
   * Whether {@link CsvHalves} reads this file in halves (rather than leaving it to the one-piece
   * reader).
   */
  private boolean readsInHalves(Path f, String yaml) throws Exception {
    Definition d = ImportFixtures.definition(dir, yaml);
    var source = d.sources().get("s");
    RowAssembler.Factory factory =
        plan ->
            new RowAssembler.Binding(
                new RowAssembler(
                    source, plan.columns(), d.zone(), new QualityRecorder("s"), plan.utf8Bytes()),
                plan.fieldIndex());
    CsvDialect dialect = CsvDialect.detect(f, source.encoding(), source.delimiter());
    return CsvHalves.read(f, dialect, source, factory, f.getFileName().toString(), true) != null;
  }

  /**
   * Rows of every kind: good, quoted with line breaks and quotes, ragged, empty, blank or bad
   * values, Vietnamese.
   */
  private static String randomFile(Random rnd) {
    StringBuilder s = new StringBuilder();
    if (rnd.nextInt(5) == 0) s.append("\n");
    s.append("id,when,score,done,note,day\n");
    int rows = 1 + rnd.nextInt(30);
    String[] notes = {
      "plain",
      "\"quoted, with comma\"",
      "\"two\nlines\"",
      "\"crlf\r\ninside\"",
      "\"say \"\"hi\"\"\"",
      "Điện thoại",
      "\"Ngày\ntạo\"",
      "",
      "\"x\"tail",
      "\"" + "many\n".repeat(1 + rnd.nextInt(6)) + "\"",
      "5\" screen"
    }; // a stray quote in an unquoted field: text, which misleads the quote count
    for (int r = 0; r < rows; r++) {
      int kind = rnd.nextInt(20);
      String eol = rnd.nextInt(4) == 0 ? "\r\n" : "\n";
      if (kind == 0) {
        s.append(eol); // an empty line
        continue;
      }
      if (kind == 1) {
        s.append("r").append(r).append(",too,few").append(eol);
        continue;
      }
      String when =
          switch (rnd.nextInt(8)) {
            case 0 -> "";
            case 1 -> "31/09/2026 10:00";
            default ->
                String.format(
                    "%02d/%02d/2026 %02d:%02d",
                    1 + rnd.nextInt(28), 1 + rnd.nextInt(12), rnd.nextInt(24), rnd.nextInt(60));
          };
      String score =
          switch (rnd.nextInt(6)) {
            case 0 -> "";
            case 1 -> "n/a";
            default -> Integer.toString(rnd.nextInt(1000));
          };
      String done = new String[] {"yes", "no", "", "maybe"}[rnd.nextInt(4)];
      String day =
          rnd.nextInt(5) == 0 ? "32/01/2026" : String.format("%02d/10/2026", 1 + rnd.nextInt(28));
      s.append("r")
          .append(r)
          .append(',')
          .append(when)
          .append(',')
          .append(score)
          .append(',')
          .append(done)
          .append(',')
          .append(notes[rnd.nextInt(notes.length)])
          .append(',')
          .append(day);
      if (kind == 2) s.append(",extra");
      if (kind == 3) s.append(',');
      s.append(eol);
    }
    if (rnd.nextInt(4) == 0) s.setLength(s.length() - 1); // no final line break (or a lone CR left)
    return s.toString();
  }

  private static void assertSameTable(Table got, Table want, Path f) {
    assertThat(got.columnNames()).as(f.toString()).isEqualTo(want.columnNames());
    assertThat(got.rowCount()).as(f.toString()).isEqualTo(want.rowCount());
    for (String c : want.columnNames()) {
      assertThat(got.column(c).asList()).as(f + " " + c).isEqualTo(want.column(c).asList());
    }
  }

  private static void assertSameQuality(QualityReport got, QualityReport want, Path f) {
    assertThat(got.rowsRead()).as(f.toString()).isEqualTo(want.rowsRead());
    assertThat(got.rowsUsed()).as(f.toString()).isEqualTo(want.rowsUsed());
    assertThat(got.files()).as(f.toString()).isEqualTo(want.files());
    assertThat(tallies(got.rejected())).as(f.toString()).isEqualTo(tallies(want.rejected()));
    assertThat(tallies(got.blanked())).as(f.toString()).isEqualTo(tallies(want.blanked()));
    assertThat(got.details()).as(f.toString()).isEqualTo(want.details());
  }

  private static List<String> tallies(java.util.Map<String, QualityReport.Tally> m) {
    List<String> out = new ArrayList<>();
    m.forEach((reason, t) -> out.add(reason + " " + t.count() + " " + t.examples()));
    return out;
  }
}
