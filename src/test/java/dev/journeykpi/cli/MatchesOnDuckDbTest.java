package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matches} on {@code --engine duckdb}: a Java pattern rewritten for RE2 finds the same cells
 * as Java does, or is refused. Cells chosen where the two languages differ: Vietnamese letters
 * beside {@code \b}, case (Đ and đ), a carriage return inside a quoted cell against {@code .} and
 * {@code $}, a vertical tab against {@code \s}.
 */
class MatchesOnDuckDbTest {
  @TempDir Path dir;

  @Test
  void generatedCellsGiveTheSameCountsOnBothEngines() throws Exception {
    String[] cells = {
      "KM tháng 10",
      "ĐKM",
      "khuyến mãi",
      "KHUYẾN MÃI lớn",
      "Giảm KM",
      "km_1",
      "kM",
      "\"a\rb\"",
      "\"ab\r\"",
      "x\u000by",
      "a-b",
      "x y",
      "\"x\ty\"",
      "đơn 12",
      "ĐƠN 7",
      "",
      "1.5",
      "AKM9"
    };
    Random rnd = new Random(17);
    StringBuilder csv = new StringBuilder("id,note\n");
    for (int i = 0; i < 150; i++)
      csv.append(i).append(',').append(cells[rnd.nextInt(cells.length)]).append('\n');
    Files.writeString(dir.resolve("m.csv"), csv.toString(), StandardCharsets.UTF_8);
    Path yaml = dir.resolve("m.yaml");
    Files.writeString(
        yaml,
        """
        sources:
          s: { file: m.csv, columns: { id: id, note: note } }
        kpis:
          - { id: promo, type: count, source: s, time: none, where: { note: { matches: 'khuyến mãi|\\bKM\\b' } } }
          - { id: not_promo, type: count, source: s, time: none,
              where: { not: { note: { matches: 'khuyến mãi|\\bKM\\b' } } } }
          - { id: dot, type: count, source: s, time: none, where: { note: { matches: '^a.b$' } } }
          - { id: end, type: count, source: s, time: none, where: { note: { matches: 'b$' } } }
          - { id: space, type: count, source: s, time: none, where: { note: { matches: 'x\\sy' } } }
          - { id: classes, type: count, source: s, time: none,
              where: { note: { matches: ['^đơn [0-9]{1,2}$', '\\d\\.\\d', '(?:giảm|tăng) km'] } } }
          - { id: word, type: count, source: s, time: none, where: { note: { matches: '^\\w+$' } } }
          - { id: lazy, type: count, source: s, time: none, where: { note: { matches: 'k.*?m[^a-z]' } } }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(yaml));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request = new RunRequest(List.of(Period.ALL), Map.of(), List.of());
    Scorecard tablesaw = KpiEngine.run(def, request);
    SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
    // Not vacuous: every pattern finds some cells (a pattern that finds none gets a note of the
    // default engine's only, docs/engines.md), and not every cell.
    assertThat(tablesaw.rows()).extracting(ResultRow::value).allMatch(v -> v > 0 && v < 150);
  }

  /** Three cells worked by hand: only "KM 10" has KM between two non-letters. */
  @Test
  void aBoundaryBesideVietnameseLettersWorkedByHand() throws Exception {
    Files.writeString(
        dir.resolve("k.csv"), "id,note\n1,KM 10\n2,ĐKM\n3,KMĐ\n", StandardCharsets.UTF_8);
    Path yaml = dir.resolve("k.yaml");
    Files.writeString(
        yaml,
        """
        sources:
          s: { file: k.csv, columns: { id: id, note: note } }
        kpis:
          - { id: km, type: count, source: s, time: none, where: { note: { matches: '\\bKM\\b' } } }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(yaml));
    RunRequest request = new RunRequest(List.of(Period.ALL), Map.of(), List.of());
    assertThat(SqlKpiEngine.run(def, request).rows().get(0).value()).isEqualTo(1.0);
    assertThat(KpiEngine.run(def, request).rows().get(0).value()).isEqualTo(1.0);
  }

  @Test
  void patternsRe2ReadsOtherwiseAreRefusedNamingThePattern() throws Exception {
    Files.writeString(dir.resolve("r.csv"), "id,note\n1,a\n", StandardCharsets.UTF_8);
    Path yaml = dir.resolve("r.yaml");
    Files.writeString(
        yaml,
        """
        sources:
          s: { file: r.csv, columns: { id: id, note: note } }
        kpis:
          - { id: back, type: count, source: s, time: none, where: { note: { matches: '(a)\\1' } } }
          - { id: possessive, type: count, source: s, time: none, where: { note: { matches: 'a*+' } } }
          - { id: prop, type: count, source: s, time: none, where: { note: { matches: '\\p{Lu}' } } }
          - { id: mid, type: count, source: s, time: none, where: { note: { matches: 'a\\b.' } } }
        """,
        StandardCharsets.UTF_8);
    Definition def = KpiEngine.load(List.of(yaml));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb"))
        .containsEntry(
            "back",
            "(type count): matches '(a)\\1': the escape \\1 (Java's regular expressions and DuckDB's"
                + " RE2 differ there)")
        .containsEntry(
            "possessive",
            "(type count): matches 'a*+': a possessive quantifier (Java's regular expressions and"
                + " DuckDB's RE2 differ there)")
        .containsKey("prop")
        .containsKey("mid");
  }
}
