package dev.journeykpi.ingest;

import static dev.journeykpi.ingest.ImportFixtures.load;
import static dev.journeykpi.ingest.ImportFixtures.write;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.model.DataException;
import dev.journeykpi.model.Inspection;
import dev.journeykpi.model.QualityReport;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvImportTest {
  @TempDir Path dir;

  static final String VN_COLUMNS =
      """
      columns:
        id: Mã phiếu
        created: { column: Ngày tạo, type: datetime, format: [dd/MM/yyyy HH:mm, dd/MM/yyyy] }
        channel: Kênh
        amount: { column: Số tiền, type: number, decimal: "," }
        resolved: { column: Đã xử lý, type: boolean }
      """;

  /**
   * An error found while typing (here a mapped column missing from the header) stops the import
   * while the parsing thread still has batches to hand over: that thread ends quietly, with no
   * stack trace on stderr.
   */
  @Test
  void anImportStoppedByAnErrorLeavesNoStackTrace() throws Exception {
    StringBuilder csv = new StringBuilder("Mã,Kênh\n");
    for (int i = 0; i < 50_000; i++) csv.append("P").append(i).append(",Zalo\n");
    java.nio.file.Files.writeString(dir.resolve("big.csv"), csv);
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, UTF_8));
    try {
      assertThatThrownBy(
              () ->
                  load(
                      dir,
                      "file: big.csv\ncolumns: { id: Mã, amount: { column: Số tiền, type: number } }"))
          .isInstanceOf(DataException.class)
          .hasMessageContaining("Số tiền");
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("csv-parser")) t.join(5_000);
      }
    } finally {
      System.setErr(err);
    }
    assertThat(captured.toString(UTF_8)).doesNotContain("Exception");
  }

  @Test
  void vietnameseUtf8WithBomAndCrlf() throws Exception {
    write(
        dir,
        "t.csv",
        "Mã phiếu,Ngày tạo,Kênh,Số tiền,Đã xử lý\r\n"
            + "P1,31/10/2026 14:05,Điện thoại,1.250.000,Có\r\n"
            + "P2,01/11/2026,Email,\"2.500,5\",Không\r\n",
        UTF_8,
        true);
    LoadedSource s = load(dir, "file: t.csv\n" + VN_COLUMNS);
    Table t = s.table();
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.dateTimeColumn("created").get(0)).isEqualTo(LocalDateTime.of(2026, 10, 31, 14, 5));
    assertThat(t.dateTimeColumn("created").get(1)).isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 0));
    assertThat(t.stringColumn("channel").get(0)).isEqualTo("Điện thoại");
    assertThat(t.doubleColumn("amount").get(0)).isEqualTo(1_250_000.0);
    assertThat(t.doubleColumn("amount").get(1)).isEqualTo(2500.5);
    assertThat(t.booleanColumn("resolved").get(0)).isTrue();
    assertThat(t.booleanColumn("resolved").get(1)).isFalse();
    assertThat(s.quality().isClean()).isTrue();
    assertThat(s.quality().rowsRead()).isEqualTo(2);
  }

  @Test
  void utf16WithBomAndTabs() throws Exception {
    write(
        dir,
        "t.tsv",
        "Mã phiếu\tNgày tạo\tKênh\tSố tiền\tĐã xử lý\nP1\t31/10/2026 14:05\tZalo\t10\tx\n",
        UTF_16LE,
        true);
    Table t = load(dir, "file: t.tsv\n" + VN_COLUMNS).table();
    assertThat(t.stringColumn("channel").get(0)).isEqualTo("Zalo");
    assertThat(t.booleanColumn("resolved").get(0)).isTrue();
  }

  @Test
  void declaredSingleByteEncoding() throws Exception {
    Charset cp1258 = Charset.forName("windows-1258");
    // windows-1258 has ê, ơ, đ … but writes tones as combining marks; the text must come back
    // composed (NFC).
    write(
        dir,
        "t.csv",
        cp1258Form(
            "Mã phiếu;Ngày tạo;Kênh;Số tiền;Đã xử lý\nP1;31/10/2026 14:05;Cửa hàng;5;Không\n"),
        cp1258,
        false);
    Table t = load(dir, "file: t.csv\nencoding: windows-1258\n" + VN_COLUMNS).table();
    assertThat(t.stringColumn("channel").get(0)).isEqualTo("Cửa hàng");
  }

  /**
   * ISO-8859-1 is split and typed on its own bytes, one char per byte: text, null tokens and yes/no
   * words alike.
   */
  @Test
  void declaredLatin1IsReadByteForByte() throws Exception {
    write(
        dir,
        "t.csv",
        "id,ville,prix,payé\nA1,Besançon,\"1 250,5\",oui\nA2,néant,3,non\nA3,Zoë,néant,oui\n",
        java.nio.charset.StandardCharsets.ISO_8859_1,
        false);
    LoadedSource s =
        load(
            dir,
            """
        file: t.csv
        encoding: ISO-8859-1
        nulls: [néant]
        true: [oui]
        false: [non]
        columns:
          id: id
          city: ville
          price: { column: prix, type: number, decimal: "," }
          paid: { column: payé, type: boolean }
        """);
    Table t = s.table();
    assertThat(t.stringColumn("city").asList()).containsExactly("Besançon", "", "Zoë");
    assertThat(t.doubleColumn("price").get(0)).isEqualTo(1250.5);
    assertThat(t.doubleColumn("price").isMissing(2)).isTrue();
    assertThat(t.booleanColumn("paid").asList()).containsExactly(true, false, true);
    assertThat(s.quality().isClean()).isTrue();
  }

  /**
   * Vietnamese as windows-1258 spells it: base letters precomposed where the code page has them,
   * tones combining.
   */
  static String cp1258Form(String nfc) {
    var enc = Charset.forName("windows-1258").newEncoder();
    StringBuilder b = new StringBuilder();
    for (char c : nfc.toCharArray()) {
      if (enc.canEncode(c)) {
        b.append(c);
        continue;
      }
      String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
      b.append(
          java.text.Normalizer.normalize(
              d.substring(0, d.length() - 1), java.text.Normalizer.Form.NFC));
      b.append(d.charAt(d.length() - 1));
    }
    return b.toString();
  }

  @Test
  void inspectSnippetDeclaresANonUtf8Encoding() throws Exception {
    Path f =
        write(
            dir,
            "t.csv",
            cp1258Form("Kênh;Số\nCửa hàng;5\n"),
            Charset.forName("windows-1258"),
            false);
    Inspection in = Inspector.inspect(f, null, 0, "windows-1258", (char) 0);
    assertThat(in.encoding()).isEqualTo("windows-1258");
    assertThat(in.columns().get(0).header()).isEqualTo("Kênh");
    assertThat(dev.journeykpi.report.InspectionRenderer.render(in, "t"))
        .contains("\n    encoding: windows-1258\n");
  }

  /**
   * Issue 14: blank tokens are counted as blanks, kept out of the type guess, and proposed as
   * nulls: in the snippet, which then imports the file without a bad cell.
   */
  @Test
  void inspectProposesNullsForBlankTokens() throws Exception {
    Path f =
        write(
            dir,
            "b.csv",
            """
        id,amount,when,note
        1,1500,31/10/2026,ok
        2,?,01/11/2026,n/a
        3,-,(blank),fine
        4,N/A,NULL,?
        5,2500,#N/A,good
        """,
            UTF_8,
            false);
    Inspection in = Inspector.inspect(f, null, 0, null, (char) 0);
    // amount: 1500, 2500 and three tokens; when: two dates and three tokens; note: three words and
    // two tokens.
    assertThat(in.columns())
        .extracting(Inspection.ColumnReport::type)
        .containsExactly("number", "number", "date", "string");
    assertThat(in.columns().get(1).blanks()).isEqualTo(3);
    assertThat(in.columns().get(2).formats()).containsExactly("dd/MM/yyyy");
    assertThat(in.columns().get(2).blanks()).isEqualTo(3);
    assertThat(in.columns().get(1).note())
        .isEqualTo("3 blank tokens ('?', '-', 'N/A'), see nulls:");
    // '?' twice (amount, note), each other token once, in the order first seen among equals.
    assertThat(in.nulls()).containsExactly("", "?", "-", "N/A", "(blank)", "NULL", "#N/A", "n/a");
    String snippet = dev.journeykpi.report.InspectionRenderer.render(in, "s");
    assertThat(snippet)
        .contains(
            "    nulls: [\"\", \"?\", \"-\", \"N/A\", \"(blank)\", \"NULL\", \"#N/A\", \"n/a\"]");
    String source =
        snippet
            .substring(snippet.indexOf("  s:\n") + 5)
            .replaceAll("(?m)^    ", "")
            .replace(f.toString(), "b.csv")
            .replace("    # relative to the YAML file's folder", "");
    LoadedSource s = load(dir, source);
    assertThat(s.quality().isClean()).isTrue();
    assertThat(s.table().doubleColumn("amount").countMissing()).isEqualTo(3);
  }

  @Test
  void undeclaredNonUtf8IsADataErrorNamingTheFix() throws Exception {
    write(
        dir,
        "t.csv",
        cp1258Form(
            "Mã phiếu;Ngày tạo;Kênh;Số tiền;Đã xử lý\nP1;31/10/2026 14:05;Cửa hàng;5;Không\n"),
        Charset.forName("windows-1258"),
        false);
    assertThatThrownBy(() -> load(dir, "file: t.csv\n" + VN_COLUMNS))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("encoding: windows-1258");
  }

  /**
   * Issue 14: a definition may spell dates with quoted Vietnamese words, and times as Windows vi-VN
   * writes them (SA/CH). A format alone with no hour field outside quotes ('tháng' has an h) makes
   * a date column, not date-time.
   */
  @Test
  void vietnameseDateWordsAndSaCh() throws Exception {
    write(
        dir,
        "t.csv",
        """
        id,ngay,gio
        1,ngày 5 tháng 3 năm 2024,05/03/2024 2:30:15 CH
        2,ngày 31 tháng 12 năm 2024,31/12/2024 9:00:00 SA
        """,
        UTF_8,
        false);
    LoadedSource s =
        load(
            dir,
            """
        file: t.csv
        columns:
          id: id
          day: { column: ngay, format: "'ngày' d 'tháng' M 'năm' yyyy" }
          at: { column: gio, type: datetime, format: "dd/MM/yyyy h:mm:ss a" }
        """);
    Table t = s.table();
    assertThat(s.quality().isClean()).isTrue();
    assertThat(t.dateColumn("day").asList())
        .containsExactly(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 12, 31));
    // 2:30:15 CH (chiều, afternoon) is 14:30:15; 9:00:00 SA (sáng, morning) is 09:00.
    assertThat(t.dateTimeColumn("at").asList())
        .containsExactly(
            LocalDateTime.of(2024, 3, 5, 14, 30, 15), LocalDateTime.of(2024, 12, 31, 9, 0));
  }

  /**
   * Issue 14: one character cut short (the first two of the three bytes of 'ị') in a UTF-8 file no
   * longer refuses the file with the windows-1258 hint: that cell is unreadable, reported with its
   * line, and a required column rejects the row.
   */
  @Test
  void aCutCharacterInUtf8IsReportedWithItsLine() throws Exception {
    byte[] cut = {'T', 'h', (byte) 0xE1, (byte) 0xBB}; // "Th" and the start of ị (E1 BB 8B)
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write("id,name,city\n1,Võ Thị,Huế\n2,".getBytes(UTF_8));
    out.write(cut);
    out.write(",Đà Nẵng\n3,Lê,".getBytes(UTF_8));
    out.write(cut);
    out.write("\n4,Trần,Hà Nội\n".getBytes(UTF_8));
    java.nio.file.Files.write(dir.resolve("t.csv"), out.toByteArray());
    LoadedSource s =
        load(
            dir,
            "file: t.csv\ncolumns:\n  id: id\n  name: name\n  city: { column: city, required: true }\n");
    // Row 2 (line 3): name unreadable, blanked; row 3 (line 4): city unreadable and required,
    // rejected.
    assertThat(s.table().stringColumn("id").asList()).containsExactly("1", "2", "4");
    assertThat(s.table().stringColumn("name").asList()).containsExactly("Võ Thị", "", "Trần");
    QualityReport q = s.quality();
    assertThat(
            q.blanked()
                .get("name: not valid UTF-8 (a multi-byte character cut short?)")
                .examples()
                .get(0)
                .row())
        .isEqualTo(3);
    assertThat(
            q.rejected()
                .get("city: not valid UTF-8 (a multi-byte character cut short?)")
                .examples()
                .get(0)
                .row())
        .isEqualTo(4);
  }

  @Test
  void detectsSemicolonAndPipe() throws Exception {
    write(
        dir,
        "a.csv",
        "Mã phiếu;Ngày tạo;Kênh;Số tiền;Đã xử lý\nP1;31/10/2026 14:05;\"Web; app\";1,5;có\n",
        UTF_8,
        false);
    assertThat(load(dir, "file: a.csv\n" + VN_COLUMNS).table().stringColumn("channel").get(0))
        .isEqualTo("Web; app");
    write(
        dir,
        "b.csv",
        "Mã phiếu|Ngày tạo|Kênh|Số tiền|Đã xử lý\nP1|31/10/2026 14:05|Web|1|có\n",
        UTF_8,
        false);
    assertThat(load(dir, "file: b.csv\n" + VN_COLUMNS).table().stringColumn("channel").get(0))
        .isEqualTo("Web");
  }

  @Test
  void quotedNewlinesRaggedAndEmptyRowsAreCountedWithTheirLines() throws Exception {
    write(
        dir,
        "t.csv",
        """
        id,note,score
        1,"line one
        line two",5
        2,short
        ,,
        3,"she said \"\"hi\"\"",4
        4,a,1,extra
        5,b,2,
        """,
        UTF_8,
        false);
    LoadedSource s =
        load(
            dir,
            """
        file: t.csv
        columns:
          id: id
          note: note
          score: { column: score, type: number }
        """);
    Table t = s.table();
    // Used: 1, 3, 5 (a trailing empty field is tolerated). Rejected: line 4 (2 fields), line 5
    // (empty), line 7 (4 fields).
    assertThat(t.stringColumn("id").asList()).containsExactly("1", "3", "5");
    assertThat(t.stringColumn("note").get(0)).isEqualTo("line one\nline two");
    assertThat(t.stringColumn("note").get(1)).isEqualTo("she said \"hi\"");
    QualityReport q = s.quality();
    assertThat(q.rowsRead()).isEqualTo(6);
    assertThat(q.rowsUsed()).isEqualTo(3);
    assertThat(q.rejected().get("row has 2 fields, the header has 3").examples().get(0).row())
        .isEqualTo(4);
    assertThat(q.rejected().get("empty row").count()).isEqualTo(1);
    assertThat(q.rejected().get("row has 4 fields, the header has 3").examples().get(0).value())
        .isEqualTo("4,a,1,extra");
  }

  /**
   * Issue 14: a quote never closed no longer swallows the rest of the file into one "row has 2
   * fields": its row is rejected naming the quote's line and column and how far it would run, and
   * the rows after it are read.
   */
  @Test
  void anUnterminatedQuoteRejectsItsRowOnly() throws Exception {
    write(
        dir,
        "t.csv",
        """
        id,name,score
        1,An,5
        2,"Bình,6
        3,Chi,7
        4,Dung,8
        """,
        UTF_8,
        false);
    LoadedSource s =
        load(
            dir,
            "file: t.csv\ncolumns:\n  id: id\n  name: name\n  score: { column: score, type: number }\n");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("1", "3", "4");
    QualityReport q = s.quality();
    assertThat(q.rowsRead()).isEqualTo(4);
    assertThat(q.rowsUsed()).isEqualTo(3);
    // The quote is the third character of line 3; lines 3, 4 and 5 would have been its field.
    QualityReport.Tally t =
        q.rejected()
            .get(
                "unterminated quote opened at line 3, column 3: its field would run 3 lines"
                    + " to the end of the file; the lines after it are read as rows");
    assertThat(t.count()).isEqualTo(1);
    assertThat(t.examples().get(0).row()).isEqualTo(3);
    assertThat(t.examples().get(0).value()).isEqualTo("2,\"Bình,6");
    // In the header, nothing can be read: a data error.
    write(dir, "h.csv", "id,\"name,score\n1,An,5\n", UTF_8, false);
    assertThatThrownBy(() -> load(dir, "file: h.csv\ncolumns:\n  id: id\n"))
        .isInstanceOf(DataException.class)
        .hasMessageEndingWith(
            "h.csv: header row: unterminated quote opened at line 1, column 4: its field would run 2 lines to the end of the file");
  }

  /**
   * Issue 14: control characters (NUL, DEL, C1) are removed from text values, so "Võ \0Thị" is the
   * group "Võ Thị", and each cleaned cell is counted with its value shown escaped; tab and line
   * feed in a quoted cell are kept. Read in one piece and in halves alike.
   */
  @Test
  void controlCharactersAreStrippedFromTextAndCounted() throws Exception {
    write(
        dir,
        "t.csv",
        "id,name,note\n1,Võ Thị,a\n2,Võ \0Thị,b\u007f\n3,\0Võ Thị\0,\"x\ty\nz\"\n4,Lê\u0085,c\n5,\0,d\n",
        UTF_8,
        false);
    for (long halves : new long[] {Long.MAX_VALUE, 0}) {
      CsvHalves.minBytes = halves;
      try {
        LoadedSource s = load(dir, "file: t.csv\ncolumns:\n  id: id\n  name: name\n  note: note\n");
        Table t = s.table();
        // Rows 2 and 3 are Võ Thị once their NULs go (row 3's leading and trailing ones with the
        // space they hid).
        assertThat(t.stringColumn("name").asList())
            .containsExactly("Võ Thị", "Võ Thị", "Võ Thị", "Lê", "");
        assertThat(t.stringColumn("name").countUnique())
            .isEqualTo(3); // Võ Thị, Lê, and the blank of row 5
        assertThat(t.stringColumn("note").asList()).containsExactly("a", "b", "x\ty\nz", "c", "d");
        QualityReport q = s.quality();
        assertThat(q.rowsUsed()).isEqualTo(5);
        // name: rows 2, 3, 4 and 5 (NUL alone, now blank); note: row 2 (DEL).
        assertThat(q.cellsCleaned()).isEqualTo(5);
        QualityReport.Tally names = q.cleaned().get("name: control characters removed");
        assertThat(names.count()).isEqualTo(4);
        // The first three, by line: ids 2 and 3 on lines 3 and 4; row 3's note holds a line break,
        // so id 4 is on 6.
        assertThat(names.examples())
            .extracting(QualityReport.Problem::row)
            .containsExactly(3L, 4L, 6L);
        assertThat(names.examples())
            .extracting(QualityReport.Problem::value)
            .containsExactly("Võ \\x00Thị", "\\x00Võ Thị\\x00", "Lê\\x85");
        assertThat(q.cleaned().get("note: control characters removed").examples().get(0).value())
            .isEqualTo("b\\x7F");
      } finally {
        CsvHalves.minBytes = 4L << 20;
      }
    }
  }

  /**
   * Issue 14: a quoted field closed properly is one field however many lines it holds (RFC 4180),
   * even when its lines look like rows: nothing in it is re-read as rows, nothing rejected.
   */
  @Test
  void aQuotedFieldOfMoreThanAThousandLinesIsOneRow() throws Exception {
    // Row 1's note: "7,x,7" on 1,002 lines, so 1,001 line breaks inside the quotes; then row 2.
    String note = String.join("\n", java.util.Collections.nCopies(1_002, "7,x,7"));
    write(dir, "t.csv", "id,note,score\n1,\"" + note + "\",5\n2,b,6\n", UTF_8, false);
    LoadedSource s =
        load(
            dir,
            "file: t.csv\ncolumns:\n  id: id\n  note: note\n  score: { column: score, type: number }\n");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("1", "2");
    assertThat(s.table().stringColumn("note").get(0)).isEqualTo(note);
    assertThat(s.table().numberColumn("score").asDoubleArray()).containsExactly(5, 6);
    assertThat(s.quality().rowsRead()).isEqualTo(2);
    assertThat(s.quality().rejected()).isEmpty();
  }

  /**
   * Issue 14: a stray quote closed by another far below is read as RFC 4180 says, one field
   * swallowing the lines between; the row it gives has the wrong number of fields, and its reason
   * says where the quote opened and how far the field runs, so that the user can find it.
   */
  @Test
  void aStrayQuoteClosedFarBelowIsNamedInTheRowsReason() throws Exception {
    // Line 1 header, line 2 row 1, line 3 the stray quote (3rd character), lines 4-1103 the 1,100
    // rows it swallows, line 1104 the stray closing quote, line 1105 row 10. The field spans lines
    // 3-1104: 1,102 lines; its row has the fields 2 and the swallowed text.
    write(
        dir,
        "t.csv",
        "id,name,score,done\n1,An,5,yes\n2,\"Bình,6,yes\n"
            + "8,Hoa,1,no\n".repeat(1_100)
            + "9,shut\"\n10,Eve,8,yes\n",
        UTF_8,
        false);
    LoadedSource s =
        load(
            dir,
            "file: t.csv\ncolumns:\n  id: id\n  name: name\n  score: { column: score, type: number }\n");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("1", "10");
    QualityReport q = s.quality();
    assertThat(q.rowsRead()).isEqualTo(3);
    assertThat(q.rowsUsed()).isEqualTo(2);
    assertThat(q.rejected().keySet())
        .containsExactly(
            "row has 2 fields, the header has 4: a quoted field opened at"
                + " line 3, column 3 runs 1102 lines (a stray quote?)");
    assertThat(q.rejected().values().iterator().next().examples().get(0).row()).isEqualTo(3);
  }

  /**
   * A stray quote whose closing quote happens to leave its row with the header's 4 fields: valid
   * CSV, so the row is read (its name holds the 1,100 swallowed lines), but a note says where the
   * quote opened. Line 3 opens the quote at its 3rd character; lines 4-1103 are swallowed; line
   * 1104 closes it ("9,shut",x,y: the field ends, then 2 more fields, 4 in all); the field spans
   * lines 3-1104, 1,102 lines. Rows read: 1, 2 and 10.
   */
  @Test
  void aStrayQuoteThatLeavesARowOfTheRightWidthIsNoted() throws Exception {
    write(
        dir,
        "t.csv",
        "id,name,score,done\n1,An,5,yes\n2,\"Bình,6,yes\n"
            + "8,Hoa,1,no\n".repeat(1_100)
            + "9,shut\",7,no\n10,Eve,8,yes\n",
        UTF_8,
        false);
    LoadedSource s =
        load(
            dir,
            "file: t.csv\ncolumns:\n  id: id\n  name: name\n  score: { column: score, type: number }\n");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("1", "2", "10");
    assertThat(s.quality().rowsRejected()).isZero();
    assertThat(s.quality().notes())
        .containsExactly(
            dir.resolve("t.csv")
                + ": a quoted field opened at line 3, column 3 runs"
                + " 1102 lines (a stray quote?); read as one field: if that quote is a stray one, the lines inside it are not read as rows");
  }

  /** Issue 14: one field is "1 field". */
  @Test
  void aRowOfOneFieldIsSaidInTheSingular() throws Exception {
    write(dir, "t.csv", "id,name,score\n1,An,5\n2\n", UTF_8, false);
    LoadedSource s = load(dir, "file: t.csv\ncolumns:\n  id: id\n");
    assertThat(s.quality().rejected().keySet())
        .containsExactly("row has 1 field, the header has 3");
  }

  @Test
  void badCellsAreBlankedAndRequiredOnesRejectTheRow() throws Exception {
    write(
        dir,
        "t.csv",
        """
        id,when,score
        1,31/10/2026 10:00,5
        2,31/09/2026 10:00,4
        3,30/10/2026 09:00,five
        4,,3
        """,
        UTF_8,
        false);
    LoadedSource s =
        load(
            dir,
            """
        file: t.csv
        columns:
          id: id
          when: { column: when, type: datetime, format: dd/MM/yyyy HH:mm, required: true }
          score: { column: score, type: number }
        """);
    assertThat(s.table().stringColumn("id").asList()).containsExactly("1", "3");
    assertThat(s.table().doubleColumn("score").isMissing(1)).isTrue();
    QualityReport q = s.quality();
    QualityReport.Problem bad =
        q.rejected().get("when: not a date-time in format dd/MM/yyyy HH:mm").examples().get(0);
    assertThat(bad.where()).isEqualTo("t.csv:3:when".replace("t.csv", bad.file()));
    assertThat(bad.row()).isEqualTo(3);
    assertThat(bad.value()).isEqualTo("31/09/2026 10:00");
    assertThat(q.rejected().get("when: required, but blank").count()).isEqualTo(1);
    assertThat(
            q.blanked().get("score: not a number with decimal mark '.'").examples().get(0).value())
        .isEqualTo("five");
  }

  @Test
  void headerBelowTheFirstRow() throws Exception {
    write(dir, "t.csv", "Report of October\nexported 2026-11-01\nid,score\n1,5\n", UTF_8, false);
    Table t =
        load(
                dir,
                "file: t.csv\nheader_row: 3\ncolumns:\n  id: id\n  score: { column: score, type: number }\n")
            .table();
    assertThat(t.doubleColumn("score").get(0)).isEqualTo(5.0);
  }

  @Test
  void missingColumnSuggestsTheNearestHeader() throws Exception {
    write(dir, "t.csv", "id,chanel\n1,web\n", UTF_8, false);
    assertThatThrownBy(() -> load(dir, "file: t.csv\ncolumns:\n  channel: channel\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(
            "column 'channel' (mapped to 'channel') is not in the header row (did you mean 'chanel'?)");
  }

  @Test
  void missingFileNamesThePath() throws Exception {
    assertThatThrownBy(() -> load(dir, "file: nowhere.csv\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("nowhere.csv does not exist");
  }

  @Test
  void decomposedVietnameseIsComposed() throws Exception {
    String nfd = java.text.Normalizer.normalize("Ngày tạo", java.text.Normalizer.Form.NFD);
    String value = java.text.Normalizer.normalize("Điện thoại", java.text.Normalizer.Form.NFD);
    write(dir, "t.csv", "id," + nfd + "\n1," + value + "\n2,Điện thoại\n", UTF_8, false);
    Table t = load(dir, "file: t.csv\ncolumns:\n  id: id\n  created: Ngày tạo\n").table();
    // The header matched in NFC, and both spellings of the value are one value.
    assertThat(t.stringColumn("created").unique().asList()).containsExactly("Điện thoại");
  }

  @Test
  void sourceTimeZoneIsConvertedToTheDefinitions() throws Exception {
    write(dir, "t.csv", "id,at\n1,2026-10-31 17:30\n2,2026-10-31T10:00:00Z\n", UTF_8, false);
    var d =
        ImportFixtures.definition(
            dir,
            "file: t.csv\ntimezone: UTC\ncolumns:\n  id: id\n  at: { column: at, type: datetime, format: iso }\n",
            "Asia/Ho_Chi_Minh");
    Table t = SourceLoader.load(d.sources().get("s"), null, d.zone()).table();
    // 17:30 UTC is 00:30 the next day in Hà Nội (UTC+7); an explicit Z is honoured the same way.
    assertThat(t.dateTimeColumn("at").get(0)).isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 30));
    assertThat(t.dateTimeColumn("at").get(1)).isEqualTo(LocalDateTime.of(2026, 10, 31, 17, 0));
  }

  @Test
  void durationsAndDates() throws Exception {
    write(dir, "t.csv", "talk,hold,day\n4:35,90,2026-10-31\n01:00:05,,2026-11-01\n", UTF_8, false);
    Table t =
        load(
                dir,
                """
        file: t.csv
        columns:
          talk: { column: talk, type: duration }
          hold: { column: hold, type: duration, unit: seconds }
          day: { column: day, type: date }
        """)
            .table();
    assertThat(t.doubleColumn("talk").asDoubleArray()).containsExactly(275.0, 3605.0);
    assertThat(t.doubleColumn("hold").get(0)).isEqualTo(90.0);
    assertThat(t.doubleColumn("hold").isMissing(1)).isTrue();
    assertThat(t.dateColumn("day").get(1)).isEqualTo(LocalDate.of(2026, 11, 1));
  }

  @Test
  void globReadsEveryMatchingFileInNameOrder() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("exports"));
    write(dir, "exports/2026-09.csv", "id\na\n", UTF_8, false);
    write(dir, "exports/2026-10.csv", "id\nb\nc\n", UTF_8, false);
    LoadedSource s = load(dir, "file: exports/2026-*.csv\ncolumns:\n  id: id\n");
    assertThat(s.table().stringColumn("id").asList()).containsExactly("a", "b", "c");
    assertThat(s.quality().files()).hasSize(2);
  }

  @Test
  void unmappedSourceReadsEveryHeaderAsText() throws Exception {
    write(dir, "t.csv", "Kênh,Số\nWeb,1\n", UTF_8, false);
    Table t = load(dir, "file: t.csv\n").table();
    assertThat(t.columnNames()).containsExactly("Kênh", "Số");
  }

  @Test
  void nullTokensAndCustomBooleans() throws Exception {
    write(dir, "t.csv", "flag,n\nx,N/A\n,-\nKhông,3\n", UTF_8, false);
    Table t =
        load(
                dir,
                """
        file: t.csv
        true: [x]
        false: ["", không]
        columns:
          flag: { column: flag, type: boolean }
          n: { column: n, type: number }
        """)
            .table();
    // "" is declared false here, so the tick box reads true, false, false; N/A and - are blanks.
    assertThat(t.booleanColumn("flag").asList()).containsExactly(true, false, false);
    assertThat(t.doubleColumn("n").countMissing()).isEqualTo(2);
  }
}
