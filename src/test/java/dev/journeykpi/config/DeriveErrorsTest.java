package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in {@code derive:} expressions are definition errors at their place inside the
 * expression (file:line:col), one per expression and every expression at once, with did-you-mean
 * for columns and functions.
 */
class DeriveErrorsTest {
  @TempDir Path dir;

  @Test
  void everyMistakeIsNamedWhereItIsWritten() throws IOException {
    Path f = dir.resolve("a.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          accounts:
            file: a.csv
            columns: { account: Account, region: Region }
          t:
            file: t.csv
            columns:
              account: Account
              quantity: { column: Qty, type: number }
              unit_price: { column: Price, type: number }
              opened: { column: Opened, type: date }
              closed: { column: Closed, type: datetime }
            join:
              - { source: accounts, on: { account: account }, columns: [region] }
            derive:
              a: "quantity * unit_prce"
              b: "lowr(account)"
              c: quantity + account
              d: "CASE WHEN quantity > 1 THEN 'big' ELSE 0 END"
              e: "hours_between(opened, quantity)"
              f: "quantity * (unit_price"
              g: "region IN ('North', 3)"
              h: "starts_with(region 'N')"
              quantity: "unit_price * 2"
              i: "a + 1"
              j: "opened = closed"
        kpis:
          - { id: k, type: count, source: t, time: none }
        """);
    // Lines count from 1; on line 17 '      a: "quantity * unit_prce"' the expression starts inside
    // its quote at column 11, so 'unit_prce' (offset 11) is at column 22. A plain scalar (line 19,
    // 'c') starts at column 10, its '+' at offset 9: column 19. Line 20: ELSE's 0 is at offset 39
    // of
    // the text: column 50. Line 22: the text (22 characters) ends at column 11 + 22 = 33. Line 23:
    // the 3 at offset 20: column 31. Line 24: 'N' at offset 19: column 30. Line 27: '=' at offset
    // 7:
    // column 18.
    assertThat(ValidationTest.problems(f))
        .containsExactly(
            f
                + ":17:22: error: source 't' derived column 'a': unknown column 'unit_prce' (did"
                + " you mean 'unit_price'?); columns: account, quantity, unit_price, opened,"
                + " closed, region",
            f
                + ":18:11: error: source 't' derived column 'b': unknown function 'lowr' (did you"
                + " mean 'lower'?); functions: abs, coalesce, contains, day, days_between,"
                + " hours_between, lower, month, round, starts_with, trim, upper, year",
            f
                + ":19:19: error: source 't' derived column 'c': '+' needs number, found string"
                + " (column 'account')",
            f
                + ":20:50: error: source 't' derived column 'd': CASE: this value is number but an"
                + " earlier one is string; all must be of one type",
            f
                + ":21:33: error: source 't' derived column 'e': hours_between needs a date or"
                + " datetime, found number (column 'quantity')",
            f
                + ":22:33: error: source 't' derived column 'f': expected ')', found 'end of the"
                + " expression'",
            f
                + ":23:31: error: source 't' derived column 'g': IN compares string (column"
                + " 'region') with number; both sides must be of one type",
            f
                + ":24:30: error: source 't' derived column 'h': expected ')' or ',' in the"
                + " arguments of starts_with, found 'N'",
            f
                + ":25:7: error: source 't' derived column 'quantity' has the name of a column of"
                + " the source; give it a name of its own",
            // 'a' has an error of its own above: said so, not called unknown.
            f
                + ":26:11: error: source 't' derived column 'i': reads derived column 'a', whose"
                + " own expression has an error",
            f
                + ":27:18: error: source 't' derived column 'j': '=' compares date (column"
                + " 'opened') with datetime (column 'closed'); both sides must be of one type");
  }
}
