package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.DefinitionLoader;
import dev.journeykpi.config.Diagnostic;
import dev.journeykpi.config.Filter;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * {@code between} with two other columns of the row (issue 16), as SQL's {@code x BETWEEN a AND b}
 * ({@code x >= a AND x <= b}): both ends included, a blank end judged as AND judges it. Every mask
 * is worked out by hand from the six rows below.
 */
class BetweenColumnsTest {
  @TempDir Path dir;

  /*
   * row |  x | low | high | day        | from             | to
   *   0 |  5 |   1 |   10 | 2026-01-05 | 2026-01-05 00:00 | 2026-01-06 00:00
   *   1 | 12 |   1 |   10 | 2026-01-07 | 2026-01-05 09:00 | 2026-01-06 00:00
   *   2 |  1 |   1 |    1 | 2026-01-05 | 2026-01-05 09:00 | 2026-01-06 00:00
   *   3 |    |   0 |    5 | 2026-01-05 | 2026-01-01 00:00 | (blank)
   *   4 |  3 |     |   10 | (blank)    | 2026-01-01 00:00 | 2026-01-06 00:00
   *   5 |  0 |     |   -1 | 2026-01-01 | 2026-01-02 00:00 | 2026-01-03 00:00
   */
  private static Table table() {
    return Table.create(
        "t",
        DoubleColumn.create("x", 5, 12, 1, Double.NaN, 3, 0),
        DoubleColumn.create("low", 1, 1, 1, 0, Double.NaN, Double.NaN),
        DoubleColumn.create("high", 10, 10, 1, 5, 10, -1),
        DateColumn.create(
            "day",
            LocalDate.of(2026, 1, 5),
            LocalDate.of(2026, 1, 7),
            LocalDate.of(2026, 1, 5),
            LocalDate.of(2026, 1, 5),
            null,
            LocalDate.of(2026, 1, 1)),
        DateTimeColumn.create(
            "from",
            LocalDateTime.of(2026, 1, 5, 0, 0),
            LocalDateTime.of(2026, 1, 5, 9, 0),
            LocalDateTime.of(2026, 1, 5, 9, 0),
            LocalDateTime.of(2026, 1, 1, 0, 0),
            LocalDateTime.of(2026, 1, 1, 0, 0),
            LocalDateTime.of(2026, 1, 2, 0, 0)),
        DateTimeColumn.create(
            "to",
            LocalDateTime.of(2026, 1, 6, 0, 0),
            LocalDateTime.of(2026, 1, 6, 0, 0),
            LocalDateTime.of(2026, 1, 6, 0, 0),
            null,
            LocalDateTime.of(2026, 1, 6, 0, 0),
            LocalDateTime.of(2026, 1, 3, 0, 0)));
  }

  private Path definition(String where) throws IOException {
    Path f = dir.resolve("f.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              x: { column: X, type: number }
              low: { column: Low, type: number }
              high: { column: High, type: number }
              day: { column: Day, type: date }
              from: { column: From, type: datetime }
              to: { column: To, type: datetime }
              name: Name
        kpis:
          - id: k
            type: count
            source: t
            time: none
            where: %s
        """
            .formatted(where));
    return f;
  }

  private boolean[] mask(String where) throws IOException {
    Filter f = KpiKinds.load(List.of(definition(where))).kpis().get(0).where();
    return FilterCompiler.mask(table(), f);
  }

  private static boolean[] rows(int... kept) {
    boolean[] m = new boolean[6];
    for (int r : kept) m[r] = true;
    return m;
  }

  @Test
  void bothEndsIncludedAndABlankEndJudgedAsSqlDoes() throws IOException {
    // x ≥ low and x ≤ high: 0: 5 in 1..10 T; 1: 12 > 10 F; 2: 1 in 1..1 T; 3: x blank ?;
    //   4: low blank ? and 3 ≤ 10 T = ?; 5: low blank ? and 0 ≤ −1 F = F.
    String between = "{ x: { between: [ { column: low }, { column: high } ] } }";
    assertThat(mask(between)).isEqualTo(rows(0, 2));
    // not keeps the false rows: 1 and 5 (3 and 4 cannot be judged).
    assertThat(mask("{ not: " + between + " }")).isEqualTo(rows(1, 5));
  }

  @Test
  void aDateBetweenDateTimesAtItsMidnight() throws IOException {
    // day at 00:00 between from and to: 0: 01-05 00:00 in [01-05 00:00, 01-06] T; 1: 01-07 after
    //   01-06 F; 2: 01-05 00:00 before 01-05 09:00 F; 3: to blank, from ≤ day T: ?; 4: day blank ?;
    //   5: 01-01 before 01-02 F.
    String between = "{ day: { between: [ { column: from }, { column: to } ] } }";
    assertThat(mask(between)).isEqualTo(rows(0));
    assertThat(mask("{ not: " + between + " }")).isEqualTo(rows(1, 2, 5));
  }

  @Test
  void mistakesAreNamedWhereTheyAreWritten() throws IOException {
    Path f =
        definition(
            "{ name: { between: [ { column: low }, { column: high } ] },"
                + " x: { between: [ { column: lwo }, 10 ] }, day: { between: [ { column: lwo },"
                + " { column: high } ] } }");
    DefinitionLoader loader = KpiKinds.loader();
    loader.read(List.of(f));
    // Line 18 is "    where: { name: …": the where starts at column 12, so 'between' of name (its
    // 11th
    // character) is at 22, x's list at 86, the first lwo at 141, the last high at 158.
    assertThat(loader.diagnostics().sorted().stream().map(Diagnostic::toString))
        .containsExactly(
            f
                + ":18:22: error: operator 'between' does not apply to string column 'name'"
                + " (declare its type: number, date, datetime or duration)",
            f
                + ":18:86: error: between on 'x' takes two values or two other columns, as in"
                + " {between: [1, 5]} or {between: [{column: opened_at}, {column: closed_at}]}",
            f
                + ":18:141: error: condition on 'day' compares with unknown column 'lwo' (did you"
                + " mean 'low'?); columns: x, low, high, day, from, to, name",
            f
                + ":18:158: error: 'day' (date) cannot be compared with 'high' (number): compare"
                + " numbers with numbers, durations with durations, dates and date-times with each"
                + " other, texts with texts");
  }
}
