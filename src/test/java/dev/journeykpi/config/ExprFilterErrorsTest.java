package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in a filter's {@code expr:} (issue 16) are definition errors at their line:column inside
 * the expression, with did-you-mean, every one at once, wherever a filter is written.
 */
class ExprFilterErrorsTest {
  @TempDir Path dir;

  @Test
  void everyMistakeIsNamedWhereItIsWritten() throws IOException {
    Path f = dir.resolve("a.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              code: Code
              wait: { column: Wait, type: number }
              done: { column: Done, type: boolean }
          raw: { file: r.csv }
        kpis:
          - id: k
            type: count
            source: t
            time: none
            where:
              expr: "wiat > 3"
              any_of: [ { expr: "wait * 2" }, { expr: "" } ]
              not: { expr: "starts_wth(code, 'C')" }
          - id: r
            type: ratio
            source: t
            time: none
            numerator: { expr: "done AND wait > 'x'" }
          - id: raw
            type: count
            source: raw
            time: none
            where: { expr: "a > 1" }
        """);
    // Line 16 is '      expr: "wiat > 3"': the quote at column 13, wiat at 14.
    // Line 17 ('      any_of: [ { expr: "wait * 2" }, { expr: "" } ]'): the quote of "wait * 2"
    // after 24 characters, at 25; the empty "" at 47.
    // Line 18: the quote at 20, starts_wth at 21.
    // Line 23 ('    numerator: { expr: "done AND wait > ...'): the quote at 24; '>' at offset 14 of
    // the
    // expression, column 24 + 1 + 14 = 39.
    assertThat(ValidationTest.problems(f))
        .containsExactly(
            f
                + ":16:14: error: kpi 'k'.where.expr: unknown column 'wiat' (did you mean 'wait'?);"
                + " columns: code, wait, done",
            f
                + ":17:25: error: kpi 'k'.where.any_of.expr must be true or false for each row (a"
                + " condition, such as amount > 100), but it gives number",
            f
                + ":17:47: error: kpi 'k'.where.any_of.expr needs an expression that is true or"
                + " false for each row, e.g. expr: \"quantity * unit_price > 1000000\"",
            f
                + ":18:21: error: kpi 'k'.where.not.expr: unknown function 'starts_wth' (did you"
                + " mean 'starts_with'?); functions: abs, coalesce, contains, day, days_between,"
                + " hours_between, lower, month, round, starts_with, trim, upper, year",
            f
                + ":23:39: error: kpi 'r'.numerator.expr: '>' compares number (column 'wait') with"
                + " string; both sides must be of one type",
            f
                + ":28:14: error: kpi 'raw'.where.expr types the columns it reads, so the source"
                + " needs a 'columns:' mapping of them");
  }
}
