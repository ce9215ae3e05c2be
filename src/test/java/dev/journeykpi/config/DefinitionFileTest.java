package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file itself: encodings, empty files, YAML features a definition refuses or resolves, sizes.
 */
class DefinitionFileTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }

  private static List<String> problems(Path f) {
    return ValidationTest.problems(f);
  }

  @Test
  void anEmptyOrCommentsOnlyDefinitionIsAnError() throws IOException {
    Path comments = write("c.yaml", "# kpis will come later\n\n   # indented comment\n");
    Path empty = write("e.yaml", "");
    assertThat(problems(comments))
        .containsExactly(
            comments
                + ":1:1: error: the definition is empty (nothing but blank lines and comments)");
    assertThat(problems(empty))
        .containsExactly(
            empty + ":1:1: error: the definition is empty (nothing but blank lines and comments)");
    // An included empty file is the same mistake, named by its own path.
    Files.writeString(dir.resolve("calendar.yaml"), "# TODO\n");
    Path main =
        write(
            "m.yaml",
            "include: [calendar.yaml]\nsources: { s: { file: x.csv } }\nkpis: [ { id: n, type: count, source: s, time: none } ]\n");
    assertThat(problems(main))
        .containsExactly(
            dir.resolve("calendar.yaml")
                + ":1:1: error: the definition is empty (nothing but blank lines and comments)");
  }

  @Test
  void aSecondDocumentIsRefusedAtItsDashes() throws IOException {
    Path f =
        write(
            "two.yaml",
            """
        sources: { s: { file: x.csv } }
        kpis: [ { id: a, type: count, source: s, time: none } ]
        ---
        kpis: [ { id: b, type: count, source: s, time: none } ]
        ---
        name: third
        """);
    String msg =
        ": error: a second YAML document starts here; a definition file holds one document (remove the '---' and what"
            + " follows, or move it to a file of its own and add it with include: or another -c)";
    // The '---' lines are 3 and 5.
    assertThat(problems(f)).containsExactly(f + ":3:1" + msg, f + ":5:1" + msg);
    // An explicit start of the only document, and a trailing '---' with nothing after it, are fine.
    Path one =
        write(
            "one.yaml",
            "---\nsources: { s: { file: x.csv } }\nkpis: [ { id: a, type: count, source: s, time: none } ]\n---\n");
    assertThat(problems(one)).isEmpty();
  }

  @Test
  void aliasesGiveTheAnchoredValueAtTheAliasPosition() throws IOException {
    Path f =
        write(
            "a.yaml",
            """
        sources:
          s: { file: x.csv, columns: { at: { column: A, type: datetime }, channel: B, st: C } }
        kpis:
          - { id: a, type: count, source: s, time: &when at, by: &by chanel }
          - { id: b, type: count, source: s, time: *when, by: *by, where: &open { st: Open } }
          - { id: c, type: count, source: s, time: *when, where: *open }
          - { id: d, type: count, source: s, time: *later }
        """);
    // 'chanel' is written once (line 4, its node starting at the anchor '&by' in column 58) and
    // used again through *by (line 5, column 55): each use is reported where it is written. *later
    // names no anchor (line 7, column 44).
    assertThat(problems(f))
        .containsExactly(
            f
                + ":4:58: error: kpi 'a'.by refers to unknown column 'chanel' (did you mean 'channel'?); columns: at, channel, st",
            f
                + ":5:55: error: kpi 'b'.by refers to unknown column 'chanel' (did you mean 'channel'?); columns: at, channel, st",
            f + ":7:44: error: alias '*later' has no anchor '&later' before it");
    Path ok =
        write(
            "ok.yaml",
            """
        sources:
          s: { file: x.csv, columns: { at: { column: A, type: datetime }, st: C } }
        kpis:
          - &base { id: a, type: count, source: s, time: at }
          - { <<: *base, id: b, where: { st: Open } }
        """);
    Definition d = KpiKinds.load(List.of(ok));
    // b takes a's type, source and time through the merge key and keeps its own id.
    assertThat(d.kpis()).extracting(KpiDef::id).containsExactly("a", "b");
    assertThat(d.kpis().get(1).time()).isEqualTo("at");
    assertThat(d.kpis().get(1).where()).isInstanceOf(Filter.Condition.class);
  }

  @Test
  void anAliasBombIsStopped() throws IOException {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      y.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(("*" + p + ", ").repeat(9))
          .append("*")
          .append(p)
          .append("]\n");
    }
    Path f = write("bomb.yaml", y.toString());
    // Ten values at 'a', 10^9 at 'i': the expansion stops after 100,000 copied values, with one
    // message.
    assertThat(problems(f))
        .filteredOn(p -> p.contains("aliases copy"))
        .singleElement()
        .asString()
        .endsWith("error: aliases copy more than 100,000 values in total; write the values out");
  }

  @Test
  void customTagsAreRefusedStandardTagsAccepted() throws IOException {
    Path f =
        write(
            "t.yaml",
            """
        name: !!str 2026
        sources: { s: { file: !env KPI_FILE } }
        kpis: !include kpis.yaml
        """);
    String tail =
        " is not supported: a definition is plain YAML (write the value itself; combine files with include: or several -c)";
    assertThat(problems(f))
        .contains(f + ":2:23: error: tag '!env'" + tail, f + ":3:7: error: tag '!include'" + tail)
        .noneMatch(p -> p.contains("!!str"));
  }

  @Test
  void utf16AndWindowsCodePagesAreNamed() throws IOException {
    Path u16 = dir.resolve("u16.yaml");
    Files.write(
        u16, "name: Chăm sóc\n".getBytes(StandardCharsets.UTF_16)); // Java writes a byte-order mark
    assertThat(problems(u16))
        .containsExactly(
            u16
                + ":1:1: error: file is UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)");
    Path u16le = dir.resolve("u16le.yaml");
    Files.write(
        u16le, "name: x\n".getBytes(StandardCharsets.UTF_16LE)); // no mark: every other byte is NUL
    assertThat(problems(u16le)).singleElement().asString().contains("file is UTF-16");

    Path cp = dir.resolve("w.yaml");
    // Line 3 is the first non-ASCII one: "name: Khách" in windows-1258, where 'á' is the single
    // byte 0xE1, at column 9.
    Files.write(
        cp, "version: 1\n# ok\nname: Kh\u00e1ch\n".getBytes(Charset.forName("windows-1258")));
    assertThat(problems(cp))
        .containsExactly(
            cp
                + ":3:9: error: file is not UTF-8 (byte 0xE1 here; windows-1258 or another"
                + " Windows code page?); save it as UTF-8");
  }

  @Test
  void unclosedQuotesAndBracketsPointWhereTheyOpen() throws IOException {
    Path q = write("q.yaml", "version: 1\nname: \"Chăm sóc\nkpis: []\n");
    // The quote opens at line 2, column 7; the parser only notices at the end of the file.
    assertThat(problems(q))
        .containsExactly(
            q
                + ":2:7: error: not valid YAML: while scanning a quoted scalar that starts here:"
                + " it is not closed before the end of the file (found unexpected end of stream)");
    assertThat(String.join("\n", problems(q)))
        .doesNotContain("reader")
        .doesNotContain("snakeyaml")
        .doesNotContain("Exception");
  }

  @Test
  void deepNestingIsReportedWhereItGoesTooDeep() throws IOException {
    // 2,000 nested lists: the 65th '[' (column 6 + 64 = 70) is the first one beyond the limit of 64
    // levels.
    Path f = write("deep.yaml", "name: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
    List<String> p = problems(f);
    assertThat(p)
        .contains(
            f
                + ":1:71: error: nested more than 64 levels deep, from here (a definition needs about six)");
    assertThat(String.join("\n", p))
        .doesNotContain("StreamReadConstraints")
        .doesNotContain("Exception");
  }

  @Test
  void aFlowListItemIsReportedAtItsOwnColumnWithASuggestion() throws IOException {
    Path f =
        write(
            "c.yaml",
            """
        calendar:
          workdays: [MON, TUE, FRY]
        sources: { s: { file: x.csv, columns: { ch: A, team: B } } }
        kpis:
          - { id: n, type: count, source: s, time: none, by: [ch, taem] }
        journey:
          stages: [service]
          touchpoints: [ { id: desk, stage: service, kpis: [n, calls] } ]
        """);
    // FRY starts at column 24 of line 2; taem at column 59 of line 5; the touchpoint's 'calls' at
    // column 56 of line 8.
    assertThat(problems(f))
        .containsExactly(
            f
                + ":2:24: error: 'FRY' is not a day of the week (did you mean 'FRI'?); use MON, TUE, WED, THU, FRI, SAT, SUN or ranges like MON-FRI",
            f
                + ":5:59: error: kpi 'n'.by refers to unknown column 'taem' (did you mean 'team'?); columns: ch, team",
            f + ":8:56: error: touchpoint 'desk' lists unknown KPI 'calls'");
  }

  @Test
  void aHugeValueLoadsInLinearTime() throws IOException {
    // SnakeYAML's reader re-copies its look-ahead for every 1,024 characters of one value: 5
    // million characters cost n²/1024 ≈ 2.4·10¹⁰ copied code points (and its 3 MB limit then
    // refused the file, after about 8 s). Reading from the whole text takes a fraction of a second.
    Path f =
        write(
            "big.yaml",
            "name: \""
                + "x".repeat(5_000_000)
                + "\"\nsources: { s: { file: x.csv } }\n"
                + "kpis: [ { id: n, type: count, source: s, time: none } ]\n");
    Definition d =
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> KpiKinds.load(List.of(f)));
    assertThat(d.name()).hasSize(5_000_000);
    // More than 10,000,000 characters is no definition: refused at once, saying so.
    Path big = write("huge.yaml", "name: " + "x".repeat(10_000_001) + "\n");
    assertThat(problems(big))
        .containsExactly(
            big
                + ":1:1: error: file has 10,000,008 characters; a definition is at most"
                + " 10,000,000 (is this a data file?)");
    // A file of over 40 MB (4 bytes for each of 10,000,000 characters) is refused by its size,
    // before it is read.
    Path data = dir.resolve("export.csv");
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(data.toFile(), "rw")) {
      raf.setLength(41_000_000);
    }
    assertThat(problems(data))
        .containsExactly(
            data
                + ":1:1: error: file has 41,000,000 bytes; a definition is at most"
                + " 10,000,000 characters (is this a data file?)");
  }
}
