package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in the richer filters (issue 16) are definition errors at their line:column, every one
 * at once: a regex that does not compile, columns of types that cannot be compared, an operator
 * that does not apply.
 */
class RicherFilterErrorsTest {
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
              name: Name
              opened: { column: Opened, type: date }
              closed: { column: Closed, type: datetime }
              wait: { column: Wait, type: number }
              talk: { column: Talk, type: duration }
              vip: { column: VIP, type: boolean }
        kpis:
          - id: k
            type: count
            source: t
            time: none
            where:
              code: { matches: '(ab' }
              name: { matches: [ok, 'a{2'] }
              wait: { starts_with: '1', lt: { column: talk } }
              opened: { lt: { column: code } }
              closed: { gte: { column: opend } }
              talk: { between: { column: wait } }
              vip: { gt: { column: vip } }
              any_of: [ { not: [] }, { code: { not: {} } } ]
              not: { name: { lt: { column: code } }, code: { column: name } }
        """);
    // Columns count from 1 at the line's first character: line 19 is "      code: { matches: '(ab'
    // }",
    // whose pattern starts (its quote) at column 24; "(ab" breaks at its end, character 4.
    assertThat(ValidationTest.problems(f))
        .containsExactly(
            f
                + ":19:24: error: matches on 'code': '(ab' is not a regular expression: Unclosed group at character 4 of the pattern",
            f
                + ":20:29: error: matches on 'name': 'a{2' is not a regular expression: Unclosed counted closure at character 4 of the pattern",
            f
                + ":21:15: error: operator 'starts_with' does not apply to number column 'wait' (starts_with is for text)",
            f
                + ":21:47: error: 'wait' (number) cannot be compared with 'talk' (duration): compare numbers with numbers, durations with durations, dates and date-times with each other, texts with texts",
            f
                + ":22:31: error: 'opened' (date) cannot be compared with 'code' (string): compare numbers with numbers, durations with durations, dates and date-times with each other, texts with texts",
            f
                + ":23:32: error: condition on 'closed' compares with unknown column 'opend' (did you mean 'opened'?); columns: code, name, opened, closed, wait, talk, vip",
            f
                + ":24:15: error: 'between' cannot compare 'talk' with another column; eq, not, gt, gte, lt and lte can",
            f
                + ":25:14: error: operator 'gt' does not apply to boolean columns 'vip' and 'vip' (texts and yes/no compare with eq and not only)",
            f
                + ":26:24: error: kpi 'k'.where.any_of.not must be a filter with at least one condition, as in not: { channel: phone } or not: { any_of: [...] }",
            f + ":26:45: error: not on 'code' needs a condition, as in {not: {starts_with: C}}",
            f
                + ":27:22: error: operator 'lt' does not apply to string columns 'name' and 'code' (texts and yes/no compare with eq and not only)",
            f
                + ":27:54: error: unknown filter operator 'column' on 'code' (to compare with another column write {eq: {column: name}}); allowed: eq, not, in, not_in, gt, gte, lt, lte, between, is_null, not_null, contains, starts_with, ends_with, matches");
  }
}
